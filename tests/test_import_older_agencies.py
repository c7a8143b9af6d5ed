"""`import_ll2` on 2.2.0 and 2.0.0 pages of agencies, configurations, pads and programs: an
agency detail brings its launcher and spacecraft configurations, a 2.2.0 spacecraft
configuration, launcher configuration, pad and program page and a 2.0.0 agency are imported in
2.3.0's form, and an older agency page erases nothing a 2.3.0 detailed page brought."""

import pytest

from spaceflight import models as m
from tests.support import linked_pages
from tests.support.imports import database_dump, run
from tests.support.linked_pages import flush, get, page_of
from tests.support.older_pages import (
    LL2,
    agency_2_2_0,
    launch_2_2_0,
    launcher_2_2_0,
    pad_2_2_0,
    spacecraft_config_2_2_0,
    write_json,
)

pytestmark = pytest.mark.django_db

filled = linked_pages.filled


def test_a_2_2_0_agency_detail_brings_its_configurations(tmp_path):
    agency = agency_2_2_0(
        launch_library_url=None,
        total_launch_count=450,
        successful_launches=440,
        consecutive_successful_launches=300,
        failed_launches=3,
        pending_launches=60,
        successful_landings=400,
        failed_landings=10,
        attempted_landings=410,
        consecutive_successful_landings=200,
        info_url="https://www.spacex.com",
        wiki_url="https://en.wikipedia.org/wiki/SpaceX",
        nation_url=None,
        launcher_list=[launcher_2_2_0()],
        spacecraft_list=[spacecraft_config_2_2_0()],
    )
    run(write_json(tmp_path / "agency.json", agency))

    spacex = m.Agency.objects.get(pk=121)
    assert (spacex.type.name, spacex.founding_year, spacex.total_launch_count) == (
        "Commercial",
        2002,
        450,
    )
    assert [c.alpha_3_code for c in spacex.countries.all()] == ["USA"]
    assert spacex.image.image_url == "https://example.com/spacex.png"
    assert spacex.logo.image_url == "https://example.com/spacex_logo.png"
    falcon = m.LauncherConfig.objects.get(pk=164)
    assert (falcon.manufacturer_id, falcon.leo_capacity, falcon.successful_launches) == (
        121,
        22800.0,
        310,
    )
    assert falcon.image.image_url == "https://example.com/f9.jpg"
    dragon = m.SpacecraftConfig.objects.get(pk=33)
    assert (dragon.agency_id, dragon.crew_capacity, dragon.image.image_url) == (
        121,
        7,
        "https://example.com/dragon.jpg",
    )


def test_a_2_2_0_spacecraft_configuration_page_is_imported(tmp_path):
    run(write_json(tmp_path / "configs.json", page_of(spacecraft_config_2_2_0())))

    dragon = m.SpacecraftConfig.objects.get(pk=33)
    assert (dragon.name, dragon.agency.name, dragon.human_rated) == ("Crew Dragon", "SpaceX", True)


def test_a_2_0_0_agency_is_imported(tmp_path):
    agency = agency_2_2_0(url=f"{LL2}/2.0.0/agencies/121/")
    del agency["logo_url"]
    run(write_json(tmp_path / "agency.json", agency))

    assert m.Agency.objects.get(pk=121).founding_year == 2002


def test_an_older_agency_page_erases_nothing_a_2_3_0_detailed_page_brought(
    api, frozen, tmp_path, filled
):
    agency = get(api, frozen, "/2.3.0/agencies/?mode=detailed&limit=1")["results"][0]
    flush()
    run(write_json(tmp_path / "detailed.json", agency))
    before = database_dump()
    older = {
        "id": agency["id"],
        "url": f"{LL2}/2.2.0/agencies/{agency['id']}/",
        "name": agency["name"],
        "featured": agency["featured"],
        "type": agency["type"]["name"],
        "country_code": ",".join(c["alpha_3_code"] for c in agency["country"]),
        "abbrev": agency["abbrev"],
        "description": agency["description"],
        "administrator": agency["administrator"],
        "founding_year": str(agency["founding_year"]),
        "launchers": agency["launchers"],
        "spacecraft": agency["spacecraft"],
        "parent": agency["parent"],
        "image_url": agency["image"]["image_url"],
        "logo_url": agency["logo"]["image_url"],
    }

    run(write_json(tmp_path / "older.json", page_of(older)))

    assert database_dump() == before


def test_2_2_0_launcher_configuration_pad_and_program_pages_are_imported(tmp_path):
    config = {
        **launcher_2_2_0(),
        "active": True,
        "reusable": True,
        "launch_cost": "62000000",
        "manufacturer": agency_2_2_0(),
        "program": [],
    }
    program = launch_2_2_0()["program"][0]
    run(
        write_json(tmp_path / "configs.json", page_of(config)),
        write_json(tmp_path / "pads.json", page_of(pad_2_2_0())),
        write_json(tmp_path / "programs.json", page_of(program)),
    )

    falcon = m.LauncherConfig.objects.get(pk=164)
    assert (falcon.launch_cost, falcon.manufacturer.name, falcon.reusable) == (
        62000000,
        "SpaceX",
        True,
    )
    assert m.Pad.objects.get(pk=80).latitude == 28.56194122
    assert m.Program.objects.get(pk=17).image.image_url == "https://example.com/ccp.png"
