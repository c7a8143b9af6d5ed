"""2.2.0's people: astronauts (nationality and social links as text, images as bare URLs),
their roles on a crew, expeditions and spacewalks."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import IsoDuration, Later, Link, RelatedUrl, Shape
from api.shapes.v2_2_0.agencies import AgencyDetailed, AgencyMini
from api.shapes.v2_2_0.launches import LaunchSerializerCommon, Program
from api.shapes.v2_2_0.spacecraft import SpacecraftFlight, SpacecraftFlightDetailed
from api.shapes.v2_2_0.stations import (
    SpaceStationDetailedSerializerForExpedition,
    SpaceStationSerializerForCommon,
    SpaceStationSerializerForExpedition,
)


@extend_schema_field(OpenApiTypes.URI)
class Thumbnail(s.Field):
    """A related image's thumbnail URL, null where we hold none."""

    reads_relation = True

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, image):
        return image.thumbnail_url or None


@extend_schema_field(OpenApiTypes.STR)
class Nationality(s.Field):
    """2.2.0's nationality, a name: as a 2.2.0 page wrote it, else the nationalities of the
    countries 2.3.0 lists (`Chinese`, `American, Russian`)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, astronaut):
        return astronaut.nationality_text()


@extend_schema_field(OpenApiTypes.URI)
class SocialLink(s.Field):
    """2.2.0's `twitter` or `instagram`: as a 2.2.0 page gave it, else the link of that name
    2.3.0 lists (`social_media_links`)."""

    def __init__(self, names, **kwargs):
        self.names = names
        super().__init__(read_only=True, source="*", allow_null=True, **kwargs)

    def to_representation(self, astronaut):
        own = getattr(astronaut, self.field_name)
        if own:
            return own
        for link in astronaut.social_media_links:
            if (link.get("social_media") or {}).get("name") in self.names:
                return link.get("url")
        return None


TWITTER = ("Twitter", "X")
INSTAGRAM = ("Instagram",)


# An expedition's crew shows an astronaut this short.
class Astronaut(Shape):
    id = s.IntegerField()
    url = Link("astronaut")
    name = s.CharField()
    status = v2_3_0.AstronautStatus()
    agency = AgencyMini()
    profile_image = RelatedUrl(source="image")
    profile_image_thumbnail = Thumbnail(source="image")


class AstronautNormal(Shape):
    prefetch = ("nationality",)  # read by `nationality`

    id = s.IntegerField()
    url = Link("astronaut")
    name = s.CharField()
    status = v2_3_0.AstronautStatus()
    type = v2_3_0.AstronautType()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    eva_time = IsoDuration()
    age = v2_3_0.Age()
    date_of_birth = s.DateField()
    date_of_death = s.DateField()
    nationality = Nationality()
    bio = s.CharField()
    twitter = SocialLink(TWITTER)
    instagram = SocialLink(INSTAGRAM)
    wiki = s.CharField()
    agency = AgencyDetailed()
    profile_image = RelatedUrl(source="image")
    profile_image_thumbnail = Thumbnail(source="image")
    flights_count = s.IntegerField()
    landings_count = s.IntegerField()
    spacewalks_count = s.IntegerField()
    last_flight = s.DateTimeField()
    first_flight = s.DateTimeField()


# A crew member, as a flight's or a spacewalk's crew shows one.
class AstronautDetailedSerializerNoFlights(Shape):
    prefetch = ("nationality",)

    id = s.IntegerField()
    url = Link("astronaut")
    name = s.CharField()
    type = v2_3_0.AstronautType()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    status = v2_3_0.AstronautStatus()
    agency = AgencyMini()
    date_of_birth = s.DateField()
    date_of_death = s.DateField()
    nationality = Nationality()
    twitter = SocialLink(TWITTER)
    instagram = SocialLink(INSTAGRAM)
    bio = s.CharField()
    profile_image = RelatedUrl(source="image")
    wiki = s.CharField()
    last_flight = s.DateTimeField()
    first_flight = s.DateTimeField()


class AstronautFlight(Shape):
    id = s.IntegerField()
    role = v2_3_0.AstronautRole()
    astronaut = AstronautDetailedSerializerNoFlights()


class AstronautFlightForExpedition(Shape):
    id = s.IntegerField()
    role = v2_3_0.AstronautRole()
    astronaut = Astronaut()


# A station's expeditions under way (stations.py).
class ExpeditionSerializerForSpacestation(Shape):
    id = s.IntegerField()
    url = Link("expedition")
    name = s.CharField()
    start = s.DateTimeField()
    end = s.DateTimeField()


class ExpeditionDetailedSerializerForSpacestation(ExpeditionSerializerForSpacestation):
    crew = AstronautFlightForExpedition(many=True)


# 2.3.0's, without its `response_mode` (the path is the same in both).
class SpacewalkList(v2_3_0.SpacewalkList):
    response_mode = None


class SpacewalkNormal(SpacewalkList):
    crew = AstronautFlight(many=True)


class Expedition(ExpeditionSerializerForSpacestation):
    spacestation = SpaceStationSerializerForExpedition()
    mission_patches = s.JSONField()  # as a 2.2.0 program shows them (launches.py)
    spacewalks = SpacewalkList(many=True)


class ExpeditionDetail(ExpeditionSerializerForSpacestation):
    spacestation = SpaceStationDetailedSerializerForExpedition()
    crew = AstronautFlightForExpedition(many=True)
    mission_patches = s.JSONField()
    spacewalks = SpacewalkNormal(many=True)


class ExpeditionDetailedSerializerForSpacewalk(ExpeditionSerializerForSpacestation):
    spacestation = SpaceStationSerializerForExpedition()
    mission_patches = s.JSONField()


class SpacewalkDetailed(SpacewalkNormal):
    spacestation = SpaceStationSerializerForCommon()
    expedition = ExpeditionDetailedSerializerForSpacewalk()
    spacecraft_flight = SpacecraftFlightDetailed()
    event = Later("events.EventDetailedSerializerForSpacewalk")
    program = Program(many=True, source="programs")


class AstronautDetailed(Shape):
    prefetch = ("nationality",)

    id = s.IntegerField()
    url = Link("astronaut")
    name = s.CharField()
    status = v2_3_0.AstronautStatus()
    type = v2_3_0.AstronautType()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    eva_time = IsoDuration()
    agency = AgencyMini()
    age = v2_3_0.Age()
    date_of_birth = s.DateField()
    date_of_death = s.DateField()
    nationality = Nationality()
    twitter = SocialLink(TWITTER)
    instagram = SocialLink(INSTAGRAM)
    bio = s.CharField()
    profile_image = RelatedUrl(source="image")
    profile_image_thumbnail = Thumbnail(source="image")
    wiki = s.CharField()
    flights = LaunchSerializerCommon(many=True)
    landings = SpacecraftFlight(many=True)
    flights_count = s.IntegerField()
    landings_count = s.IntegerField()
    spacewalks_count = s.IntegerField()
    last_flight = s.DateTimeField()
    first_flight = s.DateTimeField()
    spacewalks = SpacewalkNormal(many=True)
