import sys
import time
from datetime import timedelta

from django.core.management.base import CommandError
from tqdm import tqdm

from ingest.management.base import IngestCommand
from ingest.management.commands.import_ll2 import captured_at, per_kind
from ingest.sync import Mirror, Misconfigured, SyncStopped, Upstream

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def interval(value):
    """`900`, `15m`, `1h`, `1d` → seconds."""
    value = value.strip().lower()
    if value[-1:] in UNITS:
        return float(value[:-1]) * UNITS[value[-1]]
    return float(value)


class Command(IngestCommand):
    help = (
        "Mirror the docking events of an LL2-compatible server (the public LL2 by default), "
        "and the launches, agencies and configurations they reference, within its rate "
        "limit. Resumable; incremental after the first complete run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="https://ll.thespacedevs.com")
        parser.add_argument("--api-key", default="", help="sent as `Authorization: Token KEY`")
        parser.add_argument("--since", type=captured_at, help="ask for events docked since then")
        parser.add_argument("--full", action="store_true", help="ask for everything again")
        parser.add_argument("--max-requests", type=int, help="never send more requests per run")
        parser.add_argument("--page-size", type=int, default=100)
        parser.add_argument("--margin-days", type=float, default=7)
        parser.add_argument("--retries", type=int, default=5, help="on 5xx and timeouts")
        parser.add_argument("--timeout", type=float, default=60, help="seconds per request")
        parser.add_argument(
            "--loop", type=interval, help="run again after this long (900, 15m, 1h) until stopped"
        )

    def handle(self, *args, **options):
        while True:
            ok = self.run_once(options)
            if not options["loop"]:
                if not ok:
                    raise CommandError("the run stopped early; the next run resumes where it did")
                return
            time.sleep(options["loop"])

    def say(self, line):
        """A line for the operator, shown at once: a cron log must show a wait while it lasts."""
        if self.terminal:
            tqdm.write(line, file=sys.stderr)
        else:
            self.stderr.write(line)
            self.stderr.flush()

    def run_once(self, options):
        self.terminal = sys.stderr.isatty()
        try:
            upstream = Upstream(
                base_url=options["base_url"].rstrip("/"),
                api_key=options["api_key"],
                max_requests=options["max_requests"],
                retries=options["retries"],
                timeout=options["timeout"],
                say=self.say,
            )
        except Misconfigured as error:
            raise CommandError(str(error)) from None
        bars = {}

        def progress(path, offset, count, size):
            if not self.terminal:
                self.say(f"{path}: {size} objects written, {offset or 'all'} of {count} read")
                return
            if path not in bars:
                bars[path] = tqdm(total=count, desc=path, unit=" objects")
            bars[path].update(size)

        mirror = Mirror(upstream, page_size=options["page_size"], progress=progress)
        stopped = None
        try:
            mirror.run(
                full=options["full"],
                since=options["since"],
                margin=timedelta(days=options["margin_days"]),
            )
        except SyncStopped as error:
            stopped = error
        except Misconfigured as error:
            raise CommandError(str(error)) from None
        finally:
            for bar in bars.values():
                bar.close()
        outcome = f"Stopped: {stopped}" if stopped else "Up to date"
        notes = "".join(f" Note: {note}." for note in mirror.notes)
        self.stdout.write(
            f"{outcome}. {upstream.requests_used} requests used, {mirror.pages} pages written, "
            f"{upstream.slept:.0f}s waited.{notes} {per_kind(mirror.importer.counts())}"
        )
        return stopped is None
