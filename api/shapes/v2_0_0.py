"""The shapes of API version 2.0.0 (seed 002): 2.2.0's without the spacecraft statistics, and
a docking location without its station.

Of the resources a docking event links to, no 2.0.0 response was ever captured: they are
served in 2.2.0's shapes (the nearest known), with 2.0.0's spacecraft and docking location
wherever those appear.
"""

from rest_framework import serializers as s

from api.shapes import v2_2_0, v2_3_0
from api.shapes.base import Latest, Link, Shape, Subset


class Spacecraft(Shape):
    id = s.IntegerField()
    url = Link("spacecraft")
    name = s.CharField()
    serial_number = s.CharField()
    status = v2_3_0.SpacecraftStatus()
    description = s.CharField()
    spacecraft_config = v2_2_0.SpacecraftConfigNormal()


class SpacecraftDetailedNoFlights(Spacecraft):
    spacecraft_config = v2_2_0.SpacecraftConfigDetailed()


class SpacecraftFlightSerializerForDockingEvent(v2_2_0.SpacecraftFlightSerializerForDockingEvent):
    spacecraft = Spacecraft()


class SpacecraftFlightSerializerForDockingEventDetailed(
    v2_2_0.SpacecraftFlightSerializerForDockingEvent
):
    spacecraft = SpacecraftDetailedNoFlights()


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()


class DockingEventNormal(v2_2_0.DockingEventNormal):
    flight_vehicle = SpacecraftFlightSerializerForDockingEvent(source="flight_vehicle_chaser")
    docking_location = DockingLocation()


class DockingEventDetailed(DockingEventNormal):
    flight_vehicle = SpacecraftFlightSerializerForDockingEventDetailed(
        source="flight_vehicle_chaser"
    )
    space_station = v2_2_0.SpaceStationNormal(source="space_station_target")


class SpacecraftFlight(v2_2_0.SpacecraftFlight):
    spacecraft = Spacecraft()


class DockingEventSerializerForSpacecraftFlight(v2_2_0.DockingEventSerializerForSpacecraftFlight):
    docking_location = DockingLocation()


class SpacecraftFlightDetailed(v2_2_0.SpacecraftFlightDetailed):
    spacecraft = SpacecraftDetailedNoFlights()
    docking_events = Subset(
        DockingEventSerializerForSpacecraftFlight(),
        relation="docking_events",
        **v2_3_0.BY_DOCKING,
    )


class SpacecraftDetailed(SpacecraftDetailedNoFlights):
    flights = Subset(SpacecraftFlight(), relation="spacecraftflight_set")


class SpacecraftFlightForDockingEvent(v2_2_0.SpacecraftFlightForDockingEvent):
    spacecraft = SpacecraftDetailedNoFlights()


class DockingEventDetailedSerializerForSpacestation(
    v2_2_0.DockingEventDetailedSerializerForSpacestation
):
    flight_vehicle = SpacecraftFlightForDockingEvent(source="flight_vehicle_chaser")


class DockingLocationSerializerForSpacestation(v2_2_0.DockingLocationSerializerForSpacestation):
    docked = Latest(
        DockingEventDetailedSerializerForSpacestation(),
        relation="docking_events",
        **v2_3_0.STILL_DOCKED,
    )


class SpaceStationDetailed(v2_2_0.SpaceStationDetailed):
    docking_location = DockingLocationSerializerForSpacestation(
        many=True, source="docking_locations"
    )
