"""`/health/`: can this process serve? For load balancers (api/serving/middleware.py routes it).

200 while the database answers, with `"status": "ok"`, or `"degraded"` while a Redis is down
(responses are then built without it, api/serving/degrade.py); 503 when the database doesn't answer.
On PostgreSQL, `"generation"` says whether this process is told of new data generations
(`"listening"`) or reads the generation per request until it can listen again
(spaceflight/changes.py); either way its answers are current. Errors are logged, never shown.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from redis.exceptions import RedisError

from api.serving.degrade import cache_guard, redis_guard
from api.serving.throttling import counters_redis
from spaceflight.changes import listener

log = logging.getLogger("api")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache():
    cache = caches["default"]
    cache.set("health", "ok", timeout=10)
    if cache.get("health") != "ok":
        raise RedisError("Redis did not return what was written")
    return "ok"


def check_counters():
    counters_redis(settings.REDIS_URL).ping()
    return "ok"


def database_status():
    try:
        check_database()
        return "ok"
    except Exception:  # noqa: BLE001 - any failure is a report, not a 500
        log.exception("health: the database is unavailable")
        return "unavailable"


def health(request):
    report = {"database": database_status()}
    # A failure here also tells the rest of the process to do without that Redis for a while.
    if settings.REDIS_URL:
        report["counters"] = redis_guard.call(check_counters, lambda: "unavailable")
    if settings.CACHE_REDIS_URL:
        report["cache"] = cache_guard.call(check_cache, lambda: "unavailable")
    if connection.vendor == "postgresql" and settings.GENERATION_LISTEN:
        listening = report["database"] == "ok" and listener.current() is not None
        report["generation"] = "listening" if listening else "read per request"
    healthy = report["database"] == "ok"
    degraded = any(report.get(name, "ok") != "ok" for name in ("counters", "cache"))
    report["status"] = "unavailable" if not healthy else "degraded" if degraded else "ok"
    return JsonResponse(report, status=200 if healthy else 503)
