"""2.3.0's launches, rockets, missions, orbits, programs, launch statuses and net precisions."""

from rest_framework import serializers as s

from api.shapes.base import (
    Constant,
    EmptyList,
    IsoDuration,
    Later,
    Link,
    Records,
    Shape,
    Subset,
    plain,
)
from api.shapes.v2_3_0.agencies import AgencyDetailed, AgencyMini
from api.shapes.v2_3_0.images import Image
from api.shapes.v2_3_0.launchers import LauncherConfigDetailed, LauncherConfigList
from api.shapes.v2_3_0.places import CelestialBodyMini, Pad
from api.shapes.v2_3_0.records import LINK, MISSION_PATCH, TIMELINE_EVENT, UPDATE, VID_URL
from spaceflight import models as m

LaunchStatus = plain("LaunchStatus", m.LaunchStatus, ["id", "name", "abbrev", "description"])
NetPrecision = plain("NetPrecision", m.NetPrecision, ["id", "name", "abbrev", "description"])
ProgramType = plain("ProgramType", m.ProgramType, ["id", "name"])


class LaunchMini(Shape):
    id = s.CharField()
    url = Link("launches")
    name = s.CharField()


class RocketNormal(Shape):
    id = s.IntegerField()
    configuration = LauncherConfigList()


class Orbit(Shape):
    id = s.IntegerField()
    name = s.CharField()
    abbrev = s.CharField()
    celestial_body = CelestialBodyMini()


class Mission(Shape):
    id = s.IntegerField()
    name = s.CharField()
    type = s.CharField()
    description = s.CharField()
    image = Image()
    orbit = Orbit()
    agencies = AgencyDetailed(many=True)
    info_urls = Records(LINK)
    vid_urls = Records(VID_URL)


class ProgramMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("programs")
    name = s.CharField()
    image = Image()
    info_url = s.CharField()
    wiki_url = s.CharField()


class ProgramNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    url = Link("programs")
    name = s.CharField()
    image = Image()
    info_url = s.CharField()
    wiki_url = s.CharField()
    description = s.CharField()
    agencies = AgencyMini(many=True)
    start_date = s.DateTimeField()
    end_date = s.DateTimeField()
    mission_patches = Records(MISSION_PATCH)
    type = ProgramType()


class LaunchBasic(Shape):
    id = s.CharField()
    url = Link("launches")
    name = s.CharField()
    response_mode = Constant("list")
    slug = s.CharField(source="shown_slug")
    launch_designator = s.CharField()
    status = LaunchStatus()
    last_updated = s.DateTimeField()
    net = s.DateTimeField()
    net_precision = NetPrecision()
    window_end = s.DateTimeField()
    window_start = s.DateTimeField()
    image = Image()
    infographic = s.CharField()


class LaunchNormal(LaunchBasic):
    response_mode = Constant("normal")
    probability = s.IntegerField()
    weather_concerns = s.CharField()
    failreason = s.CharField()
    hashtag = s.CharField()
    launch_service_provider = AgencyMini()
    rocket = RocketNormal()
    mission = Mission()
    pad = Pad()
    webcast_live = s.BooleanField()
    program = ProgramNormal(many=True, source="programs")
    orbital_launch_attempt_count = s.IntegerField()
    location_launch_attempt_count = s.IntegerField()
    pad_launch_attempt_count = s.IntegerField()
    agency_launch_attempt_count = s.IntegerField()
    orbital_launch_attempt_count_year = s.IntegerField()
    location_launch_attempt_count_year = s.IntegerField()
    pad_launch_attempt_count_year = s.IntegerField()
    agency_launch_attempt_count_year = s.IntegerField()


# Drawn from the launch: its spacecraft and payloads fly on the launch, and LL2 shows them
# under its rocket.
class RocketDetailed(Shape):
    id = s.IntegerField(source="rocket_id")
    configuration = LauncherConfigDetailed(source="rocket.configuration")
    launcher_stage = EmptyList()  # we hold no boosters
    spacecraft_stage = Later(
        "spacecraft.SpacecraftFlightDetailedSerializerNoLaunch",
        within=Subset,
        relation="spacecraftflight_set",
    )
    payloads = Later(
        "payloads.PayloadFlightSerializerNoLaunch", within=Subset, relation="payloadflight_set"
    )


class LaunchDetailed(LaunchNormal):
    response_mode = Constant("detailed")
    launch_service_provider = AgencyDetailed()
    rocket = RocketDetailed(source="with_rocket")
    flightclub_url = s.CharField()
    updates = Records(UPDATE)
    info_urls = Records(LINK)
    vid_urls = Records(VID_URL)
    timeline = Records(TIMELINE_EVENT)
    pad_turnaround = IsoDuration()
    mission_patches = Records(MISSION_PATCH)
