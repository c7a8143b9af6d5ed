"""`import_ll2` on 2.2.0 launch and location pages: a launch list page is imported in 2.3.0's
form (its pad, location, program and configuration with it), a detailed launch brings its
links, updates and spacecraft flight, the list mode leaves out what it only names, and a
location detail, which has no url, is placed by its request line."""

import json

import pytest

from spaceflight import models as m
from tests.support.imports import run
from tests.support.linked_pages import page_of
from tests.support.older_pages import LL2, launch_2_2_0, pad_2_2_0, write_json

pytestmark = pytest.mark.django_db


def test_a_2_2_0_launch_page_is_imported_in_2_3_0_form(tmp_path):
    run(write_json(tmp_path / "launches.json", page_of(launch_2_2_0())))

    launch = m.Launch.objects.get(pk="9a6ae0a9-9ea3-4d92-95c6-d2b1a2b0e5a1")
    assert launch.launch_designator == "2025-052A"  # 2.2.0 shows it on the mission
    assert launch.image.image_url == "https://example.com/crew10.jpg"
    assert launch.rocket.configuration.full_name == "Falcon 9 Block 5"
    assert launch.launch_service_provider.type.name == "Commercial"
    pad = launch.pad
    assert (pad.latitude, pad.longitude, pad.country.alpha_3_code) == (
        28.56194122,
        -80.57735736,
        "USA",
    )
    assert (pad.location.timezone_name, pad.location.country.alpha_3_code) == (
        "America/New_York",
        "USA",
    )
    program = launch.programs.get()
    assert program.image.image_url == "https://example.com/ccp.png"
    assert [a.name for a in program.agencies.all()] == ["NASA"]


def test_a_2_2_0_detailed_launch_brings_its_links_and_flight(tmp_path):
    flight = {
        "id": 2000,
        "url": f"{LL2}/2.2.0/spacecraft/flight/2000/",
        "mission_end": None,
        "destination": "International Space Station",
        "launch_crew": [],
        "onboard_crew": [],
        "landing_crew": [],
        "spacecraft": {
            "id": 700,
            "url": f"{LL2}/2.2.0/spacecraft/700/",
            "name": "Crew Dragon Endurance",
            "serial_number": "C210",
            "status": {"id": 1, "name": "Active"},
            "description": "",
            "spacecraft_config": {
                "id": 33,
                "url": f"{LL2}/2.2.0/config/spacecraft/33/",
                "name": "Crew Dragon",
                "type": {"id": 2, "name": "Capsule"},
                "agency": {
                    "id": 121,
                    "url": f"{LL2}/2.2.0/agencies/121/",
                    "name": "SpaceX",
                    "type": "Commercial",
                },
                "in_use": True,
                "image_url": "https://example.com/dragon.jpg",
            },
        },
        "landing": None,
        "docking_events": [],
    }
    info = {"priority": 10, "title": "Press kit", "description": None, "feature_image": None}
    launch = launch_2_2_0(
        flightclub_url="https://flightclub.io/result?llId=9a6ae0a9",
        r_spacex_api_id=None,
        updates=[{"id": 1, "comment": "Go for launch", "created_on": "2025-03-14T20:00:00Z"}],
        infoURLs=[{**info, "url": "https://example.com/presskit"}],
        vidURLs=[{**info, "url": "https://youtube.com/x"}],
        mission_patches=[],
    )
    launch["rocket"]["launcher_stage"] = [{"id": 1, "type": "Core", "launcher": {"id": 2}}]
    launch["rocket"]["spacecraft_stage"] = flight
    run(write_json(tmp_path / "launch.json", launch))

    row = m.Launch.objects.get(pk=launch["id"])
    assert row.flightclub_url == "https://flightclub.io/result?llId=9a6ae0a9"
    assert row.info_urls == launch["infoURLs"]
    assert row.vid_urls == launch["vidURLs"]
    assert row.updates == launch["updates"]
    assert m.SpacecraftFlight.objects.get(pk=2000).launch_id == row.pk


def test_a_2_2_0_launch_list_mode_leaves_out_what_it_names(tmp_path):
    """`?mode=list` names the pad, mission and launcher: names are not ids, so they are
    not matched; the rest is taken."""
    # What list mode shows of the normal form (up to its precision), then names.
    normal = launch_2_2_0()
    listed = {key: normal[key] for key in list(normal)[: list(normal).index("net_precision") + 1]}
    listed |= {
        "lsp_name": "SpaceX",
        "mission": "Crew-10",
        "mission_type": "Human Exploration",
        "pad": "Space Launch Complex 40",
        "location": "Cape Canaveral SFS, FL, USA",
        "landing": None,
        "landing_success": None,
        "launcher": None,
        "orbit": "Low Earth Orbit",
        "image": None,
        "infographic": None,
    }
    run(write_json(tmp_path / "launches.json", page_of(launch_2_2_0())))
    pad_before = m.Launch.objects.get(pk=listed["id"]).pad_id

    run(write_json(tmp_path / "launches.json", page_of(listed)))

    launch = m.Launch.objects.get(pk=listed["id"])
    assert (launch.pad_id, launch.mission.name) == (pad_before, "Crew-10")


def test_a_2_2_0_location_detail_is_placed_by_its_request_line(tmp_path):
    """2.2.0's `location/{id}/` (LocationDetail) has no url: its request line says what it is."""
    pad = pad_2_2_0()
    location = {key: value for key, value in pad.pop("location").items() if key != "url"}
    del pad["country_code"], pad["orbital_launch_attempt_count"]
    page = tmp_path / "location.txt"
    page.write_text(
        "Location Instance\nGET /2.2.0/location/12/?format=api\nHTTP 200 OK\n\n"
        + json.dumps({**location, "pads": [pad]})
    )

    run(page)

    slc40 = m.Pad.objects.get(pk=80)
    assert (slc40.location.name, slc40.location.country.alpha_3_code) == (
        "Cape Canaveral SFS, FL, USA",
        "USA",
    )
