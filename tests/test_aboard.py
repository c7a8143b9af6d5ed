"""Who is aboard agrees everywhere: a station's expeditions under way, their crews, the
astronauts in space and the station's `onboard_crew`, on pages read together
(tests/support/crews.py), in every version, and on the bundled real data."""

import pytest
from django.core.management import call_command

from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support import crews, datasets
from tests.support.crews import (
    AFTER_LATER_END,
    CAPTURED,
    COMMANDER,
    STATION_4,
    STATION_18,
)

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
    datasets.bundled()

    iss = api.get("/2.3.0/space_stations/4/").json()
    humans = api.get("/2.3.0/astronauts/?in_space=true&is_human=true&limit=100").json()

    assert [e["name"] for e in iss["active_expeditions"]] == ["Expedition 73"]
    assert iss["onboard_crew"] == 7  # LL2's: the bundled expeditions have no crew
    assert humans["count"] == 10
    assert "Starman" not in {a["name"] for a in humans["results"]}


@pytest.mark.parametrize(("version", "commander"), [("2.2.0", COMMANDER), ("2.0.0", "Commander")])
def test_the_older_versions_show_the_same_crews_aboard(api, frozen, crewed, version, commander):
    with frozen(CAPTURED):
        latest = api.get(f"/2.3.0/space_stations/{STATION_4}/").json()["active_expeditions"]
        detailed = api.get(f"/{version}/spacestation/{STATION_4}/").json()
        normal = api.get(f"/{version}/spacestation/?id={STATION_4}").json()["results"][0]
        crew = {e["id"]: api.get(f"/2.3.0/expeditions/{e['id']}/").json()["crew"] for e in latest}

    under_way = [(e["id"], e["name"], e["start"], e["end"]) for e in latest]
    for shown in (detailed["active_expeditions"], normal["active_expedition"]):
        assert [(e["id"], e["name"], e["start"], e["end"]) for e in shown] == under_way
        assert all(e["url"].endswith(f"/{version}/expedition/{e['id']}/") for e in shown)
    for expedition in detailed["active_expeditions"]:
        members = [(m["id"], m["astronaut"]["id"]) for m in expedition["crew"]]
        assert members == [(m["id"], m["astronaut"]["id"]) for m in crew[expedition["id"]]]
    first = detailed["active_expeditions"][0]["crew"][0]
    assert first["role"] == commander
    assert list(first["astronaut"]) == [
        "id",
        "url",
        "name",
        "status",
        "agency",
        "profile_image",
        "profile_image_thumbnail",
    ]


def test_a_2_3_0_astronaut_shows_its_nationality_and_links_as_2_2_0_text(api, crewed):
    person = m.Astronaut.objects.get(pk=4)
    person.nationality.set(
        [
            m.Country.objects.create(
                id=9001,
                name="Japan",
                alpha_2_code="JP",
                alpha_3_code="JPN",
                nationality_name="Japanese",
                nationality_name_composed="Japanese",
            )
        ]
    )
    person.social_media_links = [
        {
            "id": 1,
            "social_media": {"id": 1, "name": "X", "url": "https://x.com/"},
            "url": "https://x.com/four",
        },
        {
            "id": 2,
            "social_media": {"id": 2, "name": "Instagram", "url": "https://instagram.com/"},
            "url": "https://instagram.com/four",
        },
    ]
    person.save()
    data_changed()

    shown = api.get("/2.2.0/astronaut/4/").json()
    found = api.get("/2.2.0/astronaut/?nationality=Japanese").json()["results"]

    assert (shown["nationality"], shown["twitter"], shown["instagram"]) == (
        "Japanese",
        "https://x.com/four",
        "https://instagram.com/four",
    )
    assert [a["id"] for a in found] == [4]
