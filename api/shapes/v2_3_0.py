"""The shapes of API version 2.3.0, named as in LL2's OpenAPI file, keys in LL2's order."""

from rest_framework import serializers as s

from api.shapes.base import (
    Constant,
    EmptyList,
    IsoDuration,
    Latest,
    Link,
    LiveDuration,
    Shape,
    Subset,
    plain,
)
from spaceflight import models as m

# Small lookups shown as they are stored.
ImageLicense = plain("ImageLicense", m.ImageLicense, ["id", "name", "priority", "link"])
ImageVariantType = plain("ImageVariantType", m.ImageVariantType, ["id", "name"])
Country = plain(
    "Country",
    m.Country,
    ["id", "name", "alpha_2_code", "alpha_3_code", "nationality_name", "nationality_name_composed"],
)
AgencyType = plain("AgencyType", m.AgencyType, ["id", "name"])
CelestialBodyType = plain("CelestialBodyType", m.CelestialBodyType, ["id", "name"])
SpacecraftConfigType = plain("SpacecraftConfigType", m.SpacecraftConfigType, ["id", "name"])
SpacecraftStatus = plain("SpacecraftStatus", m.SpacecraftStatus, ["id", "name"])
SpaceStationStatus = plain("SpaceStationStatus", m.SpaceStationStatus, ["id", "name"])
SpaceStationType = plain("SpaceStationType", m.SpaceStationType, ["id", "name"])
PayloadType = plain("PayloadType", m.PayloadType, ["id", "name"])
ProgramType = plain("ProgramType", m.ProgramType, ["id", "name"])
LandingType = plain("LandingType", m.LandingType, ["id", "name", "abbrev", "description"])
LaunchStatus = plain("LaunchStatus", m.LaunchStatus, ["id", "name", "abbrev", "description"])
NetPrecision = plain("NetPrecision", m.NetPrecision, ["id", "name", "abbrev", "description"])


class ImageVariant(Shape):
    id = s.IntegerField()
    type = ImageVariantType()
    image_url = s.CharField()


class Image(Shape):
    id = s.IntegerField()
    name = s.CharField()
    image_url = s.CharField()
    thumbnail_url = s.CharField()
    credit = s.CharField()
    license = ImageLicense()
    single_use = s.BooleanField()
    variants = ImageVariant(many=True)


class AgencyMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    abbrev = s.CharField()
    type = AgencyType()


class AgencyNormal(Shape):
    response_mode = Constant("normal")
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    abbrev = s.CharField()
    type = AgencyType()
    featured = s.BooleanField()
    country = Country(many=True, source="countries")
    description = s.CharField()
    administrator = s.CharField()
    founding_year = s.IntegerField()
    launchers = s.CharField()
    spacecraft = s.CharField()
    parent = s.CharField()
    image = Image()
    logo = Image()
    social_logo = Image()


class AgencyDetailed(AgencyNormal):
    # LL2 labels this shape "normal" too (seed 000, a mission's agencies).
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    successful_landings_spacecraft = s.IntegerField()
    failed_landings_spacecraft = s.IntegerField()
    attempted_landings_spacecraft = s.IntegerField()
    successful_landings_payload = s.IntegerField()
    failed_landings_payload = s.IntegerField()
    attempted_landings_payload = s.IntegerField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    social_media_links = s.JSONField()


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


class LaunchMini(Shape):
    id = s.CharField()
    url = Link("launches")
    name = s.CharField()


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
    info_urls = s.JSONField()
    vid_urls = s.JSONField()


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
    mission_patches = s.JSONField()
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


class SpaceStationMini(Shape):
    id = s.IntegerField()
    url = Link("space_stations")
    name = s.CharField()
    image = Image()


class SpaceStationNormal(SpaceStationMini):
    status = SpaceStationStatus()
    founded = s.DateField()
    deorbited = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    type = SpaceStationType()


class PayloadMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    name = s.CharField()
    type = PayloadType()
    manufacturer = AgencyMini()
    operator = AgencyMini()
    image = Image()


class PayloadNormal(PayloadMini):
    response_mode = Constant("normal")
    manufacturer = AgencyNormal()
    operator = AgencyNormal()
    wiki_link = s.CharField()
    info_link = s.CharField()
    program = ProgramMini(many=True, source="programs")
    cost = s.IntegerField()
    mass = s.FloatField()
    description = s.CharField()


class PayloadFlightMini(Shape):
    response_mode = Constant("list")
    id = s.IntegerField()
    url = Link("payload_flights")
    destination = s.CharField()
    amount = s.IntegerField()
    payload = PayloadMini()
    launch = LaunchMini()
    landing = Landing()


class PayloadFlightNormal(PayloadFlightMini):
    response_mode = Constant("normal")
    payload = PayloadNormal()
    launch = LaunchNormal()


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    spacestation = SpaceStationMini()
    spacecraft = SpacecraftConfigNormal()
    payload = PayloadMini()


class DockingEventNormal(Shape):
    id = s.IntegerField()
    url = Link("docking_events")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    docking_location = DockingLocation()
    space_station_target = SpaceStationMini()
    flight_vehicle_target = SpacecraftFlightMini()
    payload_flight_target = PayloadFlightMini()
    response_mode = Constant("normal")
    flight_vehicle_chaser = SpacecraftFlightMini()
    space_station_chaser = SpaceStationMini()
    payload_flight_chaser = PayloadFlightMini()


class DockingEventDetailed(DockingEventNormal):
    response_mode = Constant("detailed")
    flight_vehicle_chaser = SpacecraftFlightNormal()
    space_station_chaser = SpaceStationNormal()
    payload_flight_chaser = PayloadFlightNormal()


# The resources a docking event links to, as their own endpoints show them.

# The rows still docked: no departure yet (as `/docking_events/?docked=true`), oldest first.
STILL_DOCKED = {"where": {"departure__isnull": True}, "order": ("docking", "id")}
BY_DOCKING = {"order": ("docking", "id")}


class DockingEventForChaserNormal(Shape):
    id = s.IntegerField()
    url = Link("docking_events")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    docking_location = DockingLocation()
    space_station_target = SpaceStationNormal()
    flight_vehicle_target = SpacecraftFlightNormal()
    payload_flight_target = PayloadFlightNormal()


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
    # We hold no astronauts: crews are empty, as LL2 shows a flight without crew.
    launch_crew = EmptyList()
    onboard_crew = EmptyList()
    landing_crew = EmptyList()
    docking_events = Subset(DockingEventForChaserNormal(), relation="docking_events", **BY_DOCKING)


class PayloadDetailed(PayloadNormal):
    response_mode = Constant("detailed")
    manufacturer = AgencyDetailed()
    operator = AgencyDetailed()
    program = ProgramNormal(many=True, source="programs")


class PayloadFlightDetailed(PayloadFlightNormal):
    response_mode = Constant("detailed")
    payload = PayloadDetailed()
    docking_events = Subset(DockingEventForChaserNormal(), relation="docking_events", **BY_DOCKING)


class SpacecraftFlightForDockingEvent(Shape):
    id = s.IntegerField()
    url = Link("spacecraft_flights")
    spacecraft = SpacecraftDetailed()
    launch = LaunchNormal()


class DockingEventDetailedSerializerForSpacestation(Shape):
    id = s.IntegerField()
    url = Link("docking_events")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    flight_vehicle_chaser = SpacecraftFlightForDockingEvent()
    space_station_chaser = SpaceStationNormal()
    payload_flight_chaser = PayloadFlightNormal()


class DockingLocationSerializerForSpacestation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    # The latest event at this port still docked, or null.
    currently_docked = Latest(
        DockingEventDetailedSerializerForSpacestation(), relation="docking_events", **STILL_DOCKED
    )


class SpaceStationEndpoint(SpaceStationNormal):
    owners = AgencyNormal(many=True)
    response_mode = Constant("normal")
    active_expeditions = EmptyList()  # we hold no expeditions


class SpaceStationDetailedEndpoint(SpaceStationEndpoint):
    response_mode = Constant("detailed")
    height = s.FloatField()
    width = s.FloatField()
    mass = s.FloatField()
    volume = s.IntegerField()
    onboard_crew = s.IntegerField()
    # Counted by the database, as the list filters and orders by it (api/resources/stations.py).
    docked_vehicles = s.IntegerField()
    docking_location = DockingLocationSerializerForSpacestation(
        many=True, source="docking_locations"
    )
    active_docking_events = Subset(
        DockingEventForChaserNormal(), relation="docking_events", **STILL_DOCKED
    )


class APIThrottle(Shape):
    """`/api-throttle/`: the caller's rate limit and its use (the same in every version)."""

    your_request_limit = s.IntegerField(allow_null=True)
    limit_frequency_secs = s.IntegerField(allow_null=True)
    current_use = s.IntegerField()
    next_use_secs = s.IntegerField()
    ident = s.CharField()
