import sys
import time
from datetime import timedelta

from django.core.management.base import CommandError
from tqdm import tqdm

from ingest.management.base import IngestCommand
from ingest.management.commands.import_ll2 import captured_at, per_kind
from ingest.sync import Deferred, Mirror, Misconfigured, SyncStopped, Upstream
from ingest.sync import upstream as bounds

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
        "the launches, agencies and configurations they reference, and who is aboard "
        "(astronauts, expeditions, spacewalks, events), within its rate limit; it says what "
        "it will ask for and its least cost in requests first. Resumable; incremental after "
        "the first complete run. Exits 0 when up to date "
        "or when the run stopped as planned (budget spent, a wait too long: the next run "
        "resumes), 1 when it failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="https://ll.thespacedevs.com",
            help="the upstream's address, http or https (default: %(default)s)",
        )
        parser.add_argument(
            "--api-key",
            default="",
            help="sent as `Authorization: Token KEY`, to the base URL's origin only "
            "(default: none, anonymous)",
        )
        parser.add_argument(
            "--since",
            type=captured_at,
            help="ask for events docked since then, an ISO 8601 date-time with a time zone "
            "(default: the latest docking mirrored, less --margin-days)",
        )
        parser.add_argument(
            "--full", action="store_true", help="ask for everything again (default: off)"
        )
        parser.add_argument(
            "--max-requests",
            type=int,
            default=bounds.DEFAULT_MAX_REQUESTS,
            help="requests a run may send, throttle reads included; when spent, the run "
            "stops and the next resumes (default: %(default)s)",
        )
        parser.add_argument(
            "--page-size", type=int, default=100, help="objects per page (default: %(default)s)"
        )
        parser.add_argument(
            "--margin-days",
            type=float,
            default=7,
            help="how far before the latest docking mirrored an incremental run asks from "
            "(default: %(default)s)",
        )
        parser.add_argument(
            "--retries",
            type=int,
            default=5,
            help="tries again after a 5xx, a timeout or a broken connection, waiting 1 s, "
            "2 s, 4 s... (default: %(default)s)",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=bounds.DEFAULT_TIMEOUT,
            help="seconds a request may take, from connecting to its last byte "
            "(default: %(default)s)",
        )
        parser.add_argument(
            "--max-wait",
            type=float,
            default=bounds.DEFAULT_MAX_WAIT,
            help="the longest wait (seconds) the upstream may ask for (429 Retry-After, "
            "throttle status); a longer one stops the run, saying when to run again "
            "(default: %(default)s)",
        )
        parser.add_argument(
            "--max-page-mb",
            type=float,
            default=bounds.DEFAULT_MAX_PAGE_MB,
            help="the largest answer read, in MB; a larger one stops the run "
            "(default: %(default)s)",
        )
        parser.add_argument(
            "--loop",
            type=interval,
            help="run again after this long (900, 15m, 1h) until stopped (default: one run)",
        )

    def handle(self, *args, **options):
        while True:
            failure = self.run_once(options)
            if not options["loop"]:
                if failure:
                    raise CommandError(f"{failure}; the next run resumes where this one stopped")
                return
            if failure:
                self.say(failure)
            time.sleep(options["loop"])

    def say(self, line):
        """A line for the operator, shown at once: a cron log must show a wait while it lasts."""
        if self.terminal:
            tqdm.write(line, file=sys.stderr)
        else:
            self.stderr.write(line)
            self.stderr.flush()

    def run_once(self, options):
        """One run and its summary; what stopped it if that was a failure."""
        self.terminal = sys.stderr.isatty()
        try:
            upstream = Upstream(
                base_url=options["base_url"].rstrip("/"),
                api_key=options["api_key"],
                max_requests=options["max_requests"],
                retries=options["retries"],
                timeout=options["timeout"],
                max_wait=options["max_wait"],
                max_page_mb=options["max_page_mb"],
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
            upstream.close()
            for bar in bars.values():
                bar.close()
        if stopped is None:
            outcome = "Up to date"
        elif isinstance(stopped, Deferred):
            outcome = f"Will resume: {stopped}; the next run goes on where this one stopped"
        else:
            outcome = "Stopped early"
        notes = "".join(f" Note: {note}." for note in mirror.notes)
        self.stdout.write(
            f"{outcome}. {upstream.requests_used} requests used, {mirror.pages} pages written, "
            f"{upstream.slept:.0f}s waited.{notes} {per_kind(mirror.importer.counts())}"
        )
        return None if stopped is None or isinstance(stopped, Deferred) else str(stopped)
