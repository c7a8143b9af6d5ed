"""A flood of page and feed requests can't take the server down: pages and feeds are cached by
the parameters they read (a junk parameter is a cache hit), count against a limit per address
(a 304 is free), build each cold page once however many ask for it, and build few at once."""

import threading
import time

import pytest

from api.serving import cache, responses
from api.serving.responses import Builds, Busy
from pages import views
from tests.support import datasets
from tests.support.pages import ISS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache(settings, own_counters):
    settings.RESPONSE_CACHE = True
    cache.recent.items.clear()
    cache.recent.used = 0
    yield
    cache.recent.items.clear()
    cache.recent.used = 0


@pytest.fixture
def bundled():
    datasets.bundled()


@pytest.fixture
def builds(monkeypatch):
    """How many responses were built (each in its own snapshot)."""
    made = []
    snapshot = responses.snapshot

    def counted():
        made.append(1)
        return snapshot()

    monkeypatch.setattr(responses, "snapshot", counted)
    return made


@pytest.mark.parametrize(
    "path, variants",
    [
        ("/", ["", "?x=1", "?from=2025", "?format=json&y=2"]),
        (
            f"/stations/{ISS}/",
            [
                "?from=2024&to=2025",
                "?to=2025&from=2024&x=1",
                "?from=+2024&to=2025 &y",
                "?q=2&to=2025&from=2024",
            ],
        ),
        (f"/stations/{ISS}/dockings.ics", ["", "?x=1", "?x=2&from=", "?to=&utm_source=a"]),
        (f"/stations/{ISS}/dockings.atom", ["?from=2025", "?from=2025&x=%00", "?from=2025 "]),
        ("/docs/", ["", "?x=1"]),
        ("/astros.json", ["", "?x=1", "?format=json"]),
        (f"/stations/{ISS}/upcoming.ics", ["", "?x=1", "?from=2025"]),
    ],
)
def test_junk_parameters_on_pages_and_feeds_are_cache_hits(api, bundled, builds, path, variants):
    statuses = [api.get(path + query).status_code for query in variants]
    assert statuses == [200] * len(variants)
    assert len(builds) == 1


def test_api_lists_keep_every_parameter_in_their_links(api, bundled, builds):
    """LL2's `next` and `previous` carry every parameter the caller sent: the API's key is the
    whole URL (its rate limit bounds a caller), so each parameter set is a response of its own."""
    for junk in ("a", "b", "a"):
        page = api.get(f"/2.3.0/docking_events/?limit=2&offset=2&junk={junk}&format=json").json()
        assert f"junk={junk}" in page["next"] and f"junk={junk}" in page["previous"]
    assert len(builds) == 2


def test_pages_answer_429_past_their_limit_and_the_api_keeps_its_own(api, bundled, settings):
    settings.THROTTLE_PAGE_RATE = "3/hour"
    settings.THROTTLE_ANON_RATE = "2/hour"
    address = {"REMOTE_ADDR": "203.0.113.7"}
    statuses = [api.get(path, **address).status_code for path in ("/", f"/stations/{ISS}/", "/")]
    refused = api.get("/docs/", **address)
    assert statuses == [200, 200, 200]
    assert refused.status_code == 429 and 3590 <= int(refused["Retry-After"]) <= 3600
    assert api.get("/astros.json", **address).status_code == 429
    assert b"try again in" in refused.content
    assert api.get("/", REMOTE_ADDR="203.0.113.8").status_code == 200
    assert api.get("/2.3.0/docking_events/", **address).status_code == 200


def test_feeds_have_a_limit_of_their_own_and_304s_are_free(api, bundled, settings):
    settings.THROTTLE_FEED_RATE = "2/hour"
    settings.THROTTLE_PAGE_RATE = "1/hour"
    address = {"REMOTE_ADDR": "203.0.113.9"}
    feed = f"/stations/{ISS}/dockings.ics"
    first = api.get(feed, **address)
    for _ in range(5):
        again = api.get(feed, HTTP_IF_NONE_MATCH=first["ETag"], **address)
        assert again.status_code == 304
    assert api.get(f"/stations/{ISS}/dockings.atom", **address).status_code == 200
    assert api.get(feed, **address).status_code == 429
    assert api.get(f"/stations/{ISS}/", **address).status_code == 200


def test_concurrent_requests_for_one_key_build_it_once():
    made, started = [], threading.Event()
    builds = Builds()

    def make():
        started.set()
        time.sleep(0.3)
        made.append(1)
        return len(made)

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(builds.run("key", make))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == [1] and results == [1] * 8
    assert builds.running == {}


def test_a_failed_build_fails_those_waiting_for_it_and_the_next_builds_again():
    builds = Builds()

    def fail():
        raise ValueError("no")

    with pytest.raises(ValueError):
        builds.run("key", fail)
    assert builds.run("key", lambda: "built") == "built"


def test_cold_builds_past_the_cap_wait_then_are_busy():
    builds, holding, release = Builds(limit=1, wait=0.2), threading.Event(), threading.Event()

    def slow():
        holding.set()
        release.wait(5)
        return "slow"

    thread = threading.Thread(target=builds.run, args=("one", slow))
    thread.start()
    holding.wait(5)
    try:
        with pytest.raises(Busy):
            builds.run("another", lambda: "never")
    finally:
        release.set()
        thread.join()
    assert builds.run("another", lambda: "now") == "now"


def test_a_page_with_no_slot_to_build_in_is_a_503(api, bundled, monkeypatch):
    taken = Builds(limit=1, wait=0.05)
    taken.slots.acquire()
    monkeypatch.setattr(views, "builds", taken)
    response = api.get(f"/stations/{ISS}/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert api.get("/2.3.0/docking_events/").status_code == 200
