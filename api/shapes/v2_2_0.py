"""The shapes of API version 2.2.0 (seed 001), built from the same models as 2.3.0.

A docking event here has one chaser, a spacecraft flight (`flight_vehicle`), and one target,
a station (`space_station`, detailed only); agency types are strings and images bare URLs.
"""

from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import IsoDuration, Link, RelatedUrl, Shape


class AgencyMini(Shape):
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    type = s.CharField(source="type.name", allow_null=True)


class AgencyDetailed(Shape):
    prefetch = ("countries",)  # read by `country_code`

    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    featured = s.BooleanField()
    type = s.CharField(source="type.name", allow_null=True)
    country_code = s.CharField()
    abbrev = s.CharField()
    description = s.CharField()
    administrator = s.CharField()
    founding_year = s.CharField()
    launchers = s.CharField()
    spacecraft = s.CharField()
    parent = s.CharField()
    image_url = RelatedUrl(source="image")


class SpacecraftConfigNormal(Shape):
    id = s.IntegerField()
    url = Link("config/spacecraft")
    name = s.CharField()
    type = v2_3_0.SpacecraftConfigType()
    agency = AgencyMini()
    in_use = s.BooleanField()
    image_url = RelatedUrl(source="image")


class SpacecraftConfigDetailed(Shape):
    id = s.IntegerField()
    url = Link("config/spacecraft")
    name = s.CharField()
    type = v2_3_0.SpacecraftConfigType()
    agency = AgencyDetailed()
    in_use = s.BooleanField()
    capability = s.CharField()
    history = s.CharField()
    details = s.CharField()
    maiden_flight = s.DateField()
    height = s.FloatField()
    diameter = s.FloatField()
    human_rated = s.BooleanField()
    crew_capacity = s.IntegerField()
    payload_capacity = s.IntegerField()
    flight_life = s.CharField()
    image_url = RelatedUrl(source="image")
    nation_url = s.CharField()
    wiki_link = s.CharField()
    info_link = s.CharField()


class SpacecraftNormal(Shape):
    id = s.IntegerField()
    url = Link("spacecraft")
    name = s.CharField()
    serial_number = s.CharField()
    is_placeholder = s.BooleanField()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    time_docked = IsoDuration()
    flights_count = s.IntegerField()
    mission_ends_count = s.IntegerField()
    status = v2_3_0.SpacecraftStatus()
    description = s.CharField()
    spacecraft_config = SpacecraftConfigNormal()


class SpacecraftDetailed(SpacecraftNormal):
    spacecraft_config = SpacecraftConfigDetailed()


class SpacecraftFlightNormal(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    destination = s.CharField()
    mission_end = s.DateTimeField()
    spacecraft = SpacecraftNormal()


class SpacecraftFlightDetailed(SpacecraftFlightNormal):
    spacecraft = SpacecraftDetailed()


class SpaceStationMini(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()


class SpaceStationNormal(SpaceStationMini):
    image_url = RelatedUrl(source="image")


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
    flight_vehicle = SpacecraftFlightNormal(source="flight_vehicle_chaser")
    docking_location = DockingLocation()


class DockingEventDetailed(DockingEventNormal):
    flight_vehicle = SpacecraftFlightDetailed(source="flight_vehicle_chaser")
    space_station = SpaceStationNormal(source="space_station_target")
