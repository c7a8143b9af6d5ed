"""Names that would break an output: line breaks and control characters are cleaned at import
(one-line columns on one line, multi-line ones keep their lines), feeds clean what is stored
anyway, and a name longer than its column is refused alike on SQLite and PostgreSQL."""

import json
import re
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import models, transaction
from icalendar import Calendar

from ingest.fields import CONVERTERS, KINDS, InvalidObject
from spaceflight import models as m
from tests.conftest import REFERENCE, import_documents, reference
from tests.support import factories
from tests.support.pages import SVG, timeline

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ISS = 4
# Bytes an iCalendar file may not hold: control characters but tab, and CR or LF other than
# the CRLF that ends each line.
NOT_ICALENDAR = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|(?<!\r)\n")


def hostile_618():
    """LL2's page of event 618 (Progress MS-30 at the ISS) with hostile names."""
    page = reference("v2.3.0_docking_events_618_detailed.json")
    for station in (page["space_station_target"], page["docking_location"]["spacestation"]):
        station["name"] = "International\r\nSpace Station\r"
    page["docking_location"]["name"] = "Zvezda\x01 aft\x1b"
    flight = page["flight_vehicle_chaser"]
    flight["spacecraft"]["name"] = "Progress\u2028MS-30\x00"
    flight["launch"]["name"] = "Soyuz 2.1a |\rProgress MS-30 (91P)\x7f"
    flight["launch"]["mission"]["description"] = "Progress resupply\r\nmission\x07 to the ISS.\n"
    return page


def written(tmp_path, page, name="page.json"):
    path = tmp_path / name
    path.write_text(json.dumps(page))
    return path


def feed_titles(api, station):
    """`(VEVENT summaries, Atom entry titles)`, each feed read back by its own parser."""
    ics = api.get(f"/stations/{station}/dockings.ics")
    atom = api.get(f"/stations/{station}/dockings.atom")
    assert ics.status_code == atom.status_code == 200
    assert NOT_ICALENDAR.search(ics.content) is None
    calendar = Calendar.from_ical(ics.content)
    feed = ET.fromstring(atom.content)
    assert str(calendar["NAME"]) == feed.find(f"{ATOM}title").text
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    return summaries, titles


def text_columns():
    """`(kind, column)` of every text column the importer reads as it is."""
    return [
        (name, column)
        for name, kind in KINDS.items()
        for column in kind.model._meta.concrete_fields
        if isinstance(column, models.CharField | models.TextField)
        and column.name in kind.scalars
        and (name, column.name) not in CONVERTERS
    ]


@pytest.mark.parametrize(("kind", "column"), text_columns(), ids=lambda c: getattr(c, "name", c))
def test_one_line_and_multi_line_columns_are_told_by_their_model(kind, column):
    convert = KINDS[kind].scalars[column.name]
    hostile, line, lines = " a\r\n\n b\x01\tc\x1b\u2028", " a b\tc", " a\r\n\n b\tc\u2028"
    if column.max_length and column.max_length < len(line):  # country codes
        hostile, line = "\x01a\r\n", "a"
    expected = line if isinstance(column, models.CharField) else lines
    assert convert(hostile) == expected
    assert convert(expected) == expected


def test_names_are_cleaned_at_import_and_the_page_and_feeds_answer(api, tmp_path):
    call_command("import_ll2", written(tmp_path, hostile_618()), stdout=StringIO())

    assert m.SpaceStation.objects.get(pk=ISS).name == "International Space Station"
    assert m.DockingLocation.objects.get().name == "Zvezda aft"
    event = m.DockingEvent.objects.get(pk=618)
    flight = event.flight_vehicle_chaser
    assert flight.spacecraft.name == "Progress MS-30"
    assert flight.launch.name == "Soyuz 2.1a | Progress MS-30 (91P)"
    assert flight.launch.mission.description == "Progress resupply\r\nmission to the ISS.\n"

    page = api.get(f"/stations/{ISS}/")
    assert page.status_code == 200
    assert b"<h1>International Space Station</h1>" in page.content
    assert b"Zvezda aft" in page.content
    summaries, titles = feed_titles(api, ISS)
    expected = ["Progress MS-30 docked at International Space Station (Zvezda aft)"]
    assert summaries == titles == expected


def test_feeds_clean_names_stored_raw(api):
    """Names written past the importer (before it cleaned them, by the admin, in a shell)."""
    station = factories.station("Salyut\r\n7\x01")
    flight = factories.spacecraft_flight("Soyuz\x0bT-5\x7f")
    port = factories.port("Aft\x1b[0m\u2028port\ufffe", spacestation=station)
    factories.docking(1, departure_day=3, chaser=flight, target=station, location=port)

    page = api.get(f"/stations/{station.pk}/?from=2025&to=2025")
    assert page.status_code == 200
    svg = timeline(page.content.decode())  # SVG is XML: no control character may be left in it
    (bar,) = svg.iter(f"{SVG}a")
    assert bar.find(f"{SVG}title").text.startswith("Soyuz T-5")
    assert svg.find(f"{SVG}title").text.startswith("Occupancy of the ports of Salyut 7,")
    summaries, titles = feed_titles(api, station.pk)
    docked = "Soyuz T-5 docked at Salyut 7 (Aft[0m port)"
    departed = "Soyuz T-5 departed from Salyut 7 (Aft[0m port)"
    assert summaries == [docked, departed]
    assert titles == [departed, docked]


def test_a_name_longer_than_its_column_is_refused_and_nothing_is_written(tmp_path):
    page = reference("v2.3.0_docking_events_618_detailed.json")
    page["space_station_target"]["name"] = "x" * 2000
    path = written(tmp_path, page)
    with pytest.raises(CommandError) as error:
        call_command("import_ll2", path, stdout=StringIO())
    assert str(error.value) == (
        f"{path}: $.space_station_target.name: expected at most 255 characters, got 2,000; "
        "nothing was imported"
    )
    # The port and its station (imported before the target) were rolled back with the rest.
    assert not m.DockingEvent.objects.exists()
    assert not m.DockingLocation.objects.exists()
    assert not m.SpaceStation.objects.exists()


def test_a_name_as_long_as_its_column_is_stored_whole(tmp_path):
    page = reference("v2.3.0_docking_events_618_detailed.json")
    for station in (page["space_station_target"], page["docking_location"]["spacestation"]):
        station["name"] = "x" * 255
    call_command("import_ll2", written(tmp_path, page), stdout=StringIO())
    assert m.SpaceStation.objects.get(pk=ISS).name == "x" * 255


def test_a_value_matched_by_name_is_checked_like_a_column():
    """An older shape's agency type is a bare string, matched to the row by name: what
    `sync_ll2` writes goes through the same Importer, one page per transaction."""
    page = json.loads(
        (REFERENCE / "v2.2.0_docking_event_list_offset490_ordering-departure.json").read_text()
    )
    page["results"][0]["flight_vehicle"]["spacecraft"]["spacecraft_config"]["agency"]["type"] = (
        "G" * 300
    )
    with pytest.raises(InvalidObject) as error, transaction.atomic():
        import_documents(page)
    assert str(error.value) == (
        "$.results[0].flight_vehicle_chaser.spacecraft.spacecraft_config.agency.type: "
        "expected at most 255 characters, got 300"
    )
    assert not m.AgencyType.objects.exists()
    assert not m.DockingEvent.objects.exists()
