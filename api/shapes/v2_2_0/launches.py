"""2.2.0's launches, rockets, missions, orbits and programs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import EmptyList, Later, Latest, Link, NotHeld, RelatedUrl, Shape
from api.shapes.v2_2_0.agencies import AgencyMini, AgencySerializerDetailedCommon
from api.shapes.v2_2_0.launchers import LauncherConfigDetail, LauncherConfigList
from api.shapes.v2_2_0.places import Pad


class Orbit(Shape):
    id = s.IntegerField()
    name = s.CharField()
    abbrev = s.CharField()


class Mission(Shape):
    id = s.IntegerField()
    name = s.CharField()
    description = s.CharField()
    # A launch's designator, shown on its mission here: a mission row does not determine it.
    launch_designator = NotHeld("string")
    type = s.CharField()
    orbit = Orbit()


class RocketSerializerCommon(Shape):
    id = s.IntegerField()
    configuration = LauncherConfigList()


class Program(Shape):
    id = s.IntegerField()
    url = Link("program")
    name = s.CharField()
    description = s.CharField()
    agencies = AgencyMini(many=True)
    image_url = RelatedUrl(source="image")
    start_date = s.DateTimeField()
    end_date = s.DateTimeField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    mission_patches = s.JSONField()


class LaunchSerializerCommon(Shape):
    id = s.CharField()
    url = Link("launch")
    slug = s.CharField(source="shown_slug")
    name = s.CharField()
    status = v2_3_0.LaunchStatus()
    last_updated = s.DateTimeField()
    net = s.DateTimeField()
    window_end = s.DateTimeField()
    window_start = s.DateTimeField()
    net_precision = v2_3_0.NetPrecision()
    probability = s.IntegerField()
    holdreason = NotHeld("string")  # 2.3.0 no longer shows it: no import brings it
    failreason = s.CharField()
    hashtag = s.CharField()
    launch_service_provider = AgencyMini()
    rocket = RocketSerializerCommon()
    mission = Mission()
    pad = Pad()
    webcast_live = s.BooleanField()
    image = RelatedUrl()
    infographic = s.CharField()
    program = Program(many=True, source="programs")
    orbital_launch_attempt_count = s.IntegerField()
    location_launch_attempt_count = s.IntegerField()
    pad_launch_attempt_count = s.IntegerField()
    agency_launch_attempt_count = s.IntegerField()
    orbital_launch_attempt_count_year = s.IntegerField()
    location_launch_attempt_count_year = s.IntegerField()
    pad_launch_attempt_count_year = s.IntegerField()
    agency_launch_attempt_count_year = s.IntegerField()


# `?mode=list`: a launch in a line, its places and mission by name. We hold no first stages:
# no booster landing (`landing`, `landing_success`) and no booster (`launcher`), as LL2 shows
# a launch without them.
class LaunchList(Shape):
    id = s.CharField()
    url = Link("launch")
    slug = s.CharField(source="shown_slug")
    name = s.CharField()
    status = v2_3_0.LaunchStatus()
    last_updated = s.DateTimeField()
    net = s.DateTimeField()
    net_precision = v2_3_0.NetPrecision()
    window_end = s.DateTimeField()
    window_start = s.DateTimeField()
    lsp_name = s.CharField(source="launch_service_provider.name", allow_null=True)
    mission = s.CharField(source="mission.name", allow_null=True)
    mission_type = s.CharField(source="mission.type", allow_null=True)
    pad = s.CharField(source="pad.name", allow_null=True)
    location = s.CharField(source="pad.location.name", allow_null=True)
    landing = NotHeld("string")
    landing_success = NotHeld("integer")
    launcher = NotHeld("string")
    orbit = s.CharField(source="mission.orbit.abbrev", allow_null=True)
    image = RelatedUrl()
    infographic = s.CharField()


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "priority": {"type": "integer"},
                "title": {"type": ["string", "null"]},
                "description": {"type": ["string", "null"]},
                "feature_image": {"type": ["string", "null"]},
                "url": {"type": "string"},
            },
        },
    }
)
class LinkRecords(s.Field):
    """A launch's info or video links (kept as LL2 2.3.0 lists them) in 2.0.0's and 2.2.0's
    `InfoURL`/`VidURL` form: the keys those show, in their order."""

    KEYS = ("priority", "title", "description", "feature_image", "url")

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return [{key: item.get(key) for key in self.KEYS} for item in value]


# Drawn from the launch (null without a rocket): its spacecraft flies on the launch, and LL2
# shows it under its rocket.
class RocketDetailed(Shape):
    id = s.IntegerField(source="rocket_id")
    configuration = LauncherConfigDetail(source="rocket.configuration")
    launcher_stage = EmptyList()  # we hold no boosters
    spacecraft_stage = Later(
        "spacecraft.SpacecraftFlightDetailedSerializerForLaunch",
        within=Latest,
        relation="spacecraftflight_set",
    )


class LaunchDetailed(Shape):
    id = s.CharField()
    url = Link("launch")
    slug = s.CharField(source="shown_slug")
    flightclub_url = s.CharField()
    r_spacex_api_id = NotHeld("string")  # SpaceX's own id: 2.3.0 no longer shows it
    name = s.CharField()
    status = v2_3_0.LaunchStatus()
    last_updated = s.DateTimeField()
    updates = s.JSONField()
    net = s.DateTimeField()
    net_precision = v2_3_0.NetPrecision()
    window_end = s.DateTimeField()
    window_start = s.DateTimeField()
    probability = s.IntegerField()
    holdreason = NotHeld("string")
    failreason = s.CharField()
    hashtag = s.CharField()
    launch_service_provider = AgencySerializerDetailedCommon()
    rocket = RocketDetailed(source="with_rocket")
    mission = Mission()
    pad = Pad()
    infoURLs = LinkRecords(source="info_urls")  # LL2's key
    vidURLs = LinkRecords(source="vid_urls")  # LL2's key
    webcast_live = s.BooleanField()
    image = RelatedUrl()
    infographic = s.CharField()
    program = Program(many=True, source="programs")
    orbital_launch_attempt_count = s.IntegerField()
    location_launch_attempt_count = s.IntegerField()
    pad_launch_attempt_count = s.IntegerField()
    agency_launch_attempt_count = s.IntegerField()
    orbital_launch_attempt_count_year = s.IntegerField()
    location_launch_attempt_count_year = s.IntegerField()
    pad_launch_attempt_count_year = s.IntegerField()
    agency_launch_attempt_count_year = s.IntegerField()
    mission_patches = s.JSONField()
