"""Who is in space now, and where, as the pages and `/astros.json` show it; and how current the
data is. Derived from our data alone, in a fixed number of queries:

- **who:** the people LL2 says are in space (`in_space`), non-humans (Starman) left out;
- **where:** a station whose expedition under way names them in its crew; else the station
  their vehicle is docked at now; else their vehicle, flying on its own; else unknown
  (`None`: our data does not say);
- **their vehicle** (what they came on): the flight whose launch crew names them, else the
  spacecraft flight of the launch at the very second of their `last_flight` (LL2's time of
  their latest launch), when we hold one.

**As of:** the newest capture date of an imported page (`import_ll2 --captured-at`, the
bundled data's dates) or the end of the mirror's last run, whichever is later. Counting runs to
now while the data is current (as of within `CURRENT`), else stops at that date: a 2025
snapshot never reads as now."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Max, Q

from ingest.models import Capture, SyncState
from spaceflight import models as m
from spaceflight.text import one_line

# LL2's astronaut type of non-humans (config/astronaut_types/).
NON_HUMAN = 6
# Data refreshed at least this recently counts as current (a mirror synced daily or more).
CURRENT = timedelta(days=1)


def as_of():
    """When the data was last known current, or None (imported without a capture date)."""
    moments = [
        Capture.objects.aggregate(at=Max("captured_at"))["at"],
        SyncState.objects.aggregate(at=Max("last_completed"))["at"],
    ]
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


@dataclass(frozen=True)
class Clock:
    """The moment the pages count to, and why."""

    now: datetime
    data_as_of: datetime | None

    @property
    def current(self):
        return self.data_as_of is None or self.now - self.data_as_of <= CURRENT

    @property
    def until(self):
        return self.now if self.current else self.data_as_of


def clock(now):
    return Clock(now, as_of())


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str  # on the expedition under way, or on the vehicle's crew; "" where not recorded
    agency: str
    nationality: str
    time_in_space: timedelta | None  # LL2's, as of its page
    station: m.SpaceStation | None
    vehicle: str  # the spacecraft they came on, "" where not known
    flight: str  # that flight's launch name
    launched: datetime | None

    @property
    def craft(self):
        """open-notify's `craft`: the station's name, else the vehicle's, else None."""
        if self.station is not None:
            return one_line(self.station.name)
        return self.vehicle or None


def _under_way(until):
    return Q(end__isnull=True) | Q(end__gt=until)


def people(until):
    """The people in space, by name, each placed as the module says."""
    humans = (
        m.Astronaut.objects.filter(in_space=True)
        .exclude(type_id=NON_HUMAN)
        .select_related("agency")
        .prefetch_related("nationality")
        .order_by("name", "id")
    )
    expeditions = m.Expedition.objects.filter(_under_way(until), spacestation__isnull=False)
    on_expedition = {
        member.astronaut_id: (expedition.spacestation, member.role)
        for expedition in expeditions.select_related("spacestation").prefetch_related("crew__role")
        for member in expedition.crew.all()
    }
    humans = list(humans)
    vehicles = _vehicles(humans)
    found = []
    for astronaut in humans:
        station, role = on_expedition.get(astronaut.pk, (None, None))
        flight, flight_role = vehicles.get(astronaut.pk, (None, None))
        if station is None and flight is not None:
            station = flight.docked_at
        role = role or flight_role
        found.append(
            Person(
                id=astronaut.pk,
                name=one_line(astronaut.name),
                role=role.role if role else "",
                agency=astronaut.agency.name if astronaut.agency else "",
                nationality=astronaut.nationality_text(),
                time_in_space=astronaut.time_in_space,
                station=station,
                vehicle=flight.vehicle if flight else "",
                flight=flight.name if flight else "",
                launched=flight.launched if flight else None,
            )
        )
    return found


@dataclass(frozen=True)
class Flight:
    vehicle: str
    name: str
    launched: datetime | None
    docked_at: m.SpaceStation | None


def _vehicles(astronauts):
    """`{astronaut id: (Flight, role or None)}`: what each came on, where our data says."""
    ids = [a.pk for a in astronauts]
    crewed = m.SpacecraftFlight.launch_crew.through.objects.filter(
        astronautflight__astronaut_id__in=ids
    ).select_related("astronautflight__role")
    # Their latest flight first: the one launched at their `last_flight`, else the latest crew.
    crews = {}
    for row in crewed.order_by("spacecraftflight__launch__net", "spacecraftflight_id"):
        member = row.astronautflight
        crews.setdefault(member.astronaut_id, {})[row.spacecraftflight_id] = member.role
    moments = {a.last_flight for a in astronauts if a.last_flight}
    launched_at = {}
    for flight in m.SpacecraftFlight.objects.filter(launch__net__in=moments).order_by("pk"):
        launched_at.setdefault(flight.launch_id, flight.pk)
    launches = dict(m.Launch.objects.filter(net__in=moments).values_list("net", "pk"))
    chosen = {}
    for astronaut in astronauts:
        flight = launched_at.get(launches.get(astronaut.last_flight))
        if flight is None and astronaut.pk in crews:
            flight = list(crews[astronaut.pk])[-1]
        if flight is not None:
            chosen[astronaut.pk] = flight
    flights = {
        flight.pk: flight
        for flight in m.SpacecraftFlight.objects.filter(pk__in=set(chosen.values()))
        .select_related("spacecraft", "launch")
        .prefetch_related("docking_events__space_station_target")
    }
    result = {}
    for pk, flight_pk in chosen.items():
        flight = flights[flight_pk]
        docked = [
            event.space_station_target
            for event in sorted(flight.docking_events.all(), key=lambda e: (e.docking, e.pk))
            if event.departure is None and event.space_station_target is not None
        ]
        vehicle = Flight(
            vehicle=one_line(flight.spacecraft.name) if flight.spacecraft else "",
            name=one_line(flight.launch.name) if flight.launch else "",
            launched=flight.launch.net if flight.launch else None,
            docked_at=docked[-1] if docked else None,
        )
        result[pk] = (vehicle, crews.get(pk, {}).get(flight_pk))
    return result


def where(found):
    """`[(place, people)]`: each station, then each vehicle flying on its own, then those our
    data does not place, by name."""
    stations, vehicles, unknown = {}, {}, []
    for person in found:
        if person.station is not None:
            stations.setdefault(one_line(person.station.name), []).append(person)
        elif person.vehicle:
            vehicles.setdefault(person.vehicle, []).append(person)
        else:
            unknown.append(person)
    places = sorted(stations.items()) + sorted(vehicles.items())
    return places + ([("Not recorded where", unknown)] if unknown else [])


def by_vehicle(found):
    """`[(vehicle and flight, people)]` of one station's people, by what they came on."""
    groups = {}
    for person in found:
        label = f"{person.vehicle} ({person.flight})" if person.vehicle else "Vehicle not recorded"
        groups.setdefault(label, []).append(person)
    return sorted(groups.items(), key=lambda item: (item[0] == "Vehicle not recorded", item[0]))
