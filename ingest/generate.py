"""Deterministic, realistic scale data: the same `(events, seed)` always gives the same rows.

Stations with ports; spacecraft configurations crewed and cargo, reusable (flown again after a
turnaround) or expendable (a new spacecraft each flight); a launch with its full nested data
(status, rocket, mission with orbit and agencies, pad with location, programs) for every
flight; payload-to-payload dockings; the latest events still docked. Rows are written with
`bulk_create` in chunks, so 100,000 events take a few minutes.
"""

import random
import uuid
from datetime import UTC, datetime, timedelta

from spaceflight import models as m

START = datetime(1971, 4, 23, tzinfo=UTC)
CHUNK = 5000

# name, type, crewed, reusable, agency index
CONFIGS = [
    ("Soyuz", "Capsule", True, False, 0),
    ("Progress", "Cargo Resupply", False, False, 0),
    ("Crew Dragon", "Capsule", True, True, 1),
    ("Cargo Dragon", "Cargo Resupply", False, True, 1),
    ("Cygnus", "Cargo Resupply", False, False, 2),
    ("HTV", "Cargo Resupply", False, False, 3),
    ("Shenzhou", "Capsule", True, False, 4),
    ("Tianzhou", "Cargo Resupply", False, False, 4),
    ("Starliner", "Capsule", True, True, 5),
    ("Dream Chaser", "Spaceplane", False, True, 6),
]
STATIONS = ["ISS", "Tiangong", "Mir", "Salyut 6", "Salyut 7", "Skylab", "Gateway", "Axiom"]
PORTS = ["forward", "aft", "zenith", "nadir", "port", "starboard"]
AGENCIES = ["ROSCOSMOS", "SpaceX", "Northrop Grumman", "JAXA", "CNSA", "Boeing", "Sierra Space"]


class Generator:
    def __init__(self, events, seed, progress=None):
        self.events = events
        self.rng = random.Random(seed)
        self.progress = progress or (lambda done: None)

    def run(self):
        self.reference_data()
        reusable = {}
        flight_id = 1
        for start in range(0, self.events, CHUNK):
            batch = Batch()
            for index in range(start, min(start + CHUNK, self.events)):
                flight_id = self.event(batch, index, flight_id, reusable)
            batch.save()
            self.progress(min(start + CHUNK, self.events))

    def image(self, index):
        return self.images[index % len(self.images)]

    def reference_data(self):
        rng = self.rng
        licenses = [
            m.ImageLicense(id=i, name=name, priority=i, link=f"https://example.org/l/{i}")
            for i, name in enumerate(["Unknown", "NASA", "CC BY 2.0"], start=1)
        ]
        m.ImageLicense.objects.bulk_create(licenses)
        variant_type = m.ImageVariantType.objects.create(id=1, name="Normal")
        self.images = m.Image.objects.bulk_create(
            m.Image(
                id=i,
                name=f"Image {i}",
                image_url=f"https://images.example.org/{i}.jpg",
                thumbnail_url=f"https://images.example.org/{i}_thumb.jpg",
                credit=rng.choice([None, "NASA", "SpaceX", "CNSA"]),
                license=licenses[i % 3],
                single_use=bool(i % 2),
            )
            for i in range(1, 201)
        )
        m.ImageVariant.objects.bulk_create(
            m.ImageVariant(id=i, image_id=i, type=variant_type, image_url=f"https://v/{i}.webp")
            for i in range(1, 201, 10)
        )
        countries = m.Country.objects.bulk_create(
            m.Country(
                id=i,
                name=f"Country {i}",
                alpha_2_code=f"C{i}"[:2],
                alpha_3_code=f"C{i:02d}",
                nationality_name=f"Nation {i}",
                nationality_name_composed=f"Nation {i}",
            )
            for i in range(1, 11)
        )
        agency_types = m.AgencyType.objects.bulk_create(
            m.AgencyType(id=i, name=n) for i, n in enumerate(["Government", "Commercial"], 1)
        )
        self.agencies = m.Agency.objects.bulk_create(
            m.Agency(
                id=i,
                name=name,
                abbrev=name[:4].upper(),
                type=agency_types[i % 2],
                featured=i < 4,
                description=f"{name} builds and flies spacecraft.",
                administrator=f"Administrator {i}",
                founding_year=1950 + 5 * i,
                launchers="Rocket",
                spacecraft="Capsule",
                image=self.image(i),
                logo=self.image(i + 50),
                social_logo=self.image(i + 100),
                total_launch_count=rng.randrange(10, 500),
                successful_launches=rng.randrange(10, 400),
                info_url=f"https://agency{i}.example.org",
                wiki_url=f"https://wiki.example.org/{i}",
            )
            for i, name in enumerate(AGENCIES, start=1)
        )
        m.Agency.countries.through.objects.bulk_create(
            m.Agency.countries.through(agency_id=a.id, country_id=countries[a.id % 10].id)
            for a in self.agencies
        )
        body_type = m.CelestialBodyType.objects.create(id=1, name="Planet")
        earth = m.CelestialBody.objects.create(
            id=1,
            name="Earth",
            type=body_type,
            diameter=12742000.0,
            mass=5.972168e24,
            gravity=9.80655,
            length_of_day=timedelta(days=1),
            atmosphere=True,
            image=self.image(1),
            # LL2's schema has no null for a body's counts; constants, so that the random
            # draws, and with them the rest of a seed's data, stay as they were.
            total_attempted_launches=7000,
            successful_launches=6480,
            failed_launches=520,
            total_attempted_landings=650,
            successful_landings=610,
            failed_landings=40,
        )
        locations = m.Location.objects.bulk_create(
            m.Location(
                id=i,
                name=f"Spaceport {i}",
                celestial_body=earth,
                country=countries[i],
                image=self.image(i + 10),
                timezone_name="UTC",
                latitude=rng.uniform(-40, 60),
                longitude=rng.uniform(-180, 180),
                total_launch_count=rng.randrange(100, 1500),
            )
            for i in range(1, 7)
        )
        self.pads = m.Pad.objects.bulk_create(
            m.Pad(
                id=i,
                name=f"Pad {i}",
                location=locations[i % 6],
                country=countries[i % 10],
                image=self.image(i + 20),
                latitude=rng.uniform(-40, 60),
                longitude=rng.uniform(-180, 180),
                total_launch_count=rng.randrange(10, 400),
                fastest_turnaround=timedelta(days=rng.randrange(2, 40), hours=3),
            )
            for i in range(1, 19)
        )
        m.Pad.agencies.through.objects.bulk_create(
            m.Pad.agencies.through(pad_id=p.id, agency_id=self.agencies[p.id % 7].id)
            for p in self.pads
        )
        self.statuses = m.LaunchStatus.objects.bulk_create(
            m.LaunchStatus(id=i, name=n, abbrev=n[:7], description=f"{n}.")
            for i, n in enumerate(["Launch Successful", "Launch Failure", "Go for Launch"], 1)
        )
        self.precisions = m.NetPrecision.objects.bulk_create(
            m.NetPrecision(id=i, name=n, abbrev=n[:3].upper(), description=f"To the {n}.")
            for i, n in enumerate(["Second", "Minute", "Hour"])
        )
        families = m.LauncherConfigFamily.objects.bulk_create(
            m.LauncherConfigFamily(id=i, name=f"Family {i}") for i in range(1, 7)
        )
        self.rockets = m.LauncherConfig.objects.bulk_create(
            m.LauncherConfig(id=i, name=f"Rocket {i}", full_name=f"Rocket {i} Block 5")
            for i in range(1, 13)
        )
        m.LauncherConfig.families.through.objects.bulk_create(
            m.LauncherConfig.families.through(
                launcherconfig_id=r.id, launcherconfigfamily_id=families[r.id % 6].id
            )
            for r in self.rockets
        )
        self.orbits = m.Orbit.objects.bulk_create(
            m.Orbit(id=i, name=n, abbrev=n[:3].upper(), celestial_body=earth)
            for i, n in enumerate(["Low Earth Orbit", "Sun-Synchronous", "Lunar"], 1)
        )
        program_type = m.ProgramType.objects.create(id=1, name="Human Spaceflight")
        self.programs = m.Program.objects.bulk_create(
            m.Program(id=i, name=f"Program {i}", type=program_type, image=self.image(i + 30))
            for i in range(1, 6)
        )
        m.Program.agencies.through.objects.bulk_create(
            m.Program.agencies.through(program_id=p.id, agency_id=self.agencies[p.id].id)
            for p in self.programs
        )
        self.stations = m.SpaceStation.objects.bulk_create(
            m.SpaceStation(
                id=i,
                name=name,
                image=self.image(i + 40),
                description=f"{name} space station.",
                founded=(START + timedelta(days=800 * i)).date(),
                orbit="Low Earth Orbit",
            )
            for i, name in enumerate(STATIONS, start=1)
        )
        self.ports = {
            station.id: m.DockingLocation.objects.bulk_create(
                m.DockingLocation(
                    id=station.id * 10 + j, name=f"{station.name} {port}", spacestation=station
                )
                for j, port in enumerate(PORTS)
            )
            for station in self.stations
        }
        config_types = {
            name: m.SpacecraftConfigType.objects.create(id=i, name=name)
            for i, name in enumerate(["Capsule", "Cargo Resupply", "Spaceplane"], 1)
        }
        config_families = m.SpacecraftConfigFamily.objects.bulk_create(
            m.SpacecraftConfigFamily(
                id=i, name=name, description=f"The {name} family.", manufacturer=self.agencies[i]
            )
            for i, (name, *_) in enumerate(CONFIGS[:6], start=1)
        )
        self.configs = m.SpacecraftConfig.objects.bulk_create(
            m.SpacecraftConfig(
                id=i,
                name=name,
                type=config_types[kind],
                agency=self.agencies[agency],
                in_use=True,
                image=self.image(i + 60),
                human_rated=crewed,
                crew_capacity=4 if crewed else None,
                capability=f"{name} capability.",
            )
            for i, (name, kind, crewed, _, agency) in enumerate(CONFIGS, start=1)
        )
        m.SpacecraftConfig.families.through.objects.bulk_create(
            m.SpacecraftConfig.families.through(
                spacecraftconfig_id=c.id, spacecraftconfigfamily_id=config_families[c.id % 6].id
            )
            for c in self.configs
        )
        self.craft_statuses = m.SpacecraftStatus.objects.bulk_create(
            m.SpacecraftStatus(id=i, name=n) for i, n in enumerate(["Active", "Single Use"], 1)
        )
        self.landing_types = m.LandingType.objects.bulk_create(
            m.LandingType(id=i, name=n, abbrev=n[:3].upper(), description=f"{n}.")
            for i, n in enumerate(["Ocean", "Ground Pad", "Destructive Reentry"], 1)
        )
        self.landing_locations = m.LandingLocation.objects.bulk_create(
            m.LandingLocation(
                id=i,
                name=f"Landing zone {i}",
                abbrev=f"LZ{i}",
                location=locations[i % 6],
                celestial_body=earth,
                image=self.image(i + 70),
                successful_landings=rng.randrange(0, 50),
            )
            for i in range(1, 7)
        )
        payload_type = m.PayloadType.objects.create(id=1, name="Technology Demonstrator")
        self.payload_type = payload_type

    def event(self, batch, index, flight_id, reusable):
        """One docking event and what it needs; returns the next free flight id."""
        rng = self.rng
        docking = START + timedelta(days=index * 20000 / max(self.events, 1), minutes=index % 997)
        still_docked = index >= self.events - max(1, self.events // 100)
        departure = None if still_docked else docking + timedelta(days=rng.randrange(3, 200))
        launch = self.launch(batch, index, docking - timedelta(days=rng.choice([1, 2, 3])))
        if index % 50 == 49:
            return self.payload_docking(batch, index, launch, docking, departure, flight_id)
        station = self.stations[index % len(self.stations)]
        config_index = index % len(CONFIGS)
        name, _, crewed, is_reusable, _ = CONFIGS[config_index]
        craft, turnaround = self.spacecraft(batch, index, config_index, launch.net, reusable)
        landing = None
        if not still_docked and index % 2 == 0:
            landing = m.Landing(
                id=flight_id,
                attempt=True,
                success=True,
                landing_location=self.landing_locations[index % 6],
                type=self.landing_types[index % 3],
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
        port = self.ports[station.id][index % len(PORTS)]
        batch.add(docking_event(index, docking, departure, port, flight, station))
        return flight_id + 1

    def spacecraft(self, batch, index, config_index, net, reusable):
        """A new spacecraft, or a reusable one flown again: `(spacecraft, turnaround)`."""
        name, _, _, is_reusable, _ = CONFIGS[config_index]
        fleet = reusable.setdefault(config_index, [])
        if is_reusable and len(fleet) >= 4:
            craft, last = fleet[index % 4]
            craft.flights_count += 1
            fleet[index % 4] = (craft, net)
            return craft, net - last
        craft = m.Spacecraft(
            id=index + 1,
            name=f"{name} {index + 1}",
            serial_number=f"SN-{index + 1}",
            image=self.image(index),
            status=self.craft_statuses[0 if is_reusable else 1],
            description=f"{name} spacecraft number {index + 1}.",
            spacecraft_config=self.configs[config_index],
            in_space=False,
            time_in_space=timedelta(days=self.rng.randrange(3, 200), seconds=index % 86400),
            time_docked=timedelta(days=self.rng.randrange(2, 190)),
            flights_count=1,
            mission_ends_count=1,
        )
        batch.add(craft)
        if is_reusable:
            fleet.append((craft, net))
        return craft, None

    def launch(self, batch, index, net):
        rng = self.rng
        launch_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        mission = m.Mission(
            id=index + 1,
            name=f"Mission {index + 1}",
            type="Resupply" if index % 3 else "Human Exploration",
            description=f"Mission {index + 1} to a station.",
            orbit=self.orbits[index % 3],
        )
        rocket = m.Rocket(id=index + 1, configuration=self.rockets[index % 12])
        launch = m.Launch(
            id=launch_id,
            name=f"Rocket {index % 12 + 1} | Mission {index + 1}",
            slug=f"mission-{index + 1}",
            launch_designator=f"{net.year}-{index % 999:03d}",
            status=self.statuses[0],
            last_updated=net + timedelta(days=1),
            net=net,
            net_precision=self.precisions[0],
            window_start=net,
            window_end=net,
            image=self.image(index + 3),
            failreason="",
            launch_service_provider=self.agencies[index % 7],
            rocket=rocket,
            mission=mission,
            pad=self.pads[index % len(self.pads)],
            orbital_launch_attempt_count=index + 1,
        )
        batch.add(mission)
        batch.add(rocket)
        batch.add(launch)
        batch.link(m.Mission.agencies.through(mission=mission, agency=self.agencies[index % 7]))
        batch.link(m.Launch.programs.through(launch=launch, program=self.programs[index % 5]))
        return launch

    def payload_docking(self, batch, index, launch, docking, departure, flight_id):
        """SpaDEx-like: two payloads of one launch docking to each other."""
        chaser_payload, target_payload = (
            m.Payload(
                id=index * 2 + k,
                name=f"Docking demonstrator {index} {role}",
                type=self.payload_type,
                manufacturer=self.agencies[index % 7],
                operator=self.agencies[index % 7],
                image=self.image(index + k),
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
    """Rows of one chunk, written table by table in dependency order."""

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

    def __init__(self):
        self.rows = {model: [] for model in self.ORDER}
        self.links = {}

    def add(self, row):
        self.rows[type(row)].append(row)

    def link(self, row):
        self.links.setdefault(type(row), []).append(row)

    def save(self):
        for model in self.ORDER:
            model.objects.bulk_create(self.rows[model], batch_size=1000)
        for through, rows in self.links.items():
            through.objects.bulk_create(rows, batch_size=1000)
        reflown = {}
        for flight in self.rows[m.SpacecraftFlight]:
            if flight.turn_around_time is not None:
                reflown[flight.spacecraft.pk] = flight.spacecraft
        if reflown:
            m.Spacecraft.objects.bulk_update(list(reflown.values()), ["flights_count"])
