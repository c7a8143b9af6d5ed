"""`import_ll2` streams: a big page is read one event at a time, in memory far below its
size."""

import copy
import json
import tracemalloc
import uuid

import pytest

from tests.conftest import REFERENCE, reference
from tests.support.imports import run

pytestmark = pytest.mark.django_db


def distinct_events(count):
    """`count` copies of event 618, each with its own flight, spacecraft and launch: objects
    the importer has not met before, as in a real page of many events."""
    event = reference("v2.3.0_docking_events_618_detailed.json")
    for index in range(count):
        copy_ = copy.deepcopy(event)
        copy_["id"] = 100_000 + index
        copy_["url"] = f"https://ll.thespacedevs.com/2.3.0/docking_events/{copy_['id']}/"
        flight = copy_["flight_vehicle_chaser"]
        flight["id"] = flight["spacecraft"]["id"] = 100_000 + index
        flight["launch"]["id"] = str(uuid.UUID(int=index))
        flight["spacecraft"]["description"] = f"Spacecraft {index}. " + "x" * 2_000
        yield copy_


def test_a_big_page_is_imported_in_memory_far_below_its_size(tmp_path):
    page = tmp_path / "big.json"
    with page.open("w") as out:
        out.write('{"count": 200, "next": null, "previous": null, "results": [')
        for index, event in enumerate(distinct_events(200)):
            out.write(("," if index else "") + json.dumps(event, indent=4))
        out.write("]}")
    size = page.stat().st_size
    assert size > 5_000_000
    run(REFERENCE / "v2.3.0_docking_events_618_detailed.json")  # what a first run loads once

    tracemalloc.start()
    try:
        output = run(page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert "200 docking events created" in output
    # Parsed whole, or remembered whole by the importer's memo, the page took 2.5 to 4 times
    # its size; streamed, one event at a time and a digest of each, about a sixth.
    assert peak < size / 3, f"peak {peak:,} bytes for a file of {size:,}"
