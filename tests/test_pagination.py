"""Limit/offset pagination with LL2's envelope and links."""

import pytest

from tests.support import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    return [factories.docking(day) for day in range(130)]


def test_envelope_and_links_keep_parameters_sorted(api, events):
    body = api.get("/2.3.0/docking_events/?ordering=-docking&offset=20&format=json").json()

    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == 130
    assert len(body["results"]) == 10
    assert body["next"] == (
        "http://testserver/2.3.0/docking_events/?format=json&limit=10&offset=30&ordering=-docking"
    )
    assert body["previous"] == (
        "http://testserver/2.3.0/docking_events/?format=json&limit=10&offset=10&ordering=-docking"
    )


def test_previous_drops_offset_at_zero_and_last_page_has_no_next(api, events):
    second = api.get("/2.3.0/docking_events/?offset=10").json()
    assert second["previous"] == "http://testserver/2.3.0/docking_events/?limit=10"

    last = api.get("/2.3.0/docking_events/?offset=120&limit=50").json()
    assert last["next"] is None
    assert len(last["results"]) == 10


def test_pages_are_stable_and_cover_everything_once(api, events):
    seen = []
    url = "/2.3.0/docking_events/?limit=25"
    while url:
        body = api.get(url).json()
        seen += [event["id"] for event in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(event.pk for event in events)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    ("query", "size", "first"),
    [
        ("limit=1000", 100, 0),
        ("limit=100", 100, 0),
        ("limit=abc", 10, 0),
        ("limit=-5", 10, 0),
        ("limit=0", 10, 0),
        ("offset=abc", 10, 0),
        ("offset=-3", 10, 0),
        ("offset=125", 5, 125),
        ("offset=500", 0, None),
    ],
)
def test_limit_clamps_and_bad_values_fall_back(api, events, query, size, first):
    results = api.get(f"/2.3.0/docking_events/?{query}").json()["results"]
    assert len(results) == size
    if first is not None:
        assert results[0]["id"] == events[first].pk


def test_clamped_limit_shows_in_next_link(api, events):
    body = api.get("/2.3.0/docking_events/?limit=1000").json()
    assert body["next"] == "http://testserver/2.3.0/docking_events/?limit=100&offset=100"
