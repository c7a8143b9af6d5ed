"""Which shape answers a request: one row per (version, resource, mode), the resource being its
path under the version. A resource answers in the modes it has rows for; its `{id}/` in the
detailed one; the model the shapes render is its resource's (api/resources/). A new version
is a new module and its rows here (and its resources in api/resources/)."""

from api.shapes import legacy_graph, v2_0_0, v2_2_0, v2_3_0
from api.shapes import v2_3_0_graph as g

SHAPES = {
    ("2.0.0", "docking_event", "normal"): v2_0_0.DockingEventNormal,
    ("2.0.0", "docking_event", "detailed"): v2_0_0.DockingEventDetailed,
    ("2.0.0", "spacestation", "normal"): v2_2_0.SpaceStation,
    ("2.0.0", "spacestation", "detailed"): v2_0_0.SpaceStationDetailed,
    ("2.0.0", "spacecraft/flight", "normal"): v2_0_0.SpacecraftFlight,
    ("2.0.0", "spacecraft/flight", "detailed"): v2_0_0.SpacecraftFlightDetailed,
    ("2.0.0", "spacecraft", "normal"): v2_0_0.Spacecraft,
    ("2.0.0", "spacecraft", "detailed"): v2_0_0.SpacecraftDetailed,
    ("2.2.0", "docking_event", "normal"): v2_2_0.DockingEventNormal,
    ("2.2.0", "docking_event", "detailed"): v2_2_0.DockingEventDetailed,
    ("2.2.0", "spacestation", "normal"): v2_2_0.SpaceStation,
    ("2.2.0", "spacestation", "detailed"): v2_2_0.SpaceStationDetailed,
    ("2.2.0", "spacecraft/flight", "normal"): v2_2_0.SpacecraftFlight,
    ("2.2.0", "spacecraft/flight", "detailed"): v2_2_0.SpacecraftFlightDetailed,
    ("2.2.0", "spacecraft", "normal"): v2_2_0.Spacecraft,
    ("2.2.0", "spacecraft", "detailed"): v2_2_0.SpacecraftDetailed,
    ("2.3.0", "docking_events", "normal"): v2_3_0.DockingEventNormal,
    ("2.3.0", "docking_events", "detailed"): v2_3_0.DockingEventDetailed,
    ("2.3.0", "config/docking_locations", "normal"): v2_3_0.DockingLocation,
    ("2.3.0", "space_stations", "normal"): v2_3_0.SpaceStationEndpoint,
    ("2.3.0", "space_stations", "detailed"): v2_3_0.SpaceStationDetailedEndpoint,
    ("2.3.0", "spacecraft_flights", "normal"): v2_3_0.SpacecraftFlightNormal,
    ("2.3.0", "spacecraft_flights", "detailed"): v2_3_0.SpacecraftFlightDetailed,
    ("2.3.0", "spacecraft", "normal"): v2_3_0.SpacecraftNormal,
    ("2.3.0", "spacecraft", "detailed"): v2_3_0.SpacecraftEndpointDetailed,
    ("2.3.0", "payload_flights", "list"): v2_3_0.PayloadFlightMini,
    ("2.3.0", "payload_flights", "normal"): v2_3_0.PayloadFlightNormal,
    ("2.3.0", "payload_flights", "detailed"): v2_3_0.PayloadFlightDetailed,
    **{
        ("2.3.0", launches, mode): shape
        for launches in ("launches", "launches/upcoming", "launches/previous")
        for mode, shape in (
            ("list", v2_3_0.LaunchBasic),
            ("normal", v2_3_0.LaunchNormal),
            ("detailed", g.LaunchDetailed),
        )
    },
    ("2.3.0", "agencies", "list"): v2_3_0.AgencyMini,
    ("2.3.0", "agencies", "normal"): v2_3_0.AgencyNormal,
    ("2.3.0", "agencies", "detailed"): g.AgencyEndpointDetailed,
    ("2.3.0", "landings", "list"): g.LandingEndpointList,
    ("2.3.0", "landings", "normal"): g.LandingEndpointNormal,
    ("2.3.0", "landings", "detailed"): g.LandingEndpointDetailed,
    ("2.3.0", "spacecraft_configurations", "normal"): v2_3_0.SpacecraftConfigNormal,
    ("2.3.0", "spacecraft_configurations", "detailed"): v2_3_0.SpacecraftConfigDetailed,
    ("2.3.0", "launcher_configurations", "list"): v2_3_0.LauncherConfigList,
    ("2.3.0", "launcher_configurations", "normal"): g.LauncherConfigNormal,
    ("2.3.0", "launcher_configurations", "detailed"): g.LauncherConfigDetailed,
    ("2.3.0", "pads", "normal"): v2_3_0.Pad,
    ("2.3.0", "locations", "normal"): v2_3_0.Location,
    ("2.3.0", "locations", "detailed"): g.LocationSerializerWithPads,
    ("2.3.0", "programs", "list"): v2_3_0.ProgramMini,
    ("2.3.0", "programs", "normal"): v2_3_0.ProgramNormal,
    ("2.3.0", "celestial_bodies", "list"): v2_3_0.CelestialBodyMini,
    ("2.3.0", "celestial_bodies", "normal"): v2_3_0.CelestialBodyNormal,
    ("2.3.0", "celestial_bodies", "detailed"): g.CelestialBodyEndpointDetailed,
    ("2.3.0", "payloads", "list"): v2_3_0.PayloadMini,
    ("2.3.0", "payloads", "normal"): v2_3_0.PayloadNormal,
    ("2.3.0", "payloads", "detailed"): v2_3_0.PayloadDetailed,
    **{("2.3.0", f"config/{path}", "normal"): shape for path, shape, _ in g.LOOKUPS},
    **legacy_graph.ROWS,
}

APIThrottle = v2_3_0.APIThrottle


def modes(version, resource):
    """The modes `resource` answers in under `version`, in the table's order."""
    return [mode for (v, r, mode) in SHAPES if (v, r) == (version, resource)]
