"""`/health/`: can this process reach its database and its cache? For load balancers."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache():
    cache.set("health", "ok", timeout=10)
    if cache.get("health") != "ok":
        raise RuntimeError("the cache did not return what was written")


def health(request):
    report, healthy = {}, True
    for name, check in (("database", check_database), ("cache", check_cache)):
        try:
            check()
            report[name] = "ok"
        except Exception as error:  # noqa: BLE001 - any failure is a report, not a 500
            report[name] = f"error: {error.__class__.__name__}: {error}"
            healthy = False
    return JsonResponse(report, status=200 if healthy else 503)
