"""The 2.2.0 and 2.0.0 people and events answer in LL2's components: every list in each of its
modes and every `{id}/` lists the keys of the version's component, in its order, and so does
each object nested in it; a station's expeditions under way and a flight's crews too.

2.2.0's components as the clients generated from its OpenAPI file list them (the newest form,
2023), 2.0.0's as a client generated from its Swagger file does (README, "Crew and events in
2.2.0 and 2.0.0"); the real 2.2.0 astronaut list is compared whole in test_golden_crew.py."""

import pytest
from django.utils import timezone

from api.shapes import LEGACY_CREWED as ROWS
from tests.support import crewed as crew_data

pytestmark = pytest.mark.django_db

crewed = crew_data.crewed

# fmt: off
ASTRONAUT_2_0_0 = [
    "id", "url", "name", "status", "type", "date_of_birth", "date_of_death", "nationality", "bio",
    "twitter", "instagram", "wiki", "agency", "profile_image", "profile_image_thumbnail",
    "last_flight", "first_flight",
]
COMPONENTS = {
    "2.2.0": {
        "Astronaut": [
            "id", "url", "name", "status", "agency", "profile_image", "profile_image_thumbnail",
        ],
        "AstronautNormal": [
            "id", "url", "name", "status", "type", "in_space", "time_in_space", "eva_time", "age",
            "date_of_birth", "date_of_death", "nationality", "bio", "twitter", "instagram",
            "wiki", "agency", "profile_image", "profile_image_thumbnail", "flights_count",
            "landings_count", "spacewalks_count", "last_flight", "first_flight",
        ],
        "AstronautDetailed": [
            "id", "url", "name", "status", "type", "in_space", "time_in_space", "eva_time",
            "agency", "age", "date_of_birth", "date_of_death", "nationality", "twitter",
            "instagram", "bio", "profile_image", "profile_image_thumbnail", "wiki", "flights",
            "landings", "flights_count", "landings_count", "spacewalks_count", "last_flight",
            "first_flight", "spacewalks",
        ],
        "AstronautDetailedSerializerNoFlights": [
            "id", "url", "name", "type", "in_space", "time_in_space", "status", "agency",
            "date_of_birth", "date_of_death", "nationality", "twitter", "instagram", "bio",
            "profile_image", "wiki", "last_flight", "first_flight",
        ],
        "AstronautRole": ["id", "role", "priority"],
        "AstronautFlight": ["id", "role", "astronaut"],
        "AstronautFlightForExpedition": ["id", "role", "astronaut"],
        "Expedition": [
            "id", "url", "name", "start", "end", "spacestation", "mission_patches", "spacewalks",
        ],
        "ExpeditionDetail": [
            "id", "url", "name", "start", "end", "spacestation", "crew", "mission_patches",
            "spacewalks",
        ],
        "ExpeditionSerializerForSpacestation": ["id", "url", "name", "start", "end"],
        "ExpeditionDetailedSerializerForSpacestation": [
            "id", "url", "name", "start", "end", "crew",
        ],
        "ExpeditionDetailedSerializerForSpacewalk": [
            "id", "url", "name", "start", "end", "spacestation", "mission_patches",
        ],
        "SpaceStationSerializerForExpedition": [
            "id", "url", "name", "status", "orbit", "image_url",
        ],
        "SpaceStationDetailedSerializerForExpedition": [
            "id", "url", "name", "status", "founded", "description", "orbit", "image_url", "owners",
        ],
        "SpaceStationSerializerForCommon": [
            "id", "url", "name", "status", "founded", "description", "orbit", "image_url",
        ],
        "SpacewalkList": ["id", "url", "name", "start", "end", "duration", "location"],
        "SpacewalkNormal": ["id", "url", "name", "start", "end", "duration", "location", "crew"],
        "SpacewalkDetailed": [
            "id", "url", "name", "start", "end", "duration", "location", "crew", "spacestation",
            "expedition", "spacecraft_flight", "event", "program",
        ],
        "EventDetailedSerializerForSpacewalk": [
            "id", "url", "slug", "name", "type", "description", "webcast_live", "location",
            "news_url", "video_url", "feature_image", "date", "date_precision",
        ],
        "Events": [
            "id", "url", "slug", "name", "updates", "type", "description", "webcast_live",
            "location", "news_url", "video_url", "feature_image", "date", "date_precision",
            "launches", "expeditions", "spacestations", "program",
        ],
    },
    "2.0.0": {
        "AstronautNormal": ASTRONAUT_2_0_0,
        "AstronautDetailed": [
            "id", "url", "name", "status", "type", "agency", "date_of_birth", "date_of_death",
            "nationality", "twitter", "instagram", "bio", "profile_image",
            "profile_image_thumbnail", "wiki", "flights", "landings", "last_flight",
            "first_flight",
        ],
        "AstronautDetailedSerializerNoFlights": [
            "id", "url", "name", "type", "status", "agency", "date_of_birth", "date_of_death",
            "nationality", "twitter", "instagram", "bio", "profile_image", "wiki", "last_flight",
            "first_flight",
        ],
        "Expedition": ["id", "url", "name", "start", "end", "spacestation"],
        "ExpeditionDetail": ["id", "url", "name", "start", "end", "spacestation", "crew"],
        "Events": [
            "id", "url", "slug", "name", "type", "description", "location", "news_url",
            "video_url", "feature_image", "date", "launches", "expeditions", "spacestations",
            "program",
        ],
    },
}
# fmt: on
# 2.0.0's other components are 2.2.0's.
COMPONENTS["2.0.0"] = {**COMPONENTS["2.2.0"], **COMPONENTS["2.0.0"]}

# What a component nests that is a crew or event component: key -> component.
NESTED = {
    "AstronautDetailed": {"spacewalks": "SpacewalkNormal"},
    "AstronautFlight": {
        "role": "AstronautRole",
        "astronaut": "AstronautDetailedSerializerNoFlights",
    },
    "AstronautFlightForExpedition": {"role": "AstronautRole", "astronaut": "Astronaut"},
    "Expedition": {
        "spacestation": "SpaceStationSerializerForExpedition",
        "spacewalks": "SpacewalkList",
    },
    "ExpeditionDetail": {
        "spacestation": "SpaceStationDetailedSerializerForExpedition",
        "crew": "AstronautFlightForExpedition",
        "spacewalks": "SpacewalkNormal",
    },
    "ExpeditionDetailedSerializerForSpacestation": {"crew": "AstronautFlightForExpedition"},
    "ExpeditionDetailedSerializerForSpacewalk": {
        "spacestation": "SpaceStationSerializerForExpedition",
    },
    "SpacewalkNormal": {"crew": "AstronautFlight"},
    "SpacewalkDetailed": {
        "crew": "AstronautFlight",
        "spacestation": "SpaceStationSerializerForCommon",
        "expedition": "ExpeditionDetailedSerializerForSpacewalk",
        "event": "EventDetailedSerializerForSpacewalk",
    },
    "Events": {"expeditions": "Expedition", "spacestations": "SpaceStationSerializerForCommon"},
}
SHAPE_NAMES = {shape: shape.__name__ for shape in ROWS.values()}


def assert_component(value, version, component, where="$"):
    """`value` lists exactly the component's keys, in order, and so does each object it nests
    (a list's items too); 2.0.0 names a crew member's role, 2.2.0 nests it."""
    assert list(value) == COMPONENTS[version][component], f"{where}: {component}"
    for key, inner in NESTED.get(component, {}).items():
        if key not in value:
            continue
        if inner == "AstronautRole" and version == "2.0.0":
            assert value[key] is None or isinstance(value[key], str), f"{where}.{key}"
            continue
        items = value[key] if isinstance(value[key], list) else [value[key]]
        for index, item in enumerate(items):
            if item is not None:
                assert_component(item, version, inner, f"{where}.{key}[{index}]")


def detail_component(version, resource):
    return SHAPE_NAMES[
        ROWS.get((version, resource, "detailed")) or ROWS[(version, resource, "normal")]
    ]


# The lookups are 2.3.0's shapes (test_ll2_schema.py checks their keys).
PATHS = sorted(row for row in ROWS if not row[1].startswith("config/"))


@pytest.mark.parametrize(("version", "resource", "mode"), PATHS)
def test_every_list_and_detail_answers_in_ll2s_component(api, crewed, version, resource, mode):
    results = api.get(f"/{version}/{resource}/?mode={mode}&limit=100").json()["results"]
    assert results
    for index, item in enumerate(results):
        assert_component(item, version, SHAPE_NAMES[ROWS[(version, resource, mode)]], index)
    for item in results[:5]:
        body = api.get(f"/{version}/{resource}/{item['id']}/").json()
        assert_component(body, version, detail_component(version, resource), item["id"])


@pytest.mark.parametrize("version", ["2.2.0", "2.0.0"])
def test_stations_and_flights_nest_their_crews_in_ll2s_components(api, crewed, version):
    stations = api.get(f"/{version}/spacestation/?mode=detailed&limit=100").json()["results"]
    under_way = [e for s in stations for e in s["active_expeditions"]]
    assert any(e["crew"] for e in under_way)
    for expedition in under_way:
        assert_component(expedition, version, "ExpeditionDetailedSerializerForSpacestation")
        assert expedition["end"] is None or expedition["end"] > timezone.now().isoformat()
    listed = api.get(f"/{version}/spacestation/?limit=100").json()["results"]
    for station in listed:
        for expedition in station["active_expedition"]:
            assert_component(expedition, version, "ExpeditionSerializerForSpacestation")

    flights = api.get(f"/{version}/spacecraft/flight/?mode=detailed&limit=100").json()
    crews = [
        member
        for flight in flights["results"]
        for key in ("launch_crew", "onboard_crew", "landing_crew")
        for member in flight[key]
    ]
    assert crews
    for member in crews:
        assert_component(member, version, "AstronautFlight")
        assert member["astronaut"]["url"].endswith(
            f"/{version}/astronaut/{member['astronaut']['id']}/"
        )
