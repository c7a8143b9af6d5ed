import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction

from ingest.fields import to_datetime
from ingest.management.base import IngestCommand
from ingest.reader import MalformedDocument, import_files
from spaceflight.models import Astronaut, DockingEvent

MANIFEST = Path(settings.BASE_DIR) / "data" / "bundled.json"


class Command(IngestCommand):
    help = (
        "Load the bundled LL2 pages (data/ll2/ and data/crew/, listed in data/bundled.json) "
        "into an empty database; a database that holds docking events is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="load even if the database holds events"
        )

    def handle(self, *args, force=False, **options):
        if DockingEvent.objects.exists() and not force:
            self.stdout.write("The database already holds docking events: bundled data not loaded.")
            return
        manifest = json.loads(MANIFEST.read_text())
        try:
            # Each page was read from LL2 at its own moment; all of them load, or none.
            with transaction.atomic():
                for page in manifest["pages"]:
                    path = MANIFEST.parent / page["file"]
                    import_files([path], captured_at=to_datetime(page["captured_at"]))
        except MalformedDocument as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Loaded {DockingEvent.objects.count()} docking events and "
            f"{Astronaut.objects.count()} astronauts from {MANIFEST.parent}."
        )
