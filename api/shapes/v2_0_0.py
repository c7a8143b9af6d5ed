"""The shapes of API version 2.0.0 (seed 002): 2.2.0's without the spacecraft statistics, and
a docking location without its station.

The resources a docking event links to (agencies, configurations, launches, pads, locations,
programs) as LL2's 2.0.0 Swagger file orders them, and a real 2.0.0 `launch/upcoming/` page:
2.2.0's shapes with Launch Library 1's ids (`launch_library_id`, null: we hold none), without
what 2.2.0 added (`logo_url` of an agency, a pad's `country_code`, a location's
`timezone_name`, a program's patches, a launch's `last_updated`, `net_precision` and counts),
with `inhold`, `tbdtime` and `tbddate` (null: 2.3.0 no longer shows them) and a launch status
of `{id, name}`. Every 2.0.0 shape that shows one of these shows the 2.0.0 form.

Its people and events, as a client generated from LL2's 2.0.0 Swagger file shows them: 2.2.0's
without what 2.2.0 added later (an astronaut's record in space, age and counts, spacewalks,
an expedition's patches, an event's updates, webcast and date precision), and a crew member's
`role` a name where 2.2.0 nests it with its id.

One module, as its shapes are few: those where 2.0.0 differs from 2.2.0 (api/shapes/v2_2_0/),
under the same component names; the rest are 2.2.0's.
"""

from rest_framework import serializers as s

from api.shapes import v2_2_0, v2_3_0
from api.shapes.base import (
    BY_DOCKING,
    BY_NAME,
    STILL_DOCKED,
    EmptyList,
    Latest,
    Link,
    NotHeld,
    RelatedUrl,
    Shape,
    Subset,
)
from api.shapes.v2_2_0.stations import UNDER_WAY_ROWS


class AgencyDetailed(v2_2_0.AgencyDetailed):
    logo_url = None


class SpacecraftConfigDetailed(v2_2_0.SpacecraftConfigDetailed):
    agency = AgencyDetailed()


class LaunchStatus(Shape):
    id = s.IntegerField()
    name = s.CharField()


class Location(v2_2_0.Location):
    timezone_name = None


class Pad(v2_2_0.Pad):
    location = Location()
    country_code = None
    orbital_launch_attempt_count = None


class PadSerializerNoLocation(Pad):
    location = None


class LocationDetail(v2_2_0.LocationDetail):
    timezone_name = None
    pads = Subset(PadSerializerNoLocation(), relation="pads")


class Program(v2_2_0.Program):
    mission_patches = None


class Mission(v2_2_0.Mission):
    insert_after = "id"
    launch_library_id = NotHeld("integer")


class LauncherConfigList(v2_2_0.LauncherConfigList):
    insert_after = "id"
    launch_library_id = NotHeld("integer")


class RocketSerializerCommon(v2_2_0.RocketSerializerCommon):
    configuration = LauncherConfigList()


class LauncherConfig(v2_2_0.LauncherConfig):
    insert_after = "id"
    launch_library_id = NotHeld("integer")
    manufacturer = AgencyDetailed()
    program = Program(many=True, source="programs")


class LauncherConfigDetail(v2_2_0.LauncherConfigDetail):
    insert_after = "id"
    launch_library_id = NotHeld("integer")
    active = None
    reusable = None
    launch_cost = None
    program = Program(many=True, source="programs")


class LauncherConfigDetailSerializerForAgency(v2_2_0.LauncherConfigDetailSerializerForAgency):
    insert_after = "id"
    launch_library_id = NotHeld("integer")


class AgencySerializerDetailed(v2_2_0.AgencySerializerDetailed):
    launcher_list = Subset(
        LauncherConfigDetailSerializerForAgency(), relation="launchers_made", **BY_NAME
    )
    spacecraft_list = Subset(SpacecraftConfigDetailed(), relation="spacecraftconfig_set", **BY_NAME)


class SpacecraftConfiguration(v2_2_0.SpacecraftConfiguration):
    agency = AgencyDetailed()


class LandingLocation(v2_2_0.LandingLocation):
    location = Location()


class Landing(v2_2_0.Landing):
    location = LandingLocation(source="landing_location")


class LaunchSerializerCommon(Shape):
    id = s.CharField()
    url = Link("launch")
    launch_library_id = NotHeld("integer")
    slug = s.CharField(source="shown_slug")
    name = s.CharField()
    status = LaunchStatus()
    net = s.DateTimeField()
    window_end = s.DateTimeField()
    window_start = s.DateTimeField()
    inhold = NotHeld("boolean")
    tbdtime = NotHeld("boolean")
    tbddate = NotHeld("boolean")
    probability = s.IntegerField()
    holdreason = NotHeld("string")
    failreason = s.CharField()
    hashtag = s.CharField()
    launch_service_provider = v2_2_0.AgencyMini()
    rocket = RocketSerializerCommon()
    mission = Mission()
    pad = Pad()
    webcast_live = s.BooleanField()
    image = RelatedUrl()
    infographic = s.CharField()
    program = Program(many=True, source="programs")


class LaunchList(v2_2_0.LaunchList):
    insert_after = "url"
    launch_library_id = NotHeld("integer")
    status = LaunchStatus()
    last_updated = None
    net_precision = None
    lsp_name = None


class Spacecraft(Shape):
    id = s.IntegerField()
    url = Link("spacecraft")
    name = s.CharField()
    serial_number = s.CharField()
    status = v2_3_0.SpacecraftStatus()
    description = s.CharField()
    spacecraft_config = v2_2_0.SpacecraftConfigNormal()


class SpacecraftDetailedNoFlights(Spacecraft):
    spacecraft_config = SpacecraftConfigDetailed()


class SpacecraftFlightSerializerForDockingEvent(v2_2_0.SpacecraftFlightSerializerForDockingEvent):
    spacecraft = Spacecraft()


class SpacecraftFlightSerializerForDockingEventDetailed(
    v2_2_0.SpacecraftFlightSerializerForDockingEvent
):
    spacecraft = SpacecraftDetailedNoFlights()


class DockingLocation(Shape):
    id = s.IntegerField()
    name = s.CharField()


class DockingEventNormal(v2_2_0.DockingEventNormal):
    flight_vehicle = SpacecraftFlightSerializerForDockingEvent(source="flight_vehicle_chaser")
    docking_location = DockingLocation()


class DockingEventDetailed(DockingEventNormal):
    flight_vehicle = SpacecraftFlightSerializerForDockingEventDetailed(
        source="flight_vehicle_chaser"
    )
    space_station = v2_2_0.SpaceStationNormal(source="space_station_target")


class SpacecraftFlight(v2_2_0.SpacecraftFlight):
    spacecraft = Spacecraft()
    launch = LaunchSerializerCommon()
    landing = Landing()


class DockingEventSerializerForSpacecraftFlight(v2_2_0.DockingEventSerializerForSpacecraftFlight):
    docking_location = DockingLocation()


# An expedition's crew shows an astronaut as 2.2.0 does.
Astronaut = v2_2_0.Astronaut


class AstronautDetailedSerializerNoFlights(v2_2_0.AstronautDetailedSerializerNoFlights):
    in_space = None
    time_in_space = None


class AstronautFlight(v2_2_0.AstronautFlight):
    role = s.CharField(source="role.role", allow_null=True)  # a name; 2.2.0 nests it
    astronaut = AstronautDetailedSerializerNoFlights()


class AstronautFlightForExpedition(v2_2_0.AstronautFlightForExpedition):
    role = s.CharField(source="role.role", allow_null=True)


# What 2.2.0 added since: an astronaut's record in space, age and counts, spacewalks, an
# expedition's patches; an event's updates, webcast and date precision.
class AstronautNormal(v2_2_0.AstronautNormal):
    in_space = None
    time_in_space = None
    eva_time = None
    age = None
    agency = AgencyDetailed()
    flights_count = None
    landings_count = None
    spacewalks_count = None


class ExpeditionDetailedSerializerForSpacestation(
    v2_2_0.ExpeditionDetailedSerializerForSpacestation
):
    crew = AstronautFlightForExpedition(many=True)


class Expedition(v2_2_0.Expedition):
    mission_patches = None
    spacewalks = None


class ExpeditionDetail(v2_2_0.ExpeditionDetail):
    crew = AstronautFlightForExpedition(many=True)
    mission_patches = None
    spacewalks = None


class SpacecraftFlightDetailed(v2_2_0.SpacecraftFlightDetailed):
    launch_crew = AstronautFlight(many=True)
    onboard_crew = AstronautFlight(many=True)
    landing_crew = AstronautFlight(many=True)
    spacecraft = SpacecraftDetailedNoFlights()
    launch = LaunchSerializerCommon()
    landing = Landing()
    docking_events = Subset(
        DockingEventSerializerForSpacecraftFlight(),
        relation="docking_events",
        **BY_DOCKING,
    )


class SpacecraftDetailed(SpacecraftDetailedNoFlights):
    flights = Subset(SpacecraftFlight(), relation="spacecraftflight_set")


class SpacecraftFlightForDockingEvent(v2_2_0.SpacecraftFlightForDockingEvent):
    spacecraft = SpacecraftDetailedNoFlights()
    launch = LaunchSerializerCommon()


class DockingEventDetailedSerializerForSpacestation(
    v2_2_0.DockingEventDetailedSerializerForSpacestation
):
    flight_vehicle = SpacecraftFlightForDockingEvent(source="flight_vehicle_chaser")


class DockingLocationSerializerForSpacestation(v2_2_0.DockingLocationSerializerForSpacestation):
    docked = Latest(
        DockingEventDetailedSerializerForSpacestation(),
        relation="docking_events",
        **STILL_DOCKED,
    )


class SpaceStationDetailed(v2_2_0.SpaceStationDetailed):
    owners = AgencyDetailed(many=True)
    active_expeditions = Subset(ExpeditionDetailedSerializerForSpacestation(), **UNDER_WAY_ROWS)
    docking_location = DockingLocationSerializerForSpacestation(
        many=True, source="docking_locations"
    )


class SpacecraftFlightDetailedSerializerForLaunch(SpacecraftFlightDetailed):
    launch = None
    landing = None


class RocketDetailed(v2_2_0.RocketDetailed):
    configuration = LauncherConfigDetail(source="rocket.configuration")
    launcher_stage = EmptyList()
    spacecraft_stage = Latest(
        SpacecraftFlightDetailedSerializerForLaunch(), relation="spacecraftflight_set"
    )


class LaunchDetailed(Shape):
    id = s.CharField()
    url = Link("launch")
    launch_library_id = NotHeld("integer")
    slug = s.CharField(source="shown_slug")
    name = s.CharField()
    status = LaunchStatus()
    net = s.DateTimeField()
    window_end = s.DateTimeField()
    window_start = s.DateTimeField()
    inhold = NotHeld("boolean")
    tbdtime = NotHeld("boolean")
    tbddate = NotHeld("boolean")
    probability = s.IntegerField()
    holdreason = NotHeld("string")
    failreason = s.CharField()
    hashtag = s.CharField()
    launch_service_provider = v2_2_0.AgencySerializerDetailedCommon()
    rocket = RocketDetailed(source="with_rocket")
    mission = Mission()
    pad = Pad()
    infoURLs = v2_2_0.LinkRecords(source="info_urls")  # LL2's key
    vidURLs = v2_2_0.LinkRecords(source="vid_urls")  # LL2's key
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


class AstronautDetailed(v2_2_0.AstronautDetailed):
    in_space = None
    time_in_space = None
    eva_time = None
    age = None
    flights = LaunchSerializerCommon(many=True)
    landings = SpacecraftFlight(many=True)
    flights_count = None
    landings_count = None
    spacewalks_count = None
    spacewalks = None


class Events(v2_2_0.Events):
    updates = None
    webcast_live = None
    date_precision = None
    launches = LaunchSerializerCommon(many=True)
    expeditions = Expedition(many=True)
    program = Program(many=True, source="programs")
