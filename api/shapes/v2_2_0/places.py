"""2.2.0's places: locations, pads, landings and landing locations."""

from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import Link, NotHeld, Shape, Subset


class Location(Shape):
    id = s.IntegerField()
    url = Link("location")
    name = s.CharField()
    country_code = s.CharField(source="country.alpha_3_code", allow_null=True)
    map_image = s.CharField()
    timezone_name = s.CharField()
    total_launch_count = s.IntegerField()
    total_landing_count = s.IntegerField()


class Pad(Shape):
    id = s.IntegerField()
    url = Link("pad")
    # One agency's id where 2.3.0 lists a pad's agencies: which one is not ours to pick.
    agency_id = NotHeld("integer")
    name = s.CharField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    map_url = s.CharField()
    latitude = s.CharField()  # 2.2.0 writes coordinates as strings
    longitude = s.CharField()
    location = Location()
    country_code = s.CharField(source="country.alpha_3_code", allow_null=True)
    map_image = s.CharField()
    total_launch_count = s.IntegerField()
    orbital_launch_attempt_count = s.IntegerField()


class PadSerializerNoLocation(Pad):
    location = None
    orbital_launch_attempt_count = None


# A location's own page: its pads, and no `url` (LL2's component has none).
class LocationDetail(Location):
    url = None
    pads = Subset(PadSerializerNoLocation(), relation="pads")


class LandingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    abbrev = s.CharField()
    description = s.CharField()
    location = Location()
    successful_landings = s.IntegerField()


class Landing(Shape):
    id = s.IntegerField()
    attempt = s.BooleanField()
    success = s.BooleanField()
    description = s.CharField()
    location = LandingLocation(source="landing_location")
    type = v2_3_0.LandingType()
