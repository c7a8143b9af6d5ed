"""A small synthetic crewed graph, imported through `import_ll2` as LL2-shaped 2.3.0 pages
(the `crewed` fixture, which tests/test_aboard.py, test_embedded.py and test_curated.py take
in as `crewed = crews.crewed`): two stations, four expeditions (one ended, one ending later,
two with no end), their crews, a spacewalk and the event it was. Every person is made up
("Astronaut 4"); nothing here is real data.

At `CAPTURED` (the moment the pages are read and imported): station 4 has expeditions 902
(ending `LATER_END`) and 903 under way, sharing astronaut 6 at the handover, and 901 ended;
station 18 has 904 under way, and its own page says 5 people are aboard. Astronaut 11 is in
space on a free flight, aboard no station."""

import json

import pytest

from tests.support.imports import run

CAPTURED = "2025-06-01T00:00:00Z"
LATER_END = "2025-10-01T00:00:00Z"
AFTER_LATER_END = "2025-10-02T00:00:00Z"
HOST = "https://ll.thespacedevs.com/2.3.0"

STATION_4, STATION_18 = 4, 18
# Expedition id: (station, name, start, end, astronauts on its crew).
EXPEDITIONS = {
    901: (STATION_4, "Expedition A", "2024-09-01T00:00:00Z", "2025-03-01T00:00:00Z", [1, 2, 3]),
    902: (STATION_4, "Expedition B", "2025-03-01T00:00:00Z", LATER_END, [4, 5, 6]),
    903: (STATION_4, "Expedition C", "2025-05-20T00:00:00Z", None, [6, 7]),
    904: (STATION_18, "Expedition D", "2025-04-01T00:00:00Z", None, [8, 9, 10]),
}
ENDED, ENDING_LATER = 901, 902
UNDER_WAY = {STATION_4: [902, 903], STATION_18: [904]}
FREE_FLYER = 11
IN_SPACE = {4, 5, 6, 7, 8, 9, 10, FREE_FLYER}
# What station 18's own page says is aboard: LL2's count, not ours (3).
STATION_18_ONBOARD = 5
SPACEWALK, EVENT = 950, 960
COMMANDER = {"id": 1, "role": "Commander", "priority": 0}
FLIGHT_ENGINEER = {"id": 2, "role": "Flight Engineer", "priority": 2}


def url(resource, pk):
    return f"{HOST}/{resource}/{pk}/"


def named(pk, name):
    return {"id": pk, "name": name}


def agency():
    return {
        "response_mode": "list",
        "id": 9001,
        "url": url("agencies", 9001),
        "name": "Agency 9001",
        "abbrev": "A9001",
        "type": named(1, "Government"),
    }


def astronaut(n):
    """Astronaut `n` in the list form a crew shows."""
    return {
        "id": n,
        "url": url("astronauts", n),
        "name": f"Astronaut {n}",
        "status": named(1, "Active"),
        "agency": agency(),
        "image": None,
        "response_mode": "list",
        "type": named(2, "Government"),
        "in_space": n in IN_SPACE,
        "time_in_space": f"P{100 + n}DT1H2M3S",
        "eva_time": f"PT{n}H",
        "age": None,
        "date_of_birth": f"19{70 + n}-0{1 + n % 9}-1{n % 10}",
        "date_of_death": None,
        "nationality": [],
        "bio": f"Astronaut {n} is made up for the tests.",
        "wiki": None,
        "last_flight": "2025-03-01T00:00:00Z",
        "first_flight": "2020-01-01T00:00:00Z",
        "social_media_links": [],
    }


def crew(owner, astronauts):
    """A crew: each astronaut in a role, numbered apart per expedition or spacewalk."""
    return [
        {
            "id": owner * 100 + n,
            "role": COMMANDER if index == 0 else FLIGHT_ENGINEER,
            "astronaut": astronaut(n),
        }
        for index, n in enumerate(astronauts)
    ]


def station(pk):
    return {"id": pk, "url": url("space_stations", pk), "name": f"Station {pk}", "image": None}


def spacewalk_list():
    return {
        "response_mode": "list",
        "id": SPACEWALK,
        "url": url("spacewalks", SPACEWALK),
        "name": "Spacewalk 950",
        "start": "2025-04-10T12:00:00Z",
        "end": "2025-04-10T18:30:00Z",
        "duration": "PT6H30M",
        "location": "Station 4",
    }


def expedition_mini(pk):
    _, name, start, end, _ = EXPEDITIONS[pk]
    return {"id": pk, "url": url("expeditions", pk), "name": name, "start": start, "end": end}


def expedition_normal(pk):
    return {
        **expedition_mini(pk),
        "response_mode": "normal",
        "spacestation": station(EXPEDITIONS[pk][0]),
        "mission_patches": [],
        "spacewalks": [spacewalk_list()] if pk == ENDING_LATER else [],
    }


def expedition(pk):
    """An expedition's own page (detailed), with its crew."""
    return {
        **expedition_normal(pk),
        "response_mode": "detailed",
        "crew": crew(pk, EXPEDITIONS[pk][4]),
    }


def event_mini():
    return {
        "id": EVENT,
        "url": url("events", EVENT),
        "name": "Event 960",
        "info_urls": [],
        "vid_urls": [],
        "image": None,
        "date": "2025-04-10T12:00:00Z",
    }


def spacewalk():
    """The spacewalk's own page (normal): two of expedition 902's crew, and its event."""
    return {
        **spacewalk_list(),
        "response_mode": "normal",
        "crew": crew(SPACEWALK, [4, 5]),
        "spacestation": station(STATION_4),
        "expedition": expedition_mini(ENDING_LATER),
        "spacecraft_flight": None,
        "event": event_mini(),
        "program": [],
    }


# The keys of an astronaut's normal form (an event shows its astronauts in it).
NORMAL = ("id", "url", "name", "status", "agency", "image")


def event():
    """The event's own page (detailed): the spacewalk's expedition, station and astronauts."""
    return {
        **event_mini(),
        "slug": "event-960",
        "type": named(1, "Spacewalk"),
        "description": "A made-up spacewalk for the tests.",
        "webcast_live": False,
        "location": "Station 4",
        "date_precision": None,
        "response_mode": "detailed",
        "duration": "PT6H30M",
        "updates": [],
        "last_updated": "2025-04-11T00:00:00Z",
        "agencies": [],
        "launches": [],
        "expeditions": [expedition_normal(ENDING_LATER)],
        "spacestations": [station(STATION_4)],
        "program": [],
        "astronauts": [{k: v for k, v in astronaut(n).items() if k in NORMAL} for n in (4, 5)],
    }


def pages():
    """Each page as LL2 would answer it: file name, JSON body."""
    page_18 = {
        **station(STATION_18),
        "response_mode": "detailed",
        "onboard_crew": STATION_18_ONBOARD,
    }
    expeditions = [expedition(pk) for pk in EXPEDITIONS]
    free_flyer = {**astronaut(FREE_FLYER), "response_mode": "normal"}
    return {
        "expeditions.json": {"count": 4, "next": None, "previous": None, "results": expeditions},
        "station_18.json": page_18,
        "astronaut_11.json": free_flyer,
        "spacewalk.json": spacewalk(),
        "event.json": event(),
    }


def import_crews(tmp_path, frozen):
    """Write the pages into `tmp_path` and import them with `import_ll2`, at `CAPTURED`."""
    for name, body in pages().items():
        (tmp_path / name).write_text(json.dumps(body))
    with frozen(CAPTURED):
        return run(tmp_path)


@pytest.fixture
def crewed(tmp_path, frozen):
    import_crews(tmp_path, frozen)
