import sys

from django.core.management.base import CommandError
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from ingest.management.base import IngestCommand
from ingest.reader import MalformedDocument, import_files, iter_files


def captured_at(value):
    parsed = parse_datetime(value)
    if parsed is None or parsed.tzinfo is None:
        raise ValueError(f"not an ISO 8601 date-time with a time zone: {value!r}")
    return parsed


def per_kind(counts):
    return "Per kind (created/updated/unchanged/kept): " + (
        ", ".join(f"{kind} {'/'.join(map(str, n))}" for kind, n in counts.items()) or "nothing"
    )


class Command(IngestCommand):
    help = (
        "Load LL2 responses (JSON files, or pages captured from the browsable API) of docking "
        "events and of what they link to (stations, flights, spacecraft, launches, agencies, "
        "configurations, pads, locations, programs, landings, payloads, celestial bodies, "
        "config lookups), versions 2.0.0, 2.2.0 and 2.3.0, in any mode. Upserts by LL2 id in "
        "one transaction: a bad file leaves the database as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument(
            "--captured-at",
            type=captured_at,
            help="when the files were read from LL2 (default: now); anchors the live "
            "duration of flights still in space whose launch time the files do not show",
        )

    def handle(self, *args, paths, captured_at=None, **options):
        bars = {}

        def progress(path, done):
            if path not in bars:
                for bar in bars.values():
                    bar.close()
                bars[path] = tqdm(desc=path.name, unit=" objects", disable=not sys.stderr.isatty())
            bars[path].update(done - bars[path].n)

        try:
            files = list(iter_files(paths))
            counts = import_files(files, captured_at=captured_at, progress=progress)
        except MalformedDocument as error:
            raise CommandError(f"{error}; nothing was imported") from None
        finally:
            for bar in bars.values():
                bar.close()
        created, updated, unchanged, kept = counts.get("DockingEvent", (0, 0, 0, 0))
        self.stdout.write(
            f"Imported {len(files)} file(s): {created} docking events created, {updated} updated, "
            f"{unchanged} unchanged, {kept} kept as curated. {per_kind(counts)}"
        )
