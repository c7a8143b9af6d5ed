"""Render on write (api/rendering/fragments.py): after every kind of write, every response over
the whole link walk equals one built afresh, whether the writer rendered the stale fragments
again or a reader meets them first; a write renders again only what shows what it changed
(pinned counts); a page of kept fragments costs a pinned number of queries."""

import json
import time
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext, override_settings
from rest_framework.test import APIClient

from api.models import ApiKey, Fragment, FragmentClock, FragmentDep
from api.rendering import fragments
from api.rendering.triggers import LOCK
from api.serving import cache
from api.shapes import SHAPES
from spaceflight import models as m
from spaceflight.changes import data_changed
from spaceflight.statistics import derive
from tests.conftest import BUNDLED, reads_fragments, utc
from tests.support import linked_pages
from tests.support.imports import run
from tests.support.sync import fake_upstream, respond, sync
from tests.support.walk import walk

pytestmark = pytest.mark.django_db

NOW = linked_pages.NOW
# The bundled data's first docking event, and the station it docked at.
EVENT = 187
ISS = 4


@pytest.fixture(scope="module")
def walked(django_db_blocker, django_db_setup):
    """The bundled data with every empty value filled (its statistics derived), and a fragment
    of every object the walk shows, in every shape it shows it in: written once, outside the
    tests' transactions, which roll their writes back (the fragments' with them: they are rows
    of the database)."""

    with linked_pages.for_the_module(django_db_blocker):
        run(BUNDLED)
        linked_pages.fill()
        derive()  # the statistics as every write leaves them, not as filled
        # The response cache on, as readers note the lists' pages they build for writers
        # (api/serving/lists.py); what it kept is dropped after.
        with (
            override_settings(RENDER_FRAGMENTS=True, RESPONSE_CACHE=True),
            time_machine.travel(utc(NOW), tick=False),
        ):
            walk(APIClient())
        cache.recent.clear()
        caches["default"].clear()
        yield Fragment.objects.count()
        Fragment.objects.all().delete()
        FragmentDep.objects.all().delete()


@pytest.fixture
def on(settings, frozen):
    settings.RENDER_FRAGMENTS = True
    with frozen(NOW):
        yield


def fresh(api, paths, settings, **headers):
    """The same paths built from the data alone (nor cached)."""
    with override_settings(RENDER_FRAGMENTS=False, RESPONSE_CACHE=False):
        return {path: api.get(path, **headers).content for path in paths}


def built(api, path, settings):
    with override_settings(RENDER_FRAGMENTS=False, RESPONSE_CACHE=False):
        return api.get(path)


def assert_never_stale(api, settings):
    """Every response of the walk, made as readers make it (lists' pages kept by their writers
    read before the view, api/serving/lists.py), equals one built from the data alone."""
    with override_settings(RESPONSE_CACHE=True):
        served = walk(api)
    built = fresh(api, served, settings)
    stale = [path for path in served if served[path] != built[path]]
    assert not stale, stale[:5]


def served_json(api, path):
    return json.loads(api.get(path).content)


# Each kind of write, as the writer does it, its commit's callbacks run (the writer renders
# again what the write made stale).


def an_import(api, tmp_path):
    event = served_json(api, f"/2.3.0/docking_events/{EVENT}/")
    event["departure"] = "2025-01-01T00:00:00Z"
    run(linked_pages.write(tmp_path, f"/2.3.0/docking_events/{EVENT}/", event))
    assert m.DockingEvent.objects.get(pk=EVENT).departure == utc("2025-01-01T00:00:00Z")


def a_sync_page(api, tmp_path):
    page = served_json(api, "/2.3.0/docking_events/?mode=detailed&limit=100")
    page["results"][0]["departure"] = "2025-01-01T00:00:00Z"
    body = json.dumps(page).encode()

    def events(handler):
        respond(handler, 200, body)

    with fake_upstream({"/2.3.0/docking_events/": events}) as upstream:
        sync("--base-url", upstream.base, "--full")
    assert m.DockingEvent.objects.get(pk=EVENT).departure == utc("2025-01-01T00:00:00Z")


def an_admin_edit(api, tmp_path, client):
    """A docking port, embedded in its station, its events and their flights."""
    port = m.DockingLocation.objects.filter(spacestation=ISS).order_by("id").first()
    client.force_login(User.objects.create_superuser("curator", "c@example.org", "pw"))
    response = client.post(
        f"/admin/spaceflight/dockinglocation/{port.pk}/change/",
        {"id": port.pk, "name": "Harmony zenith", "spacestation": ISS},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors


def an_update_in_bulk(api, tmp_path):
    """An agency many objects embed, renamed by `update()` (no signal: the triggers see it)."""
    m.Agency.objects.filter(pk=m.SpaceStation.objects.get(pk=ISS).owners.first().pk).update(
        name="Renamed Space Agency"
    )
    data_changed()


def a_key_change(api, tmp_path):
    ApiKey.issue("mirror", "100/hour")


def derived_statistics(api, tmp_path):
    """A launch that failed after all: its agency's and its rocket's counts derived again."""
    failure, _ = m.LaunchStatus.objects.get_or_create(pk=4, defaults={"name": "Launch Failure"})
    launch = m.Launch.objects.exclude(status=None).order_by("net").first()
    m.Launch.objects.filter(pk=launch.pk).update(status=failure)
    derive()


def a_deletion(api, tmp_path):
    m.DockingEvent.objects.get(pk=EVENT).delete()


WRITES = [
    an_import,
    a_sync_page,
    an_admin_edit,
    an_update_in_bulk,
    a_key_change,
    derived_statistics,
    a_deletion,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: write.__name__)
def test_after_every_kind_of_write_every_response_equals_a_fresh_build(
    walked, on, api, client, settings, tmp_path, write, django_capture_on_commit_callbacks
):
    settings.RENDERED_LISTS = 10_000  # every list's page the walk asked for
    settings.RESPONSE_CACHE = True  # where kept lists' pages are read (and so rendered)
    arguments = (api, tmp_path, client) if write is an_admin_edit else (api, tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        write(*arguments)
    # The writer rendered them again, and the lists' pages the walk asked for.
    assert not Fragment.objects.filter(stale=True).exists()
    assert Fragment.objects.exclude(url=None).exists()
    assert_never_stale(api, settings)


def test_a_reader_that_comes_before_the_writer_renders_meets_no_stale_fragment(
    walked, on, api, settings, tmp_path
):
    an_update_in_bulk(api, tmp_path)  # its commit callbacks never run: nothing rendered again
    assert Fragment.objects.filter(stale=True).exists()
    assert_never_stale(api, settings)


def a_departure(api, tmp_path):
    """One docking event departs: one row changes."""
    event = m.DockingEvent.objects.get(pk=EVENT)
    event.departure = utc("2025-01-01T00:00:00Z")
    event.save()


# What a write renders again: (fragments rendered, of which with new bytes), out of the ones the
# walk made (every object in every shape it is shown in). A fragment depends on whole rows: one
# that shows a row without the column that changed is rendered to the same bytes, and only its
# stale mark is cleared.
REBUILT = {
    a_departure: (13, 12),
    an_admin_edit: (14, 14),
    a_key_change: (0, 0),
}


@pytest.mark.parametrize("write", list(REBUILT), ids=lambda write: write.__name__)
def test_a_write_renders_again_only_what_shows_what_it_changed(
    walked, on, api, client, tmp_path, write
):
    write(*((api, tmp_path, client) if write is an_admin_edit else (api, tmp_path)))
    rebuilt = fragments.rebuild_stale()  # what the writer does once it has committed
    assert (rebuilt.rendered, rebuilt.changed) == REBUILT[write]


@pytest.mark.parametrize(
    "path", ["/2.3.0/docking_events/?limit=100&mode=detailed", f"/2.2.0/docking_event/{EVENT}/"]
)
def test_a_page_of_kept_fragments_costs_a_fixed_number_of_queries(walked, on, api, path):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    # The snapshot (3), the page's count and rows (a detail: its row), the fragments.
    assert len(queries) == (6 if "limit" in path else 5), [q["sql"] for q in queries]


def test_a_page_made_from_fragments_reads_its_rows_ids_only(walked, on, api):
    """What the database orders from an index alone (the keys' indexes with the times, or the
    times' own); the rows of the objects with no fragment kept are read whole, by id, after."""
    path = (
        "/2.3.0/docking_events/?search=International&docking__gte=2000-01-01T00:00:00Z"
        "&ordering=-departure"
    )
    table = '"spaceflight_dockingevent"'
    for kept in (True, False):
        if not kept:
            Fragment.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            body = api.get(path).content
        read = [q["sql"] for q in queries if f"FROM {table}" in q["sql"]]
        page = [sql for sql in read if "ORDER BY" in sql and "LIMIT" in sql]
        assert [sql.split(" FROM ")[0] for sql in page] == [f'SELECT {table}."id"']
        assert len(read) == (2 if kept else 3)  # the count, the ids, and the rows by id
        assert json.loads(body)["count"] >= 10
        with override_settings(RENDER_FRAGMENTS=False):
            assert api.get(path).content == body


@pytest.mark.parametrize("host", ["testserver", "mirror.example.org"])
def test_links_take_the_request_host_and_format(walked, on, api, settings, host):
    settings.ALLOWED_HOSTS = ["*"]
    path = "/2.3.0/docking_events/?limit=5&mode=detailed&format=json"
    served = api.get(path, HTTP_HOST=host).content
    assert f'"http://{host}/2.3.0/docking_events/{EVENT}/?format=json"'.encode() in served
    assert served == fresh(api, [path], settings, HTTP_HOST=host)[path]


@pytest.fixture
def cached(settings, on):
    settings.RESPONSE_CACHE = True
    cache.recent.items.clear()
    yield
    cache.recent.items.clear()


@pytest.mark.parametrize(
    "path",
    [f"/2.3.0/docking_events/{EVENT}/", "/2.0.0/agencies/44/?format=json"],
)
def test_an_object_page_is_its_fragment_read_before_the_view(walked, cached, api, settings, path):
    with CaptureQueriesContext(connection) as queries:
        served = api.get(path)
    # The data generation and the fragment: no snapshot, no row, no view.
    assert len(queries) == 2, queries
    assert queries[0]["sql"].startswith("SELECT")
    assert reads_fragments(queries[-1]["sql"])
    view = built(api, path, settings)
    assert served.content == view.content
    for header in ("Content-Type", "Allow", "Vary", "ETag", "Last-Modified"):
        assert served.get(header) == view.get(header), header


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
@pytest.mark.parametrize("prepared", [True, False])
def test_each_connection_prepares_the_read_of_fragments_once(
    walked, cached, api, settings, prepared
):
    """DB_PREPARED_STATEMENTS: each connection prepares the read once (another thread's, a
    connection of its own, too), and the pages read through it are the same."""
    settings.DB_PREPARED_STATEMENTS = prepared
    paths = [f"/2.3.0/docking_events/{EVENT}/", "/2.0.0/agencies/44/?format=json"]
    expected = [built(api, path, settings).content for path in paths]

    def read_twice():
        """What a connection read, and the statements it prepared: the fragments being
        written outside the tests' transactions, another thread's connection reads them."""
        found = []
        for _ in range(2):
            cache.recent.items.clear()
            with CaptureQueriesContext(connection) as queries:
                served = [APIClient().get(path).content for path in paths]
            found += [q["sql"] for q in queries if reads_fragments(q["sql"])]
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM pg_prepared_statements")
            return served, found, [name for (name,) in cursor.fetchall()]

    def in_another_thread():
        try:
            return read_twice()
        finally:
            connection.close()

    this = read_twice()
    with ThreadPoolExecutor(1) as other:
        another = other.submit(in_another_thread).result()
    for served, reads, _ in (this, another):
        assert served == expected
        assert len(reads) == 4 and all(sql.startswith("EXECUTE") == prepared for sql in reads)
    # Once, however many reads; the other thread's connection is new (this one may have
    # prepared it for a test before).
    assert another[2].count(fragments.PREPARED) == (1 if prepared else 0)
    if prepared:
        assert this[2].count(fragments.PREPARED) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_a_read_on_a_connection_the_server_ended_is_made_again_on_a_new_one(walked, settings):
    """A connection used for other queries, ended by the server before its first read of a
    fragment: preparing the read fails as the read would have, and `stored` reads on a new
    connection, as Django's health check would have replaced it."""
    settings.DB_PREPARED_STATEMENTS = True
    kept = Fragment.objects.filter(stale=False, url=None).order_by("key").first()

    def used_elsewhere():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]

    def a_new_request_reads():
        connection.health_check_done = False  # as each request starts (request_started)
        try:
            return fragments.stored([kept.key])
        finally:
            connection.close()

    with ThreadPoolExecutor(1) as other:  # a connection of its own, outside the test's
        pid = other.submit(used_elsewhere).result()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        assert other.submit(a_new_request_reads).result() == {kept.key: bytes(kept.body)}


def test_an_object_page_whose_fragment_is_stale_goes_to_the_view(walked, cached, api, settings):
    m.DockingEvent.objects.filter(pk=EVENT).update(flight_vehicle_chaser=None)
    data_changed()
    assert api.get(f"/2.0.0/docking_event/{EVENT}/").status_code == 404
    path = f"/2.3.0/docking_events/{EVENT}/"
    assert api.get(path).content == fresh(api, [path], settings)[path]


def test_render_fragments_renders_every_row_of_the_resources_named(walked, on):
    Fragment.objects.all().delete()
    out = StringIO()
    call_command("render_fragments", "2.3.0/docking_events", stdout=out)
    events = m.DockingEvent.objects.count()
    # 2.3.0's docking events have two shapes: normal (the list) and detailed.
    assert Fragment.objects.count() == 2 * events, out.getvalue()
    assert f"Rendered {2 * events} fragments" in out.getvalue()
    with pytest.raises(CommandError, match="no such resource: 2.3.0/nothing"):
        call_command("render_fragments", "2.3.0/nothing")


def test_past_the_budget_the_oldest_fragments_go(walked, on, settings):
    keys = list(Fragment.objects.order_by("key").values_list("key", flat=True))
    old, young = keys[: len(keys) // 2], keys[len(keys) // 2 :]
    Fragment.objects.filter(key__in=old).update(built=utc("2025-01-01T00:00:00Z"))
    Fragment.objects.filter(key__in=young).update(built=utc("2025-02-01T00:00:00Z"))
    young_bytes = Fragment.objects.filter(key__in=young).aggregate(total=Sum("size"))["total"]
    settings.FRAGMENT_BYTES = young_bytes

    fragments.evict(every=1)

    left = set(Fragment.objects.values_list("key", flat=True))
    assert left and left <= set(young)  # down to 90% of the budget: some young ones go too
    assert not FragmentDep.objects.exclude(key__in=left).exists()


def test_a_store_never_waits_for_a_write_under_way(walked, on):
    """A request stores what it rendered after answering's work is done: while another
    connection's write is under way (it holds the lock until it commits) it stores nothing,
    at once, as what it rendered may be stale by that commit."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test database is in this connection's memory alone")
    import psycopg

    params = connection.get_connection_params()
    for internal in ("cursor_factory", "context", "prepare_threshold"):
        params.pop(internal, None)
    event = m.DockingEvent.objects.get(pk=EVENT)
    shape = SHAPES[("2.3.0", "docking_events", "detailed")]
    built = fragments.build("2.3.0", shape, [event], fragments.today())
    with psycopg.connect(**params) as writer:
        writer.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        started = time.monotonic()
        assert fragments.store(built, fragments.tick()) == 0
        assert time.monotonic() - started < 1
    assert fragments.store(built, fragments.tick()) == 1


def test_a_write_that_leaves_the_generation_alone_still_stops_a_store(walked, on):
    """A raw `update()` (no signal, no new generation) committed after a reader's snapshot:
    what the reader built from before it is not stored."""
    event = m.DockingEvent.objects.get(pk=EVENT)
    shape = SHAPES[("2.3.0", "docking_events", "detailed")]
    read = fragments.tick()
    built = fragments.build("2.3.0", shape, [event], fragments.today())
    m.DockingEvent.objects.filter(pk=EVENT).update(departure=utc("2025-01-01T00:00:00Z"))
    assert fragments.store(built, read) == 0
    assert fragments.store(built, fragments.tick()) == 1


def test_a_resource_that_leaves_rows_out_answers_them_from_the_view(walked, cached, api):
    """2.0.0 and 2.2.0 show no event without a spacecraft flight chasing; a fragment rendered
    for one all the same (render_fragments renders every row) is never its page."""
    m.DockingEvent.objects.filter(pk=EVENT).update(flight_vehicle_chaser=None)
    data_changed()
    call_command("render_fragments", stdout=StringIO())
    assert api.get(f"/2.2.0/docking_event/{EVENT}/").status_code == 404
    assert api.get(f"/2.3.0/docking_events/{EVENT}/").status_code == 200


def test_without_its_triggers_no_fragment_is_read_or_stored(walked, cached, api, settings):
    FragmentClock.objects.update(armed=False)
    path = f"/2.3.0/docking_events/{EVENT}/"
    key = next(k for k in Fragment.objects.values_list("key", flat=True) if k.endswith(f"|{EVENT}"))
    assert fragments.stored([key]) == {}
    assert fragments.tick() is None
    assert api.get(path).content == fresh(api, [path], settings)[path]


def test_fragments_are_keyed_by_the_code_that_rendered_them(walked):
    # An object's by the shapes and the rendering; a list's page by the whole API's code.
    assert all(
        key.startswith(f"{fragments.code()}|")
        for key in Fragment.objects.filter(url=None).values_list("key", flat=True)
    )
    lists = Fragment.objects.exclude(url=None).values_list("key", flat=True)
    assert lists and all(key.startswith(f"{fragments.api_code()}|list|") for key in lists)


def test_migrations_arm_the_triggers_only_when_every_one_is_applied(tmp_path):
    import sqlite3

    from tools.servers import manage, server_env

    database = tmp_path / "db.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")

    def state():
        with sqlite3.connect(database) as db:
            triggers = db.execute(
                "SELECT count(*) FROM sqlite_master "
                "WHERE type = 'trigger' AND name LIKE 'fragments%'"
            ).fetchone()[0]
            clock = db.execute("SELECT armed FROM api_fragmentclock").fetchall()
        return triggers > 0, clock

    manage(env, "migrate", "--no-input")
    assert state() == (True, [(1,)])
    manage(env, "migrate", "ingest", "0001", "--no-input")  # part of the way back
    assert state() == (False, [(0,)])
    manage(env, "migrate", "--no-input")
    assert state() == (True, [(1,)])
    manage(env, "load_bundled_data")  # every write goes through the triggers
