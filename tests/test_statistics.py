"""Statistics LL2 computes over its history: LL2's where an object's own page was imported,
else counted over our own launches, flights and landings (spaceflight/statistics.py)."""

import json
import uuid
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import call_command

from spaceflight import models as m
from spaceflight.changes import generation
from spaceflight.statistics import derive
from tests.support import factories
from tests.support.imports import run

pytestmark = pytest.mark.django_db

SUCCESS, FAILURE, PARTIAL, GO = 3, 4, 7, 1


@pytest.fixture
def world():
    """An agency launching five times from one pad (success, failure, two successes, one to
    come), a spacecraft configuration flown twice and landed once, and an agency imported."""
    for pk, name in [(SUCCESS, "Success"), (FAILURE, "Failure"), (PARTIAL, "Partial"), (GO, "Go")]:
        m.LaunchStatus.objects.create(id=pk, name=name)
    body = m.CelestialBody.objects.create(id=1, name="Earth")
    location = m.Location.objects.create(id=2, name="Site", celestial_body=body)
    pad = m.Pad.objects.create(id=3, name="Pad", location=location)
    agency = m.Agency.objects.create(id=4, name="Agency")
    config = m.LauncherConfig.objects.create(id=5, name="Rocket")
    spacecraft_config = m.SpacecraftConfig.objects.create(id=6, name="Capsule", agency=agency)
    craft = m.Spacecraft.objects.create(id=7, name="Craft", spacecraft_config=spacecraft_config)
    landing_location = m.LandingLocation.objects.create(
        id=8, name="Ocean", location=location, celestial_body=body
    )
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for day, status in enumerate([SUCCESS, FAILURE, SUCCESS, SUCCESS, GO]):
        launch = m.Launch.objects.create(
            id=uuid.UUID(int=day + 1),
            name=f"Launch {day}",
            net=start + timedelta(days=day),
            status_id=status,
            launch_service_provider=agency,
            rocket=m.Rocket.objects.create(id=100 + day, configuration=config),
            pad=pad,
        )
        if day in (2, 3):
            landing = m.Landing.objects.create(
                id=200 + day,
                attempt=True,
                success=day == 2,
                landing_location=landing_location,
            )
            m.SpacecraftFlight.objects.create(
                id=300 + day, spacecraft=craft, launch=launch, landing=landing
            )
    m.Agency.objects.create(
        id=9, name="Imported", total_launch_count=331, imported_statistics=["total_launch_count"]
    )
    derive()


def test_an_agency_is_counted_over_the_launches_we_hold(world):
    agency = m.Agency.objects.get(pk=4)
    assert (
        agency.total_launch_count,
        agency.successful_launches,
        agency.failed_launches,
        agency.pending_launches,
        agency.consecutive_successful_launches,
    ) == (4, 3, 1, 1, 2)
    assert (
        agency.attempted_landings_spacecraft,
        agency.successful_landings_spacecraft,
        agency.failed_landings_spacecraft,
    ) == (2, 1, 1)
    # Booster landings: we hold none, so LL2's count is not ours to give.
    assert agency.attempted_landings is None


def test_places_and_configurations_are_counted(world):
    pad, location = m.Pad.objects.get(pk=3), m.Location.objects.get(pk=2)
    assert (pad.total_launch_count, pad.orbital_launch_attempt_count) == (4, 4)
    assert (location.total_launch_count, location.total_landing_count) == (4, 2)
    body = m.CelestialBody.objects.get(pk=1)
    assert (body.total_attempted_launches, body.successful_launches, body.failed_launches) == (
        4,
        3,
        1,
    )
    assert (body.total_attempted_landings, body.successful_landings, body.failed_landings) == (
        2,
        1,
        1,
    )
    landing_location = m.LandingLocation.objects.get(pk=8)
    assert (
        landing_location.attempted_landings,
        landing_location.successful_landings,
        landing_location.failed_landings,
    ) == (2, 1, 1)
    config = m.LauncherConfig.objects.get(pk=5)
    assert (config.total_launch_count, config.consecutive_successful_launches) == (4, 2)
    capsule = m.SpacecraftConfig.objects.get(pk=6)
    assert (capsule.spacecraft_flown, capsule.total_launch_count, capsule.attempted_landings) == (
        1,
        2,
        2,
    )


def test_imported_statistics_are_kept_and_the_others_derived(world):
    imported = m.Agency.objects.get(pk=9)
    assert imported.total_launch_count == 331
    assert imported.successful_launches == 0  # none of our launches is its


def test_an_import_keeps_exactly_the_statistics_its_page_gave(tmp_path, world):
    # A 2.0.0 pad shows its launch count, not its orbital one.
    pad = {"id": 3, "url": "/2.0.0/pad/3/", "name": "Pad", "total_launch_count": 500}
    (tmp_path / "pads.json").write_text(json.dumps({"results": [pad], "next": None}))
    run(str(tmp_path / "pads.json"))
    found = m.Pad.objects.get(pk=3)
    assert found.imported_statistics == ["total_launch_count"]
    assert (found.total_launch_count, found.orbital_launch_attempt_count) == (500, 4)


def test_a_curated_object_is_left_alone(world):
    m.Curated.objects.create(model="spaceflight.agency", object_id="4")
    m.Agency.objects.filter(pk=4).update(total_launch_count=42)
    derive()
    assert m.Agency.objects.get(pk=4).total_launch_count == 42


def test_a_curators_edit_is_counted_at_once(rf, admin_user, world):
    request = rf.post("/admin/")
    request.user = admin_user
    launch = m.Launch.objects.get(pk=uuid.UUID(int=2))  # the failure
    admin.site._registry[m.Launch].delete_model(request, launch)
    agency = m.Agency.objects.get(pk=4)
    assert (agency.total_launch_count, agency.consecutive_successful_launches) == (3, 3)


def test_a_new_launch_is_counted_by_the_next_derivation_and_changes_the_generation(world):
    before = generation()
    m.Launch.objects.filter(pk=uuid.UUID(int=5)).update(status_id=FAILURE)
    call_command("derive_statistics", stdout=StringIO())
    agency = m.Agency.objects.get(pk=4)
    assert (agency.failed_launches, agency.consecutive_successful_launches) == (2, 0)
    assert generation() != before
    out = StringIO()
    call_command("derive_statistics", stdout=out)
    assert out.getvalue().strip() == "Statistics already up to date."


def test_the_api_serves_derived_and_imported_values(api, world):
    derived = api.get("/2.3.0/agencies/4/").json()
    assert derived["total_launch_count"] == 4
    assert api.get("/2.3.0/agencies/9/").json()["total_launch_count"] == 331
    ordered = api.get("/2.3.0/agencies/?ordering=-total_launch_count").json()["results"]
    assert [agency["id"] for agency in ordered][:2] == [9, 4]


def test_derivation_says_whether_it_changed_anything():
    assert derive() is False  # an empty database: nothing to count
    factories.full_event(1)
    assert derive() is True
