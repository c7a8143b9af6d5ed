"""`import_ll2`: reading captured pages, upserts, one transaction, merging across versions,
placing objects by their url, streaming."""

import copy
import json
import shutil
import tracemalloc
import uuid
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from ingest.fields import KINDS
from ingest.placing import COLLECTIONS, READS
from ingest.reader import read_captured
from spaceflight.models import (
    DataGeneration,
    DockingEvent,
    DockingLocation,
    SpacecraftFlight,
    SpaceStation,
)
from tests.conftest import (
    BUNDLED,
    REFERENCE,
    as_json,
    assert_same_json,
    import_documents,
    reference,
)

pytestmark = pytest.mark.django_db

SEEDS = {
    "000_f008703e7241dcc8.txt": "v2.3.0_docking_events_618_detailed.json",
    "001_42c560e510db6ecb.txt": "v2.2.0_docking_event_list_offset490_ordering-departure.json",
    "002_09a65b6118deea0a.txt": "v2.0.0_docking_event_633.json",
    "003_58d1214e6ad609ad.txt": "v2.3.0_docking_events_list_offset10_a.json",
    "004_d87d66eee62c9c95.txt": "v2.3.0_docking_events_list_offset10_b.json",
}


def database_dump():
    """Every row of the domain (the data generation token aside: it is not data)."""
    models = [m for m in apps.get_app_config("spaceflight").get_models() if m is not DataGeneration]
    return serializers.serialize(
        "json", [o for model in models for o in model.objects.order_by("pk")]
    )


def run(*args):
    out = StringIO()
    call_command("import_ll2", *map(str, args), stdout=out)
    return out.getvalue()


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
    assert DockingEvent.objects.count() == 23
    before = database_dump()
    call_command("load_bundled_data")
    assert database_dump() == before
    assert "already holds" in capsys.readouterr().out


def embedded_by_collection():
    """One object of each LL2 resource the reference responses embed with a url (other than
    docking events), by version and collection: `2.3.0/space_stations`, `2.2.0/spacestation`..."""
    found = {}

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("url"), str):
                version, *collection, _ = urlsplit(value["url"]).path.strip("/").split("/")
                found.setdefault(f"{version}/{'/'.join(collection)}", value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(REFERENCE.glob("*.json")):
        walk(json.loads(path.read_text()))
    return {k: v for k, v in found.items() if not k.split("/")[1].startswith("docking_event")}


EMBEDDED = embedded_by_collection()


def write_page(path, *objects, next_url=None):
    page = {"count": len(objects), "next": next_url, "previous": None, "results": list(objects)}
    path.write_text(json.dumps(page))
    return path


def test_the_embedded_resources_cover_what_docking_events_link_to():
    collections = {key.split("/", 1)[1] for key in EMBEDDED}
    assert collections >= {
        "space_stations",
        "spacecraft_flights",
        "spacecraft",
        "payload_flights",
        "launches",
        "agencies",
        "landings",
        "pads",
        "locations",
        "programs",
        "spacecraft_configurations",
        "spacestation",
        "spacecraft/flight",
        "config/spacecraft",
    }


def imported(collection):
    """Is `2.3.0/space_stations` (version/collection) a resource import_ll2 reads?"""
    return COLLECTIONS[collection.split("/", 1)[1]].kind is not None


@pytest.mark.parametrize("collection", sorted(c for c in EMBEDDED if not imported(c)))
def test_a_page_of_another_ll2_resource_is_refused_and_writes_nothing(tmp_path, collection):
    run(BUNDLED)  # what such a page would overwrite if it were taken for docking data
    before = database_dump()
    found = EMBEDDED[collection]
    page = write_page(tmp_path / "other.json", found)

    with pytest.raises(CommandError) as error:
        run(page)

    url_path = urlsplit(found["url"]).path
    assert f"other.json: $.results[0]: {url_path} is a" in str(error.value)
    assert READS in str(error.value)
    assert database_dump() == before


@pytest.mark.parametrize("collection", sorted(c for c in EMBEDDED if imported(c)))
def test_a_page_of_a_linked_resource_is_imported_as_what_its_url_says(tmp_path, collection):
    """Stations, flights, spacecraft and payload flights as docking events embed them: taken
    as what they are (a second import of the page changes nothing), a changed name taken."""
    run(BUNDLED)
    found = EMBEDDED[collection]
    model = KINDS[COLLECTIONS[collection.split("/", 1)[1]].kind].model
    page = write_page(tmp_path / "same.json", found)

    run(page)
    after = database_dump()
    run(page)
    assert database_dump() == after
    assert model.objects.filter(pk=found["id"]).exists()

    if "name" in found:
        run(write_page(tmp_path / "renamed.json", {**found, "name": "Renamed"}))
        assert model.objects.get(pk=found["id"]).name == "Renamed"


def test_a_launch_page_says_what_it_is(tmp_path):
    run(BUNDLED)
    before = database_dump()
    launch = reference("v2.3.0_docking_events_618_detailed.json")["flight_vehicle_chaser"]["launch"]
    page = write_page(tmp_path / "launches.json", launch)

    with pytest.raises(CommandError) as error:
        run(page)

    assert str(error.value).endswith(
        f"launches.json: $.results[0]: /2.3.0/launches/{launch['id']}/ is a launch; "
        "import_ll2 reads docking events, docking locations, space stations, spacecraft "
        "flights, spacecraft and payload flights; nothing was imported"
    )
    assert database_dump() == before


def test_an_unknown_resource_is_refused(tmp_path):
    page = write_page(tmp_path / "astronauts.json", {"id": 1, "url": "/2.3.0/astronauts/1/"})
    with pytest.raises(
        CommandError, match="/2.3.0/astronauts/1/ is not a resource this import knows"
    ):
        run(page)


def docking_location():
    return reference("v2.3.0_docking_events_618_detailed.json")["docking_location"]


def test_docking_locations_are_placed_by_their_page_link(tmp_path):
    location = {**docking_location(), "name": "Zvezda aft (renamed)"}
    link = "https://ll.thespacedevs.com/2.3.0/config/docking_locations/?limit=1&offset=1"
    page = write_page(tmp_path / "locations.json", location, next_url=link)

    output = run(page)

    assert "DockingLocation 1/0/0/0" in output
    assert DockingLocation.objects.get(pk=location["id"]).name == "Zvezda aft (renamed)"


def test_a_captured_page_places_docking_locations_by_its_request_line(tmp_path):
    location = docking_location()
    page = tmp_path / "locations.txt"
    page.write_text(
        "Docking Location List\n"
        "GET /2.3.0/config/docking_locations/?format=api\n"
        "HTTP 200 OK\nAllow: GET\nContent-Type: application/json\nVary: Accept\n\n"
        + json.dumps({"count": 1, "next": None, "previous": None, "results": [location]})
    )

    run(page)

    assert DockingLocation.objects.get(pk=location["id"]).name == location["name"]


def test_objects_without_url_on_a_page_of_another_resource_are_refused(tmp_path):
    link = "https://ll.thespacedevs.com/2.3.0/space_stations/?limit=1&offset=1"
    page = write_page(tmp_path / "stations.json", docking_location(), next_url=link)

    with pytest.raises(CommandError) as error:
        run(page)

    assert "an object without url on /2.3.0/space_stations/: its space stations have one" in str(
        error.value
    )
    assert DockingLocation.objects.count() == 0


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


def test_a_station_page_brings_its_own_values_and_ports(tmp_path):
    """What only a station's own page shows (size, crew, owners, every port) is taken; what
    it derives from docking events (what is docked where) is ours to derive, not imported."""
    run(BUNDLED)
    events_before = list(DockingEvent.objects.values_list("id", "departure", "docking_location"))
    station = reference("v2.3.0_docking_events_618_detailed.json")["space_station_target"]
    agency = reference("v2.3.0_docking_events_618_detailed.json")["flight_vehicle_chaser"][
        "launch"
    ]["launch_service_provider"]
    detail = {
        **station,
        "owners": [agency],
        "height": 109.0,
        "onboard_crew": 7,
        "docked_vehicles": 99,
        "docking_location": [
            {"id": 2, "name": "Zvezda aft", "currently_docked": {"id": 123456}},
            {"id": 987654, "name": "A port no event has used yet", "currently_docked": None},
        ],
        "active_docking_events": [{"id": 123456}],
    }
    run(write_page(tmp_path / "station.json", detail))

    iss = SpaceStation.objects.get(pk=station["id"])
    assert (iss.height, iss.onboard_crew) == (109.0, 7)
    assert list(iss.owners.values_list("pk", flat=True)) == [agency["id"]]
    assert DockingLocation.objects.get(pk=987654).spacestation_id == iss.pk
    assert not DockingEvent.objects.filter(pk=123456).exists()
    after = list(DockingEvent.objects.values_list("id", "departure", "docking_location"))
    assert after == events_before
