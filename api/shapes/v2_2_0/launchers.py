"""2.2.0's launcher configurations: their families as one string of names."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from api.shapes.base import Later, Link, Names, NotHeld, RelatedUrl, Shape
from api.shapes.v2_2_0.agencies import AgencyDetailed, AgencySerializerDetailedCommon


@extend_schema_field(OpenApiTypes.NUMBER)
class WholeNumber(s.Field):
    """A quantity 2.2.0 shows as an integer (a launcher's mass, capacities, thrust) and we hold
    as a float: a whole value prints as an integer, any other as it is, never rounded."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return int(value) if float(value).is_integer() else value


class LauncherConfigList(Shape):
    id = s.IntegerField()
    url = Link("config/launcher")
    name = s.CharField()
    family = Names(source="families")
    full_name = s.CharField()
    variant = s.CharField()


class LauncherConfigDetailSerializerForAgency(Shape):
    id = s.IntegerField()
    url = Link("config/launcher")
    name = s.CharField()
    description = s.CharField()
    family = Names(source="families")
    full_name = s.CharField()
    variant = s.CharField()
    alias = s.CharField()
    min_stage = s.IntegerField()
    max_stage = s.IntegerField()
    length = s.FloatField()
    diameter = s.FloatField()
    maiden_flight = s.DateField()
    launch_mass = WholeNumber()
    leo_capacity = WholeNumber()
    gto_capacity = WholeNumber()
    to_thrust = WholeNumber()
    apogee = WholeNumber()
    vehicle_range = NotHeld("integer")  # Launch Library 1's range: 2.3.0 no longer shows it
    image_url = RelatedUrl(source="image")
    info_url = s.CharField()
    wiki_url = s.CharField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()


class LauncherConfig(Shape):
    id = s.IntegerField()
    url = Link("config/launcher")
    name = s.CharField()
    manufacturer = AgencyDetailed()
    program = Later("launches.Program", many=True, source="programs")
    family = Names(source="families")
    full_name = s.CharField()
    variant = s.CharField()
    reusable = s.BooleanField()
    image_url = RelatedUrl(source="image")
    info_url = s.CharField()
    wiki_url = s.CharField()


class LauncherConfigDetail(Shape):
    id = s.IntegerField()
    url = Link("config/launcher")
    name = s.CharField()
    active = s.BooleanField()
    reusable = s.BooleanField()
    description = s.CharField()
    family = Names(source="families")
    full_name = s.CharField()
    manufacturer = AgencySerializerDetailedCommon()
    program = Later("launches.Program", many=True, source="programs")
    variant = s.CharField()
    alias = s.CharField()
    min_stage = s.IntegerField()
    max_stage = s.IntegerField()
    length = s.FloatField()
    diameter = s.FloatField()
    maiden_flight = s.DateField()
    launch_cost = s.CharField()  # 2.2.0 writes the cost as a string
    launch_mass = WholeNumber()
    leo_capacity = WholeNumber()
    gto_capacity = WholeNumber()
    to_thrust = WholeNumber()
    apogee = WholeNumber()
    vehicle_range = NotHeld("integer")
    image_url = RelatedUrl(source="image")
    info_url = s.CharField()
    wiki_url = s.CharField()
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
