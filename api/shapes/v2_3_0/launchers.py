"""2.3.0's launcher configurations and their families."""

from rest_framework import serializers as s

from api.shapes.base import Constant, IsoDuration, Later, Link, Shape
from api.shapes.v2_3_0.agencies import AgencyDetailed, AgencyNormal
from api.shapes.v2_3_0.images import Image


class LauncherConfigFamilyMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    name = s.CharField()


class LauncherConfigList(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("launcher_configurations")
    name = s.CharField()
    families = LauncherConfigFamilyMini(many=True)
    full_name = s.CharField()
    variant = s.CharField()


class LauncherConfigFamilyNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    name = s.CharField()
    manufacturer = AgencyNormal(many=True, source="manufacturers")
    parent = LauncherConfigFamilyMini()


class LauncherConfigFamilyDetailed(LauncherConfigFamilyNormal):
    response_mode = Constant("detailed")
    manufacturer = AgencyDetailed(many=True, source="manufacturers")
    parent = LauncherConfigFamilyNormal()
    description = s.CharField()
    active = s.BooleanField()
    maiden_flight = s.DateField()
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    attempted_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()


class LauncherConfigNormal(LauncherConfigList):
    response_mode = Constant("normal")
    families = LauncherConfigFamilyNormal(many=True)
    active = s.BooleanField()
    is_placeholder = s.BooleanField()
    manufacturer = AgencyNormal()
    program = Later("launches.ProgramNormal", many=True, source="programs")
    reusable = s.BooleanField()
    image = Image()
    info_url = s.CharField()
    wiki_url = s.CharField()


class LauncherConfigDetailed(LauncherConfigNormal):
    response_mode = Constant("detailed")
    families = LauncherConfigFamilyDetailed(many=True)
    manufacturer = AgencyDetailed()
    description = s.CharField()
    alias = s.CharField()
    min_stage = s.IntegerField()
    max_stage = s.IntegerField()
    length = s.FloatField()
    diameter = s.FloatField()
    maiden_flight = s.DateField()
    launch_cost = s.IntegerField()
    launch_mass = s.FloatField()
    leo_capacity = s.FloatField()
    gto_capacity = s.FloatField()
    geo_capacity = s.FloatField()
    sso_capacity = s.FloatField()
    to_thrust = s.FloatField()
    apogee = s.FloatField()
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    attempted_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    fastest_turnaround = IsoDuration()


class LauncherConfigDetailedSerializerNoManufacturer(LauncherConfigDetailed):
    manufacturer = None
