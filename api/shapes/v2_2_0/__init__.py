"""The shapes of API version 2.2.0 (seed 001), built from the same models as 2.3.0: a docking
event has one chaser, a spacecraft flight (`flight_vehicle`), and one target, a station
(`space_station`, detailed only); agency types are strings and images bare URLs.

The resources a docking event links to (stations, flights, spacecraft) are shaped as LL2's
2.2.0 OpenAPI file names and orders them (known from clients generated from it), and so are
those they link to (agencies, launcher and spacecraft configurations, launches, locations,
pads, programs), in its newest form, and so are its people and events (astronauts, their
roles on crews, expeditions, spacewalks, events), from the newest of those clients (2023).
Class names are LL2's component names.

One module per resource family, as in 2.3.0 (api/shapes/v2_3_0/), in this order: agencies,
places, launchers, launches, spacecraft, stations, docking, crew, events; a shape that embeds
a later family names it with a `Later` (api/shapes/base.py), resolved here. Every shape is a name of
this package too: `v2_2_0.DockingEventNormal`."""

# The imports are this package's names (F401: imported, not used here).
# ruff: noqa: F401
from api.shapes.base import resolve_later
from api.shapes.v2_2_0.agencies import (
    AgencyBase,
    AgencyDetailed,
    AgencyList,
    AgencyMini,
    AgencySerializerDetailed,
    AgencySerializerDetailedCommon,
)
from api.shapes.v2_2_0.crew import (
    Astronaut,
    AstronautDetailed,
    AstronautDetailedSerializerNoFlights,
    AstronautFlight,
    AstronautFlightForExpedition,
    AstronautNormal,
    Expedition,
    ExpeditionDetail,
    ExpeditionDetailedSerializerForSpacestation,
    ExpeditionDetailedSerializerForSpacewalk,
    ExpeditionSerializerForSpacestation,
    Nationality,
    SocialLink,
    SpacewalkDetailed,
    SpacewalkList,
    SpacewalkNormal,
    Thumbnail,
)
from api.shapes.v2_2_0.docking import (
    DockingEventDetailed,
    DockingEventDetailedSerializerForSpacestation,
    DockingEventNormal,
    DockingEventSerializerForSpacecraftFlight,
    DockingLocation,
    DockingLocationSerializerForSpacestation,
)
from api.shapes.v2_2_0.events import EventDetailedSerializerForSpacewalk, Events, FirstLink
from api.shapes.v2_2_0.launchers import (
    LauncherConfig,
    LauncherConfigDetail,
    LauncherConfigDetailSerializerForAgency,
    LauncherConfigList,
    WholeNumber,
)
from api.shapes.v2_2_0.launches import (
    LaunchDetailed,
    LaunchList,
    LaunchSerializerCommon,
    LinkRecords,
    Mission,
    Orbit,
    Program,
    RocketDetailed,
    RocketSerializerCommon,
)
from api.shapes.v2_2_0.places import (
    Landing,
    LandingLocation,
    Location,
    LocationDetail,
    Pad,
    PadSerializerNoLocation,
)
from api.shapes.v2_2_0.spacecraft import (
    Spacecraft,
    SpacecraftConfigDetailed,
    SpacecraftConfigNormal,
    SpacecraftConfiguration,
    SpacecraftDetailed,
    SpacecraftDetailedNoFlights,
    SpacecraftFlight,
    SpacecraftFlightDetailed,
    SpacecraftFlightDetailedSerializerForLaunch,
    SpacecraftFlightForDockingEvent,
    SpacecraftFlightSerializerForDockingEvent,
    SpacecraftFlightSerializerForDockingEventDetailed,
)
from api.shapes.v2_2_0.stations import (
    SpaceStation,
    SpaceStationDetailed,
    SpaceStationDetailedSerializerForExpedition,
    SpaceStationMini,
    SpaceStationNormal,
    SpaceStationSerializerForCommon,
    SpaceStationSerializerForExpedition,
)

resolve_later(__name__)
