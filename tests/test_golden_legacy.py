"""2.0.0 and 2.2.0 responses compared whole with the real LL2 responses (seeds 001, 002)."""

from datetime import UTC, datetime

import pytest

from tests.conftest import as_json, assert_same_json, import_documents, reference
from tests.support import factories

# Served from kept fragments (api/rendering/fragments.py), as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]

SEED_001 = "v2.2.0_docking_event_list_offset490_ordering-departure.json"


def test_2_0_0_detail_633_is_identical_to_ll2(api):
    expected = reference("v2.0.0_docking_event_633.json")
    import_documents(expected)

    response = api.get("/2.0.0/docking_event/633/?format=api")

    assert response.status_code == 200
    assert_same_json(as_json(response), expected)


def test_2_2_0_events_come_back_identical_in_ll2_order(api):
    page = reference(SEED_001)
    import_documents(page)

    response = api.get("/2.2.0/docking_event/?format=api&ordering=-departure")

    assert_same_json(as_json(response)["results"], page["results"])


def test_2_2_0_page_490_of_515_is_identical_to_ll2_links_included(api):
    """Seed 001 is offset 490 of 515 events ordered by -departure: 490 events that left later
    (or have not left) come before its ten and 15 that left earlier after them, so count,
    next and previous match too."""
    page = reference(SEED_001)
    import_documents(page)
    iss = factories.station("ISS")
    for day in range(490):
        factories.docking(day, departure_day=None if day % 7 == 0 else day + 3, target=iss)
    for day in range(-20_000, -19_985):
        factories.docking(day, departure_day=day + 10, target=iss)

    response = api.get("/2.2.0/docking_event/?format=api&offset=490&ordering=-departure")

    assert_same_json(as_json(response), page)


def test_2_2_0_detailed_adds_station_and_full_configuration(api):
    import_documents(reference(SEED_001))
    body = api.get("/2.2.0/docking_event/191/").json()

    assert list(body) == [
        "id",
        "url",
        "launch_id",
        "docking",
        "departure",
        "flight_vehicle",
        "docking_location",
        "space_station",
    ]
    assert body["space_station"] == {
        "id": 14,
        "url": "http://testserver/2.2.0/spacestation/14/",
        "name": "Salyut 6",
        "image_url": None,
    }
    config = body["flight_vehicle"]["spacecraft"]["spacecraft_config"]
    assert list(config)[-4:] == ["image_url", "nation_url", "wiki_link", "info_link"]
    assert config["agency"]["type"] == "Government"
    assert "is_placeholder" in body["flight_vehicle"]["spacecraft"]


def test_2_0_0_normal_has_no_statistics_and_a_bare_docking_location(api):
    import_documents(reference(SEED_001))
    event = api.get("/2.0.0/docking_event/?ordering=id").json()["results"][0]

    assert event["docking_location"] == {"id": 4, "name": "Salyut-6 forward"}
    assert "space_station" not in event
    assert "time_in_space" not in event["flight_vehicle"]["spacecraft"]
    assert list(event["flight_vehicle"]["spacecraft"]["spacecraft_config"]) == [
        "id",
        "url",
        "name",
        "type",
        "agency",
        "in_use",
        "image_url",
    ]


def test_same_event_in_three_versions_from_one_row(api):
    detailed = reference("v2.3.0_docking_events_618_detailed.json")
    import_documents(detailed)
    v2_3_0 = api.get("/2.3.0/docking_events/618/").json()
    v2_2_0 = api.get("/2.2.0/docking_event/618/").json()
    v2_0_0 = api.get("/2.0.0/docking_event/618/").json()

    flight = v2_3_0["flight_vehicle_chaser"]
    assert v2_2_0["launch_id"] == v2_0_0["launch_id"] == flight["launch"]["id"]
    assert v2_2_0["flight_vehicle"]["id"] == v2_0_0["flight_vehicle"]["id"] == flight["id"]
    assert (
        v2_2_0["space_station"]["image_url"] == v2_3_0["space_station_target"]["image"]["image_url"]
    )
    agency = v2_2_0["flight_vehicle"]["spacecraft"]["spacecraft_config"]["agency"]
    assert agency["country_code"] == "RUS"
    assert agency["founding_year"] == "1992"
    assert agency["url"] == "http://testserver/2.2.0/agencies/63/"


def test_payload_to_payload_events_are_left_out_of_older_versions(api):
    page = reference("v2.3.0_docking_events_list_offset10_b.json")
    import_documents(page)
    spadex = [e["id"] for e in page["results"] if e["flight_vehicle_chaser"] is None]
    assert spadex

    for version in ("2.0.0", "2.2.0"):
        listed = [
            e["id"] for e in api.get(f"/{version}/docking_event/?limit=100").json()["results"]
        ]
        assert sorted(listed) == sorted(e["id"] for e in page["results"] if e["id"] not in spadex)
        for pk in spadex:
            assert api.get(f"/{version}/docking_event/{pk}/").status_code == 404
            assert api.get(f"/2.3.0/docking_events/{pk}/").status_code == 200


def test_a_flight_docking_to_a_non_station_target_shows_no_station(api):
    target = factories.spacecraft_flight("Lunar Module")
    event = factories.docking(1, target=factories.payload_flight("LM"))
    event.payload_flight_target = None
    event.flight_vehicle_target = target
    event.save()

    body = api.get(f"/2.2.0/docking_event/{event.pk}/").json()

    assert body["space_station"] is None
    assert body["flight_vehicle"]["id"] == event.flight_vehicle_chaser_id


def test_browsable_pages_show_ll2_descriptions(api):
    for version in ("2.0.0", "2.2.0"):
        html = api.get(f"/{version}/docking_event/?format=api").content.decode()
        assert "API endpoint that allows Docking Events to be viewed." in html
        assert f"Example - /{version}/docking_event/?ordering=-docking" in html


def test_api_roots(api):
    for version in ("2.0.0", "2.2.0"):
        root = f"http://testserver/{version}/"
        resources = [
            "docking_event",
            "spacestation",
            "spacecraft/flight",
            "spacecraft",
            "agencies",
            "config/launcher",
            "config/spacecraft",
            "launch/upcoming",
            "launch/previous",
            "launch",
            "location",
            "pad",
            "program",
            "astronaut",
            "expedition",
            *(["spacewalks"] if version == "2.2.0" else []),
            "event/upcoming",
            "event/previous",
            "event",
        ]
        if version == "2.2.0":
            lookups = ["astronautrole", "astronautstatus", "astronauttype", "eventtype"]
            resources += [f"config/{path}" for path in lookups]
        assert api.get(f"/{version}/").json() == {r: f"{root}{r}/" for r in resources}


def test_live_values_do_not_break_old_versions(api):
    factories.docking(1, chaser=factories.spacecraft_flight(net=datetime(2025, 1, 1, tzinfo=UTC)))
    for version in ("2.0.0", "2.2.0"):
        assert api.get(f"/{version}/docking_event/?mode=detailed").status_code == 200
