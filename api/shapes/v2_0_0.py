"""The shapes of API version 2.0.0 (seed 002): 2.2.0's without the spacecraft statistics, and
a docking location without its station."""

from rest_framework import serializers as s

from api.shapes import v2_2_0, v2_3_0
from api.shapes.base import Link, Shape


class SpacecraftNormal(Shape):
    id = s.IntegerField()
    url = Link("spacecraft")
    name = s.CharField()
    serial_number = s.CharField()
    status = v2_3_0.SpacecraftStatus()
    description = s.CharField()
    spacecraft_config = v2_2_0.SpacecraftConfigNormal()


class SpacecraftDetailed(SpacecraftNormal):
    spacecraft_config = v2_2_0.SpacecraftConfigDetailed()


class SpacecraftFlightNormal(v2_2_0.SpacecraftFlightNormal):
    spacecraft = SpacecraftNormal()


class SpacecraftFlightDetailed(v2_2_0.SpacecraftFlightNormal):
    spacecraft = SpacecraftDetailed()


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()


class DockingEventNormal(v2_2_0.DockingEventNormal):
    flight_vehicle = SpacecraftFlightNormal(source="flight_vehicle_chaser")
    docking_location = DockingLocation()


class DockingEventDetailed(DockingEventNormal):
    flight_vehicle = SpacecraftFlightDetailed(source="flight_vehicle_chaser")
    space_station = v2_2_0.SpaceStationNormal(source="space_station_target")
