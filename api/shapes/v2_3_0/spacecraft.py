"""2.3.0's spacecraft, their flights, configurations and configuration families."""

from rest_framework import serializers as s

from api.shapes.base import (
    BY_DOCKING,
    Constant,
    IsoDuration,
    Later,
    Link,
    LiveDuration,
    Shape,
    Subset,
    plain,
)
from api.shapes.v2_3_0.agencies import AgencyMini, AgencyNormal
from api.shapes.v2_3_0.images import Image
from api.shapes.v2_3_0.launches import LaunchMini, LaunchNormal
from api.shapes.v2_3_0.places import Landing
from spaceflight import models as m

SpacecraftConfigType = plain("SpacecraftConfigType", m.SpacecraftConfigType, ["id", "name"])
SpacecraftStatus = plain("SpacecraftStatus", m.SpacecraftStatus, ["id", "name"])


class SpacecraftConfigFamilyMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    name = s.CharField()


class SpacecraftConfigFamilyNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    name = s.CharField()
    description = s.CharField()
    manufacturer = AgencyMini()
    parent = SpacecraftConfigFamilyMini()
    maiden_flight = s.DateField()


class SpacecraftConfigNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    url = Link("spacecraft_configurations")
    name = s.CharField()
    type = SpacecraftConfigType()
    agency = AgencyMini()
    family = SpacecraftConfigFamilyNormal(many=True, source="families")
    in_use = s.BooleanField()
    image = Image()


class SpacecraftNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    url = Link("spacecraft")
    name = s.CharField()
    serial_number = s.CharField()
    is_placeholder = s.BooleanField()
    image = Image()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    time_docked = IsoDuration()
    flights_count = s.IntegerField()
    mission_ends_count = s.IntegerField()
    status = SpacecraftStatus()
    description = s.CharField()
    spacecraft_config = SpacecraftConfigNormal()
    fastest_turnaround = IsoDuration()


class SpacecraftFlightMini(Shape):
    id = s.IntegerField()
    url = Link("spacecraft_flights")
    destination = s.CharField()
    mission_end = s.DateTimeField()
    spacecraft = SpacecraftNormal()
    launch = LaunchMini()
    landing = Landing()
    duration = LiveDuration(allow_null=True)  # null when the launch time is unknown
    turn_around_time = IsoDuration()


class SpacecraftFlightNormal(SpacecraftFlightMini):
    launch = LaunchNormal()
    response_mode = Constant("normal")


class SpacecraftConfigFamilyDetailed(SpacecraftConfigFamilyNormal):
    manufacturer = AgencyNormal()
    parent = SpacecraftConfigFamilyNormal()
    spacecraft_flown = s.IntegerField()
    total_launch_count = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    attempted_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()


class SpacecraftConfigDetailed(SpacecraftConfigNormal):
    response_mode = Constant("detailed")
    agency = AgencyNormal()
    family = SpacecraftConfigFamilyDetailed(many=True, source="families")
    capability = s.CharField()
    history = s.CharField()
    details = s.CharField()
    maiden_flight = s.DateField()
    height = s.FloatField()
    diameter = s.FloatField()
    human_rated = s.BooleanField()
    crew_capacity = s.IntegerField()
    payload_capacity = s.IntegerField()
    payload_return_capacity = s.IntegerField()
    flight_life = s.CharField()
    wiki_link = s.CharField()
    info_link = s.CharField()
    spacecraft_flown = s.IntegerField()
    total_launch_count = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    attempted_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    fastest_turnaround = IsoDuration()


class SpacecraftDetailed(SpacecraftNormal):
    spacecraft_config = SpacecraftConfigDetailed()


class SpacecraftEndpointDetailed(SpacecraftNormal):
    response_mode = Constant("detailed")
    spacecraft_config = SpacecraftConfigDetailed()
    flights = Subset(SpacecraftFlightNormal(), relation="spacecraftflight_set")


class SpacecraftFlightDetailed(SpacecraftFlightNormal):
    spacecraft = SpacecraftDetailed()
    response_mode = Constant("detailed")
    launch_crew = Later("crew.AstronautFlight", many=True)
    onboard_crew = Later("crew.AstronautFlight", many=True)
    landing_crew = Later("crew.AstronautFlight", many=True)
    docking_events = Later(
        "docking.DockingEventForChaserNormal",
        within=Subset,
        relation="docking_events",
        **BY_DOCKING,
    )


# A station's port shows the flight docked at it in this shape (docking.py).
class SpacecraftFlightForDockingEvent(Shape):
    id = s.IntegerField()
    url = Link("spacecraft_flights")
    spacecraft = SpacecraftDetailed()
    launch = LaunchNormal()


# A detailed launch shows its flights without the launch (launches.py), a landing its flight
# without the landing (places.py).
class SpacecraftFlightDetailedSerializerNoLaunch(SpacecraftFlightDetailed):
    launch = None


class SpacecraftFlightMiniSerializerNoLanding(SpacecraftFlightMini):
    landing = None


class SpacecraftFlightNormalSerializerNoLanding(SpacecraftFlightNormal):
    landing = None


class SpacecraftFlightDetailedSerializerNoLanding(SpacecraftFlightDetailed):
    landing = None
