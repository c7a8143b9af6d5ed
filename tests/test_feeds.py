"""A station's feeds: iCalendar and Atom, an entry per docking and per departure, read back by
their own libraries, with validators and 304s, and a fixed cost in queries."""

import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from pages.ranges import FEED_ENTRIES
from tests.conftest import utc
from tests.support import datasets, factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ISS, SALYUT_6 = 4, 14
# The snapshot (api/serving/responses.py), the station, its dockings, the generation (its time).
FEED_QUERIES = 3 + 3


@pytest.fixture
def bundled():
    datasets.bundled()


def moments(api, station):
    """`{(event id, "docked" or "departed"): moment}` from the API."""
    url = f"/2.3.0/docking_events/?space_station_target__id={station}&limit=100&format=json"
    found = {}
    for event in api.get(url).json()["results"]:
        found[(event["id"], "docked")] = utc(event["docking"])
        if event["departure"]:
            found[(event["id"], "departed")] = utc(event["departure"])
    return found


def key(uid):
    """`(event id, "docked" or "departed")` of an entry's id: the event's API URL#what."""
    url, what = uid.split("#")
    return int(url.rstrip("/").rsplit("/", 1)[1]), what


@pytest.mark.parametrize("station", [ISS, SALYUT_6])
def test_the_calendar_parses_back_with_a_vevent_per_docking_and_departure(api, bundled, station):
    response = api.get(f"/stations/{station}/dockings.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    found = {key(str(e["UID"])): e.decoded("DTSTART") for e in events}
    assert len(found) == len(events)
    assert found == moments(api, station)
    assert all(e["URL"].startswith("http://testserver/2.3.0/docking_events/") for e in events)


@pytest.mark.parametrize("station", [ISS, SALYUT_6])
def test_the_atom_feed_is_well_formed_with_an_entry_per_docking_and_departure(
    api, bundled, station
):
    response = api.get(f"/stations/{station}/dockings.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    found = {key(e.find(f"{ATOM}id").text): utc(e.find(f"{ATOM}updated").text) for e in entries}
    assert len(found) == len(entries)
    assert found == moments(api, station)
    assert [e.find(f"{ATOM}title").text for e in entries][-1].startswith(
        "Soyuz 29 docked at Salyut 6" if station == SALYUT_6 else "Crew Dragon Freedom docked"
    )


@pytest.mark.parametrize("feed", ["dockings.ics", "dockings.atom"])
def test_feeds_carry_validators_and_answer_304(api, bundled, feed):
    url = f"/stations/{ISS}/{feed}"
    first = api.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    # Made again (no response cache in the tests), the same data gives the same bytes.
    assert api.get(url).content == first.content


def test_a_station_without_events_has_empty_feeds(api):
    station = factories.station("Empty")
    calendar = Calendar.from_ical(api.get(f"/stations/{station.pk}/dockings.ics").content)
    assert calendar.walk("VEVENT") == []
    feed = ET.fromstring(api.get(f"/stations/{station.pk}/dockings.atom").content)
    assert feed.findall(f"{ATOM}entry") == []


@pytest.mark.parametrize("feed", ["dockings.ics", "dockings.atom"])
def test_an_unknown_station_has_no_feed(api, feed):
    assert api.get(f"/stations/999999/{feed}").status_code == 404


@pytest.mark.parametrize("feed", ["dockings.ics", "dockings.atom"])
@pytest.mark.parametrize("count", [1, 60])
def test_a_feed_costs_the_same_queries_however_many_events(
    api, django_assert_num_queries, feed, count
):
    station = factories.station()
    for day in range(count):
        factories.docking(day, departure_day=day + 2, target=station)
    with django_assert_num_queries(FEED_QUERIES):
        response = api.get(f"/stations/{station.pk}/{feed}")
    entries = response.content.count(b"BEGIN:VEVENT" if feed.endswith("ics") else b"<entry>")
    assert entries == min(2 * count, FEED_ENTRIES)


@pytest.mark.parametrize("feed", ["dockings.ics", "dockings.atom"])
def test_a_feed_holds_the_newest_entries_and_the_years_asked_for(api, feed):
    """Its work doesn't grow with the station's history: 100 entries, unless years are asked."""
    station = factories.station()
    for day in range(0, 800, 5):  # 160 events from 2025-01-01, each departing two days later
        factories.docking(day, departure_day=day + 2, target=station)
    marker = b"BEGIN:VEVENT" if feed.endswith("ics") else b"<entry>"

    newest = api.get(f"/stations/{station.pk}/{feed}").content
    in_2026 = api.get(f"/stations/{station.pk}/{feed}?from=2026&to=2026").content
    everything = api.get(f"/stations/{station.pk}/{feed}?from=2024&to=2028").content

    assert newest.count(marker) == FEED_ENTRIES
    assert everything.count(marker) == 320
    moments = [moment for day in range(0, 800, 5) for moment in (day, day + 2)]
    assert in_2026.count(marker) == sum(1 for moment in moments if 365 <= moment < 730)
