"""The resources a docking event links to: their filters, search, ordering and modes."""

import pytest

from spaceflight import models as m
from tests.support import factories

pytestmark = pytest.mark.django_db


def ids(api, path):
    response = api.get(path)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def stations():
    nasa = m.Agency.objects.create(id=factories.next_id(), name="NASA", abbrev="NASA")
    cnsa = m.Agency.objects.create(id=factories.next_id(), name="CNSA", abbrev="CNSA")
    active = m.SpaceStationStatus.objects.create(id=factories.next_id(), name="Active")
    gone = m.SpaceStationStatus.objects.create(id=factories.next_id(), name="De-Orbited")
    leo = m.Orbit.objects.create(id=factories.next_id(), name="Low Earth Orbit")
    iss = factories.station("International Space Station")
    tiangong = factories.station("Tiangong")
    salyut = factories.station("Salyut 6")
    for station, owners, status, crew in (
        (iss, [nasa], active, 7),
        (tiangong, [cnsa], active, 3),
        (salyut, [], gone, None),
    ):
        station.owners.set(owners)
        m.SpaceStation.objects.filter(pk=station.pk).update(
            status=status, onboard_crew=crew, orbit=leo.name if crew else None
        )
    for day in range(2):
        factories.docking(day, target=iss)
    factories.docking(3, departure_day=4, target=tiangong)
    return {
        "iss": iss.pk,
        "tiangong": tiangong.pk,
        "salyut": salyut.pk,
        "nasa": nasa.pk,
        "cnsa": cnsa.pk,
        "active": active.pk,
        "gone": gone.pk,
        "leo": leo.pk,
    }


@pytest.mark.parametrize("version", ["2.0.0", "2.2.0", "2.3.0"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["iss", "tiangong", "salyut"]),
        ("docked_vehicles=2", ["iss"]),
        ("docked_vehicles__gte=1", ["iss"]),
        ("docked_vehicles__lt=1", ["tiangong", "salyut"]),
        ("onboard_crew__gt=5", ["iss"]),
        ("name=Tiangong", ["tiangong"]),
        ("name__contains=Space", ["iss"]),
        ("owners={nasa}", ["iss"]),
        ("owners={nasa}&owners={cnsa}", ["iss", "tiangong"]),
        ("owner__ids={nasa},{cnsa}", ["iss", "tiangong"]),
        ("status={gone}", ["salyut"]),
        ("status__ids={active},{gone}", ["iss", "tiangong", "salyut"]),
        ("status__ids=99999999999999999999", []),
        ("orbit={leo}", ["iss", "tiangong"]),
        ("search=cnsa", ["tiangong"]),
        ("ordering=-docked_vehicles", ["iss", "tiangong", "salyut"]),
        ("ordering=name", ["iss", "salyut", "tiangong"]),
    ],
)
def test_station_filters_search_and_ordering(api, stations, version, query, expected):
    path = "/2.3.0/space_stations/" if version == "2.3.0" else f"/{version}/spacestation/"
    assert ids(api, f"{path}?{query.format(**stations)}") == [stations[k] for k in expected]


def test_an_invalid_filter_value_is_a_400(api, stations):
    response = api.get("/2.3.0/space_stations/?docked_vehicles=many")
    assert response.status_code == 400
    assert response.json() == {"docked_vehicles": ["Enter a number."]}


@pytest.fixture
def spacecraft():
    config = m.SpacecraftConfig.objects.create(id=factories.next_id(), name="Dragon")
    flights = [factories.spacecraft_flight(name) for name in ("Endeavour", "Resilience", "Soyuz")]
    crafts = [flight.spacecraft for flight in flights]
    m.Spacecraft.objects.filter(pk=crafts[0].pk).update(
        in_space=True, spacecraft_config=config, flights_count=5
    )
    m.Spacecraft.objects.filter(pk=crafts[1].pk).update(
        is_placeholder=True, spacecraft_config=config, flights_count=2
    )
    again = m.SpacecraftFlight.objects.create(id=factories.next_id(), spacecraft=crafts[0])
    return {"crafts": [c.pk for c in crafts], "flights": [f.pk for f in flights], "again": again}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("in_space=true", [0]),
        ("in_space=0", [1, 2]),
        ("is_placeholder=True", [1]),
        ("name=Soyuz", [2]),
        ("search=dragon", [0, 1]),
        ("ordering=-flights_count", [2, 0, 1]),  # no count yet: first descending, as LL2
    ],
)
def test_spacecraft_filters_search_and_ordering(api, spacecraft, query, expected):
    found = ids(api, f"/2.3.0/spacecraft/?{query}")
    assert found == [spacecraft["crafts"][i] for i in expected]


def test_spacecraft_show_their_flights(api, spacecraft):
    endeavour = spacecraft["crafts"][0]
    body = api.get(f"/2.3.0/spacecraft/{endeavour}/").json()
    assert [flight["id"] for flight in body["flights"]] == [
        spacecraft["flights"][0],
        spacecraft["again"].pk,
    ]
    assert ids(api, f"/2.3.0/spacecraft_flights/?spacecraft={endeavour}") == [
        spacecraft["flights"][0],
        spacecraft["again"].pk,
    ]
    legacy = api.get(f"/2.2.0/spacecraft/flight/?spacecraft={endeavour}").json()
    assert legacy["count"] == 2


def test_flights_show_their_docking_events(api):
    flight = factories.spacecraft_flight()
    events = [factories.docking(day, chaser=flight) for day in (5, 1)]
    factories.docking(2)  # another flight's
    body = api.get(f"/2.3.0/spacecraft_flights/{flight.pk}/").json()
    assert [event["id"] for event in body["docking_events"]] == [events[1].pk, events[0].pk]
    assert body["launch_crew"] == body["onboard_crew"] == body["landing_crew"] == []
    legacy = api.get(f"/2.2.0/spacecraft/flight/{flight.pk}/").json()
    assert [event["docking"] for event in legacy["docking_events"]] == [
        event["docking"] for event in body["docking_events"]
    ]


def test_payload_flights_answer_in_three_modes(api):
    chaser, target = factories.payload_flight("Chaser"), factories.payload_flight("Target")
    event = factories.docking(1, chaser=chaser, target=target)
    for mode in ("list", "normal", "detailed"):
        body = api.get(f"/2.3.0/payload_flights/?mode={mode}").json()
        assert {item["response_mode"] for item in body["results"]} == {mode}
    assert api.get("/2.3.0/payload_flights/?mode=other").json()["results"][0]["response_mode"] == (
        "normal"
    )
    assert ids(api, f"/2.3.0/payload_flights/?payload={chaser.payload_id}") == [chaser.pk]
    body = api.get(f"/2.3.0/payload_flights/{chaser.pk}/").json()
    assert body["response_mode"] == "detailed"
    assert [e["id"] for e in body["docking_events"]] == [event.pk]
    assert api.get(f"/2.3.0/payload_flights/{target.pk}/").json()["docking_events"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/2.3.0/space_stations/999999/",
        "/2.3.0/spacecraft_flights/999999/",
        "/2.3.0/spacecraft/999999/",
        "/2.3.0/payload_flights/999999/",
        "/2.2.0/spacestation/999999/",
        "/2.2.0/spacecraft/flight/999999/",
        "/2.0.0/spacecraft/999999/",
    ],
)
def test_an_unknown_id_is_a_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert list(response.json()) == ["detail"]
