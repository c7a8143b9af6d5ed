"""Deterministic domain objects for tests: fixed values, ids taken from a counter."""

import itertools
import uuid
from datetime import UTC, datetime, timedelta

from spaceflight import models as m

# Far above the ids of the bundled data and of LL2, which tests load beside these.
_ids = itertools.count(1_000_000)


def next_id():
    return next(_ids)


def station(name="Station"):
    return m.SpaceStation.objects.create(id=next_id(), name=name)


def port(name="Port", spacestation=None, payload=None):
    return m.DockingLocation.objects.create(
        id=next_id(), name=name, spacestation=spacestation, payload=payload
    )


def launch(net=datetime(2025, 1, 1, tzinfo=UTC), name="Launch"):
    return m.Launch.objects.create(id=uuid.UUID(int=next_id()), name=name, net=net)


def spacecraft_flight(name="Craft", net=datetime(2025, 1, 1, tzinfo=UTC), mission_end=None):
    spacecraft = m.Spacecraft.objects.create(id=next_id(), name=name)
    return m.SpacecraftFlight.objects.create(
        id=next_id(), spacecraft=spacecraft, launch=launch(net, name), mission_end=mission_end
    )


def payload_flight(name="Payload"):
    payload = m.Payload.objects.create(id=next_id(), name=name)
    return m.PayloadFlight.objects.create(id=next_id(), payload=payload, launch=launch(name=name))


def docking(day, *, departure_day=None, chaser=None, target=None, location=None):
    """A docking on day `day` of 2025, by a spacecraft flight at a station by default."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    chaser = chaser or spacecraft_flight()
    target = target or station()
    fields = {
        "flight_vehicle_chaser": chaser if isinstance(chaser, m.SpacecraftFlight) else None,
        "payload_flight_chaser": chaser if isinstance(chaser, m.PayloadFlight) else None,
        "space_station_target": target if isinstance(target, m.SpaceStation) else None,
        "payload_flight_target": target if isinstance(target, m.PayloadFlight) else None,
    }
    return m.DockingEvent.objects.create(
        id=next_id(),
        docking=start + timedelta(days=day),
        departure=None if departure_day is None else start + timedelta(days=departure_day),
        docking_location=location or port(),
        **fields,
    )


def _filled():
    """A launch and a landing whose every nested object is filled, with the image, agency,
    spacecraft configuration and body they show, for query counts."""
    license_ = m.ImageLicense.objects.get_or_create(id=1, defaults={"name": "Unknown"})[0]
    image = m.Image.objects.create(
        id=next_id(), name="i", image_url="https://x/i.jpg", license=license_
    )
    m.ImageVariant.objects.create(
        id=next_id(),
        image=image,
        type=m.ImageVariantType.objects.get_or_create(id=1, defaults={"name": "Normal"})[0],
        image_url="https://x/v.jpg",
    )
    country = m.Country.objects.get_or_create(id=1, defaults={"name": "Country"})[0]
    agency = m.Agency.objects.create(id=next_id(), name="Agency", image=image)
    agency.countries.add(country)
    body = m.CelestialBody.objects.get_or_create(id=1, defaults={"name": "Earth"})[0]
    location = m.Location.objects.create(
        id=next_id(), name="Site", celestial_body=body, country=country, image=image
    )
    pad = m.Pad.objects.create(id=next_id(), name="Pad", location=location, image=image)
    pad.agencies.add(agency)
    program = m.Program.objects.create(id=next_id(), name="Program", image=image)
    program.agencies.add(agency)
    mission = m.Mission.objects.create(
        id=next_id(),
        name="Mission",
        image=image,
        orbit=m.Orbit.objects.create(id=next_id(), name="LEO", celestial_body=body),
    )
    mission.agencies.add(agency)
    family = m.SpacecraftConfigFamily.objects.create(
        id=next_id(), name="Family", manufacturer=agency
    )
    config = m.SpacecraftConfig.objects.create(
        id=next_id(), name="Config", agency=agency, image=image
    )
    config.families.add(family)
    rocket_config = m.LauncherConfig.objects.create(id=next_id(), name="Rocket")
    rocket_config.families.add(
        m.LauncherConfigFamily.objects.get_or_create(id=1, defaults={"name": "F"})[0]
    )
    the_launch = m.Launch.objects.create(
        id=uuid.UUID(int=next_id()),
        name="Launch",
        net=datetime(2025, 1, 1, tzinfo=UTC),
        image=image,
        launch_service_provider=agency,
        rocket=m.Rocket.objects.create(id=next_id(), configuration=rocket_config),
        mission=mission,
        pad=pad,
    )
    the_launch.programs.add(program)
    landing_location = m.LandingLocation.objects.create(
        id=next_id(), name="Ocean", location=location, image=image, celestial_body=body
    )
    landing = m.Landing.objects.create(id=next_id(), landing_location=landing_location)
    return {
        "image": image,
        "agency": agency,
        "program": program,
        "config": config,
        "launch": the_launch,
        "landing": landing,
    }


def full_station(filled, name="Station"):
    station = m.SpaceStation.objects.create(
        id=next_id(),
        name=name,
        image=filled["image"],
        status=m.SpaceStationStatus.objects.get_or_create(id=1, defaults={"name": "Active"})[0],
        type=m.SpaceStationType.objects.get_or_create(id=1, defaults={"name": "Government"})[0],
    )
    station.owners.add(filled["agency"])
    return station


def full_event(day):
    """An event whose every nested object is filled, for query counts: a spacecraft flight
    still docked at a station's port."""
    filled = _filled()
    spacecraft = m.Spacecraft.objects.create(
        id=next_id(), name="Craft", image=filled["image"], spacecraft_config=filled["config"]
    )
    flight = m.SpacecraftFlight.objects.create(
        id=next_id(), spacecraft=spacecraft, launch=filled["launch"], landing=filled["landing"]
    )
    target = full_station(filled)
    full_crew(filled, flight, target, day)
    return docking(day, chaser=flight, target=target, location=port(spacestation=target))


def full_crew(filled, flight, station, day):
    """An astronaut on `flight`'s crews and on `station`'s expedition under way, with a
    spacewalk and an event, every nested object filled."""
    status = m.AstronautStatus.objects.get_or_create(id=1, defaults={"name": "Active"})[0]
    kind = m.AstronautType.objects.get_or_create(id=2, defaults={"name": "Government"})[0]
    role = m.AstronautRole.objects.get_or_create(id=1, defaults={"role": "Commander"})[0]
    astronaut = m.Astronaut.objects.create(
        id=next_id(),
        name=f"Astronaut {day}",
        status=status,
        type=kind,
        agency=filled["agency"],
        image=filled["image"],
        date_of_birth=datetime(1980, 1, 1, tzinfo=UTC).date(),
        in_space=True,
    )
    astronaut.nationality.add(m.Country.objects.get(id=1))
    seat = m.AstronautFlight.objects.create(id=next_id(), role=role, astronaut=astronaut)
    for crew in (flight.launch_crew, flight.onboard_crew, flight.landing_crew):
        crew.add(seat)
    start = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=day)
    expedition = m.Expedition.objects.create(
        id=next_id(), name=f"Expedition {day}", start=start, spacestation=station
    )
    expedition.crew.add(seat)
    event = m.Event.objects.create(
        id=next_id(),
        name=f"Event {day}",
        date=start,
        image=filled["image"],
        type=m.EventType.objects.get_or_create(id=1, defaults={"name": "Spacewalk"})[0],
        date_precision=m.NetPrecision.objects.get_or_create(id=1, defaults={"name": "Hour"})[0],
    )
    event.agencies.add(filled["agency"])
    event.launches.add(filled["launch"])
    event.expeditions.add(expedition)
    event.spacestations.add(station)
    event.programs.add(filled["program"])
    event.astronauts.add(astronaut)
    spacewalk = m.Spacewalk.objects.create(
        id=next_id(),
        name=f"Spacewalk {day}",
        start=start,
        spacestation=station,
        expedition=expedition,
        spacecraft_flight=flight,
        event=event,
    )
    spacewalk.crew.add(seat)
    spacewalk.programs.add(filled["program"])
    astronaut.flights.add(filled["launch"])
    astronaut.landings.add(flight)
    astronaut.spacewalks.add(spacewalk)


def full_payload_docking(day, target=None):
    """A payload flight, every nested object filled, still docked at a port of `target` (a
    station of its own by default)."""
    filled = _filled()
    payload = m.Payload.objects.create(
        id=next_id(),
        name="Payload",
        type=m.PayloadType.objects.get_or_create(id=1, defaults={"name": "Satellite"})[0],
        manufacturer=filled["agency"],
        operator=filled["agency"],
        image=filled["image"],
    )
    payload.programs.add(filled["program"])
    flight = m.PayloadFlight.objects.create(
        id=next_id(), payload=payload, launch=filled["launch"], landing=filled["landing"]
    )
    target = target or full_station(filled, "Payload station")
    return docking(day, chaser=flight, target=target, location=port(spacestation=target))
