"""The rows every generated event refers to: images, agencies, places, rockets, stations with
their ports, spacecraft configurations; written once, before the events."""

from datetime import timedelta

from ingest.generate.catalogue import (
    AGENCIES,
    CONFIG_TYPES,
    CONFIGS,
    CRAFT_STATUSES,
    LANDING_TYPES,
    PORTS,
    START,
    STATION_STATUSES,
    STATION_TYPES,
    STATIONS,
)
from spaceflight import models as m


def named(model, names, start=1, **fields):
    """One row of `model` per name, ids from `start`, in order."""
    return model.objects.bulk_create(
        model(id=i, name=name, **fields) for i, name in enumerate(names, start)
    )


class Reference:
    def __init__(self, rng):
        self.rng = rng
        self.agencies_and_places()
        self.launch_data()
        self.stations_and_ports()
        self.spacecraft_data()

    def image(self, index):
        return self.images[index % len(self.images)]

    def agency(self, index):
        return self.agencies[index % len(self.agencies)]

    def agencies_and_places(self):
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
        self.countries = countries = m.Country.objects.bulk_create(
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
        agency_types = named(m.AgencyType, ["Government", "Commercial"])
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
        self.agency_named = {agency.name: agency for agency in self.agencies}
        m.Agency.countries.through.objects.bulk_create(
            m.Agency.countries.through(agency_id=a.id, country_id=countries[a.id % 10].id)
            for a in self.agencies
        )
        body_type = m.CelestialBodyType.objects.create(id=1, name="Planet")
        self.earth = m.CelestialBody.objects.create(
            id=1,
            name="Earth",
            type=body_type,
            diameter=12742000.0,
            mass=5.972168e24,
            gravity=9.80655,
            length_of_day=timedelta(days=1),
            atmosphere=True,
            image=self.image(1),
            # LL2's schema has no null for a body's counts.
            total_attempted_launches=7000,
            successful_launches=6480,
            failed_launches=520,
            total_attempted_landings=650,
            successful_landings=610,
            failed_landings=40,
        )
        self.locations = m.Location.objects.bulk_create(
            m.Location(
                id=i,
                name=f"Spaceport {i}",
                celestial_body=self.earth,
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
                location=self.locations[i % 6],
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
            m.Pad.agencies.through(pad_id=p.id, agency_id=self.agency(p.id).id) for p in self.pads
        )

    def launch_data(self):
        self.statuses = m.LaunchStatus.objects.bulk_create(
            m.LaunchStatus(id=i, name=n, abbrev=n[:7], description=f"{n}.")
            for i, n in enumerate(["Launch Successful", "Launch Failure", "Go for Launch"], 1)
        )
        self.precisions = m.NetPrecision.objects.bulk_create(
            m.NetPrecision(id=i, name=n, abbrev=n[:3].upper(), description=f"To the {n}.")
            for i, n in enumerate(["Second", "Minute", "Hour"])
        )
        families = named(m.LauncherConfigFamily, [f"Family {i}" for i in range(1, 7)])
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
            m.Orbit(id=i, name=n, abbrev=n[:3].upper(), celestial_body=self.earth)
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

    def stations_and_ports(self):
        status = {s.name: s for s in named(m.SpaceStationStatus, STATION_STATUSES)}["Active"]
        types = {t.name: t for t in named(m.SpaceStationType, STATION_TYPES)}
        self.stations = m.SpaceStation.objects.bulk_create(
            m.SpaceStation(
                id=i,
                name=station.name,
                image=self.image(i + 40),
                status=status,
                type=types[station.type],
                description=f"{station.name} space station.",
                founded=(START + timedelta(days=800 * i)).date(),
                orbit="Low Earth Orbit",
            )
            for i, station in enumerate(STATIONS, start=1)
        )
        m.SpaceStation.owners.through.objects.bulk_create(
            m.SpaceStation.owners.through(spacestation=row, agency=self.agency_named[owner])
            for row, station in zip(self.stations, STATIONS, strict=True)
            for owner in station.owners
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

    def spacecraft_data(self):
        config_types = {t.name: t for t in named(m.SpacecraftConfigType, CONFIG_TYPES)}
        config_families = m.SpacecraftConfigFamily.objects.bulk_create(
            m.SpacecraftConfigFamily(
                id=i,
                name=config.name,
                description=f"The {config.name} family.",
                manufacturer=self.agency_named[config.agency],
            )
            for i, config in enumerate(CONFIGS[:6], start=1)
        )
        self.configs = m.SpacecraftConfig.objects.bulk_create(
            m.SpacecraftConfig(
                id=i,
                name=config.name,
                type=config_types[config.type],
                agency=self.agency_named[config.agency],
                in_use=True,
                image=self.image(i + 60),
                human_rated=config.crewed,
                crew_capacity=4 if config.crewed else None,
                capability=f"{config.name} capability.",
            )
            for i, config in enumerate(CONFIGS, start=1)
        )
        m.SpacecraftConfig.families.through.objects.bulk_create(
            m.SpacecraftConfig.families.through(
                spacecraftconfig_id=c.id, spacecraftconfigfamily_id=config_families[c.id % 6].id
            )
            for c in self.configs
        )
        self.craft_status = {s.name: s for s in named(m.SpacecraftStatus, CRAFT_STATUSES)}
        self.landing_types = m.LandingType.objects.bulk_create(
            m.LandingType(id=i, name=n, abbrev=n[:3].upper(), description=f"{n}.")
            for i, n in enumerate(LANDING_TYPES, 1)
        )
        self.landing_locations = m.LandingLocation.objects.bulk_create(
            m.LandingLocation(
                id=i,
                name=f"Landing zone {i}",
                abbrev=f"LZ{i}",
                location=self.locations[i % 6],
                celestial_body=self.earth,
                image=self.image(i + 70),
                successful_landings=self.rng.randrange(0, 50),
            )
            for i in range(1, 7)
        )
        self.payload_type = m.PayloadType.objects.create(id=1, name="Technology Demonstrator")
