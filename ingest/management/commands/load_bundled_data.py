import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ingest.reader import read_document
from ingest.upsert import Importer, InvalidObject, to_datetime
from spaceflight.changes import data_changed
from spaceflight.models import DockingEvent

MANIFEST = Path(settings.BASE_DIR) / "data" / "bundled.json"


class Command(BaseCommand):
    help = (
        "Load the bundled LL2 pages (data/ll2/, listed in data/bundled.json) into an empty "
        "database; a database that holds docking events is left alone."
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
            with transaction.atomic():
                for page in manifest["pages"]:
                    path = MANIFEST.parent / "ll2" / page["file"]
                    importer = Importer(captured_at=to_datetime(page["captured_at"]))
                    for _ in importer.import_document(read_document(path)):
                        pass
        except InvalidObject as error:
            raise CommandError(f"{path}: {error}") from None
        data_changed()
        self.stdout.write(
            f"Loaded {DockingEvent.objects.count()} docking events from {MANIFEST.parent / 'll2'}."
        )
