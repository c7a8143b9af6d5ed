"""The docking events, each with its flight, launch and spacecraft, written chunk by chunk."""

import random
import uuid
from datetime import timedelta

from ingest.generate.catalogue import CONFIGS, PORTS, START
from ingest.generate.crew import Crews
from ingest.generate.fleet import Fleets
from ingest.generate.people import write_people
from ingest.generate.reference import Reference
from spaceflight import models as m

CHUNK = 5000


class Generator:
    def __init__(self, events, seed, progress=None):
        self.events = events
        self.seed = seed
        self.rng = random.Random(seed)
        self.progress = progress or (lambda done: None)

    def run(self):
        self.ref = Reference(self.rng)
        self.fleets = Fleets(self.rng, self.ref)
        self.crews = Crews(self.seed)
        flight_id = 1
        for start in range(0, self.events, CHUNK):
            batch = Batch()
            for index in range(start, min(start + CHUNK, self.events)):
                flight_id = self.event(batch, index, flight_id)
            batch.save()
            self.progress(min(start + CHUNK, self.events))
        write_people(self.crews, self.ref)

    def event(self, batch, index, flight_id):
        """One docking event and what it needs; returns the next free flight id."""
        rng, ref = self.rng, self.ref
        docking = START + timedelta(days=index * 20000 / max(self.events, 1), minutes=index % 997)
        still_docked = index >= self.events - max(1, self.events // 100)
        departure = None if still_docked else docking + timedelta(days=rng.randrange(3, 200))
        launch = self.launch(batch, index, docking - timedelta(days=rng.choice([1, 2, 3])))
        if index % 50 == 49:
            return self.payload_docking(batch, index, launch, docking, departure, flight_id)
        station = ref.stations[index % len(ref.stations)]
        config_index = index % len(CONFIGS)
        config = CONFIGS[config_index]
        craft, turnaround = self.fleets.fly(batch, index, config_index, config, launch.net)
        landing = None
        if not still_docked and (config.reusable or index % 2 == 0):
            landing = m.Landing(
                id=flight_id,
                attempt=True,
                success=True,
                landing_location=ref.landing_locations[index % 6],
                type=ref.landing_types[config.landing],
            )
            batch.add(landing)
        flight = m.SpacecraftFlight(
            id=flight_id,
            destination=station.name,
            mission_end=None if still_docked else departure + timedelta(hours=5),
            spacecraft=craft,
            launch=launch,
            landing=landing,
            turn_around_time=turnaround,
        )
        batch.add(flight)
        self.fleets.flown(config_index, config, flight, docking, departure)
        if config.crewed:
            program = ref.programs[index % 5]
            self.crews.visit(flight, craft, config, station, docking, departure, program)
        port = ref.ports[station.id][index % len(PORTS)]
        batch.add(docking_event(index, docking, departure, port, flight, station))
        return flight_id + 1

    def launch(self, batch, index, net):
        rng, ref = self.rng, self.ref
        launch_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        mission = m.Mission(
            id=index + 1,
            name=f"Mission {index + 1}",
            type="Resupply" if index % 3 else "Human Exploration",
            description=f"Mission {index + 1} to a station.",
            orbit=ref.orbits[index % 3],
        )
        rocket = m.Rocket(id=index + 1, configuration=ref.rockets[index % 12])
        launch = m.Launch(
            id=launch_id,
            name=f"Rocket {index % 12 + 1} | Mission {index + 1}",
            slug=f"mission-{index + 1}",
            launch_designator=f"{net.year}-{index % 999:03d}",
            status=ref.statuses[0],
            last_updated=net + timedelta(days=1),
            net=net,
            net_precision=ref.precisions[0],
            window_start=net,
            window_end=net,
            image=ref.image(index + 3),
            failreason="",
            launch_service_provider=ref.agency(index),
            rocket=rocket,
            mission=mission,
            pad=ref.pads[index % len(ref.pads)],
            orbital_launch_attempt_count=index + 1,
        )
        batch.add(mission)
        batch.add(rocket)
        batch.add(launch)
        batch.link(m.Mission.agencies.through(mission=mission, agency=ref.agency(index)))
        batch.link(m.Launch.programs.through(launch=launch, program=ref.programs[index % 5]))
        return launch

    def payload_docking(self, batch, index, launch, docking, departure, flight_id):
        """SpaDEx-like: two payloads of one launch docking to each other."""
        ref = self.ref
        chaser_payload, target_payload = (
            m.Payload(
                id=index * 2 + k,
                name=f"Docking demonstrator {index} {role}",
                type=ref.payload_type,
                manufacturer=ref.agency(index),
                operator=ref.agency(index),
                image=ref.image(index + k),
            )
            for k, role in ((1, "chaser"), (2, "target"))
        )
        port = m.DockingLocation(
            id=100000 + index, name=target_payload.name, payload=target_payload
        )
        chaser, target = (
            m.PayloadFlight(id=index * 2 + k, destination="LEO", payload=p, launch=launch)
            for k, p in ((1, chaser_payload), (2, target_payload))
        )
        for row in (chaser_payload, target_payload, port, chaser, target):
            batch.add(row)
        batch.add(docking_event(index, docking, departure, port, chaser, target))
        return flight_id


def docking_event(index, docking, departure, port, chaser, target):
    """Event `index`, its chaser a spacecraft or payload flight, its target a station or a
    payload flight."""
    return m.DockingEvent(
        id=index + 1,
        docking=docking,
        departure=departure,
        docking_location=port,
        flight_vehicle_chaser=chaser if isinstance(chaser, m.SpacecraftFlight) else None,
        payload_flight_chaser=chaser if isinstance(chaser, m.PayloadFlight) else None,
        space_station_target=target if isinstance(target, m.SpaceStation) else None,
        payload_flight_target=target if isinstance(target, m.PayloadFlight) else None,
    )


class Batch:
    """Rows of one chunk, written table by table in dependency order, and the spacecraft of
    earlier chunks that flew again in it (their statistics are written again)."""

    ORDER = [
        m.Mission,
        m.Rocket,
        m.Launch,
        m.Spacecraft,
        m.Landing,
        m.SpacecraftFlight,
        m.Payload,
        m.DockingLocation,
        m.PayloadFlight,
        m.DockingEvent,
    ]
    STATISTICS = [
        "status",
        "in_space",
        "time_in_space",
        "time_docked",
        "flights_count",
        "mission_ends_count",
        "fastest_turnaround",
    ]

    def __init__(self):
        self.rows = {model: [] for model in self.ORDER}
        self.links = {}
        self.new_spacecraft = set()
        self.touched = {}

    def add(self, row):
        self.rows[type(row)].append(row)
        if isinstance(row, m.Spacecraft):
            self.new_spacecraft.add(row.pk)

    def touch(self, spacecraft):
        if spacecraft.pk not in self.new_spacecraft:
            self.touched[spacecraft.pk] = spacecraft

    def link(self, row):
        self.links.setdefault(type(row), []).append(row)

    def save(self):
        for model in self.ORDER:
            model.objects.bulk_create(self.rows[model], batch_size=1000)
        for through, rows in self.links.items():
            through.objects.bulk_create(rows, batch_size=1000)
        if self.touched:
            m.Spacecraft.objects.bulk_update(
                list(self.touched.values()), self.STATISTICS, batch_size=1000
            )
