"""A data set with crews and events in it, for the conformance tests of 2.3.0's people and
events (tests/test_ll2_schema.py, tests/test_openapi.py; `add_crews` for
tests/test_schemathesis.py, over the bundled data).

`crewed` is the generator's data set (`generate_data`: every value LL2's file asks for) and,
synthetic (no real person: "Astronaut 9001"), astronauts in roles on a flight's crews, on an
expedition under way and on a spacewalk, and events to come and past linked to all of them;
then a row of each as the smallest form LL2 shows it in gives it, which is all an import of
that form holds (test_ll2_schema.py's NOT_HELD)."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support import datasets

FIRST = 9001


def crew(count):
    """`count` synthetic astronauts, each in a role of their own."""
    agency, country = m.Agency.objects.order_by("pk")[0], m.Country.objects.order_by("pk")[0]
    status = m.AstronautStatus.objects.create(id=FIRST, name=f"Status {FIRST}")
    kind = m.AstronautType.objects.create(id=FIRST, name=f"Type {FIRST}")
    members = []
    for n in range(FIRST, FIRST + count):
        astronaut = m.Astronaut.objects.create(
            id=n,
            name=f"Astronaut {n}",
            status=status,
            agency=agency,
            type=kind,
            in_space=True,
            time_in_space=timedelta(days=n - FIRST + 100),
            eva_time=timedelta(hours=n - FIRST),
            date_of_birth=date(1980, 1, 1 + n - FIRST),
            bio=f"Astronaut {n}, synthetic.",
            first_flight=timezone.now() - timedelta(days=400),
            last_flight=timezone.now() - timedelta(days=40),
            flights_count=2,
            landings_count=1,
            spacewalks_count=1,
        )
        astronaut.nationality.add(country)
        role = m.AstronautRole.objects.create(id=n, role=f"Role {n}", priority=n - FIRST)
        members.append(m.AstronautFlight.objects.create(id=n, role=role, astronaut=astronaut))
    return members


def with_crews():
    now = timezone.now()
    members = crew(3)
    # A flight with a launch and a landing: its crews show in both.
    flight = m.SpacecraftFlight.objects.filter(landing__isnull=False).order_by("pk")[0]
    station = m.SpaceStation.objects.order_by("pk")[0]
    for relation in (flight.launch_crew, flight.onboard_crew, flight.landing_crew):
        relation.add(*members)
    expedition = m.Expedition.objects.create(
        id=FIRST, name=f"Expedition {FIRST}", start=now - timedelta(days=60), spacestation=station
    )
    expedition.crew.add(*members)
    kind = m.EventType.objects.create(id=FIRST, name=f"Event type {FIRST}")
    event = None
    for n, day in ((FIRST, 1), (FIRST + 1, -1)):
        event = m.Event.objects.create(
            id=n,
            name=f"Event {n}",
            slug=f"event-{n}",
            type=kind,
            description="Synthetic.",
            location="Synthetic",
            date=now + timedelta(days=day),
            date_precision=m.NetPrecision.objects.first(),
            duration=timedelta(hours=6),
            last_updated=now - timedelta(days=2),
        )
        event.agencies.add(m.Agency.objects.order_by("pk")[0])
        event.launches.add(flight.launch)
        event.expeditions.add(expedition)
        event.spacestations.add(station)
        event.programs.add(*m.Program.objects.all())
        event.astronauts.add(*(member.astronaut for member in members))
    spacewalk = m.Spacewalk.objects.create(
        id=FIRST,
        name=f"Spacewalk {FIRST}",
        start=now - timedelta(days=10),
        end=now - timedelta(days=10) + timedelta(hours=6),
        duration=timedelta(hours=6),
        location="Synthetic",
        spacestation=station,
        expedition=expedition,
        spacecraft_flight=flight,
        event=event,
    )
    spacewalk.crew.add(*members[:2])
    spacewalk.programs.add(*m.Program.objects.all())


def known_only_from_smaller_forms():
    """An astronaut as an event lists it (AstronautNormal), an event and an expedition as a
    spacewalk shows them (EventMini, ExpeditionMini), and that spacewalk as an expedition
    lists it (SpacewalkList)."""
    n, now = FIRST + 10, timezone.now()
    astronaut = m.Astronaut.objects.create(
        id=n, name=f"Astronaut {n}", status=m.AstronautStatus.objects.get(pk=FIRST)
    )
    expedition = m.Expedition.objects.create(
        id=n, name=f"Expedition {n}", start=now - timedelta(days=30)
    )
    event = m.Event.objects.create(id=n, name=f"Event {n}", date=now + timedelta(days=2))
    event.astronauts.add(astronaut)
    event.expeditions.add(expedition)
    m.Spacewalk.objects.create(id=n, name=f"Spacewalk {n}", expedition=expedition, event=event)


def add_crews():
    """The crews, expeditions, spacewalks and events above, to a data set of docking events."""
    with_crews()
    known_only_from_smaller_forms()
    data_changed()


@pytest.fixture
def crewed(db):
    datasets.load("crewed", make)


def make():
    call_command("generate_data", "--events", "60", "--seed", "1", stdout=StringIO())
    add_crews()
