"""A station's page: its "docked now" table and its ports' occupancy timeline (the SVG matches
the data), zooming to a range of years and its errors, a station unknown or without events."""

import re
from html.parser import HTMLParser

import pytest

from spaceflight import models as m
from tests.conftest import utc
from tests.support import datasets, factories
from tests.support.pages import ISS, SALYUT_6, SVG, TIANGONG, timeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def bundled():
    datasets.bundled()


class Rows(HTMLParser):
    """The `data-event` of each row of a table with the class asked for."""

    def __init__(self, table_class):
        super().__init__()
        self.table_class, self.inside, self.events = table_class, False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.inside = self.table_class in (attrs.get("class") or "").split()
        elif tag == "tr" and self.inside and "data-event" in attrs:
            self.events.append(int(attrs["data-event"]))

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False


def docked_now(html):
    rows = Rows("docked-now")
    rows.feed(html)
    return rows.events


def lanes(svg):
    """`{lane name: [(event id, open-ended, x), ...]}`, bars in document order."""
    found = {}
    for lane in svg.iter(f"{SVG}g"):
        if lane.get("class") != "lane":
            continue
        name = lane.find(f"{SVG}text").text
        found[name] = [
            (
                int(a.get("data-event")),
                a.get("data-open") == "true",
                float(a.find(f"{SVG}rect").get("x")),
            )
            for a in lane.iter(f"{SVG}a")
        ]
    return found


def api_events(api, station, **filters):
    query = "&".join(
        f"{k}={v}" for k, v in {"space_station_target__id": station, **filters}.items()
    )
    return api.get(f"/2.3.0/docking_events/?{query}&limit=100&format=json").json()["results"]


@pytest.mark.parametrize("station", [ISS, SALYUT_6, TIANGONG])
def test_the_docked_now_table_is_the_apis_docked_events(api, bundled, station):
    html = api.get(f"/stations/{station}/").content.decode()
    expected = [event["id"] for event in api_events(api, station, docked="true")]
    assert sorted(docked_now(html)) == sorted(expected)


@pytest.mark.parametrize(
    ("station", "query", "years"),
    [
        (ISS, "", None),
        (SALYUT_6, "", None),
        (TIANGONG, "", None),
        (SALYUT_6, "?from=1978&to=1982", (1978, 1982)),
        (ISS, "?from=2025&to=2025", (2025, 2025)),
    ],
)
def test_the_timeline_has_a_bar_per_event_in_its_ports_lane_in_order(
    api, bundled, station, query, years
):
    html = api.get(f"/stations/{station}/{query}").content.decode()
    events = api_events(api, station)
    if years:
        start, end = utc(f"{years[0]}-01-01T00:00:00Z"), utc(f"{years[1] + 1}-01-01T00:00:00Z")
        events = [
            e
            for e in events
            if utc(e["docking"]) < end and (e["departure"] is None or utc(e["departure"]) >= start)
        ]
    expected = {}
    for event in sorted(events, key=lambda e: (e["docking"], e["id"])):
        port = event["docking_location"]["name"] if event["docking_location"] else None
        expected.setdefault(port, []).append((event["id"], event["departure"] is None))

    found = lanes(timeline(html))
    assert sum(len(bars) for bars in found.values()) == len(events)
    assert {name: [b[:2] for b in bars] for name, bars in found.items() if bars} == expected
    for bars in found.values():
        xs = [x for _, _, x in bars]
        assert xs == sorted(xs)


def test_salyut_6_shows_its_1978_79_traffic_from_the_2_2_0_page(api, bundled):
    found = lanes(timeline(api.get(f"/stations/{SALYUT_6}/?from=1978&to=1982").content.decode()))
    assert set(found) == {"Salyut-6 aft", "Salyut-6 forward"}
    assert sum(len(bars) for bars in found.values()) == 10


def test_open_ended_bars_are_the_events_still_docked(api, bundled):
    svg = timeline(api.get(f"/stations/{ISS}/").content.decode())
    still_docked = {e["id"] for e in api_events(api, ISS, docked="true")}
    bars = list(svg.iter(f"{SVG}a"))
    assert {int(a.get("data-event")) for a in bars if a.get("data-open") == "true"} == still_docked
    arrowheads = [a for a in bars if a.find(f"{SVG}path[@class='open-end']") is not None]
    assert len(arrowheads) == len(still_docked)


def test_every_bar_names_its_vehicle_and_links_to_its_event(api, bundled):
    svg = timeline(api.get(f"/stations/{ISS}/").content.decode())
    events = {e["id"]: e for e in api_events(api, ISS)}
    for bar in svg.iter(f"{SVG}a"):
        event = events[int(bar.get("data-event"))]
        assert bar.get("href") == f"/2.3.0/docking_events/{event['id']}/"
        assert event["flight_vehicle_chaser"]["spacecraft"]["name"] in bar.find(f"{SVG}title").text


def test_the_svg_is_described_for_screen_readers(api, bundled):
    html = api.get(f"/stations/{ISS}/").content.decode()
    svg = timeline(html)
    assert svg.find(f"{SVG}title").text.startswith("Occupancy of the ports of International")
    assert "dockings 12" in svg.find(f"{SVG}desc").text
    assert svg.get("aria-labelledby") == "timeline-title timeline-desc"
    assert '<html lang="en">' in html and '<th scope="col">Port</th>' in html


def test_kinds_come_from_the_data(api, bundled):
    kinds = {
        int(a.get("data-event")): a.get("data-kind")
        for a in timeline(api.get(f"/stations/{ISS}/").content.decode()).iter(f"{SVG}a")
    }
    # Crew Dragon, Cargo Dragon (both "Capsule"), Progress ("Cargo Resupply"), Soyuz MS.
    assert (kinds[619], kinds[613], kinds[618], kinds[620]) == (
        "crewed",
        "cargo",
        "cargo",
        "crewed",
    )
    station = factories.station()
    payload = factories.docking(1, chaser=factories.payload_flight(), target=station)
    module = factories.docking(2, target=station)
    m.DockingEvent.objects.filter(pk=module.pk).update(
        flight_vehicle_chaser=None, space_station_chaser=factories.station("Module")
    )
    kinds = {
        int(a.get("data-event")): a.get("data-kind")
        for a in timeline(api.get(f"/stations/{station.pk}/").content.decode()).iter(f"{SVG}a")
    }
    assert kinds == {payload.pk: "payload", module.pk: "module"}


def test_docked_for_is_rendered_by_the_server_and_counted_on_by_our_script(api, bundled, frozen):
    with frozen("2025-04-13T02:53:57Z"):
        html = api.get(f"/stations/{ISS}/").content.decode()
    # Progress MS-30 docked on 2025-03-01 at 23:02:00.
    assert (
        '<time class="live" datetime="P42DT3H51M57S" data-since="2025-03-01T23:02:00+00:00">'
        "42 d 3 h 51 min 57 s</time>"
    ) in html
    assert re.search(r'<script src="/static/pages/live\.js(\?[^"]*)?" defer>', html)


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("from=abc", "from must be a year, like 1978, not &#x27;abc&#x27;."),
        ("to=19x8", "to must be a year, like 1978"),
        ("from=1800", "from must be a year from 1957 to 2200."),
        ("to=99999999999999999999", "to must be a year from 1957 to 2200."),
        ("from=%EF%BC%91%EF%BC%99%EF%BC%97%EF%BC%98", "from must be a year, like 1978"),
        ("from=1990&to=1980", "from (1990) is after to (1980)."),
    ],
)
def test_a_bad_range_is_a_400_page_that_says_why(api, query, says):
    response = api.get(f"/stations/{ISS}/?{query}")
    assert response.status_code == 400
    assert says in response.content.decode()


def test_a_range_with_either_bound(api, bundled, frozen):
    def described(query):
        with frozen("2026-04-15T00:00:00Z"):
            html = api.get(f"/stations/{ISS}/?{query}").content.decode()
        return timeline(html).find(f"{SVG}desc").text

    assert described("from=2025&to=2025").startswith("From 2025-01-01 to 2026-01-01")
    assert described("from=2025").startswith("From 2025-01-01 to 2026-05-01")
    assert described("to=2024").startswith("From 2024-09-01 to 2025-01-01")
    assert described("from=2030").startswith("From 2030-01-01 to 2031-01-01: dockings 0")


def test_an_unknown_station_is_a_404_page(api):
    response = api.get("/stations/999999/")
    assert response.status_code == 404
    assert "There is no station with that id." in response.content.decode()


def test_a_station_without_events_says_so(api):
    station = factories.station("Empty")
    html = api.get(f"/stations/{station.pk}/").content.decode()
    assert "No docking events are recorded for Empty." in html
    assert "<svg xmlns" not in html
