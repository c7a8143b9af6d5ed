import sys
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ingest.management.commands.import_ll2 import captured_at
from ingest.sync import Mirror, SyncStopped, Upstream

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def interval(value):
    """`900`, `15m`, `1h`, `1d` → seconds."""
    value = value.strip().lower()
    if value[-1:] in UNITS:
        return float(value[:-1]) * UNITS[value[-1]]
    return float(value)


class Command(BaseCommand):
    help = (
        "Mirror the docking events of an LL2-compatible server (the public LL2 by default) "
        "within its rate limit. Resumable; incremental after the first complete run."
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

    def run_once(self, options):
        upstream = Upstream(
            base_url=options["base_url"].rstrip("/"),
            api_key=options["api_key"],
            max_requests=options["max_requests"],
            retries=options["retries"],
            timeout=options["timeout"],
        )
        bars = {}

        def progress(path, offset, count, size):
            if path not in bars:
                bars[path] = tqdm(
                    total=count, desc=path, unit=" objects", disable=not sys.stderr.isatty()
                )
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
        finally:
            for bar in bars.values():
                bar.close()
        for line in upstream.log:
            self.stderr.write(line)
        counts = mirror.importer.counts()
        self.stdout.write(
            f"{'Stopped: ' + str(stopped) if stopped else 'Up to date'}. "
            f"{upstream.requests_used} requests used, {mirror.pages} pages written, "
            f"{upstream.slept:.0f}s waited. Per kind (created/updated/unchanged): "
            + (", ".join(f"{k} {c}/{u}/{n}" for k, (c, u, n) in counts.items()) or "nothing")
        )
        return stopped is None
