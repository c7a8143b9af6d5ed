"""`/health/` for load balancers: 200 while the database answers (degraded without Redis),
503 when it doesn't, whatever the `Host`, and never an exception's text."""

import pytest
from django.db import OperationalError, connection

from api.serving.degrade import cache_guard, redis_guard

pytestmark = pytest.mark.django_db


def listening(expected):
    """On PostgreSQL, whether this process hears of new generations (spaceflight/changes.py)."""
    if connection.vendor == "postgresql":
        expected["generation"] = "listening"
    return expected


def test_healthy(api, settings):
    body = api.get("/health/").json()
    expected = {"database": "ok"}
    if settings.REDIS_URL:
        expected["counters"] = "ok"
    if settings.CACHE_REDIS_URL:
        expected["cache"] = "ok"
    assert body == {**listening(expected), "status": "ok"}


def test_load_balancers_may_ask_by_address(api, settings):
    settings.ALLOWED_HOSTS = ["docking.example.org"]
    assert api.get("/health/", HTTP_HOST="10.1.2.3").status_code == 200
    assert api.get("/2.3.0/", HTTP_HOST="10.1.2.3").status_code == 400


def test_without_redis_the_service_is_degraded_not_down(api, redis_down):
    response = api.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        **listening({"database": "ok", "counters": "unavailable", "cache": "unavailable"}),
        "status": "degraded",
    }
    assert redis_guard.degraded and cache_guard.degraded


def test_without_the_database_it_is_down_and_says_no_more(api, monkeypatch):
    def refuse():
        raise OperationalError('connection to server at "10.0.0.5", port 5432 failed: secret')

    monkeypatch.setattr("api.serving.health.check_database", refuse)
    response = api.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert "10.0.0.5" not in response.content.decode()
