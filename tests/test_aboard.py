"""Who is aboard agrees everywhere: a station's expeditions under way, their crews, the
astronauts in space and the station's `onboard_crew`, on pages read together
(tests/support/crews.py), and on the bundled real data."""

import pytest
from django.core.management import call_command

from tests.support import crews
from tests.support.crews import AFTER_LATER_END, CAPTURED, STATION_4, STATION_18

pytestmark = pytest.mark.django_db


crewed = crews.crewed


def ids(api, path):
    return [row["id"] for row in api.get(path).json()["results"]]


def aboard(api, station):
    """The astronauts of the crews of `station`'s expeditions under way, as its page lists
    them and their own pages give their crews."""
    expeditions = api.get(f"/2.3.0/space_stations/{station}/").json()["active_expeditions"]
    assert [e["id"] for e in expeditions] == crews.UNDER_WAY[station]
    return {
        member["astronaut"]["id"]
        for expedition in expeditions
        for member in api.get(f"/2.3.0/expeditions/{expedition['id']}/").json()["crew"]
    }


def test_the_crews_under_way_are_the_astronauts_in_space(api, frozen, crewed):
    with frozen(CAPTURED):
        in_space = set(ids(api, "/2.3.0/astronauts/?in_space=true&limit=100"))
        on_4, on_18 = aboard(api, STATION_4), aboard(api, STATION_18)

    assert on_4 == {4, 5, 6, 7}
    assert on_18 == {8, 9, 10}
    assert in_space == on_4 | on_18 | {crews.FREE_FLYER}


def test_the_active_expeditions_of_a_station_name_their_crew(api, frozen, crewed):
    with frozen(CAPTURED):
        body = api.get("/2.3.0/expeditions/?is_active=true&mode=detailed&space_station=4").json()

    named = {
        expedition["name"]: [
            (m["astronaut"]["name"], m["role"]["role"]) for m in expedition["crew"]
        ]
        for expedition in body["results"]
    }
    assert named == {
        "Expedition B": [
            ("Astronaut 4", "Commander"),
            ("Astronaut 5", "Flight Engineer"),
            ("Astronaut 6", "Flight Engineer"),
        ],
        "Expedition C": [("Astronaut 6", "Commander"), ("Astronaut 7", "Flight Engineer")],
    }


def test_onboard_crew_is_counted_unless_a_page_gave_it(api, frozen, crewed):
    with frozen(CAPTURED):
        counted = api.get(f"/2.3.0/space_stations/{STATION_4}/").json()["onboard_crew"]
        given = api.get(f"/2.3.0/space_stations/{STATION_18}/").json()["onboard_crew"]
        filtered = ids(api, "/2.3.0/space_stations/?onboard_crew=4")
        on_18 = aboard(api, STATION_18)

    # Astronaut 6, on both crews at the handover, counts once.
    assert counted == 4
    assert given == crews.STATION_18_ONBOARD != len(on_18)
    assert filtered == [STATION_4]


def test_an_expedition_is_active_until_its_end(api, frozen, crewed):
    with frozen(CAPTURED):
        active = ids(api, "/2.3.0/expeditions/?is_active=true")
        ended = ids(api, "/2.3.0/expeditions/?is_active=false")
    assert active == [902, 903, 904]
    assert ended == [crews.ENDED]

    with frozen(AFTER_LATER_END):
        call_command("derive_statistics")
        active = ids(api, "/2.3.0/expeditions/?is_active=true")
        station = api.get(f"/2.3.0/space_stations/{STATION_4}/").json()
    assert active == [903, 904]
    assert [e["id"] for e in station["active_expeditions"]] == [903]
    assert station["onboard_crew"] == 2


def test_the_bundled_data_has_expedition_73_aboard_and_ten_humans_in_space(api):
    call_command("load_bundled_data")

    iss = api.get("/2.3.0/space_stations/4/").json()
    humans = api.get("/2.3.0/astronauts/?in_space=true&is_human=true&limit=100").json()

    assert [e["name"] for e in iss["active_expeditions"]] == ["Expedition 73"]
    assert iss["onboard_crew"] == 7  # LL2's: the bundled expeditions have no crew
    assert humans["count"] == 10
    assert "Starman" not in {a["name"] for a in humans["results"]}
