"""Faults in what the API depends on are clear answers, never 500s: Redis down is a slower
answer from the database, an unreachable database a 503 with `Retry-After`."""

import pytest
from django.db import OperationalError

from api.serving.degrade import redis_guard
from tests.support import factories

pytestmark = pytest.mark.django_db

LIST = "/2.3.0/docking_events/?format=json"


@pytest.fixture
def event():
    return factories.docking(1)


@pytest.mark.usefixtures("redis_down")
def test_redis_down_answers_from_the_database_and_still_limits(api, settings, tmp_path, event):
    settings.RESPONSE_CACHE = True
    settings.THROTTLE_ANON_RATE = "3/hour"
    settings.THROTTLE_COUNTER_FILE = tmp_path / "counters.sqlite3"

    statuses = [api.get(LIST).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert redis_guard.degraded
    assert api.get("/2.3.0/api-throttle/").json()["current_use"] == 3


@pytest.mark.parametrize(
    "error",
    ["database is locked", "server closed the connection unexpectedly"],
)
def test_an_unavailable_database_is_a_503_with_retry_after(api, monkeypatch, event, error):
    def unavailable():
        raise OperationalError(error)

    monkeypatch.setattr("api.serving.responses.generation", unavailable)
    response = api.get(LIST)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json() == {
        "detail": "The database is not available right now; try again shortly."
    }
