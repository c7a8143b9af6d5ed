"""Who is aboard and what is next, on the pages: the station page's "Aboard now" and "Next",
the home page's count, `/astros.json` (open-notify's shape) and the upcoming calendar, all from
the same data; and every page says how current its data is, counting to that date, not to now,
when it is old."""

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from ingest.models import Capture
from pages import upcoming
from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support import crewed as crew_data
from tests.support import crews, datasets
from tests.support.crews import CAPTURED, STATION_4, STATION_18

pytestmark = pytest.mark.django_db

imported_crews = crews.crewed
generated_crews = crew_data.crewed
ISS = 4
PAGES = ["/", f"/stations/{STATION_4}/", "/astros.json"]
# The bundled data's newest capture: a 2.2.0 docking page of April 2026 (data/bundled.json).
BUNDLED_AS_OF = "2026-04-05 04:17"
# The seven LL2 showed aboard the ISS (onboard_crew 7): Crew-11 and Soyuz MS-27's crews, placed
# by the launch at the second of their `last_flight`.
ISS_CREW = {
    "Crew Dragon Endeavour (Falcon 9 Block 5 | Crew-11)": [
        "Edward Michael Fincke",
        "Kimiya Yui",
        "Oleg Vladimirovich Platonov",
        "Zena Cardman",
    ],
    "Soyuz MS-27 (Soyuz 2.1a | Soyuz MS-27)": ["Alexey Zubritsky", "Jonny Kim", "Sergey Ryzhikov"],
}


@pytest.fixture
def bundled():
    datasets.bundled()


def aboard(html):
    """`{vehicle: [names]}` of a station page's "Aboard now" table."""
    table = html.split('<table class="aboard">', 1)[1].split("</table>", 1)[0]
    found = {}
    for group in table.split("<tbody>")[1:]:
        vehicle = re.search(r"Came on (.*?)</th>", group).group(1).replace("&amp;", "&")
        found[vehicle] = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', group)
    return found


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_bundled_iss_page_shows_who_is_aboard_as_of_the_datas_date(api, bundled):
    html = api.get(f"/stations/{ISS}/").content.decode()
    astros = api.get("/astros.json").json()
    home = text(api.get("/").content.decode())

    assert aboard(html) == ISS_CREW
    on_iss = sorted(
        p["name"] for p in astros["people"] if p["craft"] == "International Space Station"
    )
    assert on_iss == sorted(name for names in ISS_CREW.values() for name in names)
    # LL2's ten humans in space; the Shenzhou 20 crew's vehicle is not in our data.
    assert astros["number"] == len(astros["people"]) == 10
    assert [p["craft"] for p in astros["people"]].count(None) == 3
    assert f"{astros['number']} people in space" in home
    for page in (text(html), home):
        assert (
            f"Data as of {BUNDLED_AS_OF} UTC: times are counted to that date, not to now." in page
        )
    # Nothing counts on to today: the durations stop at the data's date.
    assert 'class="live"' not in html
    assert f"Durations counted to {BUNDLED_AS_OF} UTC, the data's date" in text(html)


def test_durations_count_on_while_the_data_is_current(api, bundled):
    Capture.objects.create(captured_at=timezone.now() - timedelta(hours=2))
    data_changed()

    html = api.get(f"/stations/{ISS}/").content.decode()

    assert "current, so times count on to now." in text(html)
    # Every "docked for" and every "this mission" counts on.
    assert html.count('class="live"') == 6 + 7


def test_astros_agrees_with_the_stations_and_the_astronauts_in_space(api, frozen, imported_crews):
    with frozen(CAPTURED):
        astros = api.get("/astros.json").json()
        in_space = api.get("/2.3.0/astronauts/?in_space=true&is_human=true&limit=100").json()
        pages = {pk: api.get(f"/stations/{pk}/").content.decode() for pk in (STATION_4, STATION_18)}
        names = {pk: m.SpaceStation.objects.get(pk=pk).name for pk in pages}

    assert astros["message"] == "success"
    assert astros["number"] == in_space["count"] == len(astros["people"])
    assert sorted(p["name"] for p in astros["people"]) == sorted(
        a["name"] for a in in_space["results"]
    )
    for pk, html in pages.items():
        shown = sorted(name for names in aboard(html).values() for name in names)
        assert shown == sorted(p["name"] for p in astros["people"] if p["craft"] == names[pk])
        assert shown
    # The free flyer is in space, on no expedition and no vehicle we hold.
    assert [p for p in astros["people"] if p["craft"] is None] == [
        {"craft": None, "name": f"Astronaut {crews.FREE_FLYER}"}
    ]


def test_the_upcoming_calendar_parses_back_to_what_the_page_says_is_next(api, generated_crews):
    station = m.SpaceStation.objects.filter(events__date__gt=timezone.now()).first()
    now = timezone.now()

    calendar = Calendar.from_ical(api.get(f"/stations/{station.pk}/upcoming.ics").content)
    html = api.get(f"/stations/{station.pk}/").content.decode()

    _, next_up = upcoming.around(station, now)
    assert next_up
    events = [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in calendar.walk("VEVENT")]
    assert events == [
        # iCalendar's times are to the second.
        (f"{item.what} ({item.kind}, {station.name})", item.when.replace(microsecond=0))
        for item in next_up
    ]
    listed = re.findall(r'<li class="next"><time datetime="([^"]+)"', html)
    assert listed == [item.when.isoformat() for item in next_up]
    assert all(datetime.fromisoformat(when) >= now for when in listed)


def test_who_is_aboard_costs_the_same_queries_however_many_people(api, frozen, imported_crews):
    def queries(path):
        with CaptureQueriesContext(connection) as done, frozen(CAPTURED):
            assert api.get(path).status_code == 200
        return len(done)

    before = {path: queries(path) for path in PAGES}
    expedition = m.Expedition.objects.filter(spacestation=STATION_4, end=None).first()
    role = m.AstronautRole.objects.first()
    for n in range(20):
        astronaut = m.Astronaut.objects.create(
            id=7000 + n, name=f"Astronaut {7000 + n}", in_space=True
        )
        expedition.crew.add(
            m.AstronautFlight.objects.create(id=7000 + n, role=role, astronaut=astronaut)
        )
    data_changed()

    assert {path: queries(path) for path in PAGES} == before
    assert api.get("/astros.json").json()["number"] == len(crews.IN_SPACE) + 20


def test_astros_comes_from_the_response_cache_with_validators(api, bundled, settings):
    settings.RESPONSE_CACHE = True
    first = api.get("/astros.json")
    again = api.get("/astros.json", HTTP_IF_NONE_MATCH=first["ETag"])
    compressed = api.get("/astros.json", HTTP_ACCEPT_ENCODING="br")

    assert first["Content-Type"] == "application/json"
    assert first["ETag"] and again.status_code == 304
    assert compressed["Content-Encoding"] == "br"
    assert api.post("/astros.json").status_code == 405
