"""The rest of the graph (launches, agencies, landings, configurations, places, lookups)
conforms to LL2's own OpenAPI file, values and key order, in every mode: over the bundled data
(real LL2 values) and over generated data. Skips without LL2's file (tests/test_ll2_schema.py).

Where we hold no value, we show null where LL2's file says a value is never null: those fields
are listed here (and in the README, "Values we don't hold"), and relaxed to nullable, nothing
else."""

import copy
from functools import cache
from io import StringIO

import pytest
from django.core.management import call_command

from api.resources import MODELS
from api.shapes import SHAPES, modes
from tests.test_ll2_schema import (
    LL2_FILE,
    LL2Validator,
    assert_conforms,
    ll2_document,
    nullable,
    oas30_format_checker,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not LL2_FILE.exists(), reason=f"LL2's OpenAPI file is not at {LL2_FILE}"),
]

LAUNCH_TIMES = ["last_updated", "net", "window_end", "window_start"]
NOT_HELD = {
    # An image known from an older version only by its URL.
    "Image": ["license"],
    # A launch known only from a list-mode docking event ({id, url, name}).
    "LaunchBasic": LAUNCH_TIMES,
    "LaunchNormal": LAUNCH_TIMES,
    "LaunchDetailed": [*LAUNCH_TIMES, "pad_turnaround"],
    # A configuration known only from a launch's rocket (LauncherConfigList).
    "LauncherConfigNormal": ["active", "is_placeholder", "reusable"],
    "LauncherConfigDetailed": ["active", "is_placeholder", "reusable"],
    "LauncherConfigDetailedSerializerNoManufacturer": ["active", "is_placeholder", "reusable"],
    "LauncherConfigFamilyDetailed": ["active"],
    # A location known only inside a landing location (no celestial body shown there).
    "Location": ["celestial_body"],
    "LocationSerializerWithPads": ["celestial_body"],
    # A station known only from a docking event's mini form.
    "SpaceStationNormal": ["status", "founded", "type"],
    # We hold no first stages; a landing ends a spacecraft flight or a payload flight, and LL2
    # shows null for the other (as it shows null turnarounds, tests/test_ll2_schema.py).
    **{
        f"LandingEndpoint{mode}": [
            "landing_location",
            "firststage",
            "spacecraftflight",
            "payloadflight",
        ]
        for mode in ("List", "Normal", "Detailed")
    },
    **{
        f"SpacecraftFlight{shape}": ["turn_around_time"]
        for shape in (
            "MiniSerializerNoLanding",
            "NormalSerializerNoLanding",
            "DetailedSerializerNoLanding",
        )
    },
    # A flight whose launch time we don't know has no duration (as in docking events).
    "SpacecraftFlightDetailedSerializerNoLaunch": ["turn_around_time", "landing", "duration"],
    "PayloadFlightSerializerNoLaunch": ["landing"],
}
# A launch known only by its id (older versions show no more): no name to make a slug of.
NO_PATTERN = {shape: ["slug"] for shape in ("LaunchBasic", "LaunchNormal", "LaunchDetailed")}

GRAPH = sorted(
    {
        resource
        for version, resource, _ in SHAPES
        if version == "2.3.0"
        and resource
        not in {
            "docking_events",
            "config/docking_locations",
            "space_stations",
            "spacecraft_flights",
            "spacecraft",
            "payload_flights",
        }
    }
)


@cache
def relaxed_document():
    document = copy.deepcopy(ll2_document())
    components = document["components"]["schemas"]
    for component, fields in NOT_HELD.items():
        for field in fields:
            properties = components[component]["properties"]
            properties[field] = nullable(properties[field])
    for component, fields in NO_PATTERN.items():
        for field in fields:
            components[component]["properties"][field].pop("pattern")
    return document


def ll2_validator(path):
    document = relaxed_document()
    ref = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return LL2Validator({**ref["schema"], **document}, format_checker=oas30_format_checker)


@pytest.fixture(params=["bundled", "generated"])
def data(request):
    if request.param == "bundled":
        call_command("load_bundled_data", stdout=StringIO())
    else:
        call_command("generate_data", "--events", "60", "--seed", "1", stdout=StringIO())


@pytest.mark.parametrize("resource", GRAPH)
def test_every_list_and_detail_conforms(api, data, resource):
    ids = sorted(str(pk) for pk in MODELS[resource].objects.values_list("pk", flat=True))
    for mode in modes("2.3.0", resource):
        url = f"/2.3.0/{resource}/?mode={mode}&limit=100"
        body = api.get(url).json()
        assert_conforms(ll2_validator(f"/2.3.0/{resource}/"), body, url)
    validator = ll2_validator(f"/2.3.0/{resource}/{{id}}/")
    for pk in ids[:25]:
        url = f"/2.3.0/{resource}/{pk}/"
        response = api.get(url)
        if resource.startswith("launches/") and response.status_code == 404:
            continue  # not upcoming (or not previous) at this moment
        assert_conforms(validator, response.json(), url)


@pytest.mark.parametrize("resource", GRAPH)
def test_the_parameters_are_ll2s(api, resource):
    """Every query parameter LL2's file declares for a list, and no other (but `mode`, which
    LL2 describes only in prose)."""
    path = f"/2.3.0/{resource}/"
    ll2 = {p["name"] for p in ll2_document()["paths"][path]["get"]["parameters"]}
    response = api.get("/2.3.0/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    ours = {p["name"] for p in response.json()["paths"][path]["get"]["parameters"]}
    assert ours - {"mode"} == ll2
