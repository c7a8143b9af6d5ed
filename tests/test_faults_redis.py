"""Redis faults under load, against real servers (`make serve`'s granian, two workers): Redis
killed and restarted under load, a Redis restart with a caller at its limit, Redis down while
an import commits. Nothing is ever a 500, and no reader sees a stale page. When these run, and
what they leave behind: tests/faults.py."""

import sqlite3
import time

import pytest

from tests.support.faults import (
    DEGRADED,
    OK,
    PREFIX,
    SKIP,
    Figures,
    body,
    env_for,
    event_urls,
    server_errors,
    statuses,
    versions,
)
from tools.fault_load import Load, fetch, poller
from tools.fault_redis import Redis
from tools.faults import manage, wait_until
from tools.servers import running

pytest_plugins = ["tests.support.fault_fixtures"]
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

FIGURES = Figures()
report = FIGURES.report


@pytest.fixture(scope="module", autouse=True)
def summary():
    yield from FIGURES.summary()


# --- Redis killed under load ---------------------------------------------------------------------


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


# --- A Redis restart keeps the counts ------------------------------------------------------------


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


# --- Redis down at commit time -------------------------------------------------------------------


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
