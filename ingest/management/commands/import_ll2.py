import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from ingest.reader import MalformedDocument, iter_files, read_document
from ingest.upsert import Importer, InvalidObject
from spaceflight.changes import data_changed


def captured_at(value):
    parsed = parse_datetime(value)
    if parsed is None or parsed.tzinfo is None:
        raise ValueError(f"not an ISO 8601 date-time with a time zone: {value!r}")
    return parsed


class Command(BaseCommand):
    help = (
        "Load LL2 docking-event responses (JSON files, or pages captured from the browsable "
        "API) of versions 2.0.0, 2.2.0 and 2.3.0, in any mode. Upserts by LL2 id in one "
        "transaction: a bad file leaves the database as it was."
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
        importer = Importer(captured_at=captured_at)
        try:
            files = list(iter_files(paths))
            with transaction.atomic():
                for path in files:
                    self.import_file(importer, path)
        except (MalformedDocument, InvalidObject) as error:
            raise CommandError(f"{error}; nothing was imported") from None
        data_changed()
        counts = importer.counts()
        events = counts.get("DockingEvent", (0, 0, 0))
        self.stdout.write(
            f"Imported {len(files)} file(s): {events[0]} docking events created, "
            f"{events[1]} updated, {events[2]} unchanged. Per kind (created/updated/unchanged): "
            + ", ".join(f"{kind} {c}/{u}/{n}" for kind, (c, u, n) in counts.items())
        )

    def import_file(self, importer, path):
        document = read_document(path)
        try:
            objects = importer.import_document(document)
            bar = tqdm(objects, desc=path.name, unit=" objects", disable=not sys.stderr.isatty())
            for _ in bar:
                pass
        except InvalidObject as error:
            raise InvalidObject(str(path), str(error)) from None
