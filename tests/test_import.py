"""`import_ll2`: reading captured pages, upserts, one transaction, merging across versions.
What an object is taken for (its url, its page's path) is in test_placing.py; streaming a big
page, in test_import_memory.py."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from ingest.reader import read_captured
from spaceflight.models import DockingEvent, SpacecraftFlight
from tests.conftest import (
    BUNDLED,
    REFERENCE,
    as_json,
    assert_same_json,
    import_documents,
    reference,
)
from tests.support.imports import database_dump, run

pytestmark = pytest.mark.django_db

SEEDS = {
    "000_f008703e7241dcc8.txt": "v2.3.0_docking_events_618_detailed.json",
    "001_42c560e510db6ecb.txt": "v2.2.0_docking_event_list_offset490_ordering-departure.json",
    "002_09a65b6118deea0a.txt": "v2.0.0_docking_event_633.json",
    "003_58d1214e6ad609ad.txt": "v2.3.0_docking_events_list_offset10_a.json",
    "004_d87d66eee62c9c95.txt": "v2.3.0_docking_events_list_offset10_b.json",
}


@pytest.mark.parametrize(("seed", "clean"), sorted(SEEDS.items()))
def test_captured_pages_read_as_their_clean_json(seed, clean):
    assert read_captured(BUNDLED / seed)[0] == reference(clean)


def test_import_reports_what_it_did(tmp_path):
    output = run(REFERENCE / "v2.3.0_docking_events_list_offset10_b.json")
    assert "6 docking events created, 0 updated, 0 unchanged" in output
    assert "SpaceStation 1/0/0" in output
    assert DockingEvent.objects.count() == 6


def test_running_twice_changes_nothing():
    run(BUNDLED, REFERENCE)
    before = database_dump()

    output = run(BUNDLED, REFERENCE)

    assert database_dump() == before
    assert "0 docking events created, 0 updated, 23 unchanged" in output


def per_kind(output):
    counts = output.split("(created/updated/unchanged/kept): ")[1].strip().split(", ")
    return {kind: tuple(map(int, c.split("/"))) for kind, c in (x.split(" ") for x in counts)}


def test_single_file_twice_reports_everything_unchanged():
    page = REFERENCE / "v2.3.0_docking_events_618_detailed.json"
    first = per_kind(run(page))
    second = per_kind(run(page))
    assert first["Image"][0] > 0
    assert {kind: (c, u) for kind, (c, u, _, _) in second.items()} == dict.fromkeys(first, (0, 0))


@pytest.fixture
def folder_with_bad_file(tmp_path):
    shutil.copy(REFERENCE / "v2.3.0_docking_events_list_offset10_a.json", tmp_path / "a_good.json")
    page = reference("v2.3.0_docking_events_list_offset10_b.json")
    page["results"][2]["flight_vehicle_chaser"]["mission_end"] = "last tuesday"
    (tmp_path / "b_bad.json").write_text(json.dumps(page))
    return tmp_path


def test_bad_file_names_file_and_json_path_and_writes_nothing(folder_with_bad_file):
    with pytest.raises(CommandError) as error:
        run(folder_with_bad_file)

    message = str(error.value)
    assert "b_bad.json" in message
    assert "$.results[2].flight_vehicle_chaser.mission_end" in message
    assert "expected an ISO 8601 date-time" in message
    assert DockingEvent.objects.count() == 0
    assert SpacecraftFlight.objects.count() == 0


def test_bad_file_leaves_earlier_data_exactly_as_it_was(folder_with_bad_file):
    run(REFERENCE / "v2.3.0_docking_events_618_detailed.json")
    before = database_dump()

    with pytest.raises(CommandError):
        run(folder_with_bad_file)

    assert database_dump() == before


EVENT_URL = '"url": "https://ll.thespacedevs.com/2.3.0/docking_events/1/"'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"count": 1, "results": {"id": 1}}', "$.results: expected a list"),
        (f'{{"results": [{{{EVENT_URL}, "docking": "2025-01-01T00:00:00Z"}}]}}', "missing 'id'"),
        (f'{{"results": [{{{EVENT_URL}, "id": "x"}}]}}', "$.results[0].id"),
        ('{"results": [{"url": 4}]}', "$.results[0].url: expected a string"),
        ('{"results": [7]}', "$.results[0]: expected an object"),
        ("[[1]]", "$[0]: expected an object"),
        ('[{"hello": "world"}]', "$[0]: no url and no known page path: cannot tell what it is"),
        ('{"id": 1, "name": "Zvezda aft"}', "$: no url and no known page path"),
    ],
)
def test_malformed_documents_are_refused(tmp_path, content, expected):
    path = tmp_path / "page.json"
    path.write_text(content)
    with pytest.raises(CommandError) as error:
        run(path)
    assert "page.json" in str(error.value)
    assert expected in str(error.value)
    assert DockingEvent.objects.count() == 0


def test_missing_path_is_refused():
    with pytest.raises(CommandError, match="no such file or folder"):
        run("/nonexistent/page.json")


def event_618_as_2_2_0():
    """Event 618 as the 2.2.0 normal list shows it: no images, no launch details."""
    detailed = reference("v2.3.0_docking_events_618_detailed.json")
    flight = detailed["flight_vehicle_chaser"]
    craft = flight["spacecraft"]
    config = craft["spacecraft_config"]
    return {
        "id": 618,
        "url": "https://ll.thespacedevs.com/2.2.0/docking_event/618/",
        "launch_id": flight["launch"]["id"],
        "docking": detailed["docking"],
        "departure": None,
        "flight_vehicle": {
            "id": flight["id"],
            "url": "https://ll.thespacedevs.com/2.2.0/spacecraft/flight/872/",
            "destination": flight["destination"],
            "mission_end": None,
            "spacecraft": {
                "id": craft["id"],
                "url": "https://ll.thespacedevs.com/2.2.0/spacecraft/607/",
                "name": craft["name"],
                "serial_number": craft["serial_number"],
                "status": craft["status"],
                "description": craft["description"],
                "spacecraft_config": {
                    "id": config["id"],
                    "url": "https://ll.thespacedevs.com/2.2.0/config/spacecraft/33/",
                    "name": config["name"],
                    "type": config["type"],
                    "agency": {
                        "id": 63,
                        "url": "https://ll.thespacedevs.com/2.2.0/agencies/63/",
                        "name": config["agency"]["name"],
                        "type": "Government",
                    },
                    "in_use": True,
                    "image_url": config["image"]["image_url"],
                },
            },
        },
        "docking_location": {
            "id": 2,
            "name": "Zvezda aft",
            "spacestation": {
                "id": 4,
                "url": "https://ll.thespacedevs.com/2.2.0/spacestation/4/",
                "name": "International Space Station",
            },
        },
    }


def test_an_older_shape_does_not_erase_what_a_detailed_page_filled(api, frozen):
    detailed = reference("v2.3.0_docking_events_618_detailed.json")
    import_documents(detailed)
    before = database_dump()

    import_documents({"count": 1, "results": [event_618_as_2_2_0()]})

    assert database_dump() == before
    with frozen("2025-04-13T02:53:57.269441Z"):
        response = api.get("/2.3.0/docking_events/618/?format=api")
    assert_same_json(as_json(response), detailed)


def test_an_older_shape_fills_a_new_event_and_a_detailed_page_completes_it(api, frozen):
    import_documents(event_618_as_2_2_0())
    event = DockingEvent.objects.get(pk=618)
    assert event.space_station_target_id == 4
    assert str(event.flight_vehicle_chaser.launch_id) == "76cbeca6-325c-40bb-b273-53bbb51c84fe"

    detailed = reference("v2.3.0_docking_events_618_detailed.json")
    import_documents(detailed)

    with frozen("2025-04-13T02:53:57.269441Z"):
        response = api.get("/2.3.0/docking_events/618/?format=api")
    assert_same_json(as_json(response), detailed)


def test_image_variants_are_imported_with_their_image_and_served(api, frozen):
    detailed = reference("v2.3.0_docking_events_618_detailed.json")
    variant = {"id": 7, "type": {"id": 1, "name": "Normal"}, "image_url": "https://x/v.webp"}
    detailed["space_station_target"]["image"]["variants"] = [variant]
    detailed["docking_location"]["spacestation"]["image"]["variants"] = [variant]
    import_documents(detailed)
    before = database_dump()

    import_documents(detailed)

    assert database_dump() == before
    with frozen("2025-04-13T02:53:57.269441Z"):
        response = api.get("/2.3.0/docking_events/618/?format=api")
    assert_same_json(as_json(response), detailed)


def test_bundled_data_loads_once(capsys):
    call_command("load_bundled_data")
    assert DockingEvent.objects.count() == 25
    before = database_dump()
    call_command("load_bundled_data")
    assert database_dump() == before
    assert "already holds" in capsys.readouterr().out
