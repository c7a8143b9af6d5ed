"""The real LL2 crew pages bundled in data/crew/ (their sources: tests/ll2_pages/SOURCES.md),
each imported alone into an empty database, are served again as LL2 served them, key order
included, but for the differences `RELAXED` names."""

import json
from pathlib import Path

import pytest

from tests.conftest import assert_same_json
from tests.support.imports import run

# Served from kept fragments (api/rendering/fragments.py), as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]

CREW = Path(__file__).parent.parent / "data" / "crew"
COPIES = Path(__file__).parent / "ll2_pages"
ISS_DETAIL = "v2.3.0_space_station_4_detailed_2025-08.json"
ACTIVE_STATIONS = "v2.3.0_space_stations_active_2025-07.json"
ASTRONAUTS_IN_SPACE = "v2.2.0_astronauts_in_space_2025-11.json"
# The day the astronauts list was read: an age is counted to the day asked, so on that day
# every age is LL2's.
ASTRONAUTS_READ_ON = "2025-11-02T12:00:00Z"

# The keys that differ from LL2's page on purpose, and why.
RELAXED = {
    "docked_vehicles": "LL2's station pages say 0 while their own ports show vehicles "
    "`currently_docked`; ours counts the events still docked",
    "active_docking_events": "LL2's station pages list none while their own ports show "
    "vehicles `currently_docked`; ours lists the events still docked",
}
# Keys whose whole-number value the page writes as an integer: it went through a JSON viewer
# (its 2-space indent) that writes 12742000.0 as 12742000; LL2's own pages write
# `"diameter": 12742000.0`, as we do (tests/reference/v2.3.0_docking_events_618_detailed.json).
WRITTEN_AS_INTEGERS = {"diameter": "a celestial body's diameter, as a float"}


def page(name):
    return json.loads((CREW / name).read_text())


def relaxed(station):
    return {key: value for key, value in station.items() if key not in RELAXED}


def as_the_page_writes(value, key=None):
    """`value` with the whole numbers of `WRITTEN_AS_INTEGERS` written as the page does."""
    if isinstance(value, dict):
        return {k: as_the_page_writes(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [as_the_page_writes(item) for item in value]
    if key in WRITTEN_AS_INTEGERS and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def still_docked_at_ports(station):
    """The ids of the events the station's own page shows docked at its ports."""
    return [
        port["currently_docked"]["id"]
        for port in station["docking_location"]
        if port["currently_docked"]
    ]


@pytest.mark.parametrize("name", [ISS_DETAIL, ACTIVE_STATIONS])
def test_the_copies_the_tests_import_are_the_bundled_pages(name):
    assert (COPIES / name).read_bytes() == (CREW / name).read_bytes()


def test_the_iss_detail_is_ll2s_but_for_what_is_docked(api):
    expected = page(ISS_DETAIL)
    run(CREW / ISS_DETAIL)

    served = api.get("/2.3.0/space_stations/4/").json()

    assert_same_json(as_the_page_writes(relaxed(served)), relaxed(expected))
    assert '"diameter": 12742000.0' in json.dumps(served)
    # LL2's page contradicts itself: no vehicle docked, five docked at its ports.
    docked = still_docked_at_ports(expected)
    assert (expected["docked_vehicles"], expected["active_docking_events"]) == (0, [])
    assert len(docked) == 5
    assert served["docked_vehicles"] == len(docked)
    served_events = served["active_docking_events"]
    assert sorted(event["id"] for event in served_events) == sorted(docked)
    assert [event["docking"] for event in served_events] == sorted(
        event["docking"] for event in served_events
    )
    assert list(served) == list(expected)


def test_the_active_stations_list_is_ll2s(api):
    expected = page(ACTIVE_STATIONS)
    run(CREW / ACTIVE_STATIONS)

    served = api.get("/2.3.0/space_stations/?status=1").json()

    assert [station["name"] for station in served["results"]] == [
        "International Space Station",
        "Tiangong space station",
    ]
    assert_same_json(served, expected)


def test_the_2_2_0_astronauts_are_served_in_2_3_0_with_ll2s_values(api, frozen):
    listed = page(ASTRONAUTS_IN_SPACE)
    run(CREW / ASTRONAUTS_IN_SPACE)

    with frozen(ASTRONAUTS_READ_ON):
        served = api.get("/2.3.0/astronauts/?mode=normal&limit=100").json()["results"]

    assert [a["id"] for a in served] == [a["id"] for a in listed]
    for ours, theirs in zip(served, listed, strict=True):
        for key in (
            "name",
            "status",
            "type",
            "in_space",
            "time_in_space",
            "eva_time",
            "age",
            "date_of_birth",
            "date_of_death",
            "bio",
            "wiki",
            "flights_count",
            "landings_count",
            "spacewalks_count",
            "first_flight",
            "last_flight",
        ):
            assert ours[key] == theirs[key], (theirs["name"], key)
        agency = {k: ours["agency"][k] for k in ("id", "name", "abbrev")}
        assert agency == {k: theirs["agency"][k] for k in ("id", "name", "abbrev")}
        assert ours["agency"]["type"]["name"] == theirs["agency"]["type"]
        image = ours["image"] and ours["image"]["image_url"]
        assert image == theirs["profile_image"], theirs["name"]


def test_ten_humans_are_in_space_in_the_2_2_0_list(api):
    listed = page(ASTRONAUTS_IN_SPACE)
    run(CREW / ASTRONAUTS_IN_SPACE)

    body = api.get("/2.3.0/astronauts/?in_space=true&is_human=true&limit=100").json()

    humans = [a["name"] for a in listed if a["type"]["name"] != "Non-Human"]
    assert body["count"] == len(humans) == 10
    assert [a["name"] for a in body["results"]] == humans
    assert "Starman" not in humans


def test_the_2_2_0_astronauts_are_ll2s_in_2_2_0(api, frozen):
    listed = page(ASTRONAUTS_IN_SPACE)
    run(CREW / ASTRONAUTS_IN_SPACE)

    with frozen(ASTRONAUTS_READ_ON):
        served = api.get("/2.2.0/astronaut/?in_space=true&limit=100").json()

    assert served["count"] == len(listed) == 11
    assert_same_json(served["results"], listed)
