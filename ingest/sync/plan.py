"""What a run asks for: the queries of a new run, those of the steps planned when reached
(what the mirrored events reference, the expeditions under way), and what they cost in
requests (see the package's docstring)."""

import re
import urllib.parse
from datetime import timedelta

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
# Who is aboard: the crew graph, from 2.3.0's own endpoints.
ASTRONAUTS = "/2.3.0/astronauts/"
# 2.2.0's astronaut shows as text what 2.3.0 lists with ids (nationality, twitter, instagram):
# what 2.2.0 and 2.0.0 serve of it comes from that shape alone.
ASTRONAUTS_2_2_0 = "/2.2.0/astronaut/"
EXPEDITIONS = "/2.3.0/expeditions/"
SPACEWALKS = "/2.3.0/spacewalks/"
EVENTS = "/2.3.0/events/"
UPCOMING_EVENTS = "/2.3.0/events/upcoming/"
# The steps that fetch what the mirrored events reference: planned when reached (below).
REFERENCED = (LAUNCHES, AGENCIES, SPACECRAFT_CONFIGS, LAUNCHER_CONFIGS)
CREW = (ASTRONAUTS_2_2_0, ASTRONAUTS, EXPEDITIONS, SPACEWALKS, EVENTS)
# The families an upstream may lack (an older instance of this server): a 404 on one of their
# lists skips the step, and the steps of that family after it, with a note.
OPTIONAL = REFERENCED + CREW
DETAIL = re.compile(r"/\d+/$")
# The longest stay in space (Polyakov, 437 days): an astronaut who landed since the last run
# last flew at most that long before it.
LONGEST_STAY = timedelta(days=437)


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def referenced(step, page_size, params=None):
    """The queries of a step planned from what the database holds when the run reaches it (so
    from what the steps before wrote): what the mirrored events reference, or the expeditions
    under way that started before `start__lt` (those after it come with their own list)."""
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
    if step == "expeditions":
        # LL2 2.3.0 has neither an `is_active` nor an `id` filter on expeditions: one detail
        # request (detailed: the crew) each.
        under_way = references.expeditions_under_way((params or {}).get("start__lt"))
        return [[f"{EXPEDITIONS}{pk}/", {}] for pk in under_way]
    raise ValueError(f"unknown step {step!r}")


def plan(state, full, since, margin):
    """The queries of a new run: `(path, params)` pairs."""
    detailed = {"mode": "detailed", "ordering": "docking"}
    by_id = {"mode": "detailed", "ordering": "id"}
    # LL2's events order by date or last_updated, not by id (ties go by id on this server).
    events = {"mode": "detailed", "ordering": "date"}
    changed = since
    if since is None and state.high_water is not None:
        since = state.high_water - margin
        # What changes whatever docks: since the last run began, less the margin.
        changed = (state.run_started or state.high_water) - margin
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
            # Who is aboard, all of it (an expedition's crew is in its detailed shape only).
            # 2.2.0's astronauts first, 2.3.0's then complete what the older shape leaves out.
            [ASTRONAUTS_2_2_0, by_id],
            [ASTRONAUTS, by_id],
            [EXPEDITIONS, by_id],
            [SPACEWALKS, by_id],
            [EVENTS, events],
        ]
    after = {**detailed, "docking__gte": stamp(since)}
    return [
        [EVENTS_2_3_0, {**detailed, "docked": "true"}],
        [EVENTS_2_3_0, after],
        [EVENTS_2_2_0, after],
        # What changes while nothing docks: a station's crew and size, a spacecraft in space.
        [STATIONS, by_id],
        [SPACECRAFT, {**by_id, "in_space": "true"}],
        # Who is aboard: the astronauts in space, and those who came back (their `in_space`,
        # which the normal shape shows), the expeditions that started and those under way
        # (planned when reached, from what the mirror holds), the spacewalks that started, the
        # events to come and those updated.
        [ASTRONAUTS, {**by_id, "in_space": "true"}],
        [
            ASTRONAUTS,
            {
                "mode": "normal",
                "ordering": "id",
                "in_space": "false",
                "last_flight__gte": stamp(changed - LONGEST_STAY),
            },
        ],
        [EXPEDITIONS, {**by_id, "start__gte": stamp(changed)}],
        [EXPEDITIONS, {"referenced": "expeditions", "start__lt": stamp(changed)}],
        [SPACEWALKS, {**by_id, "start__gte": stamp(changed)}],
        [UPCOMING_EVENTS, events],
        [EVENTS, {**events, "last_updated__gte": stamp(changed)}],
    ]


def family(path):
    """The optional family (OPTIONAL) a path belongs to, or None."""
    return next((root for root in OPTIONAL if path.startswith(root)), None)


def cost(queries):
    """What `queries` cost at the least: `(requests, steps planned when reached)`. A list
    costs a page per `page_size` objects, at least one; a detail path one request; a step
    planned when reached is counted when it is (`referenced`)."""
    steps = [params["referenced"] for _, params in queries if "referenced" in params]
    return len(queries) - len(steps), steps


def incremental(queries):
    return any(params.get("docked") == "true" for _, params in queries)


def describe(path, params):
    """A query as the operator reads it: its path and filters, without the paging."""
    shown = {k: v for k, v in params.items() if k not in ("limit", "offset")}
    return f"{path}?{urllib.parse.urlencode(sorted(shown.items()))}" if shown else path
