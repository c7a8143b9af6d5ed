"""`/health/` for load balancers: 200 while the database answers (degraded without Redis),
503 when it doesn't, whatever the `Host`, and never an exception's text."""

import pytest
from django.db import OperationalError

from api.degrade import redis_guard

pytestmark = pytest.mark.django_db


def test_healthy(api, settings):
    body = api.get("/health/").json()
    expected = {"database": "ok", "status": "ok"}
    if settings.REDIS_URL:
        expected = {"database": "ok", "cache": "ok", "status": "ok"}
    assert body == expected


def test_load_balancers_may_ask_by_address(api, settings):
    settings.ALLOWED_HOSTS = ["docking.example.org"]
    assert api.get("/health/", HTTP_HOST="10.1.2.3").status_code == 200
    assert api.get("/2.3.0/", HTTP_HOST="10.1.2.3").status_code == 400


def test_without_redis_the_service_is_degraded_not_down(api, redis_down):
    response = api.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "unavailable", "status": "degraded"}
    assert redis_guard.degraded


def test_without_the_database_it_is_down_and_says_no_more(api, monkeypatch):
    def refuse():
        raise OperationalError('connection to server at "10.0.0.5", port 5432 failed: secret')

    monkeypatch.setattr("api.health.check_database", refuse)
    response = api.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert "10.0.0.5" not in response.content.decode()
