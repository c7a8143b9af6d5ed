"""The domain: everything a docking event shows, normalized, keyed by LL2's own ids.

Rows that LL2 shows only without an id (an older API version's agency type as a string, an
image as a bare URL, a country as a bare code) get a negative local id, so they never collide
with an LL2 id and a later import that carries the real id adds the real row beside them.
"""

from spaceflight.models.agencies import Agency, AgencyType, Country
from spaceflight.models.base import Described, Named
from spaceflight.models.crew import (
    Astronaut,
    AstronautFlight,
    AstronautRole,
    AstronautStatus,
    AstronautType,
    Expedition,
    Spacewalk,
)
from spaceflight.models.docking import DockingEvent, DockingLocation
from spaceflight.models.events import Event, EventType
from spaceflight.models.images import Image, ImageLicense, ImageVariant, ImageVariantType
from spaceflight.models.launchers import LauncherConfig, LauncherConfigFamily
from spaceflight.models.launches import (
    Launch,
    LaunchStatus,
    Mission,
    NetPrecision,
    Orbit,
    Program,
    ProgramType,
    Rocket,
)
from spaceflight.models.meta import Curated, DataGeneration
from spaceflight.models.payloads import Payload, PayloadFlight, PayloadType
from spaceflight.models.places import (
    CelestialBody,
    CelestialBodyType,
    Landing,
    LandingLocation,
    LandingType,
    Location,
    Pad,
)
from spaceflight.models.spacecraft import (
    Spacecraft,
    SpacecraftConfig,
    SpacecraftConfigFamily,
    SpacecraftConfigType,
    SpacecraftFlight,
    SpacecraftStatus,
)
from spaceflight.models.stations import SpaceStation, SpaceStationStatus, SpaceStationType

__all__ = [
    "Named",
    "Described",
    "ImageLicense",
    "ImageVariantType",
    "Image",
    "ImageVariant",
    "Country",
    "AgencyType",
    "Agency",
    "CelestialBodyType",
    "CelestialBody",
    "Location",
    "Pad",
    "LandingType",
    "LandingLocation",
    "Landing",
    "LaunchStatus",
    "NetPrecision",
    "LauncherConfigFamily",
    "LauncherConfig",
    "Rocket",
    "Orbit",
    "Mission",
    "ProgramType",
    "Program",
    "Launch",
    "SpacecraftConfigType",
    "SpacecraftConfigFamily",
    "SpacecraftConfig",
    "SpacecraftStatus",
    "Spacecraft",
    "SpacecraftFlight",
    "SpaceStationStatus",
    "SpaceStationType",
    "SpaceStation",
    "PayloadType",
    "Payload",
    "PayloadFlight",
    "DockingLocation",
    "DockingEvent",
    "AstronautStatus",
    "AstronautType",
    "AstronautRole",
    "Astronaut",
    "AstronautFlight",
    "Expedition",
    "Spacewalk",
    "EventType",
    "Event",
    "DataGeneration",
    "Curated",
]
