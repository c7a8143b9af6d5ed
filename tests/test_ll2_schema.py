"""What we serve under 2.3.0 conforms to LL2's own published OpenAPI file, values and key order,
in every mode, and takes LL2's query parameters, for every resource: docking events and what they
are made of (docking locations, stations, flights, spacecraft, payload flights) over generated
data, the rest of the graph (launches, agencies, landings, configurations, places, lookups,
people, events) over the bundled data (real LL2 values) and over generated data, and people
and events with crews and what embeds them over synthetic crews (tests/support/crewed.py).

LL2's file lives beside the repository (`../shared/ll2/openapi-2.3.0.json`), never in it: these
tests skip without it. It is relaxed in two tables of tests/support/ll2_schema.py only, keyed by
LL2's component name, each entry with its reason, and nothing else is relaxed:
- REAL_NULLS, everywhere: fields LL2's file says are never null, where real LL2 responses have
  null (SPEC.md), in the components docking events are made of.
- NOT_HELD, for the rest of the graph only: where we hold no value (an object known only from
  another resource's form or an older version, a first stage), we show null (or `""`) where
  LL2's file says a value is never null (or has a pattern); they are listed in the README too,
  "Values we don't hold". Docking events and what they are made of are checked without these.
"""

import pytest

from api.resources import MODELS
from api.shapes import SHAPES, modes
from tests.support import crewed as crew_data
from tests.support import datasets
from tests.support.ll2_schema import (
    LL2_FILE,
    NOT_HELD,
    REAL_NULLS,
    assert_conforms,
    ll2_document,
    ll2_file,
    ll2_validator,
)

crewed = crew_data.crewed
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("fragments"),  # as in production (api/rendering/fragments.py)
    pytest.mark.skipif(not LL2_FILE.exists(), reason=f"LL2's OpenAPI file is not at {LL2_FILE}"),
]

EVERY_RESOURCE = sorted({resource for version, resource, _ in SHAPES if version == "2.3.0"})
# Docking events and what they are made of: the lists must show every row generated.
DOCKING = [
    "docking_events",
    "space_stations",
    "spacecraft_flights",
    "spacecraft",
    "payload_flights",
]
GRAPH = sorted(set(EVERY_RESOURCE) - {*DOCKING, "config/docking_locations"})
# Parameters LL2 declares in a file newer than 2.3.0's: the newer dev build lists `docked`
# (seed 003); LL2 2.4.0's file declares the expeditions' `is_active`.
NEWER_THAN_THE_FILE = {"docking_events": {"docked"}, "expeditions": {"is_active"}}
# People and events (the bundled data has no crews, spacewalks nor events: `crewed` adds
# synthetic ones), and what embeds them, with the key that must hold some of them in one of
# its answers.
CREWS = {
    "astronauts": "nationality",
    "expeditions": "crew",
    "spacewalks": "crew",
    "events": "astronauts",
    "events/upcoming": "expeditions",
    "events/previous": "spacestations",
    "config/astronaut_roles": "results",
    "config/astronaut_statuses": "results",
    "config/astronaut_types": "results",
    "config/event_types": "results",
    "space_stations": "active_expeditions",
    "spacecraft_flights": "onboard_crew",
    "launches": "landing_crew",
    "landings": "launch_crew",
}


def assert_list_conforms(api, url, count):
    body = api.get(url).json()
    assert body["count"] == len(body["results"]) == count
    assert_conforms(ll2_validator(url.split("?")[0]), body, url)
    return body["results"]


def assert_details_conform(api, path, ids):
    validator = ll2_validator(path)
    for pk in ids:
        url = path.format(id=pk)
        assert_conforms(validator, api.get(url).json(), url)


def generate():
    datasets.generated(60, seed=1)


@pytest.fixture
def generated():
    generate()


@pytest.fixture(params=["bundled", "generated"])
def data(request):
    if request.param == "bundled":
        datasets.bundled()
    else:
        generate()


@pytest.mark.parametrize("resource", DOCKING)
def test_generated_resources_conform_in_every_mode(api, generated, resource):
    """The generator's own rows, as they are (stations with their status, type and owners):
    every list in every mode, every detail (LL2 answers a detail in its detailed shape only,
    whatever `mode` says)."""
    ids = sorted(MODELS[resource].objects.values_list("pk", flat=True))
    assert ids
    for mode in modes("2.3.0", resource):
        url = f"/2.3.0/{resource}/?mode={mode}&limit=100"
        items = assert_list_conforms(api, url, len(ids))
        assert [item["id"] for item in sorted(items, key=lambda item: item["id"])] == ids
        assert {item["response_mode"] for item in items} == {mode}
    assert_details_conform(api, f"/2.3.0/{resource}/{{id}}/", ids)
    validator = ll2_validator(f"/2.3.0/{resource}/{{id}}/")
    for mode in modes("2.3.0", resource):
        url = f"/2.3.0/{resource}/{ids[0]}/?mode={mode}"
        body = api.get(url).json()
        assert body["response_mode"] == "detailed"
        assert_conforms(validator, body, url)


def test_generated_docking_locations_conform(api, generated):
    ids = list(MODELS["config/docking_locations"].objects.values_list("pk", flat=True))
    assert_list_conforms(api, "/2.3.0/config/docking_locations/?limit=100", len(ids))
    assert_details_conform(api, "/2.3.0/config/docking_locations/{id}/", ids)


def test_generated_stations_show_their_status_type_and_owners(api, generated):
    for mode in modes("2.3.0", "space_stations"):
        for station in api.get(f"/2.3.0/space_stations/?mode={mode}").json()["results"]:
            assert station["status"]["name"] == "Active"
            assert station["type"]["name"] in {"Government", "Multinational", "Commercial"}
    station = api.get("/2.3.0/space_stations/1/").json()
    assert station["name"] == "ISS" and station["type"]["name"] == "Multinational"
    assert {owner["name"] for owner in station["owners"]} == {"NASA", "ROSCOSMOS", "JAXA", "ESA"}


@pytest.mark.parametrize("resource", GRAPH)
def test_every_list_and_detail_conforms(api, data, resource):
    ids = sorted(str(pk) for pk in MODELS[resource].objects.values_list("pk", flat=True))
    for mode in modes("2.3.0", resource):
        url = f"/2.3.0/{resource}/?mode={mode}&limit=100"
        body = api.get(url).json()
        assert_conforms(ll2_validator(f"/2.3.0/{resource}/", not_held=True), body, url)
    validator = ll2_validator(f"/2.3.0/{resource}/{{id}}/", not_held=True)
    for pk in ids[:25]:
        url = f"/2.3.0/{resource}/{pk}/"
        response = api.get(url)
        if resource.endswith(("/upcoming", "/previous")) and response.status_code == 404:
            continue  # not upcoming (or not previous) at this moment
        assert_conforms(validator, response.json(), url)


def holds(body, key):
    """Whether some object in `body` has a non-empty list at `key`."""
    if isinstance(body, list):
        return any(holds(item, key) for item in body)
    if isinstance(body, dict):
        return bool(body.get(key)) or any(holds(value, key) for value in body.values())
    return False


@pytest.mark.parametrize("resource", CREWS)
def test_crews_and_events_conform(api, crewed, resource):
    """Every list in every mode and every detail, with crews, expeditions under way, events
    to come and past, and rows known only from smaller forms (NOT_HELD, but for docking
    events and what they are made of, which embed none of those)."""
    not_held = resource not in DOCKING
    answers = []
    for mode in modes("2.3.0", resource):
        url = f"/2.3.0/{resource}/?mode={mode}&limit=100"
        answers.append(api.get(url).json())
        assert answers[-1]["results"], url
        assert_conforms(ll2_validator(f"/2.3.0/{resource}/", not_held), answers[-1], url)
    validator = ll2_validator(f"/2.3.0/{resource}/{{id}}/", not_held)
    for item in answers[0]["results"]:
        url = f"/2.3.0/{resource}/{item['id']}/"
        answers.append(api.get(url).json())
        assert_conforms(validator, answers[-1], url)
    assert holds(answers, CREWS[resource])


def test_the_validator_rejects_what_ll2_would_not_serve(api, generated):
    event = api.get("/2.3.0/docking_events/1/").json()
    validator = ll2_validator("/2.3.0/docking_events/{id}/")
    assert validator.is_valid(event)
    assert not validator.is_valid(dict(reversed(event.items())))
    assert not validator.is_valid({**event, "docking": None})
    assert not validator.is_valid({**event, "docking": "yesterday"})
    location = {**event["docking_location"], "name": None}
    assert not validator.is_valid({**event, "docking_location": location})


def test_every_relaxation_relaxes_what_ll2s_file_holds_strict():
    """A field relaxed is never null in LL2's file (or has a pattern): a relaxation LL2's file no
    longer needs must go, not linger unseen."""
    components = ll2_file()["components"]["schemas"]
    assert REAL_NULLS.keys().isdisjoint(NOT_HELD)
    for component, relaxed in {**REAL_NULLS, **NOT_HELD}.items():
        properties = components[component]["properties"]
        assert relaxed.why and (relaxed.nullable or relaxed.unpatterned), component
        for field in relaxed.nullable:
            assert properties[field].get("nullable") is not True, (component, field)
        for field in relaxed.unpatterned:
            assert "pattern" in properties[field], (component, field)


@pytest.mark.parametrize("resource", EVERY_RESOURCE)
def test_parameters_are_ll2s(api, resource):
    """Every filter, search and ordering parameter LL2's file declares for a list, and no other
    (but `mode`, which LL2 describes only in prose)."""
    path = f"/2.3.0/{resource}/"
    ours = api.get("/2.3.0/schema/?format=json").json()["paths"][path]["get"]["parameters"]
    theirs = ll2_document()["paths"][path]["get"]["parameters"]
    expected = {p["name"] for p in theirs} | NEWER_THAN_THE_FILE.get(resource, set())
    assert {p["name"] for p in ours} - {"mode"} == expected
