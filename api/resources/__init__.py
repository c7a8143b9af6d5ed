"""Every resource we serve, by family (api/resources/<family>.py: each version's resource
classes and filter sets of that family), and the one list of each version's routes, in the
order its API root lists them. A path that another one starts with comes after it:
`spacecraft/{id}/` would take `spacecraft/flight/`, `launches/{id}/` `launches/upcoming/`."""

from api.resources.agencies import Agencies, LegacyAgencies, LegacyAgencies200
from api.resources.crew import (
    Astronauts,
    Expeditions,
    LegacyAstronauts,
    LegacyExpeditions,
    LegacySpacewalks,
    Spacewalks,
)
from api.resources.docking import DockingEvents, DockingLocations, LegacyDockingEvents
from api.resources.events import (
    Events,
    LegacyEvents,
    LegacyPreviousEvents,
    LegacyUpcomingEvents,
    PreviousEvents,
    UpcomingEvents,
)
from api.resources.launchers import (
    LauncherConfigurations,
    LegacyLauncherConfigurations,
    LegacyLauncherConfigurations200,
)
from api.resources.launches import (
    Launches,
    LegacyLaunches,
    LegacyLaunches200,
    LegacyPreviousLaunches,
    LegacyPreviousLaunches200,
    LegacyPrograms,
    LegacyUpcomingLaunches,
    LegacyUpcomingLaunches200,
    PreviousLaunches,
    Programs,
    UpcomingLaunches,
)
from api.resources.lookups import LEGACY_LOOKUPS, LOOKUPS
from api.resources.payloads import PayloadFlights, Payloads
from api.resources.places import (
    CelestialBodies,
    Landings,
    LegacyLocations,
    LegacyLocations200,
    LegacyPads,
    LegacyPads200,
    Locations,
    Pads,
)
from api.resources.spacecraft import (
    LegacySpacecraft,
    LegacySpacecraftConfigurations,
    LegacySpacecraftFlights,
    Spacecraft,
    SpacecraftConfigurations,
    SpacecraftFlights,
)
from api.resources.stations import LegacySpaceStations, SpaceStations

VERSIONS = {
    "2.0.0": [
        LegacyDockingEvents,
        LegacySpaceStations,
        LegacySpacecraftFlights,
        LegacySpacecraft,
        LegacyAgencies200,
        LegacyLauncherConfigurations200,
        LegacySpacecraftConfigurations,
        LegacyUpcomingLaunches200,
        LegacyPreviousLaunches200,
        LegacyLaunches200,
        LegacyLocations200,
        LegacyPads200,
        LegacyPrograms,
        LegacyAstronauts,
        LegacyExpeditions,
        LegacyUpcomingEvents,
        LegacyPreviousEvents,
        LegacyEvents,
    ],
    "2.2.0": [
        LegacyDockingEvents,
        LegacySpaceStations,
        LegacySpacecraftFlights,
        LegacySpacecraft,
        LegacyAgencies,
        LegacyLauncherConfigurations,
        LegacySpacecraftConfigurations,
        LegacyUpcomingLaunches,
        LegacyPreviousLaunches,
        LegacyLaunches,
        LegacyLocations,
        LegacyPads,
        LegacyPrograms,
        LegacyAstronauts,
        LegacyExpeditions,
        LegacySpacewalks,
        LegacyUpcomingEvents,
        LegacyPreviousEvents,
        LegacyEvents,
        *LEGACY_LOOKUPS,
    ],
    "2.3.0": [
        DockingEvents,
        DockingLocations,
        SpaceStations,
        SpacecraftFlights,
        Spacecraft,
        PayloadFlights,
        UpcomingLaunches,
        PreviousLaunches,
        Launches,
        Agencies,
        Landings,
        SpacecraftConfigurations,
        LauncherConfigurations,
        Pads,
        Locations,
        Programs,
        CelestialBodies,
        Payloads,
        Astronauts,
        Expeditions,
        Spacewalks,
        UpcomingEvents,
        PreviousEvents,
        Events,
        *LOOKUPS,
    ],
}

# The model each resource's shapes render (the schema reads nullability off it).
MODELS = {
    resource.resource: resource.queryset.model
    for resources in VERSIONS.values()
    for resource in resources
}
