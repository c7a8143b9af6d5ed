"""The shapes of 2.3.0's endpoints for the rest of the graph a docking event links to: launches,
agencies, landings, configurations, pads, locations, celestial bodies (the shapes they share
with docking events are in v2_3_0.py). Named as in LL2's OpenAPI file, keys in its order.

What we hold no rows for is shown as LL2 shows an empty value: no first stages or boosters
(`firststage` null, `launcher_stage` []), no crews ([]). README, "Launches, agencies,
landings, configurations, places, lookups"."""

from rest_framework import serializers as s

from api.shapes.base import Constant, EmptyList, IsoDuration, Latest, NotHeld, Shape, Subset
from api.shapes.v2_3_0 import (
    AgencyDetailed,
    AgencyMini,
    AgencyNormal,
    AgencyType,
    CelestialBodyDetailed,
    CelestialBodyType,
    Country,
    Image,
    ImageLicense,
    ImageVariantType,
    Landing,
    LandingLocation,
    LandingType,
    LauncherConfigFamilyMini,
    LauncherConfigList,
    LaunchNormal,
    LaunchStatus,
    Location,
    LocationSerializerNoCelestialBody,
    NetPrecision,
    Orbit,
    Pad,
    PayloadFlightDetailed,
    PayloadFlightMini,
    PayloadFlightNormal,
    PayloadType,
    ProgramNormal,
    ProgramType,
    SpacecraftConfigDetailed,
    SpacecraftConfigType,
    SpacecraftFlightDetailed,
    SpacecraftFlightMini,
    SpacecraftFlightNormal,
    SpacecraftStatus,
    SpaceStationStatus,
)
from spaceflight import models as m


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
    program = ProgramNormal(many=True, source="programs")
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


class AgencyEndpointDetailed(AgencyDetailed):
    response_mode = Constant("detailed")
    launcher_list = Subset(
        LauncherConfigDetailedSerializerNoManufacturer(), relation="launchers_made"
    )
    spacecraft_list = Subset(SpacecraftConfigDetailed(), relation="spacecraftconfig_set")


class SpacecraftFlightDetailedSerializerNoLaunch(SpacecraftFlightDetailed):
    launch = None


class PayloadFlightSerializerNoLaunch(PayloadFlightDetailed):
    launch = None


# Drawn from the launch: its spacecraft and payloads fly on the launch, and LL2 shows them
# under its rocket.
class RocketDetailed(Shape):
    id = s.IntegerField(source="rocket_id")
    configuration = LauncherConfigDetailed(source="rocket.configuration")
    launcher_stage = EmptyList()  # we hold no boosters
    spacecraft_stage = Subset(
        SpacecraftFlightDetailedSerializerNoLaunch(), relation="spacecraftflight_set"
    )
    payloads = Subset(PayloadFlightSerializerNoLaunch(), relation="payloadflight_set")


class LaunchDetailed(LaunchNormal):
    response_mode = Constant("detailed")
    launch_service_provider = AgencyDetailed()
    rocket = RocketDetailed(source="with_rocket")
    flightclub_url = s.CharField()
    updates = s.JSONField()
    info_urls = s.JSONField()
    vid_urls = s.JSONField()
    timeline = s.JSONField()
    pad_turnaround = IsoDuration()
    mission_patches = s.JSONField()


class SpacecraftFlightMiniSerializerNoLanding(SpacecraftFlightMini):
    landing = None


class SpacecraftFlightNormalSerializerNoLanding(SpacecraftFlightNormal):
    landing = None


class SpacecraftFlightDetailedSerializerNoLanding(SpacecraftFlightDetailed):
    landing = None


class PayloadFlightMiniSerializerNoLanding(PayloadFlightMini):
    landing = None


class PayloadFlightNormalSerializerNoLanding(PayloadFlightNormal):
    landing = None


class PayloadFlightDetailedSerializerNoLanding(PayloadFlightDetailed):
    landing = None


# A landing ends one flight: LL2 shows that flight, or null. We hold no first stages.
class LandingEndpointList(Landing):
    response_mode = Constant("list")
    firststage = NotHeld("object")
    spacecraftflight = Latest(
        SpacecraftFlightMiniSerializerNoLanding(), relation="spacecraftflight_set"
    )
    payloadflight = Latest(PayloadFlightMiniSerializerNoLanding(), relation="payloadflight_set")


class LandingEndpointNormal(LandingEndpointList):
    response_mode = Constant("normal")
    spacecraftflight = Latest(
        SpacecraftFlightNormalSerializerNoLanding(), relation="spacecraftflight_set"
    )
    payloadflight = Latest(PayloadFlightNormalSerializerNoLanding(), relation="payloadflight_set")


class LandingEndpointDetailed(LandingEndpointList):
    response_mode = Constant("detailed")
    spacecraftflight = Latest(
        SpacecraftFlightDetailedSerializerNoLanding(), relation="spacecraftflight_set"
    )
    payloadflight = Latest(PayloadFlightDetailedSerializerNoLanding(), relation="payloadflight_set")


class PadSerializerNoLocation(Pad):
    agencies = AgencyMini(many=True)
    location = None


class LocationSerializerWithPads(Location):
    response_mode = Constant("detailed")
    pads = Subset(PadSerializerNoLocation(), relation="pads")


class CelestialBodyEndpointDetailed(CelestialBodyDetailed):
    response_mode = Constant("detailed")
    locations = Subset(LocationSerializerNoCelestialBody(), relation="locations")


# The config lookups the shapes embed, and that we hold: (path under `config/`, shape, model).
LOOKUPS = [
    ("agency_types", AgencyType, m.AgencyType),
    ("celestial_body_types", CelestialBodyType, m.CelestialBodyType),
    ("countries", Country, m.Country),
    ("image_licenses", ImageLicense, m.ImageLicense),
    ("image_variant_types", ImageVariantType, m.ImageVariantType),
    ("landing_locations", LandingLocation, m.LandingLocation),
    ("landing_types", LandingType, m.LandingType),
    ("launch_statuses", LaunchStatus, m.LaunchStatus),
    ("net_precisions", NetPrecision, m.NetPrecision),
    ("orbits", Orbit, m.Orbit),
    ("payload_types", PayloadType, m.PayloadType),
    ("program_types", ProgramType, m.ProgramType),
    ("space_station_statuses", SpaceStationStatus, m.SpaceStationStatus),
    ("spacecraft_configuration_types", SpacecraftConfigType, m.SpacecraftConfigType),
    ("spacecraft_statuses", SpacecraftStatus, m.SpacecraftStatus),
]
