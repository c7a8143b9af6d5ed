"""The number of SQL queries depends on the shape, never on the page size (no N+1)."""

import pytest

from api.shapes import modes
from tests import factories

pytestmark = pytest.mark.django_db

# Every response is built in one snapshot (api/serving/responses.py): its transaction (a
# savepoint inside the test's), and the data generation read in it.
SNAPSHOT = 3
# Pinned per (version, mode): a count and a page query, then one query per table and depth
# the shape reaches (api/rendering/loader.py), whatever the number of rows. The loader follows
# a table's relations for every shape that shows it in the response: a target station (shown
# Mini) has its status and type loaded, which a chaser station (Normal) would show.
LIST_QUERIES = {
    ("2.0.0", "normal"): SNAPSHOT + 8,
    ("2.0.0", "detailed"): SNAPSHOT + 11,
    ("2.2.0", "normal"): SNAPSHOT + 9,
    ("2.2.0", "detailed"): SNAPSHOT + 11,
    ("2.3.0", "normal"): SNAPSHOT + 20,
    ("2.3.0", "detailed"): SNAPSHOT + 35,
}
DETAIL_QUERIES = {"2.0.0": SNAPSHOT + 10, "2.2.0": SNAPSHOT + 10, "2.3.0": SNAPSHOT + 34}

# The resources a docking event links to, over stations where a spacecraft flight and a
# payload flight are docked (every nested object filled): (version, resource, mode) for lists,
# (version, resource) for `{id}/`.
RESOURCE_LIST_QUERIES = {
    ("2.0.0", "spacestation", "normal"): SNAPSHOT + 7,
    ("2.0.0", "spacestation", "detailed"): SNAPSHOT + 26,
    ("2.0.0", "spacecraft/flight", "normal"): SNAPSHOT + 21,
    ("2.0.0", "spacecraft/flight", "detailed"): SNAPSHOT + 26,
    ("2.0.0", "spacecraft", "normal"): SNAPSHOT + 5,
    ("2.0.0", "spacecraft", "detailed"): SNAPSHOT + 22,
    ("2.2.0", "spacestation", "normal"): SNAPSHOT + 7,
    ("2.2.0", "spacestation", "detailed"): SNAPSHOT + 26,
    ("2.2.0", "spacecraft/flight", "normal"): SNAPSHOT + 21,
    ("2.2.0", "spacecraft/flight", "detailed"): SNAPSHOT + 26,
    ("2.2.0", "spacecraft", "normal"): SNAPSHOT + 5,
    ("2.2.0", "spacecraft", "detailed"): SNAPSHOT + 22,
    ("2.3.0", "config/docking_locations", "normal"): SNAPSHOT + 7,
    ("2.3.0", "space_stations", "normal"): SNAPSHOT + 12,
    ("2.3.0", "space_stations", "detailed"): SNAPSHOT + 45,
    ("2.3.0", "spacecraft_flights", "normal"): SNAPSHOT + 30,
    ("2.3.0", "spacecraft_flights", "detailed"): SNAPSHOT + 35,
    ("2.3.0", "spacecraft", "normal"): SNAPSHOT + 10,
    ("2.3.0", "spacecraft", "detailed"): SNAPSHOT + 30,
    ("2.3.0", "payload_flights", "list"): SNAPSHOT + 15,
    ("2.3.0", "payload_flights", "normal"): SNAPSHOT + 29,
    ("2.3.0", "payload_flights", "detailed"): SNAPSHOT + 36,
}
RESOURCE_DETAIL_QUERIES = {
    (version, resource): RESOURCE_LIST_QUERIES[(version, resource, mode)] - 1
    for version, resource, mode in RESOURCE_LIST_QUERIES
    if mode == modes(version, resource)[-1]
}
STATIONS = 20


def events_path(version):
    return "/2.3.0/docking_events/" if version == "2.3.0" else f"/{version}/docking_event/"


@pytest.fixture
def hundred_events():
    return [factories.full_event(day) for day in range(100)]


@pytest.fixture
def busy_stations():
    """Stations with a spacecraft flight and a payload flight docked at their ports."""
    for day in range(STATIONS):
        event = factories.full_event(2 * day)
        factories.full_payload_docking(2 * day + 1, target=event.space_station_target)


@pytest.mark.parametrize(("version", "mode"), sorted(LIST_QUERIES))
@pytest.mark.parametrize("limit", [1, 100])
def test_list_query_count_is_pinned(
    api, django_assert_num_queries, hundred_events, version, mode, limit
):
    with django_assert_num_queries(LIST_QUERIES[(version, mode)]):
        response = api.get(f"{events_path(version)}?mode={mode}&limit={limit}")
    assert len(response.json()["results"]) == limit


@pytest.mark.parametrize("version", sorted(DETAIL_QUERIES))
def test_detail_query_count_is_pinned(api, django_assert_num_queries, hundred_events, version):
    event = hundred_events[50]
    with django_assert_num_queries(DETAIL_QUERIES[version]):
        response = api.get(f"{events_path(version)}{event.pk}/")
    assert response.json()["id"] == event.pk


@pytest.mark.parametrize(("version", "resource"), sorted(RESOURCE_DETAIL_QUERIES))
def test_resource_query_counts_are_pinned(
    api, django_assert_num_queries, busy_stations, version, resource
):
    for mode in modes(version, resource):
        for limit in (1, STATIONS):
            with django_assert_num_queries(RESOURCE_LIST_QUERIES[(version, resource, mode)]):
                response = api.get(f"/{version}/{resource}/?mode={mode}&limit={limit}")
            assert len(response.json()["results"]) == limit
    pk = response.json()["results"][-1]["id"]
    with django_assert_num_queries(RESOURCE_DETAIL_QUERIES[(version, resource)]):
        response = api.get(f"/{version}/{resource}/{pk}/")
    assert response.json()["id"] == pk
