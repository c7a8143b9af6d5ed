"""Database faults under load, against real servers (`make serve`'s granian, two workers):
PostgreSQL restarted (503s, then recovered by itself), and imports beside readers on PostgreSQL
and SQLite (no reader sees a torn or stale page). When these run, and what they leave behind:
tests/faults.py."""

import time

import pytest

from tests.support.faults import (
    EVENTS,
    PREFIX,
    SKIP,
    UNAVAILABLE,
    Figures,
    body,
    env_for,
    event_urls,
    server_errors,
    statuses,
    versions,
)
from tools.fault_load import Load, fetch, poller
from tools.fault_postgres import Cluster
from tools.fault_redis import Redis
from tools.faults import manage
from tools.servers import running

pytest_plugins = ["tests.support.fault_fixtures"]
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

FIGURES = Figures()
report = FIGURES.report


@pytest.fixture(scope="module", autouse=True)
def summary():
    yield from FIGURES.summary()


# --- PostgreSQL restarted under load -------------------------------------------------------------


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
            # The processes' LISTEN connections died with the server: each reads the generation
            # per request meanwhile, and listens again (tried every 5 s) once it is back.
            deadline = time.monotonic() + 15
            final_health = fetch(f"{base}/health/")
            while body(final_health).get("generation") != "listening":
                assert time.monotonic() < deadline, f"never listened again: {body(final_health)}"
                time.sleep(0.5)
                final_health = fetch(f"{base}/health/")
            listening_after_restart_s = time.monotonic() - restarted

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
        listening_after_restart_s=round(listening_after_restart_s, 2),
    )
    assert {a.status for a in answers} <= {200, 503}, "a 500, or no answer at all"
    for answer in failed:
        assert answer.headers.get("retry-after") == "5" and body(answer) == UNAVAILABLE
    assert {a.status for a in health.answers} <= {200, 503}
    assert recovery < 5, "the server did not recover by itself within 5 s of the restart"
    assert len(served_after) >= 20
    assert final_health.status == 200
    assert body(final_health) == {"database": "ok", "generation": "listening", "status": "ok"}


# --- Reads during imports ------------------------------------------------------------------------


@pytest.mark.parametrize("database", ["postgresql", "sqlite"])
def test_reads_during_imports_are_whole_and_never_stale(
    database, shared, template, pages, tmp_path
):
    rounds = 4 if database == "postgresql" else 3
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
