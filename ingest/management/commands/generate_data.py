import sys
import time

from django.core.management.base import CommandError
from django.db import transaction
from tqdm import tqdm

from ingest.generate import Generator
from ingest.management.base import IngestCommand
from spaceflight.changes import data_changed
from spaceflight.models import DockingEvent
from spaceflight.statistics import derive


class Command(IngestCommand):
    help = (
        "Fill an empty database with N realistic docking events, the same for the same seed "
        "(for benchmarks and scale tests)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, required=True, help="600 to 1,000,000")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, events, seed, **options):
        if events < 1:
            raise CommandError("--events must be at least 1")
        if DockingEvent.objects.exists():
            raise CommandError("the database already holds docking events: use an empty one")
        started = time.monotonic()
        bar = tqdm(total=events, unit=" events", disable=not sys.stderr.isatty())

        def progress(done):
            bar.update(done - bar.n)

        with transaction.atomic():
            Generator(events, seed, progress).run()
            derive()
            data_changed()
        bar.close()
        self.stdout.write(
            f"Generated {DockingEvent.objects.count()} docking events (seed {seed}) "
            f"in {time.monotonic() - started:.1f}s."
        )
