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
        DockingLocation, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    flight_vehicle_target = models.ForeignKey(
        SpacecraftFlight, models.PROTECT, null=True, blank=True, related_name="+"
    )
    space_station_target = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    payload_flight_target = models.ForeignKey(
        PayloadFlight, models.PROTECT, null=True, blank=True, related_name="+"
    )
    flight_vehicle_chaser = models.ForeignKey(
        SpacecraftFlight, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    space_station_chaser = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="+"
    )
    payload_flight_chaser = models.ForeignKey(
        PayloadFlight, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )

    class Meta:
        ordering = ["docking", "id"]
        # Pages in either order walk an index instead of sorting the table.
        indexes = [
            models.Index(fields=["docking", "id"], name="docking_event_docking_id"),
            models.Index(fields=["departure", "id"], name="docking_event_departure_id"),
        ]

    def __str__(self):
        return f"Docking event {self.id}"
