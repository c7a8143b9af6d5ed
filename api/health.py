"""`/health/`: can this process serve? For load balancers (api/middleware.py routes it).

200 while the database answers, with `"status": "ok"`, or `"degraded"` while Redis is down
(responses are then built without it, api/degrade.py); 503 when the database doesn't answer.
Errors are logged, never shown.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from redis.exceptions import RedisError

from api.degrade import redis_guard

log = logging.getLogger("api")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_redis():
    cache = caches["default"]
    cache.set("health", "ok", timeout=10)
    if cache.get("health") != "ok":
        raise RedisError("Redis did not return what was written")
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
    if settings.REDIS_URL:
        # A failure here also tells the rest of the process to do without Redis for a while.
        report["cache"] = redis_guard.call(check_redis, lambda: "unavailable")
    healthy = report["database"] == "ok"
    degraded = settings.REDIS_URL and report["cache"] != "ok"
    report["status"] = "unavailable" if not healthy else "degraded" if degraded else "ok"
    return JsonResponse(report, status=200 if healthy else 503)
