"""2.3.0's docking events and docking locations (ports), and both as a station shows them."""

from rest_framework import serializers as s

from api.shapes.base import STILL_DOCKED, Constant, Latest, Link, Shape
from api.shapes.v2_3_0.payloads import PayloadFlightMini, PayloadFlightNormal, PayloadMini
from api.shapes.v2_3_0.spacecraft import (
    SpacecraftConfigNormal,
    SpacecraftFlightForDockingEvent,
    SpacecraftFlightMini,
    SpacecraftFlightNormal,
)
from api.shapes.v2_3_0.stations import SpaceStationMini, SpaceStationNormal


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    spacestation = SpaceStationMini()
    spacecraft = SpacecraftConfigNormal()
    payload = PayloadMini()


class DockingEventNormal(Shape):
    id = s.IntegerField()
    url = Link("docking_events")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    docking_location = DockingLocation()
    space_station_target = SpaceStationMini()
    flight_vehicle_target = SpacecraftFlightMini()
    payload_flight_target = PayloadFlightMini()
    response_mode = Constant("normal")
    flight_vehicle_chaser = SpacecraftFlightMini()
    space_station_chaser = SpaceStationMini()
    payload_flight_chaser = PayloadFlightMini()


class DockingEventDetailed(DockingEventNormal):
    response_mode = Constant("detailed")
    flight_vehicle_chaser = SpacecraftFlightNormal()
    space_station_chaser = SpaceStationNormal()
    payload_flight_chaser = PayloadFlightNormal()


# A docking event as the resources it links to show it (a detailed flight or station).
class DockingEventForChaserNormal(Shape):
    id = s.IntegerField()
    url = Link("docking_events")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    docking_location = DockingLocation()
    space_station_target = SpaceStationNormal()
    flight_vehicle_target = SpacecraftFlightNormal()
    payload_flight_target = PayloadFlightNormal()


class DockingEventDetailedSerializerForSpacestation(Shape):
    id = s.IntegerField()
    url = Link("docking_events")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    flight_vehicle_chaser = SpacecraftFlightForDockingEvent()
    space_station_chaser = SpaceStationNormal()
    payload_flight_chaser = PayloadFlightNormal()


class DockingLocationSerializerForSpacestation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    # The latest event at this port still docked, or null.
    currently_docked = Latest(
        DockingEventDetailedSerializerForSpacestation(), relation="docking_events", **STILL_DOCKED
    )
