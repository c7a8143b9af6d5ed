"""The number of SQL queries depends on the shape, never on the page size (no N+1)."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

# Every response is built in one snapshot (api/responses.py): its transaction (a savepoint inside
# the test's), and the data generation read in it.
SNAPSHOT = 3
# Pinned per (version, mode): a count and a page query, then one query per table and depth
# the shape reaches (api/rendering/loader.py), whatever the number of rows.
LIST_QUERIES = {
    ("2.0.0", "normal"): SNAPSHOT + 8,
    ("2.0.0", "detailed"): SNAPSHOT + 11,
    ("2.2.0", "normal"): SNAPSHOT + 9,
    ("2.2.0", "detailed"): SNAPSHOT + 11,
    ("2.3.0", "normal"): SNAPSHOT + 20,
    ("2.3.0", "detailed"): SNAPSHOT + 33,
}
DETAIL_QUERIES = {"2.0.0": SNAPSHOT + 10, "2.2.0": SNAPSHOT + 10, "2.3.0": SNAPSHOT + 32}


def events_path(version):
    return "/2.3.0/docking_events/" if version == "2.3.0" else f"/{version}/docking_event/"


@pytest.fixture
def hundred_events():
    return [factories.full_event(day) for day in range(100)]


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
