"""Nested lists in LL2's order. A list an imported page gave keeps that page's order (stored at
import: models.Listed), in every version; an agency's launchers and spacecraft are by name, then
id, as LL2's agency pages list them; docking events by docking time; what no page ordered, by
id. Every nested list of every response is declared here with its order, and checked."""

import contextlib
import json
from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from api.resources import VERSIONS
from ingest.upsert import accessor
from spaceflight import models as m
from tests.support import linked_pages
from tests.support.imports import run

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).parent / "ll2_pages"
ISS = PAGES / "v2.3.0_space_station_4_detailed_2025-08.json"
ACTIVE = PAGES / "v2.3.0_space_stations_active_2025-07.json"

# The order of every nested list of objects, by its key.
PAGE = "as the imported page listed them, else by id"
BY_ID = "by id"
BY_NAME = "by name, then id"
BY_DOCKING = "by docking time, then id"
BY_START = "by start, then id"
MODES = ["list", "normal", "detailed"]
ORDERS = {
    "country": PAGE,
    "owners": PAGE,
    "docking_location": PAGE,
    "agencies": PAGE,
    "manufacturer": PAGE,
    "program": PAGE,
    "families": PAGE,
    "family": PAGE,
    "variants": PAGE,
    "pads": PAGE,
    "locations": PAGE,
    "spacecraftflight": PAGE,
    "payloadflight": PAGE,
    "spacecraft_stage": PAGE,
    "payloads": PAGE,
    "flights": BY_ID,
    "launcher_list": BY_NAME,
    "spacecraft_list": BY_NAME,
    "docking_events": BY_DOCKING,
    "active_docking_events": BY_DOCKING,
    "currently_docked": BY_DOCKING,
    "docked": BY_DOCKING,
    "active_expeditions": BY_START,
    "active_expedition": BY_START,
    "launch_crew": PAGE,
    "onboard_crew": PAGE,
    "landing_crew": PAGE,
    "crew": PAGE,
    "nationality": PAGE,
    "landings": PAGE,
    "spacewalks": PAGE,
    "expeditions": PAGE,
    "spacestations": PAGE,
    "astronauts": PAGE,
    "launches": PAGE,
    "info_urls": PAGE,
    "vid_urls": PAGE,
    "updates": PAGE,
    "mission_patches": PAGE,
    "social_media_links": PAGE,
}


def ids(rows):
    return [row["id"] for row in rows]


def codes(agency):
    """An agency's countries: objects in 2.3.0, `country_code` ("FRA,ITA") before."""
    if "country" not in agency:
        return agency["country_code"].split(",")
    return [country["alpha_3_code"] for country in agency["country"]]


def test_a_real_station_page_comes_back_in_its_own_order(api):
    given = json.loads(ISS.read_text())
    run(ISS)
    esa = next(agency for agency in given["owners"] if agency["abbrev"] == "ESA")
    # ESA's countries are in no key's order on LL2's page (FRA, ITA, DEU, ..., LUX, BEL, SVN).
    assert codes(esa) != sorted(codes(esa))
    assert ids(esa["country"]) != sorted(ids(esa["country"]))
    for path in ("/2.3.0/space_stations/4/", "/2.2.0/spacestation/4/", "/2.0.0/spacestation/4/"):
        body = api.get(path).json()
        assert ids(body["docking_location"]) == ids(given["docking_location"]), path
        assert ids(body["owners"]) == ids(given["owners"]), path
        served = next(agency for agency in body["owners"] if agency["id"] == esa["id"])
        assert codes(served) == codes(esa), path
    assert codes(api.get(f"/2.3.0/agencies/{esa['id']}/").json()) == codes(esa)


def test_the_newest_page_sets_the_order(api, tmp_path):
    given = json.loads(ISS.read_text())
    given["docking_location"].reverse()
    esa = next(agency for agency in given["owners"] if agency["abbrev"] == "ESA")
    esa["country"] = esa["country"][5:] + esa["country"][:5]
    shuffled = tmp_path / "iss.json"
    shuffled.write_text(json.dumps(given))
    run(shuffled)
    body = api.get("/2.3.0/space_stations/4/").json()
    assert ids(body["docking_location"]) == ids(given["docking_location"])
    assert codes(api.get(f"/2.3.0/agencies/{esa['id']}/").json()) == codes(esa)

    run(ISS)  # the page as LL2 gave it, again
    original = json.loads(ISS.read_text())
    body = api.get("/2.3.0/space_stations/4/").json()
    assert ids(body["docking_location"]) == ids(original["docking_location"])


def test_a_list_page_keeps_each_objects_order(api):
    given = json.loads(ACTIVE.read_text())
    run(ACTIVE)
    body = api.get("/2.3.0/space_stations/?format=json").json()
    for station in given["results"]:
        served = next(row for row in body["results"] if row["id"] == station["id"])
        assert [codes(a) for a in served["owners"]] == [codes(a) for a in station["owners"]]


def test_an_agencys_launchers_and_spacecraft_are_by_name(api):
    agency = m.Agency.objects.create(id=1, name="Rocket Maker")
    for pk, name in [(3, "Atlas V 401"), (1, "Vulcan"), (2, "Atlas V 401"), (4, "Atlas V 551")]:
        m.LauncherConfig.objects.create(id=pk, name=name, manufacturer=agency)
    for pk, name in [(2, "Starliner"), (1, "Dream Chaser"), (3, "Cygnus")]:
        m.SpacecraftConfig.objects.create(id=pk, name=name, agency=agency)
    for version, path in [("2.3.0", "agencies/1/"), ("2.2.0", "agencies/1/?mode=detailed")]:
        body = api.get(f"/{version}/{path}").json()
        assert ids(body["launcher_list"]) == [2, 3, 4, 1], version
        assert ids(body["spacecraft_list"]) == [3, 1, 2], version


def nested_lists(value, key=None):
    """(key, list) for every list of objects anywhere in a response."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from nested_lists(item, name)
    elif isinstance(value, list):
        if key is not None and value and all(isinstance(item, dict) for item in value):
            yield key, value
        for item in value:
            yield from nested_lists(item)


def moment(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def in_order(rule, rows):
    if rule in (PAGE, BY_ID):  # no page was imported: every one by id
        return ids(rows) == sorted(ids(rows))
    if rule == BY_NAME:
        return [(r["name"], r["id"]) for r in rows] == sorted((r["name"], r["id"]) for r in rows)
    if rule == BY_START:
        keys = [(r["start"] is not None, r["start"] and moment(r["start"]), r["id"]) for r in rows]
        return keys == sorted(keys)
    keys = [(moment(r["docking"]), r["id"]) for r in rows]
    return keys == sorted(keys)


@pytest.fixture
def generated():
    call_command("generate_data", events=600, seed=3, stdout=StringIO())


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_every_nested_list_is_in_its_declared_order(api, generated, version):
    seen = set()
    for resource in VERSIONS[version]:
        first = resource.queryset.model.objects.order_by("pk").values_list("pk", flat=True)
        paths = [f"/{version}/{resource.resource}/?limit=20&mode={mode}" for mode in MODES]
        paths += [f"/{version}/{resource.resource}/{pk}/" for pk in first[:5]]
        for path in paths:
            response = api.get(path, HTTP_ACCEPT="application/json")
            if response.status_code != 200:
                continue
            body = response.json()
            for key, rows in nested_lists(body.get("results", body)):
                if key == "results":
                    continue
                assert key in ORDERS, f"{path}: `{key}` has no declared order"
                seen.add(key)
                if len(rows) > 1 and "id" in rows[0]:
                    assert in_order(ORDERS[key], rows), (path, key, ids(rows))
    assert seen, version


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/2.3.0/locations/{}/", "pads"),
        ("/2.3.0/celestial_bodies/{}/", "locations"),
    ],
)
def test_a_list_a_page_gave_through_its_children_keeps_its_order(
    api, generated, tmp_path, path, key
):
    """Lists of rows that point at their owner (a location's pads), served through a Subset,
    keep the page's order too."""
    model = {"pads": m.Location, "locations": m.CelestialBody}[key]
    owner = max(model.objects.all(), key=lambda row: getattr(row, key).count())
    body = linked_pages.get(api, contextlib.nullcontext, path.format(owner.pk))
    assert len(body[key]) > 1
    body[key].reverse()
    run(linked_pages.write(tmp_path, path.format(owner.pk), body))
    served = api.get(path.format(owner.pk), HTTP_ACCEPT="application/json").json()
    assert ids(served[key]) == ids(body[key])
    assert ids(served[key]) != sorted(ids(served[key]))


def test_children_of_two_kinds_by_one_key_keep_their_own_orders():
    """A launch's spacecraft flights and payload flights both point at it by `launch_id`."""
    assert accessor(m.Launch, m.SpacecraftFlight, "launch_id") == "spacecraftflight_set"
    assert accessor(m.Launch, m.PayloadFlight, "launch_id") == "payloadflight_set"
