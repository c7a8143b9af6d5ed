"""What `import_ll2` takes an object for: the resource its url names, or its page's path (the
page's links, a captured page's request line) for objects without one; pages of resources it
does not know are refused whole.

How `import_ll2` places the objects of these resources: those LL2 shows without a url
(payloads, celestial bodies) by the link to their page's next page, a launch without its url is
refused rather than taken for one, and each collection of the resources has a kind."""

import json
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError

from ingest.fields import KINDS
from ingest.placing import COLLECTION, COLLECTIONS
from spaceflight import models as m
from spaceflight.models import DockingEvent, DockingLocation, SpaceStation
from tests.conftest import BUNDLED, REFERENCE, reference
from tests.support import linked_pages
from tests.support.imports import database_dump, run
from tests.support.linked_pages import flush, get, page_of

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("collection", sorted(EMBEDDED))
def test_a_page_of_a_linked_resource_is_imported_as_what_its_url_says(tmp_path, collection):
    """Every resource as docking events embed it (stations, flights, launches, agencies, pads...):
    taken as what it is (a second import of the page changes nothing), a changed name taken."""
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


def test_an_unknown_resource_is_refused(tmp_path):
    page = write_page(tmp_path / "updates.json", {"id": 1, "url": "/2.3.0/updates/1/"})
    with pytest.raises(CommandError, match="/2.3.0/updates/1/ is not a resource this import knows"):
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


def test_a_station_page_brings_its_own_values_and_ports(tmp_path):
    """What only a station's own page shows (size, crew, owners, every port, the event still
    docked at each) is taken; what it counts of docking events (`docked_vehicles`,
    `active_docking_events`) is ours to derive, not imported."""
    run(BUNDLED)
    events_before = list(DockingEvent.objects.values_list("id", "departure", "docking_location"))
    docked = {"id": 123456, "docking": "2025-07-01T00:00:00Z", "departure": None}
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
            {"id": 2, "name": "Zvezda aft", "currently_docked": docked},
            {"id": 987654, "name": "A port no event has used yet", "currently_docked": None},
        ],
        "active_docking_events": [{"id": 654321}],
    }
    run(write_page(tmp_path / "station.json", detail))

    iss = SpaceStation.objects.get(pk=station["id"])
    assert (iss.height, iss.onboard_crew) == (109.0, 7)
    assert list(iss.owners.values_list("pk", flat=True)) == [agency["id"]]
    assert DockingLocation.objects.get(pk=987654).spacestation_id == iss.pk
    assert not DockingEvent.objects.filter(pk=654321).exists()
    still_docked = DockingEvent.objects.get(pk=123456)
    assert (still_docked.docking_location_id, still_docked.space_station_target_id) == (2, iss.pk)
    after = list(
        DockingEvent.objects.exclude(pk=123456).values_list("id", "departure", "docking_location")
    )
    assert after == events_before


filled = linked_pages.filled


@pytest.mark.parametrize(
    ("resource", "model"), [("payloads", m.Payload), ("celestial_bodies", m.CelestialBody)]
)
def test_objects_without_url_are_placed_by_their_page_link(
    api, frozen, tmp_path, filled, resource, model
):
    rows = get(api, frozen, f"/2.3.0/{resource}/?mode=detailed&limit=1")["results"]
    assert "url" not in rows[0]
    flush()
    link = f"https://ll.thespacedevs.com/2.3.0/{resource}/?limit=1&offset=1"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page_of(*rows, next_url=link)))

    run(path)

    assert model.objects.filter(pk=rows[0]["id"]).exists()


def test_a_launch_without_url_is_not_taken_for_one(api, frozen, tmp_path, filled):
    row = get(api, frozen, "/2.3.0/launches/?limit=1")["results"][0]
    del row["url"]
    link = "https://ll.thespacedevs.com/2.3.0/launches/?limit=1&offset=1"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page_of(row, next_url=link)))
    before = database_dump()

    with pytest.raises(CommandError, match="on /2.3.0/launches/: its launches have one"):
        run(path)

    assert database_dump() == before


@pytest.mark.parametrize(
    "url",
    [
        "/2.3.0/launches/upcoming/",
        "/2.3.0/agencies/63/",
        "/2.2.0/config/launcher/1/",
        "/2.0.0/launch/previous/",
    ],
)
def test_each_collection_of_these_resources_has_a_kind(url):
    assert COLLECTIONS[COLLECTION.search(url).group(1)].kind
