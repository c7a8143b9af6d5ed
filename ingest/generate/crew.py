"""Who flies: the crew of each crewed flight, a station's expeditions and their spacewalks, made
in memory as the docking events are, in their order, and written after them
(ingest/generate/people.py), so that they do not depend on the chunks.

An astronaut flies again only once back from the last flight and rested, a few times at most;
the crew of a flight still in space (no mission end) are in space. A station's expeditions
follow each other (one ends as the next starts), each made of the crews arriving within half
a year, three at most. The crews of the flights still docked make the station's last
expedition, under way, so that a station's crew aboard is its expeditions under way's."""

import heapq
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from ingest.generate.catalogue import PRIVATE, SEATS

REST = timedelta(days=180)  # back on the ground before flying again
EXPEDITION = timedelta(days=180)
PLANNED = timedelta(days=1000)  # after the last docking: an end still to come for years


@dataclass(eq=False)
class Astronaut:
    id: int
    agency: object
    type: str
    flights_left: int
    visits: list = field(default_factory=list)
    walks: list = field(default_factory=list)


class Flight(NamedTuple):
    """What the people need of a flight (not its row, which holds its launch's and more)."""

    id: int
    launch_id: object
    net: datetime
    mission_end: datetime | None


@dataclass(eq=False)
class Visit:
    """A crewed flight's stay at a station, its crew as seats `(AstronautFlight id, role,
    astronaut)`."""

    flight: Flight
    craft: str
    agency: object
    station: object
    docking: datetime
    departure: datetime | None
    program: object
    seats: list = field(default_factory=list)
    expedition: object = None


@dataclass(eq=False)
class Expedition:
    id: int
    name: str
    station: object
    start: datetime
    final: bool
    end: datetime | None = None
    stays: list = field(default_factory=list)
    crew: list = field(default_factory=list)


@dataclass(eq=False)
class Walk:
    id: int
    visit: Visit
    start: datetime
    duration: timedelta
    crew: list


class Crews:
    def __init__(self, seed):
        # Its own draws: the docking events are the same as without people.
        self.rng = random.Random(f"people-{seed}")
        self.astronauts = []
        self.ready = {}  # agency name -> heap of (ready from, astronaut id)
        self.visits = []
        self.expeditions = []
        self.current = {}  # station id -> its latest expedition
        self.walks = []
        self.seats = 0
        self.flown_configs = set()
        self.latest = None  # the last docking: the data's present

    def seat(self, astronaut, role):
        self.seats += 1
        return (self.seats, role, astronaut)

    def visit(self, flight, craft, config, station, docking, departure, program):
        """The crew of `flight` (of a crewed configuration), docked to `station` from
        `docking` until `departure` (None: still docked)."""
        self.latest = max(self.latest or docking, docking)
        flight = Flight(flight.id, flight.launch.id, flight.launch.net, flight.mission_end)
        visit = Visit(flight, craft.name, config.agency, station, docking, departure, program)
        # A reusable spacecraft's first flight is a test flight: a mannequin in its last seat.
        test_flight = config.reusable and config.name not in self.flown_configs
        self.flown_configs.add(config.name)
        seats = SEATS[config.name]
        for index, agency in enumerate(seats):
            if test_flight and index == len(seats) - 1:
                astronaut, role = self.recruit(agency, "Non-Human"), "Anthropomorphic Test Device"
            else:
                astronaut = self.veteran(agency, flight.net) or self.recruit(agency)
                role = self.role(astronaut, index, config.name)
            astronaut.visits.append(visit)
            visit.seats.append(self.seat(astronaut, role))
        if flight.mission_end is not None:
            for _, _, astronaut in visit.seats:
                if astronaut.flights_left > 0:
                    ready = (flight.mission_end + REST, astronaut.id)
                    heapq.heappush(self.ready.setdefault(astronaut.agency, []), ready)
        self.visits.append(visit)
        self.join(visit)
        self.walk(visit)

    def veteran(self, agency, net):
        ready = self.ready.get(agency)
        if not ready or ready[0][0] > net or self.rng.random() < 0.3:
            return None
        astronaut = self.astronauts[heapq.heappop(ready)[1] - 1]
        astronaut.flights_left -= 1
        return astronaut

    def recruit(self, agency, type=None):
        if type is None:
            type = "Private" if agency in PRIVATE else "Government"
        flights = {"Non-Human": 0, "Private": self.rng.randint(0, 1)}.get(type)
        if flights is None:
            flights = self.rng.randint(0, 5)
        astronaut = Astronaut(len(self.astronauts) + 1, agency, type, flights)
        self.astronauts.append(astronaut)
        return astronaut

    @staticmethod
    def role(astronaut, index, config):
        if astronaut.type == "Private":
            return "Spaceflight Participant"
        if index < 2:
            return ["Commander", "Pilot"][index]
        return "Mission Specialist" if config == "Space Shuttle" else "Flight Engineer"

    def join(self, visit):
        """`visit`'s crew in its station's expedition: the current one, or a new one."""
        still = visit.departure is None
        current = self.current.get(visit.station.id)
        full = current is not None and (
            len(current.stays) == 3 or visit.docking - current.start > EXPEDITION
        )
        if current is None or (still and not current.final) or (not still and full):
            if current is not None:
                current.end = visit.docking
            number = sum(e.station is visit.station for e in self.expeditions) + 1
            current = Expedition(
                len(self.expeditions) + 1,
                f"{visit.station.name} Expedition {number}",
                visit.station,
                visit.docking,
                final=still,
            )
            self.expeditions.append(current)
            self.current[visit.station.id] = current
        visit.expedition = current
        current.stays.append(visit)
        for _, _, astronaut in visit.seats:
            role = "Flight Engineer" if current.crew else "Commander"
            if astronaut.type == "Private":
                role = "Spaceflight Participant"
            current.crew.append(self.seat(astronaut, role))

    def walk(self, visit):
        """A spacewalk of two of `visit`'s crew, on one stay in three, during the stay."""
        walkers = [a for _, _, a in visit.seats if a.type == "Government"]
        if len(walkers) < 2 or self.rng.random() < 2 / 3:
            return
        stay = (visit.departure or visit.docking + timedelta(days=2)) - visit.docking
        start = visit.docking + stay * self.rng.uniform(0.2, 0.8)
        duration = timedelta(minutes=self.rng.randrange(240, 510))
        crew = [self.seat(a, "Flight Engineer") for a in self.rng.sample(walkers, 2)]
        walk = Walk(len(self.walks) + 1, visit, start, duration, crew)
        for _, _, astronaut in crew:
            astronaut.walks.append(walk)
        self.walks.append(walk)

    def finish(self):
        """The last expedition of each station: under way where crews are still docked (no
        end, or on every other station a planned end still to come), else ended with the
        last departure of its crews; and candidates who have not flown yet, one for twenty
        who have."""
        if self.latest is not None:
            agencies = sorted({agency for seats in SEATS.values() for agency in seats})
            for index in range(max(2, len(self.astronauts) // 20)):
                self.recruit(agencies[index % len(agencies)])
        for index, expedition in enumerate(self.current.values()):
            if expedition.final:
                expedition.end = None if index % 2 == 0 else self.latest + PLANNED
            else:
                expedition.end = max(visit.departure for visit in expedition.stays)
