"""The pages: the home page, the README, what every page shares (read-only, served from the
response cache with validators, drawn again each minute) and their cost in queries. A station's
own page is in test_station_page.py."""

import re

import pytest

from spaceflight import models as m
from tests.support import datasets, factories
from tests.support.pages import ISS, SVG, timeline

pytestmark = pytest.mark.django_db

# A response is built in one snapshot (api/serving/responses.py): a savepoint, the generation,
# release.
SNAPSHOT = 3
# The station, its ports, those still docked, the years of its life, the dockings in view;
# the data's date (captures, the mirror's runs), who is in space and where (their expeditions
# under way, their launch crews, the launches at their last flight), the events and spacewalks
# at the station.
STATION_QUERIES = SNAPSHOT + 11
# The stations, the dockings still docked; the data's date, who is in space and where.
HOME_QUERIES = SNAPSHOT + 6


@pytest.fixture
def bundled():
    datasets.bundled()


def test_home_lists_the_stations_what_is_docked_and_the_api(api, bundled):
    html = api.get("/").content.decode()
    for station in m.SpaceStation.objects.all():
        assert f'<a href="/stations/{station.pk}/">{station.name}</a>' in html
    listed = [int(i) for i in re.findall(r'<li data-event="(\d+)"', html)]
    docked = api.get("/2.3.0/docking_events/?docked=true&limit=100").json()["results"]
    assert sorted(listed) == sorted(e["id"] for e in docked if e["space_station_target"])
    for link in ("/2.3.0/", "/2.2.0/", "/2.0.0/", "/2.3.0/swagger/", "/docs/"):
        assert f'href="{link}"' in html


def test_the_docs_are_the_readme(api):
    html = api.get("/docs/").content.decode()
    assert "<h1" in html and "Docking events API" in html and "<table>" in html
    assert api.get("/docs/no-such-file.png").status_code == 404


@pytest.mark.parametrize(
    "path", ["/", f"/stations/{ISS}/", f"/stations/{ISS}/dockings.ics", "/docs/"]
)
def test_pages_are_read_only(api, path):
    assert api.post(path).status_code == 405
    assert api.delete(path).status_code == 405


def test_pages_come_from_the_response_cache_with_validators(api, bundled, settings):
    settings.RESPONSE_CACHE = True
    first = api.get(f"/stations/{ISS}/?from=2025&to=2025")
    assert first["ETag"] and first["Last-Modified"]
    assert first["Content-Security-Policy"].startswith("default-src 'self'")
    again = api.get(f"/stations/{ISS}/?from=2025&to=2025", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    compressed = api.get(f"/stations/{ISS}/", HTTP_ACCEPT_ENCODING="br")
    assert compressed["Content-Encoding"] == "br"


def test_a_cached_page_is_drawn_again_each_minute(api, bundled, settings, frozen):
    settings.RESPONSE_CACHE = True
    with frozen("2025-05-01T10:00:05Z"):
        first = api.get(f"/stations/{ISS}/").content.decode()
    with frozen("2025-05-01T10:00:55Z"):
        same = api.get(f"/stations/{ISS}/").content.decode()
    with frozen("2025-05-01T10:01:05Z"):
        later = api.get(f"/stations/{ISS}/").content.decode()
    assert "Drawn at 2025-05-01 10:00 UTC" in first and same == first
    assert "Drawn at 2025-05-01 10:01 UTC" in later


def busy_station(count):
    station = factories.station()
    ports = [factories.port(f"Port {i}", spacestation=station) for i in range(3)]
    for day in range(count):
        departure = None if day % 7 == 0 else day + 3
        factories.docking(
            day, departure_day=departure, target=station, location=ports[day % len(ports)]
        )
    return station


@pytest.mark.parametrize("count", [1, 60])
@pytest.mark.parametrize("query", ["", "?from=2025&to=2025"])
def test_a_station_page_costs_the_same_queries_however_many_events(
    api, django_assert_num_queries, count, query
):
    station = busy_station(count)
    with django_assert_num_queries(STATION_QUERIES):
        response = api.get(f"/stations/{station.pk}/{query}")
    assert len(list(timeline(response.content.decode()).iter(f"{SVG}a"))) == count


@pytest.mark.parametrize("count", [1, 60])
def test_the_home_page_costs_the_same_queries_however_many_events(
    api, django_assert_num_queries, count
):
    busy_station(count)
    with django_assert_num_queries(HOME_QUERIES):
        assert api.get("/").status_code == 200
