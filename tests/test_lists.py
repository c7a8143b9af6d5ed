"""Lists' pages rendered on write (api/serving/lists.py): a page readers asked for is rendered
again by the next write's writer, the same bytes as one built afresh, live durations still
live, and answered before the view; only the most recently asked are, within the window, the
others deleted; each is kept for the host it was asked on; lists that follow the clock are not
kept; the writer's requests count against no one's limit."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from api.models import Fragment
from api.serving import cache
from spaceflight.models import DockingEvent
from tests.support import factories

# Real commits: the writer renders once its write has committed, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/2.3.0/docking_events/?limit=10"
URL = f"http://testserver{LIST}"
MOMENT = datetime(2025, 4, 13, 2, 53, 57, tzinfo=UTC)


@pytest.fixture(autouse=True)
def on(settings, fragments, monkeypatch):
    settings.RESPONSE_CACHE = True
    monkeypatch.setattr(cache, "recent", cache.Recent(budget=64 * 1024 * 1024))


@pytest.fixture
def events():
    ended = factories.spacecraft_flight(mission_end=datetime(2025, 3, 1, tzinfo=UTC))
    return [factories.docking(day, departure_day=day + 5, chaser=ended) for day in (1, 2, 3)]


def at(moment):
    return time_machine.travel(moment, tick=False)


def a_write(event):
    """One event changes: its writer commits, then renders again what the write made stale."""
    event.docking += timedelta(seconds=1)
    event.save()


def fresh(api, path, **headers):
    with override_settings(RENDER_FRAGMENTS=False, RESPONSE_CACHE=False):
        return api.get(path, **headers).content


def test_a_list_asked_for_is_rendered_by_the_next_write_and_answered_from_it(api, events):
    assert api.get(LIST).status_code == 200
    noted = Fragment.objects.get(url=URL)
    assert noted.stale and bytes(noted.body) == b""  # noted for writers, never read

    a_write(events[0])
    kept = Fragment.objects.get(url=URL)
    assert not kept.stale
    with CaptureQueriesContext(connection) as queries:
        served = api.get(LIST).content
    assert served == bytes(kept.body) == fresh(api, LIST)
    assert not [q for q in queries if "spaceflight_dockingevent" in q["sql"]], "built again"


def test_a_kept_page_keeps_live_durations_live(api):
    live = factories.spacecraft_flight(mission_end=None)
    event = factories.docking(1, chaser=live)
    with at(MOMENT):
        api.get(LIST)
        a_write(event)
    assert not Fragment.objects.get(url=URL).stale
    for moment in (MOMENT, MOMENT + timedelta(hours=5)):
        with at(moment):
            assert api.get(LIST).content == fresh(api, LIST)


def test_only_the_most_recently_asked_lists_are_rendered_the_others_deleted(api, events, settings):
    settings.RENDERED_LISTS = 2
    asked = {
        "/2.3.0/docking_events/?limit=4": MOMENT - timedelta(hours=2),  # past the window
        "/2.3.0/docking_events/?limit=3": MOMENT - timedelta(minutes=3),
        "/2.3.0/docking_events/?limit=2": MOMENT - timedelta(minutes=2),
        "/2.3.0/docking_events/?limit=1": MOMENT - timedelta(minutes=1),
    }
    for path, moment in asked.items():
        with at(moment):
            api.get(path)
    with at(MOMENT):
        a_write(events[0])
    kept = set(Fragment.objects.exclude(url=None).values_list("url", "stale"))
    assert kept == {
        ("http://testserver/2.3.0/docking_events/?limit=2", False),
        ("http://testserver/2.3.0/docking_events/?limit=1", False),
    }


def test_a_page_is_kept_for_the_host_it_was_asked_on(api, events, settings):
    settings.ALLOWED_HOSTS = ["*"]
    mirror = {"HTTP_HOST": "mirror.example.org"}
    api.get(LIST, **mirror)
    a_write(events[0])
    assert Fragment.objects.get(stale=False, url__isnull=False).url == (
        f"http://mirror.example.org{LIST}"
    )
    assert b"http://mirror.example.org/2.3.0/" in api.get(LIST, **mirror).content
    assert api.get(LIST).content == fresh(api, LIST)


@pytest.mark.parametrize(
    "path",
    [
        "/2.3.0/launches/upcoming/",  # follows the clock
        f"{LIST}&format=api",  # the browsable page
    ],
)
def test_lists_that_follow_the_clock_and_pages_not_in_json_are_not_kept(api, events, path):
    assert api.get(path).status_code == 200
    assert not Fragment.objects.exclude(url=None).exists()


def test_the_writer_counts_against_no_limit(api, events, settings):
    settings.THROTTLE_ANON_RATE = "15/hour"
    api.get(LIST)
    before = api.get("/2.3.0/api-throttle/").json()["current_use"]
    a_write(DockingEvent.objects.order_by("id").first())
    assert not Fragment.objects.get(url=URL).stale
    assert api.get("/2.3.0/api-throttle/").json()["current_use"] == before
