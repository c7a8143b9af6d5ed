"""2.3.0's people: astronauts, their roles on a crew, expeditions and spacewalks."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from api.shapes.base import Constant, IsoDuration, Later, Link, Records, Shape, plain
from api.shapes.v2_3_0.agencies import AgencyMini, Country
from api.shapes.v2_3_0.images import Image
from api.shapes.v2_3_0.launches import LaunchNormal, ProgramMini, ProgramNormal
from api.shapes.v2_3_0.records import MISSION_PATCH, SOCIAL_MEDIA_LINK
from api.shapes.v2_3_0.spacecraft import SpacecraftFlightDetailed, SpacecraftFlightNormal
from api.shapes.v2_3_0.stations import SpaceStationDetailed, SpaceStationMini, SpaceStationNormal
from spaceflight import models as m

AstronautStatus = plain("AstronautStatus", m.AstronautStatus, ["id", "name"])
AstronautType = plain("AstronautType", m.AstronautType, ["id", "name"])
AstronautRole = plain("AstronautRole", m.AstronautRole, ["id", "role", "priority"])


# Our schema says integer, as LL2's file does (a plain field: the renderer calls it).
@extend_schema_field(OpenApiTypes.INT)
class Age(s.Field):
    """An astronaut's age on the day asked (LL2's is the day its page was captured)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", allow_null=True, **kwargs)

    def to_representation(self, astronaut):
        return astronaut.age_on(timezone.now().date())


class AstronautNormal(Shape):
    id = s.IntegerField()
    url = Link("astronauts")
    name = s.CharField()
    status = AstronautStatus()
    agency = AgencyMini()
    image = Image()


# LL2 names its list-mode shape (the one a crew embeds) "detailed".
class AstronautDetailed(AstronautNormal):
    response_mode = Constant("list")
    type = AstronautType()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    eva_time = IsoDuration()
    age = Age()
    date_of_birth = s.DateField()
    date_of_death = s.DateField()
    nationality = Country(many=True)
    bio = s.CharField()
    wiki = s.CharField()
    last_flight = s.DateTimeField()
    first_flight = s.DateTimeField()
    social_media_links = Records(SOCIAL_MEDIA_LINK)


class AstronautEndpointNormal(AstronautDetailed):
    response_mode = Constant("normal")
    flights_count = s.IntegerField()
    landings_count = s.IntegerField()
    spacewalks_count = s.IntegerField()


class AstronautFlight(Shape):
    id = s.IntegerField()
    role = AstronautRole()
    astronaut = AstronautDetailed()


class ExpeditionMini(Shape):
    id = s.IntegerField()
    url = Link("expeditions")
    name = s.CharField()
    start = s.DateTimeField()
    end = s.DateTimeField()


class SpacewalkList(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("spacewalks")
    name = s.CharField()
    start = s.DateTimeField()
    end = s.DateTimeField()
    duration = IsoDuration()
    location = s.CharField()


class SpacewalkNormal(SpacewalkList):
    response_mode = Constant("normal")
    crew = AstronautFlight(many=True)


class ExpeditionNormalSerializerForSpacewalk(ExpeditionMini):
    spacestation = SpaceStationNormal()
    mission_patches = Records(MISSION_PATCH)


class ExpeditionNormal(ExpeditionMini):
    response_mode = Constant("normal")
    spacestation = SpaceStationNormal()
    mission_patches = Records(MISSION_PATCH)
    spacewalks = SpacewalkList(many=True)


class ExpeditionDetailed(ExpeditionNormal):
    response_mode = Constant("detailed")
    spacestation = SpaceStationDetailed()
    crew = AstronautFlight(many=True)


class SpacewalkEndpointNormal(SpacewalkNormal):
    spacestation = SpaceStationMini()
    expedition = ExpeditionMini()
    spacecraft_flight = SpacecraftFlightNormal()
    event = Later("events.EventMini")
    program = ProgramMini(many=True, source="programs")


class SpacewalkEndpointDetailed(SpacewalkEndpointNormal):
    response_mode = Constant("detailed")
    spacestation = SpaceStationNormal()
    expedition = ExpeditionNormalSerializerForSpacewalk()
    spacecraft_flight = SpacecraftFlightDetailed()
    event = Later("events.EventNormal")
    program = ProgramNormal(many=True, source="programs")


class AstronautEndpointDetailed(AstronautEndpointNormal):
    response_mode = Constant("detailed")
    flights = LaunchNormal(many=True)
    landings = SpacecraftFlightNormal(many=True)
    spacewalks = SpacewalkNormal(many=True)
