"""/2.3.0/config/docking_locations/ and the API root."""

import pytest

from api.shapes.v2_3_0.lookups import LOOKUPS
from tests.conftest import as_json, assert_same_json, import_documents, reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = reference("v2.3.0_docking_events_list_offset10_b.json")
    import_documents(page)
    return page


def test_detail_is_the_location_events_show(api, page):
    for event in page["results"]:
        location = event["docking_location"]
        response = api.get(f"/2.3.0/config/docking_locations/{location['id']}/?format=api")
        assert response.status_code == 200
        assert_same_json(as_json(response), location)


def test_list_is_ordered_by_id_and_searchable(api, page):
    expected = sorted({event["docking_location"]["id"] for event in page["results"]})
    body = api.get("/2.3.0/config/docking_locations/").json()
    assert [location["id"] for location in body["results"]] == expected

    found = api.get("/2.3.0/config/docking_locations/?search=spadex target").json()
    assert [location["name"] for location in found["results"]] == ["SpaDEx Target (SDX02)"]


def test_unknown_location_is_a_json_404(api, page):
    response = api.get("/2.3.0/config/docking_locations/999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No DockingLocation matches the given query."}


def test_api_root_lists_the_endpoints(api):
    body = api.get("/2.3.0/?format=json").json()
    assert body == {
        path: f"http://testserver/2.3.0/{path}/?format=json"
        for path in [
            "docking_events",
            "config/docking_locations",
            "space_stations",
            "spacecraft_flights",
            "spacecraft",
            "payload_flights",
            "launches/upcoming",
            "launches/previous",
            "launches",
            "agencies",
            "landings",
            "spacecraft_configurations",
            "launcher_configurations",
            "pads",
            "locations",
            "programs",
            "celestial_bodies",
            "payloads",
            "astronauts",
            "expeditions",
            "spacewalks",
            "events/upcoming",
            "events/previous",
            "events",
            *(f"config/{path}" for path, _, _ in LOOKUPS),
        ]
    }
