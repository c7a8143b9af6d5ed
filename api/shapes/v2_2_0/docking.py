"""2.2.0's docking events and docking locations, and both as a flight or a station shows them.

A docking event here has one chaser, a spacecraft flight (`flight_vehicle`), and one target,
a station (`space_station`, detailed only)."""

from rest_framework import serializers as s

from api.shapes.base import STILL_DOCKED, Latest, Link, Shape
from api.shapes.v2_2_0.spacecraft import (
    SpacecraftFlightForDockingEvent,
    SpacecraftFlightSerializerForDockingEvent,
    SpacecraftFlightSerializerForDockingEventDetailed,
)
from api.shapes.v2_2_0.stations import (
    SpaceStationMini,
    SpaceStationNormal,
    SpaceStationSerializerForCommon,
)


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    spacestation = SpaceStationMini()


class DockingEventNormal(Shape):
    id = s.IntegerField()
    url = Link("docking_event")
    launch_id = s.CharField(source="flight_vehicle_chaser.launch_id", allow_null=True)
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    flight_vehicle = SpacecraftFlightSerializerForDockingEvent(source="flight_vehicle_chaser")
    docking_location = DockingLocation()


class DockingEventDetailed(DockingEventNormal):
    flight_vehicle = SpacecraftFlightSerializerForDockingEventDetailed(
        source="flight_vehicle_chaser"
    )
    space_station = SpaceStationNormal(source="space_station_target")


class DockingEventSerializerForSpacecraftFlight(Shape):
    spacestation = SpaceStationSerializerForCommon(source="space_station_target")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    docking_location = DockingLocation()


class DockingEventDetailedSerializerForSpacestation(Shape):
    id = s.IntegerField()
    url = Link("docking_event")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    flight_vehicle = SpacecraftFlightForDockingEvent(source="flight_vehicle_chaser")


class DockingLocationSerializerForSpacestation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    docked = Latest(
        DockingEventDetailedSerializerForSpacestation(),
        relation="docking_events",
        **STILL_DOCKED,
    )
