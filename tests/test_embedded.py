"""An object shown inside another is the same object: on every key it shows, it equals what its
own endpoint serves (`response_mode` aside: it names the shape, not the object).

An object the 2.0.0 and 2.2.0 resources show inside another is what its own endpoint
serves: the agency and spacecraft configuration of a real 2.0.0 docking event, a spacecraft
flight's launch and a launch's spacecraft stage, and every object with a `url` of ours nested
in any list of these resources (agencies, configurations, pads, programs, flights, spacecraft
among them).

In 2.3.0's people and events (tests/support/crews.py), each object shown inside another is
its own endpoint's, and in the form LL2 names: a crew member is the astronaut in list mode, a
station's expedition is `ExpeditionMini`, an expedition's spacewalk is the spacewalk in list
mode, a spacewalk's event `EventMini` (`EventNormal` when detailed)."""

import re

import pytest

from api.shapes import SHAPES, modes
from api.shapes.v2_3_0.crew import ExpeditionMini
from api.shapes.v2_3_0.events import EventMini, EventNormal
from tests.conftest import as_json, assert_same_json, import_documents, reference, without_hosts
from tests.support import crews, datasets, older_versions
from tests.support.crews import CAPTURED, EVENT, SPACEWALK
from tests.support.older_versions import LATER, LIST, PROGRESS_MS_30, VERSIONS

pytestmark = pytest.mark.django_db

LINK = re.compile(r"^(?:https?://[^/]+)?(/(\d\.\d\.\d)/(.+)/[^/]+/)(?:\?.*)?$")
SERVED = {(version, resource) for version, resource, _ in SHAPES}
# When seed 000 was read from LL2 (its chaser's live duration counts to this moment).
SEED_000_CAPTURED_AT = "2025-04-13T02:53:57.269441Z"


def embedded(value):
    """`(its endpoint's path, object)` for every object in `value` that has a `url` we serve."""
    if isinstance(value, dict):
        match = LINK.match(value.get("url") or "")
        if match and match.group(2, 3) in SERVED:
            yield match.group(1), value
        for item in value.values():
            yield from embedded(item)
    elif isinstance(value, list):
        for item in value:
            yield from embedded(item)


def assert_within(shown, own, where):
    """`shown` has nothing `own` (the object from its endpoint) disagrees with."""
    if isinstance(shown, dict):
        assert isinstance(own, dict), where
        for key, value in shown.items():
            if key != "response_mode":
                assert key in own, f"{where}.{key}"
                assert_within(value, own[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(own, list) and len(own) == len(shown), where
        for index, (item, own_item) in enumerate(zip(shown, own, strict=True)):
            assert_within(item, own_item, f"{where}[{index}]")
    else:
        assert shown == own, where


def assert_same_as_own_endpoints(api, body, query=""):
    checked = 0
    for path, shown in embedded(body):
        response = api.get(f"{path}{query}")
        own = as_json(response) if query else response.json()
        assert_within(without_hosts(shown), without_hosts(own), path)
        checked += 1
    return checked


def test_seed_000_objects_are_what_their_endpoints_serve(api, frozen):
    """The station, flight and spacecraft LL2 shows inside event 618, as LL2 shows them, equal
    `/2.3.0/space_stations/4/`, `/2.3.0/spacecraft_flights/{id}/`, `/2.3.0/spacecraft/{id}/`."""
    event = reference("v2.3.0_docking_events_618_detailed.json")
    import_documents(event)

    with frozen(SEED_000_CAPTURED_AT):
        assert_same_as_own_endpoints(api, event, "?format=api")

    kinds = {path.rsplit("/", 2)[0] for path, _ in embedded(event)}
    assert kinds >= {"/2.3.0/space_stations", "/2.3.0/spacecraft_flights", "/2.3.0/spacecraft"}


@pytest.mark.parametrize("version", ["2.0.0", "2.2.0", "2.3.0"])
def test_every_object_a_docking_event_shows_is_what_its_endpoint_serves(api, frozen, version):
    datasets.bundled()
    events = "docking_events" if version == "2.3.0" else "docking_event"
    checked = 0
    with frozen("2026-01-01T00:00:00Z"):  # live durations: the same moment everywhere
        for mode in ("normal", "detailed"):
            page = api.get(f"/{version}/{events}/?mode={mode}&limit=100").json()
            checked += assert_same_as_own_endpoints(api, page["results"])
    assert checked > 100


graph = older_versions.graph


def test_the_agency_and_configuration_of_2_0_0_event_633_are_what_their_endpoints_serve(api):
    event = reference("v2.0.0_docking_event_633.json")
    import_documents(event)
    config = event["flight_vehicle"]["spacecraft"]["spacecraft_config"]

    agencies = as_json(api.get("/2.0.0/agencies/?format=api&limit=100"))["results"]
    assert_same_json(next(a for a in agencies if a["id"] == 17), config["agency"])
    assert_same_json(as_json(api.get("/2.0.0/config/spacecraft/2/?format=api")), config)
    listed = as_json(api.get("/2.0.0/config/spacecraft/?format=api&mode=detailed"))["results"]
    assert_same_json(next(c for c in listed if c["id"] == 2), config)
    own = as_json(api.get("/2.0.0/agencies/17/?format=api"))
    assert_within(without_hosts(config["agency"]), without_hosts(own), "agency 17")
    spacecraft_list = next(c for c in own["spacecraft_list"] if c["id"] == 2)
    assert_same_json(spacecraft_list, config)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_flights_launch_is_the_launch_list_object(api, graph, version):
    normal = api.get(f"/{version}/launch/?mode=normal&limit=100").json()["results"]
    by_id = {launch["id"]: launch for launch in normal}
    for mode in ("normal", "detailed"):
        for flight in api.get(f"/{version}/spacecraft/flight/?mode={mode}&limit=100").json()[
            "results"
        ]:
            assert_same_json(flight["launch"], by_id[flight["launch"]["id"]])
    detailed = api.get(f"/{version}/launch/{PROGRESS_MS_30}/").json()
    flight = api.get(f"/{version}/spacecraft/flight/872/").json()
    assert_within(detailed["rocket"]["spacecraft_stage"], flight, "spacecraft_stage")
    assert_within(by_id[PROGRESS_MS_30], detailed, "launch")


def embedded_objects(value, top=True):
    """Every object nested in `value` (not `value` itself) with a `url` we serve."""
    if isinstance(value, dict):
        if not top and LINK.match(value.get("url") or ""):
            yield value
        for item in value.values():
            yield from embedded_objects(item, top=False)
    elif isinstance(value, list):
        for item in value:
            yield from embedded_objects(item, top=False)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_object_shown_inside_another_is_what_its_endpoint_serves(api, frozen, graph, version):
    checked = set()
    with frozen(LATER):
        for resource, mode in sorted(LIST):
            if resource == "launch/upcoming":
                continue
            page = api.get(f"/{version}/{resource}/?mode={mode}&limit=100").json()
            for shown in (obj for item in page["results"] for obj in embedded_objects(item)):
                path = LINK.match(shown["url"]).group(1)
                own = api.get(path)
                assert own.status_code == 200, path
                shown = without_hosts(shown)
                if "/location/" in path:
                    shown.pop("url")  # LL2's `LocationDetail` has no `url`
                assert_within(shown, without_hosts(own.json()), path)
                checked.add(LINK.match(shown.get("url", path)).group(3))
    assert checked >= {
        "agencies",
        "config/launcher",
        "config/spacecraft",
        "pad",
        "program",
        "spacecraft/flight",
        "spacecraft",
    }


# People and events (tests/support/crews.py): each object shown inside another, against its
# own endpoint.
crewed = crews.crewed
# What each resource shows of the others, in one mode or another (the fixture fills them all).
SHOWN_IN = {
    "astronauts": {"agencies"},
    "expeditions": {"astronauts", "space_stations", "spacewalks", "agencies"},
    "spacewalks": {"astronauts", "space_stations", "expeditions", "events"},
    "events": {"astronauts", "space_stations", "expeditions", "spacewalks"},
    "space_stations": {"expeditions"},
}


def keys_of(shape, own):
    """`own` (an object from its endpoint) in `shape`'s form: its keys, in its order."""
    return {key: own[key] for key in shape._declared_fields}


def listed(api, resource, mode):
    """`resource`'s objects by id, in `mode` (the ones an object shows in that mode)."""
    page = api.get(f"/2.3.0/{resource}/?mode={mode}&limit=100").json()
    return {row["id"]: row for row in page["results"]}


@pytest.mark.parametrize("resource", SHOWN_IN)
def test_every_object_a_crew_resource_shows_is_what_its_endpoint_serves(
    api, frozen, crewed, resource
):
    kinds = set()
    with frozen(CAPTURED):
        for mode in modes("2.3.0", resource):
            for item in api.get(f"/2.3.0/{resource}/?mode={mode}&limit=100").json()["results"]:
                for shown in embedded_objects(item):
                    path = LINK.match(shown["url"]).group(1)
                    own = api.get(path)
                    assert own.status_code == 200, path
                    assert_within(without_hosts(shown), without_hosts(own.json()), path)
                    kinds.add(LINK.match(shown["url"]).group(3))
    assert kinds >= SHOWN_IN[resource]


def test_a_crew_member_is_the_astronaut_in_list_mode(api, frozen, crewed):
    with frozen(CAPTURED):
        astronauts = listed(api, "astronauts", "list")
        expeditions = listed(api, "expeditions", "detailed").values()
        spacewalks = [api.get(f"/2.3.0/spacewalks/{SPACEWALK}/").json()]
        shown = [m["astronaut"] for e in [*expeditions, *spacewalks] for m in e["crew"]]

    assert len(shown) == 13  # 11 on the expeditions' crews, 2 on the spacewalk's
    for astronaut in shown:
        assert_same_json(astronaut, astronauts[astronaut["id"]])


def test_a_stations_expedition_is_the_expedition_as_expedition_mini(api, frozen, crewed):
    with frozen(CAPTURED):
        stations = listed(api, "space_stations", "normal").values()
        shown = [e for station in stations for e in station["active_expeditions"]]
        own = {e["id"]: api.get(f"/2.3.0/expeditions/{e['id']}/").json() for e in shown}

    assert sorted(own) == [902, 903, 904]
    for expedition in shown:
        assert_same_json(expedition, keys_of(ExpeditionMini, own[expedition["id"]]))


def test_an_expeditions_spacewalks_and_an_events_expeditions_are_their_list_objects(
    api, frozen, crewed
):
    with frozen(CAPTURED):
        spacewalks = listed(api, "spacewalks", "list")
        expeditions = listed(api, "expeditions", "normal")
        shown_walks = [w for e in expeditions.values() for w in e["spacewalks"]]
        event = api.get(f"/2.3.0/events/{EVENT}/").json()

    assert [w["id"] for w in shown_walks] == [SPACEWALK]
    for walk in shown_walks:
        assert_same_json(walk, spacewalks[walk["id"]])
    assert event["expeditions"]
    for expedition in event["expeditions"]:
        assert_same_json(expedition, expeditions[expedition["id"]])


@pytest.mark.parametrize(("mode", "shape"), [("normal", EventMini), ("detailed", EventNormal)])
def test_a_spacewalks_event_is_the_event_in_its_shape(api, frozen, crewed, mode, shape):
    with frozen(CAPTURED):
        shown = listed(api, "spacewalks", mode)[SPACEWALK]["event"]
        own = api.get(f"/2.3.0/events/{EVENT}/").json()

    assert_same_json(shown, keys_of(shape, own))
