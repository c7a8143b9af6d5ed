"""Limit/offset pagination with LL2's envelope and links, and its counts kept per data
generation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.serving import counts
from spaceflight.changes import data_changed
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


def counted(api, urls):
    """The counts `urls` answer with, and how many `COUNT(*)` queries they made."""
    with CaptureQueriesContext(connection) as queries:
        found = [api.get(url, HTTP_ACCEPT="application/json").json()["count"] for url in urls]
    return found, sum("COUNT(*)" in query["sql"] for query in queries.captured_queries)


@pytest.fixture
def kept_counts(settings, monkeypatch):
    settings.KEPT_COUNTS = 100
    monkeypatch.setattr(counts.kept, "budget", 100)  # read at start-up
    counts.kept.clear()
    yield
    counts.kept.clear()


def test_every_page_of_a_list_counts_once_per_generation(api, events, kept_counts):
    """No page's count depends on its offset, size, shape, order or format; a filter's does."""
    pages = [
        "/2.3.0/docking_events/",
        "/2.3.0/docking_events/?offset=20&limit=50",
        "/2.3.0/docking_events/?ordering=-docking&mode=detailed&format=json",
        "/2.2.0/docking_event/?offset=10",
    ]
    assert counted(api, pages) == ([130, 130, 130, 130], 2)  # a count per version's path
    station = events[0].space_station_target_id
    assert counted(api, [f"/2.3.0/docking_events/?space_station_target__id={station}"]) == (
        [1],
        1,
    )
    assert counted(api, ["/2.3.0/docking_events/?search=nothing-named-so"]) == ([0], 1)
    assert counted(api, pages) == ([130, 130, 130, 130], 0)
    # Keyed by a digest, whatever the length of what was asked.
    assert counted(api, [f"/2.3.0/docking_events/?search={'x' * 50_000}"]) == ([0], 1)
    assert {len(digest) for _, digest in counts.kept.items} == {32}


def test_a_write_counts_again(api, events, kept_counts):
    assert counted(api, ["/2.3.0/docking_events/"]) == ([130], 1)
    factories.docking(200)
    # The test's transaction replaced the generation once already: a committed write does.
    data_changed()
    assert counted(api, ["/2.3.0/docking_events/", "/2.3.0/docking_events/"]) == ([131, 131], 1)


def test_lists_that_follow_the_clock_count_every_time(api, kept_counts):
    lists = ["/2.3.0/events/upcoming/", "/2.3.0/expeditions/?is_active=true"]
    assert counted(api, lists + lists)[1] == 4
    # The browsable API reads no generation token: it counts.
    with CaptureQueriesContext(connection) as queries:
        for _ in range(2):
            assert api.get("/2.3.0/docking_events/?format=api").status_code == 200
    assert sum("COUNT(*)" in query["sql"] for query in queries.captured_queries) == 2


def test_kept_counts_are_bounded_by_their_number(kept_counts, monkeypatch):
    monkeypatch.setattr(counts.kept, "budget", 2)
    for key in "abc":
        counts.kept.put(key, 10_000)
    counts.kept.get("b")
    counts.kept.put("d", 0)
    assert list(counts.kept.items) == ["b", "d"]
