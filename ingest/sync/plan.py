"""What a run asks for: the queries of a new run, and those of the steps that fetch what the
mirrored events reference, planned when reached (see the package's docstring)."""

import re

from ingest import references

EVENTS_2_3_0 = "/2.3.0/docking_events/"
EVENTS_2_2_0 = "/2.2.0/docking_event/"
LOCATIONS = "/2.3.0/config/docking_locations/"
STATIONS = "/2.3.0/space_stations/"
FLIGHTS = "/2.3.0/spacecraft_flights/"
SPACECRAFT = "/2.3.0/spacecraft/"
PAYLOAD_FLIGHTS = "/2.3.0/payload_flights/"
THROTTLE = "/2.3.0/api-throttle/"
LAUNCHES = "/2.3.0/launches/"
AGENCIES = "/2.3.0/agencies/"
SPACECRAFT_CONFIGS = "/2.3.0/spacecraft_configurations/"
LAUNCHER_CONFIGS = "/2.3.0/launcher_configurations/"
# The steps that fetch what the mirrored events reference: planned when reached (below), and
# an upstream without one of these endpoints (an older instance of this server) skips it.
REFERENCED = (LAUNCHES, AGENCIES, SPACECRAFT_CONFIGS, LAUNCHER_CONFIGS)
DETAIL = re.compile(r"/\d+/$")


def referenced(step, page_size):
    """The queries of a step that fetches what the mirrored events reference, planned from
    what the database holds when the run reaches it (so from what the steps before wrote)."""
    detailed = {"mode": "detailed"}
    if step == "launches":
        ids = references.launches()
        return [
            [LAUNCHES, {**detailed, "id": ",".join(ids[at : at + page_size])}]
            for at in range(0, len(ids), page_size)
        ]
    if step == "agencies":
        return [[AGENCIES, {**detailed, "id": str(pk)}] for pk in references.agencies()]
    if step == "spacecraft_configs":
        unlisted = references.unlisted_spacecraft_configs()
        return [[f"{SPACECRAFT_CONFIGS}{pk}/", {}] for pk in unlisted]
    if step == "launcher_configs":
        unlisted = references.unlisted_launcher_configs()
        return [[f"{LAUNCHER_CONFIGS}{pk}/", {}] for pk in unlisted]
    raise ValueError(f"unknown step {step!r}")


def plan(state, full, since, margin):
    """The queries of a new run: `(path, params)` pairs."""
    detailed = {"mode": "detailed", "ordering": "docking"}
    if since is None and state.high_water is not None:
        since = state.high_water - margin
    by_id = {"mode": "detailed", "ordering": "id"}
    if full or since is None:
        return [
            [EVENTS_2_3_0, detailed],
            [EVENTS_2_2_0, detailed],
            [LOCATIONS, {"ordering": "id"}],
            [STATIONS, by_id],
            [FLIGHTS, by_id],
            [SPACECRAFT, by_id],
            [PAYLOAD_FLIGHTS, by_id],
            # What the events reference: planned when reached (`expand`).
            [LAUNCHES, {"referenced": "launches"}],
            [AGENCIES, {"referenced": "agencies"}],
            [SPACECRAFT_CONFIGS, {"referenced": "spacecraft_configs"}],
            [LAUNCHER_CONFIGS, {"referenced": "launcher_configs"}],
        ]
    after = {**detailed, "docking__gte": since.strftime("%Y-%m-%dT%H:%M:%SZ")}
    return [
        [EVENTS_2_3_0, {**detailed, "docked": "true"}],
        [EVENTS_2_3_0, after],
        [EVENTS_2_2_0, after],
        # What changes while nothing docks: a station's crew and size, a spacecraft in space.
        [STATIONS, by_id],
        [SPACECRAFT, {**by_id, "in_space": "true"}],
    ]
