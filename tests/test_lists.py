"""Lists' pages rendered on write (api/serving/lists.py): a page readers asked for is rendered
again by the next write's writer, the same bytes as one built afresh, live durations still
live, and answered from the database before the view by a process that holds nothing in
memory; a page rendered from a snapshot older than a write is not kept; only the most
recently asked are rendered, within the window, the others deleted; each is kept for the host
it was asked on; lists that follow the clock, pages in another format, with a parameter the
view doesn't read or a raw UTF-8 query are not kept; the writer's requests count against no
one's limit."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from api.models import Fragment
from api.rendering import fragments
from api.serving import cache
from spaceflight.models import DockingEvent
from tests.conftest import reads_fragments
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


def another_process():
    """What a process that holds nothing in memory sees: the database (and Redis, emptied)."""
    cache.recent.clear()
    caches["default"].clear()


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
    another_process()
    with CaptureQueriesContext(connection) as queries:
        served = api.get(LIST).content
    read = [q["sql"] for q in queries]  # before another request starts a new log
    assert any(reads_fragments(sql) for sql in read), "not read from the database"
    assert not any("spaceflight_dockingevent" in sql for sql in read), "built again"
    assert served == bytes(kept.body) == fresh(api, LIST)


def test_a_kept_page_is_answered_with_the_etag_its_writer_made(api, events):
    """A reader does not hash the page again (1.2 MB of 100 detailed events: 0.65 ms)."""
    api.get(LIST)
    a_write(events[0])
    kept = Fragment.objects.get(url=URL)
    assert kept.etag == f'"{hashlib.sha1(bytes(kept.body)).hexdigest()}"'
    Fragment.objects.filter(url=URL).update(etag='"as-its-writer-made-it"')
    another_process()
    assert api.get(LIST)["ETag"] == '"as-its-writer-made-it"'


def test_a_kept_page_keeps_live_durations_live(api):
    live = factories.spacecraft_flight(mission_end=None)
    event = factories.docking(1, chaser=live)
    with at(MOMENT):
        api.get(LIST)
        a_write(event)
    kept = Fragment.objects.get(url=URL)
    assert not kept.stale and kept.etag is None  # its bytes change with the clock
    for moment in (MOMENT, MOMENT + timedelta(hours=5)):
        another_process()
        with at(moment), CaptureQueriesContext(connection) as queries:
            served = api.get(LIST).content
            assert not any("spaceflight_dockingevent" in q["sql"] for q in queries), "built"
            assert served == fresh(api, LIST)


def test_a_page_rendered_before_a_write_commits_is_not_kept(api, events, monkeypatch):
    api.get(LIST)
    keep_built = fragments.keep_built

    def a_write_meanwhile():
        # After the writer's snapshot, before its page is kept: a raw write, as `psql` makes.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE spaceflight_dockingevent SET docking = %s WHERE id = %s",
                [MOMENT, events[1].pk],
            )
        keep_built()

    monkeypatch.setattr(fragments, "keep_built", a_write_meanwhile)
    a_write(events[0])
    assert Fragment.objects.get(url=URL).stale


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
    kept = Fragment.objects.get(stale=False, url__isnull=False)
    assert kept.url == f"http://mirror.example.org{LIST}"
    assert b"http://mirror.example.org/2.3.0/" in bytes(kept.body)
    another_process()
    served = api.get(LIST).content
    assert served == fresh(api, LIST) and b"mirror.example.org" not in served


@pytest.mark.parametrize(
    "path",
    [
        "/2.3.0/launches/upcoming/",  # follows the clock
        "/2.3.0/expeditions/?is_active=true",  # a filter by the clock
        f"{LIST}&format=api",  # the browsable page
        f"{LIST}&made_up=1",  # a parameter the view doesn't read
        f"{LIST}&search=\u00e9",  # a raw UTF-8 query string (a percent-encoded one is kept)
    ],
)
def test_pages_that_are_not_kept(api, events, path):
    assert api.get(path).status_code == 200
    assert not Fragment.objects.exclude(url=None).exists()


def test_a_percent_encoded_query_is_kept(api, events):
    api.get(f"{LIST}&search=%C3%A9")
    assert Fragment.objects.filter(url=f"{URL}&search=%C3%A9").exists()


def test_the_writer_counts_against_no_limit(api, events, settings, own_counters):
    settings.THROTTLE_ANON_RATE = "15/hour"
    api.get(LIST)
    before = api.get("/2.3.0/api-throttle/").json()["current_use"]
    a_write(DockingEvent.objects.order_by("id").first())
    assert not Fragment.objects.get(url=URL).stale
    assert api.get("/2.3.0/api-throttle/").json()["current_use"] == before


def test_a_note_deleted_is_made_again_by_the_next_build(api, events):
    api.get(LIST)
    Fragment.objects.all().delete()  # as a `migrate` does, or a writer that chose others
    a_write(events[0])
    api.get(LIST)
    assert Fragment.objects.filter(url=URL).exists()
