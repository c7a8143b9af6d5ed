"""What is docked at a station now, as its own endpoint says it (`docking_location[].
currently_docked`, `docked_vehicles`, `active_docking_events`), agrees with the docking events
still docked (`/docking_events/?docked=true`); and is read without the station's history."""

import pytest
from django.db.models.signals import post_init

from spaceflight.models import DockingEvent
from tests.support import datasets, factories

pytestmark = pytest.mark.django_db


def ids(api, query):
    body = api.get(f"/2.3.0/docking_events/?docked=true&limit=100&{query}").json()
    assert body["count"] == len(body["results"])
    return [event["id"] for event in body["results"]]


def assert_docked_now_agrees(api):
    stations = api.get("/2.3.0/space_stations/?limit=100").json()["results"]
    assert stations
    for station in stations:
        own = api.get(f"/2.3.0/space_stations/{station['id']}/").json()
        docked = ids(api, f"space_station_target__id={station['id']}")
        assert [event["id"] for event in own["active_docking_events"]] == docked
        assert own["docked_vehicles"] == len(docked)
        for port in own["docking_location"]:
            # Both in docking order: the port's occupant is the one that docked last.
            at_port = ids(api, f"docking_location__id={port['id']}")
            current = port["currently_docked"]
            assert (current and current["id"]) == (at_port[-1] if at_port else None)
            assert current is None or current["id"] in docked
        for version in ("2.0.0", "2.2.0"):
            legacy = api.get(f"/{version}/spacestation/{station['id']}/").json()
            assert legacy["docked_vehicles"] == len(docked)
            assert [
                port["docked"] and port["docked"]["id"] for port in legacy["docking_location"]
            ] == [
                port["currently_docked"] and port["currently_docked"]["id"]
                for port in own["docking_location"]
            ]


def test_docked_now_agrees_over_the_bundled_data(api):
    datasets.bundled()
    assert_docked_now_agrees(api)


def test_docked_now_agrees_over_a_station_with_history(api):
    iss, tiangong = factories.station("ISS"), factories.station("Tiangong")
    forward, aft = factories.port("forward", iss), factories.port("aft", iss)
    for day in range(10):  # departed long ago
        factories.docking(day, departure_day=day + 5, target=iss, location=forward)
    factories.docking(20, target=iss, location=forward)
    factories.docking(21, target=iss, location=aft)
    factories.docking(22, target=iss, location=aft)  # a later one at the same port
    factories.docking(23, target=tiangong)
    assert_docked_now_agrees(api)
    own = api.get(f"/2.3.0/space_stations/{iss.pk}/").json()
    assert own["docked_vehicles"] == 3
    assert api.get("/2.3.0/space_stations/?docked_vehicles__gte=2").json()["count"] == 1


def events_read(api, path):
    """How many docking events the request reads from the database (instantiates)."""
    read = []

    def count(sender, **kwargs):
        read.append(kwargs["instance"])

    post_init.connect(count, sender=DockingEvent)
    try:
        assert api.get(path).status_code == 200
    finally:
        post_init.disconnect(count, sender=DockingEvent)
    return len(read)


def test_a_station_page_reads_only_the_events_still_docked(api):
    iss = factories.station("ISS")
    port = factories.port("forward", iss)
    for day in range(2):
        factories.docking(1000 + day, target=iss, location=port)
    paths = [
        f"/2.3.0/space_stations/{iss.pk}/",
        "/2.3.0/space_stations/?mode=detailed",
        f"/2.2.0/spacestation/{iss.pk}/",
    ]
    before = [events_read(api, path) for path in paths]

    for day in range(200):
        factories.docking(day, departure_day=day + 1, target=iss, location=port)

    assert [events_read(api, path) for path in paths] == before
    # 2.3.0: the two still docked, read for the station's list and for its port.
    assert before == [4, 4, 2]
