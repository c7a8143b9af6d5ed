"""On the production stack: the response cache's Redis is a server of its own with a memory
limit, so a flood of distinct cached responses stays under that limit and never reaches a
rate-limit counter (which lives, without eviction, in the counters' server)."""

import os

import pytest
import redis
from django.conf import settings

from api.rendering.live import Template
from api.serving import cache
from api.serving.degrade import cache_guard, redis_guard

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (settings.REDIS_URL and settings.CACHE_REDIS_URL),
        reason="needs REDIS_URL and CACHE_REDIS_URL: the production-stack pass",
    ),
]

LIMIT = 8 * 1024 * 1024


@pytest.fixture
def small_cache():
    server = redis.Redis.from_url(settings.CACHE_REDIS_URL)
    before = server.config_get("maxmemory")["maxmemory"]
    server.config_set("maxmemory", LIMIT)
    try:
        yield server
    finally:
        server.config_set("maxmemory", before)


def test_a_flood_of_cached_responses_stays_under_the_limit_and_leaves_counters(
    api, settings, small_cache, own_counters
):
    settings.THROTTLE_ANON_RATE = "100/hour"
    settings.RESPONSE_CACHE = True
    for _ in range(3):
        assert api.get("/2.3.0/", REMOTE_ADDR="198.51.100.1").status_code == 200

    evicted = small_cache.info("stats")["evicted_keys"]
    for number in range(400):  # 400 responses of 64 KB, which don't compress: three times the limit
        cache.put(f"flood:{number}", Template(os.urandom(64 * 1024)))
    for junk in range(20):
        api.get(f"/2.3.0/docking_events/?junk={junk}", REMOTE_ADDR="198.51.100.2")

    assert small_cache.info("memory")["used_memory"] <= LIMIT + 1024 * 1024
    assert small_cache.info("stats")["evicted_keys"] > evicted
    status = api.get("/2.3.0/api-throttle/", REMOTE_ADDR="198.51.100.1").json()
    assert status["current_use"] == 3
    assert not redis_guard.degraded and not cache_guard.degraded
