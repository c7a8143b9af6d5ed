"""2.2.0's spacecraft, their flights and configurations, with the spacecraft statistics the
real seed 001 shows."""

from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import (
    BY_DOCKING,
    IsoDuration,
    Later,
    Link,
    RelatedUrl,
    Shape,
    Subset,
)
from api.shapes.v2_2_0.agencies import AgencyDetailed, AgencyMini
from api.shapes.v2_2_0.launches import LaunchSerializerCommon
from api.shapes.v2_2_0.places import Landing


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


# `/2.2.0/config/spacecraft/`'s list.
class SpacecraftConfiguration(Shape):
    id = s.IntegerField()
    url = Link("config/spacecraft")
    name = s.CharField()
    agency = AgencyDetailed()
    in_use = s.BooleanField()
    capability = s.CharField()
    maiden_flight = s.DateField()
    human_rated = s.BooleanField()
    crew_capacity = s.IntegerField()
    image_url = RelatedUrl(source="image")
    nation_url = s.CharField()
    wiki_link = s.CharField()
    info_link = s.CharField()


class Spacecraft(Shape):
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


class SpacecraftDetailedNoFlights(Spacecraft):
    spacecraft_config = SpacecraftConfigDetailed()


# A docking event's chaser (docking.py).
class SpacecraftFlightSerializerForDockingEvent(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    destination = s.CharField()
    mission_end = s.DateTimeField()
    spacecraft = Spacecraft()


class SpacecraftFlightSerializerForDockingEventDetailed(SpacecraftFlightSerializerForDockingEvent):
    spacecraft = SpacecraftDetailedNoFlights()


class SpacecraftFlight(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    destination = s.CharField()
    mission_end = s.DateTimeField()
    spacecraft = Spacecraft()
    launch = LaunchSerializerCommon()
    landing = Landing()


class SpacecraftFlightDetailed(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    mission_end = s.DateTimeField()
    destination = s.CharField()
    launch_crew = Later("crew.AstronautFlight", many=True)
    onboard_crew = Later("crew.AstronautFlight", many=True)
    landing_crew = Later("crew.AstronautFlight", many=True)
    spacecraft = SpacecraftDetailedNoFlights()
    launch = LaunchSerializerCommon()
    landing = Landing()
    docking_events = Later(
        "docking.DockingEventSerializerForSpacecraftFlight",
        within=Subset,
        relation="docking_events",
        **BY_DOCKING,
    )


class SpacecraftDetailed(SpacecraftDetailedNoFlights):
    flights = Subset(SpacecraftFlight(), relation="spacecraftflight_set")


# A station's port shows the flight docked at it in this shape (docking.py).
class SpacecraftFlightForDockingEvent(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    spacecraft = SpacecraftDetailedNoFlights()
    launch = LaunchSerializerCommon()


# A launch's rocket shows the flight without the launch (launches.py).
class SpacecraftFlightDetailedSerializerForLaunch(SpacecraftFlightDetailed):
    launch = None
