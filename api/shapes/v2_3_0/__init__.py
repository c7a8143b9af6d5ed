"""The shapes of API version 2.3.0, named as in LL2's OpenAPI file, keys in LL2's order: one
module per resource family, named as api/resources/ names them, and images (every family
embeds them). A family imports only those before it in this order: images, agencies,
places, launchers, launches, spacecraft, payloads, stations, crew, events, docking, then
lookups (the config lookups, of every family). A shape that embeds a later family (a detailed launch
embeds its flights, which embed their launch) names it with a `Later` (api/shapes/base.py),
resolved here once every family is imported. Every shape is a name of this package too:
`v2_3_0.DockingEventNormal`.

What we hold no rows for is shown as LL2 shows an empty value: no first stages or boosters
(`firststage` null, `launcher_stage` []). README, "Launches, agencies,
landings, configurations, places, lookups"."""

# The imports are this package's names (F401: imported, not used here).
# ruff: noqa: F401
from api.shapes.base import resolve_later
from api.shapes.v2_3_0.agencies import (
    AgencyDetailed,
    AgencyEndpointDetailed,
    AgencyMini,
    AgencyNormal,
    AgencyType,
    Country,
)
from api.shapes.v2_3_0.crew import (
    Age,
    AstronautDetailed,
    AstronautEndpointDetailed,
    AstronautEndpointNormal,
    AstronautFlight,
    AstronautNormal,
    AstronautRole,
    AstronautStatus,
    AstronautType,
    ExpeditionDetailed,
    ExpeditionMini,
    ExpeditionNormal,
    ExpeditionNormalSerializerForSpacewalk,
    SpacewalkEndpointDetailed,
    SpacewalkEndpointNormal,
    SpacewalkList,
    SpacewalkNormal,
)
from api.shapes.v2_3_0.docking import (
    DockingEventDetailed,
    DockingEventDetailedSerializerForSpacestation,
    DockingEventForChaserNormal,
    DockingEventNormal,
    DockingLocation,
    DockingLocationSerializerForSpacestation,
)
from api.shapes.v2_3_0.events import (
    EventEndpointDetailed,
    EventEndpointList,
    EventEndpointNormal,
    EventMini,
    EventNormal,
    EventType,
)
from api.shapes.v2_3_0.images import (
    Image,
    ImageLicense,
    ImageVariant,
    ImageVariantType,
)
from api.shapes.v2_3_0.launchers import (
    LauncherConfigDetailed,
    LauncherConfigDetailedSerializerNoManufacturer,
    LauncherConfigFamilyDetailed,
    LauncherConfigFamilyMini,
    LauncherConfigFamilyNormal,
    LauncherConfigList,
    LauncherConfigNormal,
)
from api.shapes.v2_3_0.launches import (
    LaunchBasic,
    LaunchDetailed,
    LaunchMini,
    LaunchNormal,
    LaunchStatus,
    Mission,
    NetPrecision,
    Orbit,
    ProgramMini,
    ProgramNormal,
    ProgramType,
    RocketDetailed,
    RocketNormal,
)
from api.shapes.v2_3_0.lookups import LEGACY_LOOKUPS, LOOKUPS
from api.shapes.v2_3_0.payloads import (
    PayloadDetailed,
    PayloadFlightDetailed,
    PayloadFlightDetailedSerializerNoLanding,
    PayloadFlightMini,
    PayloadFlightMiniSerializerNoLanding,
    PayloadFlightNormal,
    PayloadFlightNormalSerializerNoLanding,
    PayloadFlightSerializerNoLaunch,
    PayloadMini,
    PayloadNormal,
    PayloadType,
)
from api.shapes.v2_3_0.places import (
    CelestialBodyDetailed,
    CelestialBodyEndpointDetailed,
    CelestialBodyMini,
    CelestialBodyNormal,
    CelestialBodyType,
    Landing,
    LandingEndpointDetailed,
    LandingEndpointList,
    LandingEndpointNormal,
    LandingLocation,
    LandingType,
    Location,
    LocationSerializerNoCelestialBody,
    LocationSerializerWithPads,
    Pad,
    PadSerializerNoLocation,
)
from api.shapes.v2_3_0.spacecraft import (
    SpacecraftConfigDetailed,
    SpacecraftConfigFamilyDetailed,
    SpacecraftConfigFamilyMini,
    SpacecraftConfigFamilyNormal,
    SpacecraftConfigNormal,
    SpacecraftConfigType,
    SpacecraftDetailed,
    SpacecraftEndpointDetailed,
    SpacecraftFlightDetailed,
    SpacecraftFlightDetailedSerializerNoLanding,
    SpacecraftFlightDetailedSerializerNoLaunch,
    SpacecraftFlightForDockingEvent,
    SpacecraftFlightMini,
    SpacecraftFlightMiniSerializerNoLanding,
    SpacecraftFlightNormal,
    SpacecraftFlightNormalSerializerNoLanding,
    SpacecraftNormal,
    SpacecraftStatus,
)
from api.shapes.v2_3_0.stations import (
    SpaceStationDetailed,
    SpaceStationDetailedEndpoint,
    SpaceStationEndpoint,
    SpaceStationMini,
    SpaceStationNormal,
    SpaceStationStatus,
    SpaceStationType,
)

resolve_later(__name__)
