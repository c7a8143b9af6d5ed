"""Which shape answers a request: one row per (version, resource, mode), the resource being its
path under the version. A resource answers in the modes it has rows for; its `{id}/` in the
detailed one; the model the shapes render is its resource's (api/resources/). A version's
shapes are a package of its resource families (v2_3_0/, v2_2_0/; 2.0.0's are deltas of
2.2.0's, v2_0_0.py); a new version is a new package and its rows here (and its resources in
api/resources/)."""

from rest_framework import serializers as s

from api.shapes import v2_0_0, v2_2_0, v2_3_0
from api.shapes.base import Shape


def _linked(version, shapes):
    """The rows of the 2.0.0 or 2.2.0 resources a docking event links to (agencies,
    configurations, launches, pads, locations, programs), in LL2's modes: a launch in `list`,
    `normal` or `detailed`; a launcher configuration in `list` too (LL2 serves it, though its
    page names only the other two); agencies and spacecraft configurations `normal` or
    `detailed`; a location's `{id}/` in its detailed shape, its list always normal
    (api/resources/places.py); pads and programs in one shape."""
    rows = {
        (version, "agencies", "normal"): shapes.AgencyDetailed,
        (version, "agencies", "detailed"): shapes.AgencySerializerDetailed,
        (version, "config/launcher", "list"): shapes.LauncherConfigList,
        (version, "config/launcher", "normal"): shapes.LauncherConfig,
        (version, "config/launcher", "detailed"): shapes.LauncherConfigDetail,
        (version, "config/spacecraft", "normal"): shapes.SpacecraftConfiguration,
        (version, "config/spacecraft", "detailed"): shapes.SpacecraftConfigDetailed,
    }
    for launches in ("launch", "launch/upcoming", "launch/previous"):
        rows[(version, launches, "list")] = shapes.LaunchList
        rows[(version, launches, "normal")] = shapes.LaunchSerializerCommon
        rows[(version, launches, "detailed")] = shapes.LaunchDetailed
    rows[(version, "location", "normal")] = shapes.Location
    rows[(version, "location", "detailed")] = shapes.LocationDetail
    rows[(version, "pad", "normal")] = shapes.Pad
    rows[(version, "program", "normal")] = shapes.Program
    return rows


LEGACY_LINKED = {**_linked("2.0.0", v2_0_0), **_linked("2.2.0", v2_2_0)}


def _crewed(version, shapes):
    """The 2.0.0 or 2.2.0 astronauts, expeditions and events: an astronaut in `list`
    (the short form an expedition's crew shows), `normal` or `detailed`; an expedition `normal`
    or `detailed`; an event in one shape everywhere, as LL2's file has one."""
    rows = {
        (version, "astronaut", "list"): shapes.Astronaut,
        (version, "astronaut", "normal"): shapes.AstronautNormal,
        (version, "astronaut", "detailed"): shapes.AstronautDetailed,
        (version, "expedition", "normal"): shapes.Expedition,
        (version, "expedition", "detailed"): shapes.ExpeditionDetail,
    }
    for events in ("event", "event/upcoming", "event/previous"):
        rows[(version, events, "normal")] = shapes.Events
    return rows


LEGACY_CREWED = {
    **_crewed("2.0.0", v2_0_0),
    **_crewed("2.2.0", v2_2_0),
    # 2.2.0 added spacewalks, and the lookups of crews and events.
    ("2.2.0", "spacewalks", "normal"): v2_2_0.SpacewalkNormal,
    ("2.2.0", "spacewalks", "detailed"): v2_2_0.SpacewalkDetailed,
    **{("2.2.0", f"config/{path}", "normal"): shape for path, shape, _ in v2_3_0.LEGACY_LOOKUPS},
}

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
    ("2.3.0", "astronauts", "list"): v2_3_0.AstronautDetailed,
    ("2.3.0", "astronauts", "normal"): v2_3_0.AstronautEndpointNormal,
    ("2.3.0", "astronauts", "detailed"): v2_3_0.AstronautEndpointDetailed,
    ("2.3.0", "expeditions", "normal"): v2_3_0.ExpeditionNormal,
    ("2.3.0", "expeditions", "detailed"): v2_3_0.ExpeditionDetailed,
    ("2.3.0", "spacewalks", "list"): v2_3_0.SpacewalkList,
    ("2.3.0", "spacewalks", "normal"): v2_3_0.SpacewalkEndpointNormal,
    ("2.3.0", "spacewalks", "detailed"): v2_3_0.SpacewalkEndpointDetailed,
    **{
        ("2.3.0", events, mode): shape
        for events in ("events", "events/upcoming", "events/previous")
        for mode, shape in (
            ("list", v2_3_0.EventEndpointList),
            ("normal", v2_3_0.EventEndpointNormal),
            ("detailed", v2_3_0.EventEndpointDetailed),
        )
    },
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
            ("detailed", v2_3_0.LaunchDetailed),
        )
    },
    ("2.3.0", "agencies", "list"): v2_3_0.AgencyMini,
    ("2.3.0", "agencies", "normal"): v2_3_0.AgencyNormal,
    ("2.3.0", "agencies", "detailed"): v2_3_0.AgencyEndpointDetailed,
    ("2.3.0", "landings", "list"): v2_3_0.LandingEndpointList,
    ("2.3.0", "landings", "normal"): v2_3_0.LandingEndpointNormal,
    ("2.3.0", "landings", "detailed"): v2_3_0.LandingEndpointDetailed,
    ("2.3.0", "spacecraft_configurations", "normal"): v2_3_0.SpacecraftConfigNormal,
    ("2.3.0", "spacecraft_configurations", "detailed"): v2_3_0.SpacecraftConfigDetailed,
    ("2.3.0", "launcher_configurations", "list"): v2_3_0.LauncherConfigList,
    ("2.3.0", "launcher_configurations", "normal"): v2_3_0.LauncherConfigNormal,
    ("2.3.0", "launcher_configurations", "detailed"): v2_3_0.LauncherConfigDetailed,
    ("2.3.0", "pads", "normal"): v2_3_0.Pad,
    ("2.3.0", "locations", "normal"): v2_3_0.Location,
    ("2.3.0", "locations", "detailed"): v2_3_0.LocationSerializerWithPads,
    ("2.3.0", "programs", "list"): v2_3_0.ProgramMini,
    ("2.3.0", "programs", "normal"): v2_3_0.ProgramNormal,
    ("2.3.0", "celestial_bodies", "list"): v2_3_0.CelestialBodyMini,
    ("2.3.0", "celestial_bodies", "normal"): v2_3_0.CelestialBodyNormal,
    ("2.3.0", "celestial_bodies", "detailed"): v2_3_0.CelestialBodyEndpointDetailed,
    ("2.3.0", "payloads", "list"): v2_3_0.PayloadMini,
    ("2.3.0", "payloads", "normal"): v2_3_0.PayloadNormal,
    ("2.3.0", "payloads", "detailed"): v2_3_0.PayloadDetailed,
    **{("2.3.0", f"config/{path}", "normal"): shape for path, shape, _ in v2_3_0.LOOKUPS},
    **LEGACY_LINKED,
    **LEGACY_CREWED,
}


class APIThrottle(Shape):
    """`/api-throttle/`: the caller's rate limit and its use (the same in every version)."""

    your_request_limit = s.IntegerField(allow_null=True)
    limit_frequency_secs = s.IntegerField(allow_null=True)
    current_use = s.IntegerField()
    next_use_secs = s.IntegerField()
    ident = s.CharField()


def modes(version, resource):
    """The modes `resource` answers in under `version`, in the table's order."""
    return [mode for (v, r, mode) in SHAPES if (v, r) == (version, resource)]
