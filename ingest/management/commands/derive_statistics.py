from django.db import transaction

from ingest.management.base import IngestCommand
from spaceflight.statistics import derive


class Command(IngestCommand):
    help = (
        "Recompute the statistics no import gave (agency, pad, location, celestial body, "
        "landing location and configuration counts) from the launches, flights and landings "
        "held here: after a curator's edits. Imports, syncs and generate_data do it themselves."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            changed = derive()
        self.stdout.write("Statistics derived." if changed else "Statistics already up to date.")
