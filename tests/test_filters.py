"""Filters, search and ordering of /2.3.0/docking_events/ against expected events."""

import pytest

from tests.support import factories

pytestmark = pytest.mark.django_db

URL = "/2.3.0/docking_events/"


def ids(api, query):
    response = api.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    return [event["id"] for event in response.json()["results"]]


@pytest.fixture
def events():
    iss = factories.station("International Space Station")
    tiangong = factories.station("Tiangong")
    harmony = factories.port("Harmony forward", spacestation=iss)
    crew = factories.spacecraft_flight("Crew Dragon Endeavour")
    chaser = factories.payload_flight("SpaDEx Chaser")
    target = factories.payload_flight("SpaDEx Target")
    return {
        "early": factories.docking(10, departure_day=20, chaser=crew, target=iss, location=harmony),
        "middle": factories.docking(
            30, chaser=factories.spacecraft_flight("Shenzhou 20"), target=tiangong
        ),
        "late": factories.docking(50, departure_day=60, target=iss),
        "spadex": factories.docking(40, chaser=chaser, target=target),
    }


def test_default_order_is_docking_time_then_id(api, events):
    assert ids(api, "") == [events[k].pk for k in ("early", "middle", "spadex", "late")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("docking__gt=2025-01-31T00:00:00Z", ["spadex", "late"]),
        ("docking__gte=2025-01-31T00:00:00Z", ["middle", "spadex", "late"]),
        ("docking__lt=2025-01-31T00:00:00Z", ["early"]),
        ("docking__lte=2025-01-31T00:00:00Z", ["early", "middle"]),
        ("docked=true", ["middle", "spadex"]),
        ("docked=1", ["middle", "spadex"]),
        ("docked=false", ["early", "late"]),
        ("docked=0", ["early", "late"]),
    ],
)
def test_date_and_docked_filters(api, events, query, expected):
    assert ids(api, query) == [events[k].pk for k in expected]


def test_id_filters(api, events):
    early = events["early"]
    assert ids(api, f"docking_location__id={early.docking_location_id}") == [early.pk]
    assert ids(api, f"flight_vehicle_chaser__id={early.flight_vehicle_chaser_id}") == [early.pk]
    iss = early.space_station_target_id
    assert ids(api, f"space_station_target__id={iss}") == [early.pk, events["late"].pk]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("harmony", ["early"]),
        ("endeavour", ["early"]),
        ("shenzhou", ["middle"]),
        ("tiangong", ["middle"]),
        ("spadex", ["spadex"]),
        ("SpaDEx target", ["spadex"]),
        ("international endeavour", ["early"]),
        ("international", ["early", "late"]),
        ("soyuz", []),
    ],
)
def test_search_needs_every_word_in_some_field(api, events, term, expected):
    assert ids(api, f"search={term}") == [events[k].pk for k in expected]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-docking", ["late", "spadex", "middle", "early"]),
        ("departure", ["early", "late", "middle", "spadex"]),
        # Still-docked events (no departure) first, as PostgreSQL orders NULLs descending.
        ("-departure", ["middle", "spadex", "late", "early"]),
        ("-departure,-docking", ["spadex", "middle", "late", "early"]),
        ("unknown_field", ["early", "middle", "spadex", "late"]),
        ("name,-docking", ["late", "spadex", "middle", "early"]),
    ],
)
def test_ordering(api, events, ordering, expected):
    assert ids(api, f"ordering={ordering}") == [events[k].pk for k in expected]


def test_filters_combine_with_search_and_ordering(api, events):
    query = "docked=false&search=international&ordering=-docking"
    assert ids(api, query) == [events["late"].pk, events["early"].pk]


def test_unknown_and_empty_parameters_are_ignored(api, events):
    everything = ids(api, "")
    assert ids(api, "departure__isnull=true&space_station=4&limit=&offset=&docked=") == everything


LEGACY_VERSIONS = ["2.0.0", "2.2.0"]


def legacy_ids(api, version, query):
    response = api.get(f"/{version}/docking_event/?{query}")
    assert response.status_code == 200, response.content
    return [event["id"] for event in response.json()["results"]]


@pytest.mark.parametrize("version", LEGACY_VERSIONS)
def test_legacy_filters_use_the_old_names(api, events, version):
    early, late = events["early"], events["late"]
    station = early.space_station_target_id
    assert legacy_ids(api, version, f"space_station__id={station}") == [early.pk, late.pk]
    chaser = early.flight_vehicle_chaser_id
    assert legacy_ids(api, version, f"flight_vehicle__id={chaser}") == [early.pk]
    location = early.docking_location_id
    assert legacy_ids(api, version, f"docking_location__id={location}") == [early.pk]
    assert legacy_ids(api, version, "docking__gte=2025-01-31T00:00:00Z") == [
        events["middle"].pk,
        late.pk,
    ]
    # 2.3.0's names mean nothing here, and are ignored like any unknown parameter.
    assert legacy_ids(api, version, f"space_station_target__id={station}&docked=true") == [
        early.pk,
        events["middle"].pk,
        late.pk,
    ]


@pytest.mark.parametrize("version", LEGACY_VERSIONS)
def test_legacy_search_and_ordering(api, events, version):
    early, middle, late = events["early"], events["middle"], events["late"]
    assert legacy_ids(api, version, "search=international") == [early.pk, late.pk]
    assert legacy_ids(api, version, "search=shenzhou") == [middle.pk]
    assert legacy_ids(api, version, "ordering=-id") == [late.pk, middle.pk, early.pk]
    assert legacy_ids(api, version, "ordering=-departure") == [middle.pk, late.pk, early.pk]


@pytest.mark.parametrize("version", LEGACY_VERSIONS)
def test_legacy_bad_filter_value_is_a_400(api, events, version):
    response = api.get(f"/{version}/docking_event/?space_station__id=iss")
    assert response.status_code == 400
    assert response.json() == {"space_station__id": ["Enter a number."]}
