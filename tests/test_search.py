"""`?search=` on docking events: the same events as DRF's search over the joined names, found
through foreign-key subqueries that PostgreSQL's trigram indexes serve (api/filters.py)."""

from contextlib import closing

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.filters import SearchFilter
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.filters import BoundedSearch
from api.resources import DockingEvents, LegacyDockingEvents
from api.serving import pages
from spaceflight import models as m
from spaceflight import search as name_search
from tests.support import factories

pytestmark = pytest.mark.django_db

URL = "/2.3.0/docking_events/"


@pytest.fixture
def events():
    """Every searched field filled on some event, with names that share words."""
    f = factories
    station = f.station("International Space Station")
    tiangong = f.station("Tiangong")
    return [
        f.docking(1, chaser=f.spacecraft_flight("Crew Dragon Endeavour"), target=station),
        f.docking(
            2,
            chaser=f.payload_flight("SpaDEx Chaser"),
            target=f.payload_flight("SpaDEx Target"),
            location=f.port("SpaDEx docking port"),
        ),
        f.docking(3, chaser=f.spacecraft_flight("Shenzhou 15"), target=tiangong),
        f.docking(4, target=station, location=f.port("Harmony forward")),
        m.DockingEvent.objects.create(
            id=f.next_id(),
            docking="2025-01-06T00:00:00Z",
            flight_vehicle_chaser=f.spacecraft_flight("Progress MS-21"),
            flight_vehicle_target=f.spacecraft_flight("Soyuz MS-22 (target 100%_x)"),
            docking_location=f.port(),
        ),
        m.DockingEvent.objects.create(
            id=f.next_id(),
            docking="2025-02-01T00:00:00Z",
            space_station_chaser=tiangong,
            space_station_target=station,
            docking_location=f.port("Zvezda aft"),
        ),
    ]


TERMS = [
    "dragon",
    "ENDEAVOUR",
    "spadex",
    "spadex target",
    "chaser",
    "port",
    "harmony station",
    "international",
    "tiangong",
    "tiangong international",
    "soyuz",
    "ms-2",
    "100%",
    "%_x",
    "_",
    "zvezda tiangong international",
    '"crew dragon"',
    "nothing",
    "dragon shenzhou",
    # What FTS5's query syntax would read as its own (SQLite's index takes each word as a
    # phrase, spaceflight/search.py).
    'dra"gon',
    "dragon*",
    "name:dragon",
    "NEAR(dragon",
    "AND",
    "-dragon",
]


def drf_search(resource, term):
    """The events DRF's own SearchFilter finds (one join of every searched table)."""
    request = Request(APIRequestFactory().get(URL, {"search": term}))
    view = resource()
    return sorted(
        SearchFilter()
        .filter_queryset(request, resource.queryset.all(), view)
        .values_list("pk", flat=True)
    )


@pytest.mark.parametrize("resource", [DockingEvents, LegacyDockingEvents])
@pytest.mark.parametrize("term", TERMS)
def test_same_events_as_drf_search(events, resource, term):
    request = Request(APIRequestFactory().get(URL, {"search": term}))
    found = BoundedSearch().filter_queryset(request, resource.queryset.all(), resource())
    assert sorted(found.values_list("pk", flat=True)) == drf_search(resource, term)


def test_every_searched_field_is_found(events):
    for term, event in [
        ("endeavour", 0),
        ("spadex chaser", 1),
        ("spadex target", 1),
        ("docking port", 1),
        ("shenzhou", 2),
        ("harmony", 3),
        ("progress", 4),
        ("soyuz", 4),
        ("zvezda", 5),
    ]:
        request = Request(APIRequestFactory().get(URL, {"search": term}))
        found = BoundedSearch().filter_queryset(
            request, DockingEvents.queryset.all(), DockingEvents()
        )
        assert events[event].pk in set(found.values_list("pk", flat=True)), term


def test_the_api_searches_by_subqueries_not_a_join(api, events, settings):
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    with CaptureQueriesContext(connection) as queries:
        body = api.get(URL, {"search": "tiangong international"}).json()
    assert sorted(e["id"] for e in body["results"]) == [events[5].pk]
    searching = [q["sql"] for q in queries.captured_queries if "LIKE" in q["sql"]]
    assert searching
    subquery = "= ANY(ARRAY(SELECT" if connection.vendor == "postgresql" else "IN (SELECT"
    for sql in searching:
        assert " JOIN " not in sql
        assert sql.count(subquery) >= 7


def plan(sql, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On these few rows a scan is cheaper: what matters is the plan the indexes allow.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_a_search_with_a_time_filter_is_counted_from_the_keys_indexes(api, events, settings):
    """Each arm of the search's OR walks its foreign key's index, the docking time after the
    key (spaceflight/models/docking.py): at 100,000 events `search=ISS` with `docking__gte`
    counts 8,107 rows in 2-4 ms instead of 15-18 ms (README, Performance). PostgreSQL tests an
    `IN (subquery)` under an OR against every row instead (a hashed subplan)."""
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    asked = {"search": "international"}
    if connection.vendor == "sqlite":
        # PostgreSQL walks the docking time's own index for it, on so few rows.
        asked["docking__gte"] = "2025-01-01T00:00:00Z"
    with CaptureQueriesContext(connection) as queries:
        api.get(URL, asked)
    [count] = [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    found = plan(count, None)
    if connection.vendor == "postgresql":
        assert "= ANY(ARRAY(SELECT" in count
        assert "BitmapOr" in found
        assert "SubPlan" not in found
        for short in ("location", "ss_target", "fv_chaser", "pf_target"):
            assert f"docking_event_{short}" in found
    else:
        assert "MULTI-INDEX OR" in found
        assert "docking_event_location (docking_location_id=? AND docking>?)" in found
        assert "docking_event_ss_target (space_station_target_id=? AND docking>?)" in found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes: PostgreSQL")
@pytest.mark.parametrize("model", [m.Spacecraft, m.Payload, m.DockingLocation, m.SpaceStation])
def test_postgresql_serves_icontains_from_the_trigram_index(events, model):
    """The index expression is Django's: `UPPER(name::text)`. (On these few rows a scan is
    cheaper; the 100,000-event plans are in bench/results.md.)"""
    query = model.objects.filter(name__icontains="endeavour").values("pk")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = query.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"{model._meta.db_table}_name_trgm" in plan


def found(term):
    request = Request(APIRequestFactory().get(URL, {"search": term}))
    queryset = BoundedSearch().filter_queryset(
        request, DockingEvents.queryset.all(), DockingEvents()
    )
    return set(queryset.values_list("pk", flat=True))


FTS5 = pytest.mark.skipif(
    connection.vendor != "sqlite" or not name_search.available(), reason="FTS5: SQLite"
)


@FTS5
def test_sqlite_takes_the_candidates_from_the_trigram_index(events):
    """Each name table's subquery reads its FTS5 index for a word of three characters or more,
    and the `LIKE` alone for a shorter one (the index can't serve it)."""
    for term, indexed in (("tiangong", True), ("ms", False)):
        with CaptureQueriesContext(connection) as queries:
            found(term)
        (sql,) = [q["sql"] for q in queries.captured_queries]
        assert sql.count(" MATCH ") == (7 if indexed else 0), term
        assert sql.count(" LIKE ") == 7, term


@FTS5
def test_the_index_follows_every_write_and_is_made_again_by_migrate(events):
    """Triggers keep the index as the table is, whoever writes (the ORM, `update()`, raw SQL);
    a migration that copies a table into a new one drops its triggers, and `migrate` makes
    the index again from the table."""
    tiangong = m.SpaceStation.objects.get(name="Tiangong")
    m.SpaceStation.objects.filter(pk=tiangong.pk).update(name="Tiangong Heavenly Palace")
    assert found("heavenly") == {events[2].pk, events[5].pk}
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE spaceflight_spacecraft SET name = 'Shenzhou XV' WHERE name = %s",
            ["Shenzhou 15"],
        )
    assert found("shenzhou xv") == {events[2].pk} and found("shenzhou 15") == set()
    orphan = m.Spacecraft.objects.create(id=factories.next_id(), name="Orphan capsule")
    indexed = m.Spacecraft.objects.filter(
        pk__in=name_search.matching(m.Spacecraft, "name", "ORPHAN")
    )
    assert list(indexed.all()) == [orphan]
    orphan.delete()
    assert list(indexed.all()) == []

    with connection.cursor() as cursor:
        for event in ("insert", "delete", "update"):
            cursor.execute(f'DROP TRIGGER "spaceflight_spacestation_name_search_{event}"')
    m.SpaceStation.objects.filter(pk=tiangong.pk).update(name="Tiangong Tianhe")
    assert found("tianhe") == set(), "without its triggers the index is behind the table"
    call_command("migrate", verbosity=0)
    assert found("tianhe") == {events[2].pk, events[5].pk}
    assert found("heavenly") == set()


@FTS5
def test_a_long_word_is_looked_up_by_its_first_characters(events):
    """A phrase costs FTS5 its length times the rows of each of its trigrams (a 40,000-character
    word took 8 s at 100,000 events): the index is asked for the word's first characters, which
    any name containing the word contains, and the `LIKE` decides."""
    long = "Progress-MS-21-with-a-name-longer-than-the-index-is-asked"
    m.DockingEvent.objects.create(
        id=factories.next_id(),
        docking="2025-03-01T00:00:00Z",
        flight_vehicle_chaser=factories.spacecraft_flight(long),
        docking_location=factories.port(),
    )
    lookup = name_search.matching(m.Spacecraft, "name", long * 1000)
    assert lookup.params == ['"' + long[: name_search.LONGEST] + '"']
    for term in (long, long.upper(), long[:40] + "-and-not-this"):
        assert sorted(found(term)) == drf_search(DockingEvents, term), term
    assert found(long) and not found(long[:40] + "-and-not-this")


@FTS5
def test_without_the_indexes_a_search_reads_the_names(events):
    """A database not migrated since the indexes came (or migrated part of the way back) has
    none: the `LIKE` alone answers, until `migrate` makes them."""
    name_search.drop(connection)
    with CaptureQueriesContext(connection) as queries:
        assert found("tiangong") == {events[2].pk, events[5].pk}
    assert " MATCH " not in queries.captured_queries[-1]["sql"]
    call_command("migrate", verbosity=0)
    with CaptureQueriesContext(connection) as queries:
        assert found("tiangong") == {events[2].pk, events[5].pk}
    assert " MATCH " in queries.captured_queries[-1]["sql"]


@FTS5
def test_migrate_makes_the_indexes_only_all_the_way(tmp_path):
    """On a database migrated part of the way the tables may not be as the models say: no
    index there; all the way, every one."""
    import sqlite3

    from tools.servers import manage, server_env

    database = tmp_path / "db.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")

    made = [
        name_search.index_of(table) + suffix
        for table in name_search.TABLES
        for suffix in ("", "_insert", "_delete", "_update")
    ] + list(name_search.ORDERS)

    def indexes():
        with closing(sqlite3.connect(database)) as db:
            names = db.execute("SELECT name FROM sqlite_master").fetchall()
        return sorted(name for (name,) in names if name in made)

    manage(env, "migrate", "spaceflight", "0005", "--no-input")
    assert indexes() == []
    manage(env, "migrate", "--no-input")
    # An FTS5 table and three triggers for each name table, and the orders' indexes.
    assert indexes() == sorted(made)
    manage(env, "migrate", "ingest", "0001", "--no-input")
    assert indexes() == []


SQLITE = pytest.mark.skipif(connection.vendor != "sqlite", reason="a page's walk: SQLite")


@pytest.fixture
def crowded(events):
    """Thirty more events at the International Space Station, departed or docked, and ten at
    Tiangong, in turns, and six docked and departed at the same times as others: "international"
    finds most rows, spread over every order, some equal in it."""
    station = m.SpaceStation.objects.get(name="International Space Station")
    tiangong = m.SpaceStation.objects.get(name="Tiangong")
    for day in [*range(10, 50), *range(20, 26)]:
        at = tiangong if day % 4 == 0 else station
        departed = None if day % 3 == 0 else day + (day * 7) % 11
        factories.docking(day, departure_day=departed, target=at)


@pytest.fixture
def walks_any_page(monkeypatch):
    """A searched page walked whatever it finds and however deep (the rows here are few), with
    a budget no walk here spends: on so few rows, building the subqueries' lists takes more
    instructions than the walk, and where a stop lands would depend on SQLite's build."""
    monkeypatch.setattr(pages, "WALK_FROM", 1)
    monkeypatch.setattr(pages, "DEEPEST", 1)
    monkeypatch.setattr(pages, "PER_ROW", 10**6)
    pages.planned.clear()
    yield
    pages.planned.clear()


def page_of(api, path, asked):
    """The ids of a page and the SQL of its queries."""
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path, asked)
    assert response.status_code == 200, response.content
    ids = [event["id"] for event in response.json()["results"]]
    return ids, [q["sql"] for q in queries.captured_queries]


def gathered(api, path, asked, monkeypatch):
    """The page as the search's rows gathered and sorted make it."""
    with monkeypatch.context() as unwalked:
        unwalked.setattr(pages, "WALK_FROM", 10**9)
        ids, sqls = page_of(api, path, asked)
    assert not walking(sqls)
    return ids


def walking(sqls):
    """The SQL of the page's walks (api/serving/pages.py), not its plan's."""
    return [sql for sql in sqls if sql.startswith("SELECT") and '+"spaceflight_' in sql]


def pages_read(sqls):
    return [sql for sql in sqls if sql.startswith("SELECT") and " LIMIT " in sql]


@SQLITE
@pytest.mark.parametrize(
    "ordering, index",
    [
        (None, "docking_event_docking_id"),
        ("docking", "docking_event_docking_id"),
        ("-docking", "docking_event_docking_desc"),
        ("departure", "docking_event_departure_id"),
        ("-departure", "docking_event_departure_desc"),
    ],
)
@pytest.mark.parametrize("docked", [None, "false", "true"])
@pytest.mark.parametrize("offset", [0, 7, 18])
def test_a_searched_page_walks_its_order_on_sqlite(
    api, crowded, settings, monkeypatch, walks_any_page, ordering, index, docked, offset
):
    """Where a search finds many rows, SQLite walks the order's index and tests each row, in
    place of gathering every row found and sorting them (api/serving/pages.py): the same
    page, equal times ordered by id as before; where the walk's plan would sort, the page is
    gathered."""
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    asked = {"search": "international", "limit": 5, "offset": offset}
    asked.update({"ordering": ordering} if ordering else {})
    asked.update({"docked": docked} if docked else {})
    expected = gathered(api, URL, asked, monkeypatch)
    assert expected or (docked == "true" and offset == 18)
    found, sqls = page_of(api, URL, asked)
    assert found == expected
    if not expected:
        return  # past the rows found: no page read
    if docked == "true" and ordering not in ("departure", "-departure"):
        # SQLite would read `departure IS NULL` from a departure's index, then sort by the
        # docking time: the page is gathered.
        assert not walking(sqls)
        return
    if docked == "true":
        index = "docking_event_departure"  # equal departures, by id: either index holds it
    [walk] = walking(sqls)
    plan_of_walk = plan(walk, None)
    assert f"USING INDEX {index}" in plan_of_walk
    assert "ORDER BY" not in plan_of_walk  # no sort: "USE TEMP B-TREE FOR ORDER BY"


@SQLITE
@pytest.mark.parametrize("version", ["2.0.0", "2.2.0"])
@pytest.mark.parametrize("ordering", ["-docking", "departure", "-departure"])
def test_the_older_versions_searched_pages_walk_too(
    api, crowded, settings, monkeypatch, walks_any_page, version, ordering
):
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    path = f"/{version}/docking_event/"
    asked = {"search": "international", "ordering": ordering, "offset": 2}
    expected = gathered(api, path, asked, monkeypatch)
    found, sqls = page_of(api, path, asked)
    assert found == expected and expected
    assert len(walking(sqls)) == 1


@SQLITE
def test_a_page_deep_in_what_a_search_finds_is_gathered(
    api, crowded, settings, monkeypatch, walks_any_page
):
    """A walk to a page passes the rows the search doesn't find: past a tenth of the rows
    found, the page is gathered."""
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    monkeypatch.setattr(pages, "DEEPEST", 0.1)
    count = api.get(URL, {"search": "international"}).json()["count"]
    assert count >= 30
    for offset, walked in ((0, True), (count // 10 - 1, True), (count // 10, False)):
        asked = {"search": "international", "ordering": "-departure", "limit": 1}
        asked["offset"] = offset
        _, sqls = page_of(api, URL, asked)
        assert bool(walking(sqls)) == walked, offset


@SQLITE
def test_a_page_whose_order_no_index_holds_is_gathered(
    api, crowded, settings, monkeypatch, walks_any_page
):
    """A walk of `-departure,docking` would sort what it walks: the page is gathered, and
    the plan is asked once for the list's shape, whatever the words searched for."""
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    asked = {"search": "international", "ordering": "-departure,docking"}
    expected = gathered(api, URL, asked, monkeypatch)
    found, sqls = page_of(api, URL, asked)
    assert found == expected
    assert not walking(sqls)
    assert sum(sql.startswith("EXPLAIN QUERY PLAN") for sql in sqls) == 1
    _, sqls = page_of(api, URL, {**asked, "search": "station", "offset": 1})
    assert not any(sql.startswith("EXPLAIN") for sql in sqls)
    _, sqls = page_of(api, URL, {**asked, "docked": "false"})
    assert sum(sql.startswith("EXPLAIN QUERY PLAN") for sql in sqls) == 1


@SQLITE
def test_a_walk_past_its_budget_gives_way_to_gathering(
    api, crowded, settings, monkeypatch, walks_any_page
):
    """A search whose rows lie at the far end of the order would walk the whole table: SQLite
    stops the walk after its budget, and the rows are gathered, in the same request and
    transaction."""
    settings.RESPONSE_CACHE = False
    settings.THROTTLE_ANON_RATE = ""
    asked = {"search": "international", "ordering": "-departure", "offset": 3}
    expected = gathered(api, URL, asked, monkeypatch)
    monkeypatch.setattr(pages, "STEP", 1)
    monkeypatch.setattr(pages, "PER_ROW", 1)
    found, sqls = page_of(api, URL, asked)
    assert found == expected
    [walk] = walking(sqls)
    assert pages_read(sqls)[-2:] == [walk, walk.replace('+"spaceflight_', '"spaceflight_')]
    monkeypatch.setattr(pages, "PER_ROW", 10**6)
    found, sqls = page_of(api, URL, asked)
    assert found == expected
    assert pages_read(sqls)[-1:] == [walk]
