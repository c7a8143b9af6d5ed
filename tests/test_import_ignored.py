"""What `import_ll2` reads past on the 2.3.0 pages of the resources a docking event links to:
what we hold no rows for (a launch's first stages, a landing's booster, a flight's docking
events, a key of a newer LL2), whatever it holds, while the rest of the page is imported."""

import pytest

from spaceflight import models as m
from tests.support import linked_pages
from tests.support.imports import run
from tests.support.linked_pages import first_with, flush, get, write

pytestmark = pytest.mark.django_db

filled = linked_pages.filled


def test_what_we_hold_no_rows_for_is_ignored(api, frozen, tmp_path, filled):
    """First stages and boosters (a launch's `launcher_stage`, a landing's `firststage`) and a
    flight's docking events (imported from docking-event pages) are read past, whatever they
    hold, as every key that is not a column."""
    launches = get(api, frozen, "/2.3.0/launches/?mode=detailed&limit=100")
    index = first_with(launches["results"], "rocket.spacecraft_stage")
    launch = launches["results"][index]
    launch["rocket"]["launcher_stage"] = [{"id": "not even an id", "launcher": {"x": 1}}]
    launch["rocket"]["spacecraft_stage"][0]["docking_events"] = [{"id": 999999}]
    launch["a_key_of_a_newer_ll2"] = {"id": "x"}
    landings = get(api, frozen, "/2.3.0/landings/?mode=detailed&limit=100")
    landings["results"][0]["firststage"] = {"id": 5, "launcher": {"serial_number": "B1062"}}
    flush()
    (tmp_path / "landings").mkdir()

    run(write(tmp_path, "/2.3.0/launches/", launches))
    run(write(tmp_path / "landings", "/2.3.0/landings/", landings))

    assert m.Launch.objects.filter(pk=launch["id"]).exists()
    assert not m.DockingEvent.objects.exists()
