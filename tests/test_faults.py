"""Faults under load, against real servers (`make serve`'s granian, two workers): Redis killed
and restarted, PostgreSQL restarted, imports beside readers, Redis down at commit time, and a
writer killed with SIGKILL. Nothing is ever a 500, no reader sees a torn or stale page, and a
killed writer leaves every table as it was.

Runs on the production-stack pass only (DATABASE_URL on PostgreSQL and REDIS_URL set, as in
the second pass of .ci/run), on a machine that can start its own Redis and PostgreSQL 15 (as
root, through the postgres user): the shared servers the rest of the suite uses are never
stopped. Everything listens on 127.0.0.1; every load is bounded in time and requests; every
server, cluster and database started here is stopped or dropped here. The figures measured are
printed (`pytest -s`) and summed up at the end of the module.
"""

import concurrent.futures
import copy
import json
import os
import sqlite3
import time
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from tools.faults import (
    Cluster,
    Load,
    Redis,
    SharedDatabases,
    fetch,
    manage,
    missing_requirements,
    other_backends,
    poller,
    start_manage,
    table_digest,
    wait_until,
    written_tables,
)
from tools.servers import running, server_env

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")


def skip_reason():
    if not (DATABASE_URL.startswith("postgres") and REDIS_URL):
        return "needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): the production-stack pass"
    missing = missing_requirements()
    return missing and f"the fault tests start their own Redis and PostgreSQL: {missing}"


SKIP = skip_reason()
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

PREFIX = f"docking_faults_{os.getpid()}"
EVENTS = 200  # in pages A and B
OK = {"database": "ok", "cache": "ok", "status": "ok"}
DEGRADED = {"database": "ok", "cache": "unavailable", "status": "degraded"}
UNAVAILABLE = {"detail": "The database is not available right now; try again shortly."}

FIGURES = []


def report(test, **figures):
    FIGURES.append((test, figures))
    print(f"\n[faults] {test}: " + ", ".join(f"{key}={value}" for key, value in figures.items()))


@pytest.fixture(scope="module", autouse=True)
def summary():
    started = time.monotonic()
    yield
    if FIGURES:
        print(f"\n== fault tests: figures measured ({time.monotonic() - started:.0f} s) ==")
        for test, figures in FIGURES:
            print(f"  {test}: " + ", ".join(f"{key}={value}" for key, value in figures.items()))


def env_for(database_url, redis=None, **overrides):
    """A server's (and manage.py's) environment: two granian workers, no rate limit unless
    asked, Redis only when one of ours is given."""
    env = server_env(
        DATABASE_URL=database_url,
        WEB_CONCURRENCY="2",
        THROTTLE_ANON_RATE="",
        CACHE_KEY_PREFIX=PREFIX,
    )
    if redis is not None:
        env["REDIS_URL"] = redis.url
    env.update(overrides)
    return env


def body(answer):
    try:
        return json.loads(answer.body)
    except ValueError:
        return None


def server_errors(answers):
    return [a for a in answers if a.status >= 500]


def statuses(answers):
    counts = {}
    for answer in answers:
        counts[answer.status] = counts.get(answer.status, 0) + 1
    return dict(sorted(counts.items()))


@pytest.fixture(scope="module")
def shared():
    """Databases of our own on the shared cluster, dropped at the end."""
    databases = SharedDatabases(DATABASE_URL)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture(scope="module")
def template(shared):
    """A migrated, empty database to copy (CREATE DATABASE ... TEMPLATE) for each test."""
    name = f"{PREFIX}_template"
    manage(env_for(shared.create(name)), "migrate", "--no-input")
    return name


def shift(moment, hours):
    parsed = datetime.fromisoformat(moment.replace("Z", "+00:00")) + timedelta(hours=hours)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def list_page(results):
    return {"count": len(results), "next": None, "previous": None, "results": results}


def rename_licenses(value):
    """Every image license anywhere in `value` renamed, the same way wherever it appears."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "license" and isinstance(item, dict):
                item["name"] += " (B)"
            else:
                rename_licenses(item)
    elif isinstance(value, list):
        for item in value:
            rename_licenses(item)


def signature(event):
    """What tells A from B in an event of a list page: its departure (the page's own query),
    its docking location's name (the loader's first round) and that location's station's
    image's license (its last rounds)."""
    location = event["docking_location"] or {}
    station = location.get("spacestation") or {}
    license = (station.get("image") or {}).get("license") or {}
    return event["departure"], location.get("name"), license.get("name")


@pytest.fixture(scope="module")
def pages(shared, template, tmp_path_factory):
    """LL2 2.3.0 detailed list pages as our server serves a generated database: `a`, 200
    events; `b`, the same events, each with another departure, docking-location name and
    image license names; `big`, 3,000 events. `expected[version][id]` is the `signature` of
    each event."""
    source = f"{PREFIX}_source"
    env = env_for(shared.create(source, template=template))
    manage(env, "generate_data", "--events", 3000, "--seed", 7)
    with running(env) as (base,):
        url = base + "/2.3.0/docking_events/?mode=detailed&limit=100&offset={}&format=json"
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda offset: fetch(url.format(offset)), range(0, 3000, 100)))
    shared.drop(source)
    assert [a.status for a in answers] == [200] * 30
    events = [event for answer in answers for event in body(answer)["results"]]
    assert len({event["id"] for event in events}) == 3000

    a = events[:EVENTS]
    b = copy.deepcopy(a)
    for event in b:
        assert event["docking_location"] is not None
        event["departure"] = shift(event["departure"] or event["docking"], 1)
        event["docking_location"]["name"] += " (B)"
    rename_licenses(b)
    directory = tmp_path_factory.mktemp("pages")
    paths = {}
    for name, results in {"a": a, "b": b, "big": events}.items():
        paths[name] = directory / f"{name}.json"
        paths[name].write_text(json.dumps(list_page(results)))
    expected = {
        version: {event["id"]: signature(event) for event in results}
        for version, results in (("A", a), ("B", b))
    }
    assert all(expected["A"][id] != expected["B"][id] for id in expected["A"])
    return SimpleNamespace(**paths, expected=expected)


def versions(page, expected):
    """Which import(s) a list page shows: {"A"}, {"B"}, or a torn mix ("?": neither)."""
    found = set()
    for event in page["results"]:
        shown = signature(event)
        found.add(next((v for v in ("A", "B") if expected[v].get(event["id"]) == shown), "?"))
    return found


def event_urls(base, pages):
    """A mix of cold and warm reads: small pages at every offset, details, a full page, the
    2.2.0 shape and the throttle status."""
    ids = sorted(pages.expected["A"])

    def url_for(number):
        kind = number % 5
        if kind == 0:
            return f"{base}/2.3.0/docking_events/?limit=5&offset={number % EVENTS}&format=json"
        if kind == 1:
            return f"{base}/2.3.0/docking_events/{ids[number % len(ids)]}/?format=json"
        if kind == 2:
            return f"{base}/2.3.0/docking_events/?limit=100&format=json"
        if kind == 3:
            return f"{base}/2.2.0/docking_event/?limit=10&offset={number % 50}&format=json"
        return f"{base}/2.3.0/api-throttle/?format=json"

    return url_for


# --- 1. Redis killed under load -----------------------------------------------------------------


def test_redis_killed_under_load_costs_no_answer(shared, template, pages, tmp_path):
    counters = tmp_path / "counters.sqlite3"
    url = shared.create(f"{PREFIX}_redis_load", template=template)
    with Redis() as redis:
        env = env_for(
            url, redis, THROTTLE_ANON_RATE="100000/hour", THROTTLE_COUNTER_FILE=str(counters)
        )
        manage(env, "import_ll2", pages.a)
        with running(env) as (base,):
            health = poller(f"{base}/health/", interval=0.2, seconds=40)
            load = Load(event_urls(base, pages), threads=8, seconds=9, limit=20000)
            with health, load:
                time.sleep(2.5)
                down = time.monotonic()
                redis.kill()
                time.sleep(3.0)
                redis.start()
                up = time.monotonic()
                load.join()

                def ok_since_up():
                    return any(a.started > up and body(a) == OK for a in list(health.answers))

                waited = wait_until(ok_since_up, timeout=15)
            oks = [a.ended for a in health.answers if a.started > up and body(a) == OK]
            after = [fetch(event_urls(base, pages)(n)) for n in range(20)]
            redis_counter = redis.client().hgetall(f"{PREFIX}:throttle:127.0.0.1")
        with sqlite3.connect(counters) as connection:
            row = connection.execute(
                "SELECT used FROM counters WHERE ident = '127.0.0.1'"
            ).fetchone()

    answers = load.answers
    during = [a for a in answers if a.ended > down and a.started < up]
    inside = [a for a in answers if a.started > down + 0.05 and a.ended < up]
    counted = [a for a in inside if "/api-throttle/" not in a.url]  # not counted: the status
    health_down = [a for a in health.answers if a.started > down + 0.05 and a.ended < up]
    report(
        "redis killed under load",
        requests=len(answers),
        statuses=statuses(answers),
        status_5xx=len(server_errors(answers)),
        outage_s=round(up - down, 1),
        answered_during_outage=len(during),
        health_polls_during_outage=len(health_down),
        health_ok_again_after_s=oks and round(min(oks) - up, 1),
        fallback_counter_used=row and row[0],
    )
    assert waited is not None, "/health/ never said ok again after Redis came back"
    assert server_errors(answers) == [] and server_errors(health.answers) == []
    assert {a.status for a in answers + after} == {200}
    assert len(inside) >= 20, "answers stopped while Redis was down"
    assert health_down and all(a.status == 200 and body(a) == DEGRADED for a in health_down)
    assert min(oks) - up < 10
    # The rate limit went on counting without Redis, in the host's counter file...
    assert row is not None and row[0] >= len(counted)
    # ...and in Redis again once it was back.
    assert int(redis_counter.get(b"used", 0)) >= 1


# --- 2. A Redis restart keeps the counts ---------------------------------------------------------


def test_a_caller_at_its_limit_is_still_refused_after_a_redis_restart(shared, template, tmp_path):
    url = shared.create(f"{PREFIX}_redis_restart", template=template)
    # Redis as scripts/services runs it (append-only, fsync every second), restarted as a
    # service manager does: SIGTERM, then start again on the same files.
    with Redis(appendonly=True) as redis:
        env = env_for(url, redis, THROTTLE_COUNTER_FILE=str(tmp_path / "counters.sqlite3"))
        manage(env, "load_bundled_data")
        key, _ = manage(env, "create_api_key", "limited", "--rate", "5/hour")
        keyed = {"Authorization": f"Token {key}"}
        with running(env) as (base,):
            events = f"{base}/2.3.0/docking_events/?format=json"
            before = [fetch(events, keyed).status for _ in range(7)]
            redis.stop()
            redis.start()
            after = [fetch(events, keyed) for _ in range(6)]
            throttle = body(fetch(f"{base}/2.3.0/api-throttle/?format=json", keyed))

    report(
        "redis restart keeps the counts (appendonly)",
        before_restart=before,
        after_restart=[a.status for a in after],
        current_use_after=throttle["current_use"],
        next_use_secs_after=throttle["next_use_secs"],
    )
    assert before == [200] * 5 + [429] * 2
    assert [a.status for a in after] == [429] * 6
    assert throttle["current_use"] == 5 and throttle["next_use_secs"] > 3000


# --- 3. PostgreSQL restarted under load ----------------------------------------------------------


def test_postgresql_restarted_under_load_is_503s_then_recovered(pages, tmp_path):
    with Cluster() as cluster:
        url = cluster.create_database("docking")
        env = env_for(
            url,
            THROTTLE_ANON_RATE="100000/hour",
            THROTTLE_COUNTER_FILE=str(tmp_path / "counters.sqlite3"),
        )
        manage(env, "migrate", "--no-input")
        manage(env, "import_ll2", pages.a)
        with running(env) as (base,):
            health = poller(f"{base}/health/", interval=0.2, seconds=40)
            load = Load(event_urls(base, pages), threads=8, seconds=10, limit=20000)
            with health, load:
                time.sleep(2.5)
                restart_started = time.monotonic()
                restart_seconds = cluster.restart()
                restarted = time.monotonic()
                load.join()
            final_health = fetch(f"{base}/health/")

    answers = load.answers
    failed = sorted((a for a in answers if a.status != 200), key=lambda a: a.ended)
    recovery = max([a.ended - restarted for a in failed] + [0.0])
    recovered_at = restarted + recovery
    served_after = [a for a in answers if a.started > recovered_at and a.status == 200]
    report(
        "postgresql restarted under load",
        requests=len(answers),
        statuses=statuses(answers),
        status_5xx=len(server_errors(answers)),
        answers_503=sum(a.status == 503 for a in answers),
        restart_s=round(restart_seconds, 2),
        errors_from_to_s=[round(a.ended - restart_started, 2) for a in (failed[:1] + failed[-1:])],
        recovered_after_restart_done_s=round(recovery, 2),
        served_after_recovery=len(served_after),
        health=statuses(health.answers),
    )
    assert {a.status for a in answers} <= {200, 503}, "a 500, or no answer at all"
    for answer in failed:
        assert answer.headers.get("retry-after") == "5" and body(answer) == UNAVAILABLE
    assert {a.status for a in health.answers} <= {200, 503}
    assert recovery < 5, "the server did not recover by itself within 5 s of the restart"
    assert len(served_after) >= 20
    assert final_health.status == 200 and body(final_health) == {"database": "ok", "status": "ok"}


# --- 4. Reads during imports -------------------------------------------------------------------


@pytest.mark.parametrize("database", ["postgresql", "sqlite"])
def test_reads_during_imports_are_whole_and_never_stale(
    database, shared, template, pages, tmp_path
):
    rounds = 6 if database == "postgresql" else 4
    counters = str(tmp_path / "counters.sqlite3")
    with Redis() as redis:
        if database == "postgresql":
            url = shared.create(f"{PREFIX}_imports", template=template)
            env = env_for(url, redis, THROTTLE_COUNTER_FILE=counters)
        else:
            env = env_for(f"sqlite:///{tmp_path / 'db.sqlite3'}", THROTTLE_COUNTER_FILE=counters)
            manage(env, "migrate", "--no-input")
        manage(env, "import_ll2", pages.a)
        imports = [("A", 0.0, 0.0)]
        checks = []
        with running(env) as (base,):
            page_urls = [
                f"{base}/2.3.0/docking_events/?limit=100&offset={o}&format=json" for o in (0, 100)
            ]

            def read_url(number):
                # Every other read has a parameter of its own (ignored by the API, but part of
                # the cache key): built from the database then, where a torn page would come
                # from; the others are cached copies, where a stale one would.
                fresh = f"&fresh={number}" if number // 2 % 2 else ""
                return page_urls[number % 2] + fresh

            # Paced: 2 cores are shared by the readers, the server and the import.
            reads = Load(read_url, threads=4, seconds=150, limit=10000, interval=0.04)
            with reads:
                time.sleep(0.5)
                for number in range(rounds):
                    version, path = ("B", pages.b) if number % 2 == 0 else ("A", pages.a)
                    started = time.monotonic()
                    manage(env, "import_ll2", path)
                    ended = time.monotonic()
                    imports.append((version, started, ended))
                    # The next read after the command returns shows what it imported.
                    checks += [(version, fetch(page)) for page in page_urls]
                    # A pause: the readers' next reads, between two imports, must show it too.
                    time.sleep(0.6)

    answers = reads.answers
    torn, stale, during, between = [], [], 0, 0
    beside = [
        sum(s < a.ended and e > a.started for a in answers) for _, s, e in imports[1:]
    ]  # reads that overlapped each import
    for answer in answers:
        page = body(answer) if answer.status == 200 else None
        shown = versions(page, pages.expected) if page else set()
        if page and (len(shown) != 1 or "?" in shown or page["count"] != EVENTS):
            torn.append((answer.url, shown))
            continue
        # The imports the read overlapped, and the last one done before it started.
        overlapping = [v for v, s, e in imports[1:] if s < answer.ended and e > answer.started]
        done = [v for v, s, e in imports if e <= answer.started][-1]
        if overlapping:
            during += 1
        elif page:
            between += 1
            if shown != {done}:
                stale.append((answer.url, shown, done))
        if page and overlapping and not shown <= {done, *overlapping}:
            stale.append((answer.url, shown, done, overlapping))
    after_import = [(v, a.status, body(a) and versions(body(a), pages.expected)) for v, a in checks]
    report(
        f"reads during imports ({database})",
        imports=rounds,
        import_s=[round(e - s, 1) for _, s, e in imports[1:]],
        reads=len(answers),
        reads_during_imports=during,
        reads_between_imports=between,
        reads_beside_each_import=beside,
        statuses=statuses(answers),
        torn=len(torn),
        stale=len(stale),
        stale_right_after_import=sum(s != 200 or shown != {v} for v, s, shown in after_import),
    )
    assert server_errors(answers) == []
    assert {a.status for a in answers} == {200}
    assert torn == []
    assert stale == []
    assert all(status == 200 and shown == {v} for v, status, shown in after_import), after_import
    assert min(beside) >= 10, "too few reads ran beside an import to tell anything"
    assert between >= 5 * rounds, "too few reads ran between the imports to tell anything"


# --- 5. Redis down at commit time --------------------------------------------------------------


def test_an_import_while_redis_is_down_is_served_once_it_is_back(shared, template, pages, tmp_path):
    url = shared.create(f"{PREFIX}_redis_commit", template=template)
    with Redis(appendonly=True) as redis:
        env = env_for(url, redis, THROTTLE_COUNTER_FILE=str(tmp_path / "counters.sqlite3"))
        manage(env, "import_ll2", pages.a)
        with running(env) as (base,):
            page_urls = [
                f"{base}/2.3.0/docking_events/?limit=100&offset={o}&format=json" for o in (0, 100)
            ]

            def shown():
                answers = [fetch(page) for page in page_urls]
                return [
                    (a.status, body(a) and frozenset(versions(body(a), pages.expected)))
                    for a in answers
                ]

            warm = [shown() for _ in range(3)]  # cached in memory and in Redis
            cached = len(redis.keys("*response:*"))
            redis.stop()
            _, import_seconds = manage(env, "import_ll2", pages.b)  # exit 0, or it fails
            while_down = shown()
            redis.start()
            restored = len(redis.keys("*response:*"))  # A's copies are back in Redis
            next_answer = shown()

            def health_ok():
                return body(fetch(f"{base}/health/")) == OK

            back = wait_until(health_ok, timeout=15, interval=0.2)
            later = [shown() for _ in range(6)]
            fresh = []

            def cached_in_redis_again():
                # A page no process holds in memory, until one that uses Redis again caches it.
                answer = fetch(f"{page_urls[0]}&after={len(fresh)}")
                fresh.append((answer.status, frozenset(versions(body(answer), pages.expected))))
                return len(redis.keys("*response:*")) > restored

            redis_again = wait_until(cached_in_redis_again, timeout=15, interval=0.2)
            cached_after = len(redis.keys("*response:*"))

    b = [(200, frozenset({"B"}))] * 2
    report(
        "redis down at commit time",
        import_exit=0,
        import_s=round(import_seconds, 1),
        cached_copies_before=cached,
        copies_back_after_restart=restored,
        next_answer_after_restart=[sorted(v) for _, v in next_answer],
        health_ok_after_s=back and round(back, 1),
        copies_after=cached_after,
        redis_used_again_after_s=redis_again and round(redis_again, 1),
    )
    assert warm == [[(200, frozenset({"A"}))] * 2] * 3
    assert cached >= 2 and restored >= cached
    assert while_down == b
    assert next_answer == b
    assert back is not None
    assert later == [b] * 6
    assert redis_again is not None, "no response was cached in Redis after it came back"
    assert set(fresh) == {(200, frozenset({"B"}))}


# --- 6. kill -9 of a writer --------------------------------------------------------------------


def kill_mid_way(env, url, *args, writing_for=1.5):
    """Start `manage.py args`, SIGKILL it once it has been writing for `writing_for` seconds;
    wait until its database session is gone. Returns figures."""
    process = start_manage(env, *args)
    started = time.monotonic()
    try:

        def writing():
            return process.poll() is not None or bool(written_tables(url))

        assert wait_until(writing, timeout=60, interval=0.05) is not None, f"{args} never wrote"
        assert process.poll() is None, f"{args} ended before it could be killed"
        began = time.monotonic() - started
        time.sleep(writing_for)
        tables = written_tables(url)
        assert process.poll() is None and tables, f"{args} finished too soon to be killed"
        process.kill()
        process.wait(timeout=10)
        killed = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    gone = wait_until(lambda: not other_backends(url), timeout=20)
    assert gone is not None, "the killed writer's session is still there"
    return {
        "writing_after_s": round(began, 1),
        "killed_after_s": round(killed, 1),
        "tables_written_when_killed": len(tables),
        "session_gone_after_s": round(gone, 1),
    }


def test_kill_9_of_a_writer_leaves_every_table_as_it_was(shared, template, pages):
    url = shared.create(f"{PREFIX}_kill_import", template=template)
    env = env_for(url)
    manage(env, "import_ll2", pages.b)  # the big page updates these 200 events, and adds 2,800
    before = table_digest(url)
    killed_import = kill_mid_way(env, url, "import_ll2", pages.big)
    after = table_digest(url)
    report(
        "kill -9 of import_ll2 (3,000 events)",
        **killed_import,
        spaceflight_tables=sum(t.startswith("spaceflight_") for t in before),
        spaceflight_rows_before=sum(
            n for t, (n, _) in before.items() if t.startswith("spaceflight_")
        ),
        spaceflight_rows_after=sum(
            n for t, (n, _) in after.items() if t.startswith("spaceflight_")
        ),
        events_before_after=[d["spaceflight_dockingevent"][0] for d in (before, after)],
        tables_changed=sorted(t for t in before if before[t] != after.get(t)),
    )
    assert after == before

    url = shared.create(f"{PREFIX}_kill_generate", template=template)
    env = env_for(url)
    before = table_digest(url)
    killed_generate = kill_mid_way(env, url, "generate_data", "--events", 30000, "--seed", 11)
    after = table_digest(url)
    report(
        "kill -9 of generate_data (30,000 events) into an empty database",
        **killed_generate,
        spaceflight_rows_before=sum(
            n for t, (n, _) in before.items() if t.startswith("spaceflight_")
        ),
        spaceflight_rows_after=sum(
            n for t, (n, _) in after.items() if t.startswith("spaceflight_")
        ),
        tables_changed=sorted(t for t in before if before[t] != after.get(t)),
    )
    assert after == before
