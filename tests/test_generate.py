"""`generate_data`: deterministic, realistic scale data that every version serves."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from spaceflight.models import CelestialBody, DockingEvent, Spacecraft, SpacecraftFlight
from tests.test_import import database_dump

pytestmark = pytest.mark.django_db


def generate(events, seed=1):
    call_command("generate_data", "--events", str(events), "--seed", str(seed), stdout=StringIO())


@pytest.mark.django_db(transaction=True)  # flush empties the tables between the runs
def test_the_same_seed_gives_the_same_data():
    generate(300, seed=7)
    first = database_dump()
    call_command("flush", "--no-input")
    generate(300, seed=7)
    assert database_dump() == first
    call_command("flush", "--no-input")
    generate(300, seed=8)
    assert database_dump() != first


def test_the_data_looks_like_ll2s(api):
    generate(600)
    events = DockingEvent.objects.all()
    assert events.count() == 600
    assert events.filter(departure__isnull=True).count() == 6
    assert events.filter(payload_flight_chaser__isnull=False).count() == 12
    reflown = Spacecraft.objects.filter(flights_count__gt=1)
    assert reflown.exists()
    assert SpacecraftFlight.objects.filter(turn_around_time__isnull=False).exists()
    assert events.filter(docking__lt="1990-01-01T00:00:00Z").exists()
    assert events.filter(docking__gt="2020-01-01T00:00:00Z").exists()
    # LL2's schema has no null for any of a celestial body's launch and landing counts.
    counts = [
        f.name for f in CelestialBody._meta.fields if f.name.endswith(("launches", "landings"))
    ]
    bodies = list(CelestialBody.objects.values(*counts))
    assert len(counts) == 6 and bodies
    assert all(None not in body.values() for body in bodies)
    for path in (
        "/2.3.0/docking_events/?mode=detailed&limit=100",
        "/2.2.0/docking_event/?mode=detailed&limit=100",
        "/2.0.0/docking_event/?limit=100",
    ):
        assert api.get(path).status_code == 200


def test_it_refuses_a_database_that_holds_events():
    generate(10)
    with pytest.raises(CommandError, match="already holds"):
        generate(10)
