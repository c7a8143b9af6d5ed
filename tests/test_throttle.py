"""LL2's rate limits: 15 anonymous requests an hour per address, API keys with their own rate."""

import os
import subprocess
import sys
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.models import ApiKey, digest
from api.serving.throttling import lease_from_redis, lease_size
from spaceflight.changes import data_changed, keys_changed

pytestmark = pytest.mark.django_db

URL = "/2.3.0/docking_events/"


@pytest.fixture(autouse=True)
def ll2_rates(settings, own_counters):
    cache.clear()  # which doesn't reach REDIS_URL's counters: own_counters
    settings.THROTTLE_ANON_RATE = "15/hour"
    settings.THROTTLE_KEY_RATE = "1000/hour"
    yield
    cache.clear()


def create_key(*args):
    out = StringIO()
    call_command("create_api_key", *args, stdout=out)
    return out.getvalue().strip()


def test_sixteenth_anonymous_request_within_the_hour_is_refused(api):
    for _ in range(15):
        assert api.get(URL).status_code == 200

    response = api.get(URL)

    assert response.status_code == 429
    assert response.json()["detail"].startswith("Request was throttled. Expected available in")
    assert 3590 <= int(response["Retry-After"]) <= 3600


def test_refused_requests_are_not_counted_and_the_window_ends(api, frozen):
    with frozen("2025-01-01T00:00:00Z"):
        statuses = [api.get(URL).status_code for _ in range(20)]
        assert api.get("/2.3.0/api-throttle/").json()["current_use"] == 15
    assert statuses == [200] * 15 + [429] * 5
    with frozen("2025-01-01T00:59:59Z"):
        assert api.get(URL).status_code == 429
    with frozen("2025-01-01T01:00:00Z"):
        assert [api.get(URL).status_code for _ in range(16)] == [200] * 15 + [429]


def test_addresses_are_counted_apart(api):
    for _ in range(15):
        api.get(URL, REMOTE_ADDR="10.0.0.1")
    assert api.get(URL, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert api.get(URL, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_a_keyed_request_is_not_held_to_the_anonymous_limit(api):
    key = create_key("mirror")
    for _ in range(16):
        api.get(URL)
    assert api.get(URL).status_code == 429

    response = api.get(URL, HTTP_AUTHORIZATION=f"Token {key}")

    assert response.status_code == 200


def test_a_key_has_its_own_rate(api):
    key = create_key("small", "--rate", "2/minute")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert [api.get(URL, **headers).status_code for _ in range(3)] == [200, 200, 429]
    assert api.get(URL).status_code == 200


def test_unknown_or_inactive_key_is_a_401(api):
    assert api.get(URL, HTTP_AUTHORIZATION="Token nope").status_code == 401
    key = create_key("old")
    ApiKey.objects.filter(name="old").update(active=False)
    response = api.get(URL, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_a_known_key_costs_no_query_of_its_own(api, settings):
    settings.RESPONSE_CACHE = True  # as served: the cache reads the generation anyway
    key = create_key("mirror")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    api.get(URL, **headers)
    with CaptureQueriesContext(connection) as anonymous:
        api.get(URL)
    with CaptureQueriesContext(connection) as keyed:
        assert api.get(URL, **headers).status_code == 200
    assert [q["sql"] for q in keyed] == [q["sql"] for q in anonymous]
    assert len(keyed) == 1


# Each write commits, as the admin's and another process's do.
@pytest.mark.django_db(transaction=True)
def test_a_revoked_key_is_refused_from_the_next_request_on(api):
    key = create_key("revoked")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert api.get(URL, **headers).status_code == 200
    stored = ApiKey.objects.get(name="revoked")
    stored.active = False
    stored.save()  # as the admin does
    assert api.get(URL, **headers).status_code == 401


# Each write commits, as the admin's and another process's do.
@pytest.mark.django_db(transaction=True)
def test_a_key_revoked_by_another_process_is_refused(api):
    key = create_key("elsewhere")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert api.get(URL, **headers).status_code == 200
    # Another process's save: the row and the keys token, in its own transaction.
    ApiKey.objects.filter(name="elsewhere").update(active=False)
    keys_changed()
    assert api.get(URL, **headers).status_code == 401


def test_a_write_to_the_data_looks_up_no_key(api):
    key = create_key("steady")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert api.get(URL, **headers).status_code == 200
    data_changed()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(URL, **headers).status_code == 200
    assert not [q for q in queries if "api_apikey" in q["sql"]]


@pytest.mark.parametrize("version", ["2.0.0", "2.2.0", "2.3.0"])
def test_throttle_status_reports_use_and_does_not_count(api, version):
    for _ in range(3):
        api.get(URL)
    for _ in range(20):
        body = api.get(f"/{version}/api-throttle/").json()

    assert body == {
        "your_request_limit": 15,
        "limit_frequency_secs": 3600,
        "current_use": 3,
        "next_use_secs": 0,
        "ident": "127.0.0.1",
    }
    assert api.get(URL).status_code == 200


def test_throttle_status_when_the_limit_is_reached(api):
    for _ in range(15):
        api.get(URL)
    body = api.get("/2.3.0/api-throttle/").json()
    assert body["current_use"] == 15
    assert 3590 <= body["next_use_secs"] <= 3600


def test_throttle_status_for_a_key(api):
    key = create_key("status", "--rate", "100/day")
    api.get(URL, HTTP_AUTHORIZATION=f"Token {key}")
    body = api.get("/2.3.0/api-throttle/", HTTP_AUTHORIZATION=f"Token {key}").json()
    assert body["your_request_limit"] == 100
    assert body["limit_frequency_secs"] == 86400
    assert body["current_use"] == 1
    assert body["ident"] == f"key:{key[:8]}"


def test_create_api_key_prints_a_key_stored_only_as_a_digest():
    key = create_key("someone", "--rate", "500/hour")
    stored = ApiKey.objects.get(name="someone")
    assert len(key) == 40
    assert key not in stored.digest
    assert stored.rate == "500/hour"
    assert ApiKey.objects.get(digest=digest(key)) == stored


def test_create_api_key_refuses_bad_input():
    create_key("taken")
    with pytest.raises(CommandError, match="exists already"):
        create_key("taken")
    with pytest.raises(CommandError, match="not a rate"):
        create_key("other", "--rate", "lots")


def test_refused_keys_count_against_the_address(api):
    """Guessing keys is no way around the anonymous limit: each 401 is counted."""
    bad = {"HTTP_AUTHORIZATION": "Token guess"}
    assert [api.get(URL, **bad).status_code for _ in range(15)] == [401] * 15
    response = api.get(URL, **bad)
    assert response.status_code == 429
    assert 3590 <= int(response["Retry-After"]) <= 3600
    assert api.get(URL, HTTP_AUTHORIZATION="Token").status_code == 429
    assert api.get(URL).status_code == 429
    assert api.get(URL, REMOTE_ADDR="10.0.0.2", **bad).status_code == 401


def test_past_the_anonymous_limit_a_bad_key_is_a_429(api):
    for _ in range(15):
        api.get(URL)
    assert api.get(URL, HTTP_AUTHORIZATION="Token guess").status_code == 429
    assert api.get(URL, HTTP_AUTHORIZATION=f"Token {create_key('good')}").status_code == 200


@pytest.mark.parametrize("rate", ["abc", "10/x", "1e3/hour", "-1/hour", "0/hour"])
def test_a_key_stored_with_a_bad_rate_is_told_so_not_a_500(api, rate):
    key = create_key("stored-before-validation")
    ApiKey.objects.filter(name="stored-before-validation").update(rate=rate)
    data_changed()  # as the admin's save would
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    for path in (URL, "/2.3.0/api-throttle/"):
        response = api.get(path, **headers)
        assert response.status_code == 403
        assert response.json() == {
            "detail": f"This API key's rate {rate!r} is not a valid rate: ask the operator "
            "to correct it."
        }


@pytest.mark.parametrize("rate", ["abc", "10/x", "1e3/hour", "-1/hour", "0/hour", "15/hr"])
def test_create_api_key_refuses_a_bad_rate(rate):
    with pytest.raises(CommandError, match="not a rate"):
        create_key("other", f"--rate={rate}")
    assert not ApiKey.objects.exists()


def test_each_database_has_counters_of_its_own():
    """Two servers from one checkout on two databases don't share their windows."""
    from config.settings import counter_file

    first = counter_file({"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/a.sqlite3"})
    again = counter_file({"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/a.sqlite3"})
    other = counter_file({"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/b.sqlite3"})
    mirror = counter_file({"ENGINE": "django.db.backends.postgresql", "NAME": "a", "PORT": 5433})
    assert first == again and len({first, other, mirror}) == 3
    assert first.name.startswith("throttle-counters-")


# Leased counts (api/serving/throttling.py, `Leases`): counted in Redis, so on the production stack.
needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="leases are taken from Redis: the production-stack pass"
)

# One app process of four threads (as granian's): counts requests of one caller, with the other
# processes started together, until refused; says how many it was allowed and how far below
# the limit the requests all processes were allowed (tallied in Redis as they go) stood at its
# first refusal.
COUNTING_PROCESS = """
import os, sys, threading
import django
django.setup()
import redis
from django.conf import settings
from api.serving.throttling import Usage, lease_size, measure
ident, limit, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
tally, key = redis.Redis.from_url(settings.REDIS_URL), f"{ident}:tally"
allowed, early, lock = [], [], threading.Lock()

def count():
    mine = 0
    while measure(Usage(ident, limit, 3600, lease_size(limit)), count=True).allowed:
        mine += 1
        tally.incr(key)
    with lock:
        allowed.append(mine)
        early.append(limit - int(tally.get(key) or 0))

threads = [threading.Thread(target=count) for _ in range(threads)]
print("ready", flush=True)
sys.stdin.readline()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sum(allowed), max(early), flush=True)
"""
THREADS = 4


def count_in_processes(limit, processes):
    ident = f"test-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "CACHE_KEY_PREFIX": settings.CACHE_KEY_PREFIX,
    }
    running = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTING_PROCESS, ident, str(limit), str(THREADS)],
            cwd=Path(__file__).parent.parent,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for process in running:
        assert process.stdout.readline().strip() == "ready"
    for process in running:
        process.stdin.write("go\n")
        process.stdin.flush()
    results = [tuple(map(int, process.communicate(timeout=120)[0].split())) for process in running]
    return [allowed for allowed, _ in results], max(early for _, early in results)


@needs_redis
def test_leased_counts_never_pass_the_limit_across_processes():
    limit, processes = 12_000, 3
    lease = lease_size(limit)
    assert lease == 12

    allowed, early = count_in_processes(limit, processes)

    assert sum(allowed) == limit  # never past it, and every lease used up in the end
    assert all(allowed)
    # Refused at most one lease per other process early (and the requests in flight, one per
    # thread), however many threads of a process ran out of its lease at once.
    assert early <= (processes - 1) * lease + processes * THREADS


@needs_redis
def test_exact_limits_stay_exact_across_processes():
    limit, processes = 3_000, 3
    assert lease_size(limit) == 0

    allowed, early = count_in_processes(limit, processes)

    assert sum(allowed) == limit
    assert early <= processes * THREADS  # only the requests in flight when the last count went


@needs_redis
def test_throttle_status_of_a_leased_key_is_within_one_lease_per_other_process(api):
    key = create_key("leased", "--rate", "20000/hour")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    for _ in range(5):
        assert api.get(URL, **headers).status_code == 200
    status = api.get("/2.3.0/api-throttle/", **headers).json()
    assert status["current_use"] == 5  # this process's unused lease is not counted as used

    # Another process takes a lease of its own and has used none of it yet.
    lease_from_redis(status["ident"], 20_000, 3600, time.time(), lease_size(20_000))
    status = api.get("/2.3.0/api-throttle/", **headers).json()
    assert 5 <= status["current_use"] <= 5 + lease_size(20_000)


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_revoked_leased_key_is_refused_from_its_next_request_on(api):
    key = create_key("leased-revoked", "--rate", "20000/hour")
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert api.get(URL, **headers).status_code == 200  # and a lease in hand
    stored = ApiKey.objects.get(name="leased-revoked")
    stored.active = False
    stored.save()
    assert api.get(URL, **headers).status_code == 401


@pytest.mark.django_db(transaction=True)
def test_warm_answers_are_counted_once(api, settings, monkeypatch):
    settings.RESPONSE_CACHE = True  # answered before DRF from the second request on
    assert api.get(URL).status_code == 200

    def no_view(*args):
        raise AssertionError("answered by the view, not before it")

    monkeypatch.setattr("api.views.Resource.answer", no_view)
    assert [api.get(URL).status_code for _ in range(15)] == [200] * 14 + [429]
    assert api.get("/2.3.0/api-throttle/").json()["current_use"] == 15
