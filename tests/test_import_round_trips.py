"""`import_ll2` on the 2.3.0 pages of the resources a docking event links to (launches,
agencies, landings, configurations, pads, locations, programs, celestial bodies, payloads, the
config lookups) and of the people and events (astronauts, expeditions, spacewalks, events): a
list page in each of their modes, and a detail page of each, imported into an empty database,
is served again key for key (the keys derived from docking-event pages aside); a detailed page
carries the nested rows that point back at its object."""

from datetime import timedelta

import pytest

from api.shapes import modes
from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.conftest import utc
from tests.support import linked_pages
from tests.support.imports import run
from tests.support.linked_pages import NOW, RESOURCES, at, fill_rows, flush, get, write

pytestmark = pytest.mark.django_db

bundled_and_filled = linked_pages.filled


@pytest.fixture
def filled(bundled_and_filled):
    """The filled set, with an event still to come at `NOW` for `events/upcoming/` (the fill
    dates every event in 2001), and the spacewalk on its expedition and event (the fill links
    no row to the row of the same id of another table: all three are 1)."""
    m.Event.objects.create(id=2, name="An event to come", date=utc(NOW) + timedelta(days=1))
    fill_rows(m.Event)
    m.Spacewalk.objects.update(expedition=m.Expedition.objects.get(), event=1)
    data_changed()


CASES = [(resource, mode) for resource in RESOURCES for mode in modes("2.3.0", resource)]

# Keys our API derives from rows no page of these resources carries (a flight's docking
# events are imported from docking-event pages): not imported, so left out of the comparison.
DERIVED = {"docking_events"}


def without_derived(value):
    if isinstance(value, dict):
        return {k: without_derived(v) for k, v in value.items() if k not in DERIVED}
    if isinstance(value, list):
        return [without_derived(item) for item in value]
    return value


def round_trip(api, frozen, tmp_path, path):
    """What `path` serves, imported into an empty database; returns (before, after)."""
    before = get(api, frozen, path)
    flush()
    page = write(tmp_path, path, before)
    with frozen(NOW):
        run(page)
    return before, get(api, frozen, path)


# The nested rows each detailed page carries that point back at its object (ingest/fields.py,
# CHILDREN): imported with that object as their parent. The fill makes each one non-empty
# somewhere, so the round trip carries them.
CARRIED = {
    "launches": ["rocket.spacecraft_stage", "rocket.payloads"],
    "agencies": ["launcher_list", "spacecraft_list"],
    "landings": ["spacecraftflight", "payloadflight"],
    "locations": ["pads"],
    "celestial_bodies": ["locations"],
    "expeditions": ["spacewalks"],
}
# The crews and other objects the detailed pages of the people and events show (references,
# not children): non-empty somewhere, so the round trip carries them too.
SHOWN = {
    "astronauts": ["flights", "landings", "spacewalks", "nationality"],
    "expeditions": ["crew", "spacestation"],
    "spacewalks": ["crew", "expedition", "event", "program"],
    **{
        events: ["agencies", "launches", "expeditions", "spacestations", "program", "astronauts"]
        for events in ("events", "events/upcoming", "events/previous")
    },
}


@pytest.mark.parametrize(("resource", "mode"), CASES)
def test_a_page_in_each_mode_round_trips(api, frozen, tmp_path, filled, resource, mode):
    path = f"/2.3.0/{resource}/?mode={mode}&limit=100"
    before, after = round_trip(api, frozen, tmp_path, path)

    assert before["results"], "nothing to import"
    if mode == "detailed":
        for key in CARRIED.get(resource, []) + SHOWN.get(resource, []):
            assert any(at(row, key) for row in before["results"]), key
    assert without_derived(after) == without_derived(before)


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_detail_page_round_trips(api, frozen, tmp_path, filled, resource):
    first = get(api, frozen, f"/2.3.0/{resource}/?limit=1")["results"][0]
    path = f"/2.3.0/{resource}/{first['id']}/"
    before, after = round_trip(api, frozen, tmp_path, path)

    assert without_derived(after) == without_derived(before)
