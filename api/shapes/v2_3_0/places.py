"""2.3.0's places: celestial bodies, locations, pads, landings, landing locations and types."""

from rest_framework import serializers as s

from api.shapes.base import (
    Constant,
    IsoDuration,
    Later,
    Latest,
    Link,
    NotHeld,
    Shape,
    Subset,
    plain,
)
from api.shapes.v2_3_0.agencies import AgencyMini, AgencyNormal, Country
from api.shapes.v2_3_0.images import Image
from spaceflight import models as m

CelestialBodyType = plain("CelestialBodyType", m.CelestialBodyType, ["id", "name"])
LandingType = plain("LandingType", m.LandingType, ["id", "name", "abbrev", "description"])


class CelestialBodyMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    name = s.CharField()


class CelestialBodyNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    name = s.CharField()
    type = CelestialBodyType()
    diameter = s.FloatField()
    mass = s.FloatField()
    gravity = s.FloatField()
    length_of_day = s.DurationField()
    atmosphere = s.BooleanField()
    image = Image()
    description = s.CharField()
    wiki_url = s.CharField()


class CelestialBodyDetailed(CelestialBodyNormal):
    total_attempted_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    total_attempted_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()


class LocationSerializerNoCelestialBody(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    url = Link("locations")
    name = s.CharField()
    active = s.BooleanField()
    country = Country()
    description = s.CharField()
    image = Image()
    map_image = s.CharField()
    longitude = s.FloatField()
    latitude = s.FloatField()
    timezone_name = s.CharField()
    total_launch_count = s.IntegerField()
    total_landing_count = s.IntegerField()


class Location(LocationSerializerNoCelestialBody):
    insert_after = "name"
    celestial_body = CelestialBodyDetailed()


class LandingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    active = s.BooleanField()
    abbrev = s.CharField()
    description = s.CharField()
    location = LocationSerializerNoCelestialBody()
    longitude = s.FloatField()
    latitude = s.FloatField()
    image = Image()
    successful_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    celestial_body = CelestialBodyNormal()


class Landing(Shape):
    id = s.IntegerField()
    url = Link("landings")
    attempt = s.BooleanField()
    success = s.BooleanField()
    description = s.CharField()
    downrange_distance = s.FloatField()
    landing_location = LandingLocation()
    type = LandingType()


class Pad(Shape):
    id = s.IntegerField()
    url = Link("pads")
    active = s.BooleanField()
    agencies = AgencyNormal(many=True)
    name = s.CharField()
    image = Image()
    description = s.CharField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    map_url = s.CharField()
    latitude = s.FloatField()
    longitude = s.FloatField()
    country = Country()
    map_image = s.CharField()
    total_launch_count = s.IntegerField()
    orbital_launch_attempt_count = s.IntegerField()
    fastest_turnaround = IsoDuration()
    location = Location()


class PadSerializerNoLocation(Pad):
    agencies = AgencyMini(many=True)
    location = None


class LocationSerializerWithPads(Location):
    response_mode = Constant("detailed")
    pads = Subset(PadSerializerNoLocation(), relation="pads")


class CelestialBodyEndpointDetailed(CelestialBodyDetailed):
    response_mode = Constant("detailed")
    locations = Subset(LocationSerializerNoCelestialBody(), relation="locations")


# A landing ends one flight: LL2 shows that flight, or null. We hold no first stages.
class LandingEndpointList(Landing):
    response_mode = Constant("list")
    firststage = NotHeld("object")
    spacecraftflight = Later(
        "spacecraft.SpacecraftFlightMiniSerializerNoLanding",
        within=Latest,
        relation="spacecraftflight_set",
    )
    payloadflight = Later(
        "payloads.PayloadFlightMiniSerializerNoLanding", within=Latest, relation="payloadflight_set"
    )


class LandingEndpointNormal(LandingEndpointList):
    response_mode = Constant("normal")
    spacecraftflight = Later(
        "spacecraft.SpacecraftFlightNormalSerializerNoLanding",
        within=Latest,
        relation="spacecraftflight_set",
    )
    payloadflight = Later(
        "payloads.PayloadFlightNormalSerializerNoLanding",
        within=Latest,
        relation="payloadflight_set",
    )


class LandingEndpointDetailed(LandingEndpointList):
    response_mode = Constant("detailed")
    spacecraftflight = Later(
        "spacecraft.SpacecraftFlightDetailedSerializerNoLanding",
        within=Latest,
        relation="spacecraftflight_set",
    )
    payloadflight = Later(
        "payloads.PayloadFlightDetailedSerializerNoLanding",
        within=Latest,
        relation="payloadflight_set",
    )
