"""The pages: the home page, a station's "docked now" table and occupancy timeline (the SVG
matches the data), zooming and its errors, the README, and their cost in queries."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command

from spaceflight import models as m
from tests import factories
from tests.conftest import utc

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
ISS, SALYUT_6, TIANGONG = 4, 14, 18
# A response is built in one snapshot (api/responses.py): a savepoint, the generation, release.
SNAPSHOT = 3
# The station, its ports, the dockings in view, those still docked.
STATION_QUERIES = SNAPSHOT + 4
# The stations, the dockings still docked.
HOME_QUERIES = SNAPSHOT + 2


@pytest.fixture
def bundled():
    call_command("load_bundled_data", stdout=StringIO())


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


def timeline(html):
    """The page's SVG, parsed: it is well-formed XML."""
    return ET.fromstring(re.search(r"<svg xmlns.*?</svg>", html, re.S).group(0))


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
    assert "dockings 10" in svg.find(f"{SVG}desc").text
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


@pytest.mark.parametrize(
    "path", ["/", f"/stations/{ISS}/", f"/stations/{ISS}/dockings.ics", "/docs/"]
)
def test_pages_are_read_only(api, path):
    assert api.post(path).status_code == 405
    assert api.delete(path).status_code == 405


def test_an_unknown_station_is_a_404_page(api):
    response = api.get("/stations/999999/")
    assert response.status_code == 404
    assert "There is no station with that id." in response.content.decode()


def test_a_station_without_events_says_so(api):
    station = factories.station("Empty")
    html = api.get(f"/stations/{station.pk}/").content.decode()
    assert "No docking events are recorded for Empty." in html
    assert "<svg xmlns" not in html


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
