"""The shapes of API version 2.2.0 (seed 001), built from the same models as 2.3.0.

A docking event here has one chaser, a spacecraft flight (`flight_vehicle`), and one target,
a station (`space_station`, detailed only); agency types are strings and images bare URLs.

The resources a docking event links to (stations, flights, spacecraft) are shaped as LL2's
2.2.0 OpenAPI file names and orders them (known from clients generated from it), with the
spacecraft statistics the real seed 001 shows. Class names are LL2's component names.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import (
    EmptyList,
    IsoDuration,
    Latest,
    Link,
    Names,
    NotHeld,
    RelatedUrl,
    Shape,
    Subset,
)


class AgencyMini(Shape):
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    type = s.CharField(source="type.name", allow_null=True)


class AgencyList(Shape):
    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    abbrev = s.CharField()


# What every agency shape but the mini ones starts with (not a shape of its own).
class AgencyBase(Shape):
    prefetch = ("countries",)  # read by `country_code`

    id = s.IntegerField()
    url = Link("agencies")
    name = s.CharField()
    featured = s.BooleanField()
    type = s.CharField(source="type.name", allow_null=True)
    country_code = s.CharField()
    abbrev = s.CharField()
    description = s.CharField()
    administrator = s.CharField()
    founding_year = s.CharField()
    launchers = s.CharField()
    spacecraft = s.CharField()


# LL2's `Agency`: the agencies list, and the agency inside a full spacecraft configuration.
# 2.2.0's newest form ends with `logo_url` (2.0.0's ends at `image_url`).
class AgencyDetailed(AgencyBase):
    parent = s.CharField()
    image_url = RelatedUrl(source="image")
    logo_url = RelatedUrl(source="logo")


class SpacecraftConfigNormal(Shape):
    id = s.IntegerField()
    url = Link("config/spacecraft")
    name = s.CharField()
    type = v2_3_0.SpacecraftConfigType()
    agency = AgencyMini()
    in_use = s.BooleanField()
    image_url = RelatedUrl(source="image")


class SpacecraftConfigDetailed(Shape):
    id = s.IntegerField()
    url = Link("config/spacecraft")
    name = s.CharField()
    type = v2_3_0.SpacecraftConfigType()
    agency = AgencyDetailed()
    in_use = s.BooleanField()
    capability = s.CharField()
    history = s.CharField()
    details = s.CharField()
    maiden_flight = s.DateField()
    height = s.FloatField()
    diameter = s.FloatField()
    human_rated = s.BooleanField()
    crew_capacity = s.IntegerField()
    payload_capacity = s.IntegerField()
    flight_life = s.CharField()
    image_url = RelatedUrl(source="image")
    nation_url = s.CharField()
    wiki_link = s.CharField()
    info_link = s.CharField()


class Spacecraft(Shape):
    id = s.IntegerField()
    url = Link("spacecraft")
    name = s.CharField()
    serial_number = s.CharField()
    is_placeholder = s.BooleanField()
    in_space = s.BooleanField()
    time_in_space = IsoDuration()
    time_docked = IsoDuration()
    flights_count = s.IntegerField()
    mission_ends_count = s.IntegerField()
    status = v2_3_0.SpacecraftStatus()
    description = s.CharField()
    spacecraft_config = SpacecraftConfigNormal()


class SpacecraftDetailedNoFlights(Spacecraft):
    spacecraft_config = SpacecraftConfigDetailed()


class SpacecraftFlightSerializerForDockingEvent(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    destination = s.CharField()
    mission_end = s.DateTimeField()
    spacecraft = Spacecraft()


class SpacecraftFlightSerializerForDockingEventDetailed(SpacecraftFlightSerializerForDockingEvent):
    spacecraft = SpacecraftDetailedNoFlights()


class SpaceStationMini(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()


class SpaceStationNormal(SpaceStationMini):
    image_url = RelatedUrl(source="image")


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    spacestation = SpaceStationMini()


class DockingEventNormal(Shape):
    id = s.IntegerField()
    url = Link("docking_event")
    launch_id = s.CharField(source="flight_vehicle_chaser.launch_id", allow_null=True)
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    flight_vehicle = SpacecraftFlightSerializerForDockingEvent(source="flight_vehicle_chaser")
    docking_location = DockingLocation()


class DockingEventDetailed(DockingEventNormal):
    flight_vehicle = SpacecraftFlightSerializerForDockingEventDetailed(
        source="flight_vehicle_chaser"
    )
    space_station = SpaceStationNormal(source="space_station_target")


# A flight's launch, as 2.2.0 shows it inside flights.


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


class LauncherConfigList(Shape):
    id = s.IntegerField()
    url = Link("config/launcher")
    name = s.CharField()
    family = Names(source="families")
    full_name = s.CharField()
    variant = s.CharField()


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


# `/2.2.0/spacecraft/flight/`, `/2.2.0/spacecraft/`, `/2.2.0/spacestation/`.


class SpacecraftFlight(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    destination = s.CharField()
    mission_end = s.DateTimeField()
    spacecraft = Spacecraft()
    launch = LaunchSerializerCommon()
    landing = Landing()


class SpaceStationSerializerForCommon(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    founded = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    image_url = RelatedUrl(source="image")


class DockingEventSerializerForSpacecraftFlight(Shape):
    spacestation = SpaceStationSerializerForCommon(source="space_station_target")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    docking_location = DockingLocation()


class SpacecraftFlightDetailed(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    mission_end = s.DateTimeField()
    destination = s.CharField()
    launch_crew = EmptyList()  # we hold no astronauts
    onboard_crew = EmptyList()
    landing_crew = EmptyList()
    spacecraft = SpacecraftDetailedNoFlights()
    launch = LaunchSerializerCommon()
    landing = Landing()
    docking_events = Subset(
        DockingEventSerializerForSpacecraftFlight(),
        relation="docking_events",
        **v2_3_0.BY_DOCKING,
    )


class SpacecraftDetailed(SpacecraftDetailedNoFlights):
    flights = Subset(SpacecraftFlight(), relation="spacecraftflight_set")


class SpacecraftFlightForDockingEvent(Shape):
    id = s.IntegerField()
    url = Link("spacecraft/flight")
    spacecraft = SpacecraftDetailedNoFlights()
    launch = LaunchSerializerCommon()


class DockingEventDetailedSerializerForSpacestation(Shape):
    id = s.IntegerField()
    url = Link("docking_event")
    docking = s.DateTimeField()
    departure = s.DateTimeField()
    flight_vehicle = SpacecraftFlightForDockingEvent(source="flight_vehicle_chaser")


class DockingLocationSerializerForSpacestation(Shape):
    id = s.IntegerField()
    name = s.CharField()
    docked = Latest(
        DockingEventDetailedSerializerForSpacestation(),
        relation="docking_events",
        **v2_3_0.STILL_DOCKED,
    )


class SpaceStation(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    type = v2_3_0.SpaceStationType()
    founded = s.DateField()
    deorbited = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    owners = AgencyList(many=True)
    active_expedition = EmptyList()  # we hold no expeditions
    image_url = RelatedUrl(source="image")


class SpaceStationDetailed(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    type = v2_3_0.SpaceStationType()
    founded = s.DateField()
    deorbited = s.DateField()
    height = s.FloatField()
    width = s.FloatField()
    mass = s.FloatField()
    volume = s.IntegerField()
    description = s.CharField()
    orbit = s.CharField()
    onboard_crew = s.IntegerField()
    docked_vehicles = s.IntegerField()
    owners = AgencyDetailed(many=True)
    active_expeditions = EmptyList()
    docking_location = DockingLocationSerializerForSpacestation(
        many=True, source="docking_locations"
    )
    image_url = RelatedUrl(source="image")


# `/2.2.0/agencies/`, `config/launcher/`, `config/spacecraft/`, `launch/` (+ `upcoming/`,
# `previous/`), `location/`, `pad/`, `program/`: the resources the shapes above link to, in
# the components LL2's 2.2.0 OpenAPI file names (its newest form), keys in its order.


@extend_schema_field(OpenApiTypes.NUMBER)
class WholeNumber(s.Field):
    """A quantity 2.2.0 shows as an integer (a launcher's mass, capacities, thrust) and we hold
    as a float: a whole value prints as an integer, any other as it is, never rounded."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return int(value) if float(value).is_integer() else value


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


class AgencySerializerDetailedCommon(AgencyBase):
    # The page LL2 took the agency from (Launch Library 1): none of ours.
    launch_library_url = NotHeld("string")
    total_launch_count = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    logo_url = RelatedUrl(source="logo")
    image_url = RelatedUrl(source="image")
    nation_url = NotHeld("string")  # 2.3.0 no longer shows a nation image: no import brings it


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


class AgencySerializerDetailed(AgencyBase):
    parent = s.CharField()
    launch_library_url = NotHeld("string")
    total_launch_count = s.IntegerField()
    successful_launches = s.IntegerField()
    consecutive_successful_launches = s.IntegerField()
    failed_launches = s.IntegerField()
    pending_launches = s.IntegerField()
    successful_landings = s.IntegerField()
    failed_landings = s.IntegerField()
    attempted_landings = s.IntegerField()
    consecutive_successful_landings = s.IntegerField()
    info_url = s.CharField()
    wiki_url = s.CharField()
    logo_url = RelatedUrl(source="logo")
    image_url = RelatedUrl(source="image")
    nation_url = NotHeld("string")
    launcher_list = Subset(LauncherConfigDetailSerializerForAgency(), relation="launchers_made")
    spacecraft_list = Subset(SpacecraftConfigDetailed(), relation="spacecraftconfig_set")


class LauncherConfig(Shape):
    id = s.IntegerField()
    url = Link("config/launcher")
    name = s.CharField()
    manufacturer = AgencyDetailed()
    program = Program(many=True, source="programs")
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
    program = Program(many=True, source="programs")
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


class SpacecraftConfiguration(Shape):
    id = s.IntegerField()
    url = Link("config/spacecraft")
    name = s.CharField()
    agency = AgencyDetailed()
    in_use = s.BooleanField()
    capability = s.CharField()
    maiden_flight = s.DateField()
    human_rated = s.BooleanField()
    crew_capacity = s.IntegerField()
    image_url = RelatedUrl(source="image")
    nation_url = s.CharField()
    wiki_link = s.CharField()
    info_link = s.CharField()


class PadSerializerNoLocation(Pad):
    location = None
    orbital_launch_attempt_count = None


# A location's own page: its pads, and no `url` (LL2's component has none).
class LocationDetail(Location):
    url = None
    pads = Subset(PadSerializerNoLocation(), relation="pads")


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


class SpacecraftFlightDetailedSerializerForLaunch(SpacecraftFlightDetailed):
    launch = None


# Drawn from the launch (null without a rocket): its spacecraft flies on the launch, and LL2
# shows it under its rocket.
class RocketDetailed(Shape):
    id = s.IntegerField(source="rocket_id")
    configuration = LauncherConfigDetail(source="rocket.configuration")
    launcher_stage = EmptyList()  # we hold no boosters
    spacecraft_stage = Latest(
        SpacecraftFlightDetailedSerializerForLaunch(), relation="spacecraftflight_set"
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
