"""Docking ports and docking events."""

from django.db import models

from spaceflight.models.base import Named
from spaceflight.models.payloads import Payload, PayloadFlight
from spaceflight.models.spacecraft import SpacecraftConfig, SpacecraftFlight
from spaceflight.models.stations import SpaceStation


class DockingLocation(Named):
    """A port: on a station, on a spacecraft configuration, or on a payload."""

    spacestation = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="docking_locations"
    )
    spacecraft = models.ForeignKey(
        SpacecraftConfig, models.PROTECT, null=True, blank=True, related_name="docking_locations"
    )
    payload = models.ForeignKey(
        Payload, models.PROTECT, null=True, blank=True, related_name="docking_locations"
    )


class DockingEvent(models.Model):
    """One docking: exactly one chaser and one target, each a flight, a station or a payload."""

    id = models.IntegerField(primary_key=True)
    docking = models.DateTimeField()
    departure = models.DateTimeField(null=True, blank=True)
    docking_location = models.ForeignKey(
        DockingLocation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="docking_events",
        db_index=False,
    )
    flight_vehicle_target = models.ForeignKey(
        SpacecraftFlight,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    space_station_target = models.ForeignKey(
        SpaceStation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="docking_events",
        db_index=False,
    )
    payload_flight_target = models.ForeignKey(
        PayloadFlight,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    flight_vehicle_chaser = models.ForeignKey(
        SpacecraftFlight,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="docking_events",
        db_index=False,
    )
    space_station_chaser = models.ForeignKey(
        SpaceStation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    payload_flight_chaser = models.ForeignKey(
        PayloadFlight,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="docking_events",
        db_index=False,
    )

    class Meta:
        ordering = ["docking", "id"]
        # Pages in either order walk an index instead of sorting the table. Each foreign key's
        # index carries the times after it: the events of a station, a flight or a port in a
        # time range (`docking__gte`, `docked`, a search by name with either) are counted and
        # found from the index alone; without them SQLite reads each row a search finds to test
        # its times (at 100,000 events, 25,000 rows for `search=ISS`).
        indexes = [
            models.Index(fields=["docking", "id"], name="docking_event_docking_id"),
            models.Index(fields=["departure", "id"], name="docking_event_departure_id"),
            *(
                models.Index(fields=[key, "docking", "departure"], name=f"docking_event_{short}")
                for key, short in (
                    ("docking_location", "location"),
                    ("flight_vehicle_target", "fv_target"),
                    ("space_station_target", "ss_target"),
                    ("payload_flight_target", "pf_target"),
                    ("flight_vehicle_chaser", "fv_chaser"),
                    ("space_station_chaser", "ss_chaser"),
                    ("payload_flight_chaser", "pf_chaser"),
                )
            ),
        ]

    def __str__(self):
        return f"Docking event {self.id}"
