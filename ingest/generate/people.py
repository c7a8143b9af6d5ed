"""The rows of the people made in memory (ingest/generate/crew.py): the lookups, astronauts
with their careers, each seat as an AstronautFlight, flights' crews, expeditions, spacewalks
and the events (ingest/generate/happenings.py); written table by table in chunks."""

from datetime import timedelta

from ingest.generate.catalogue import ASTRONAUT_STATUSES, ASTRONAUT_TYPES, ROLES
from ingest.generate.happenings import write_events
from ingest.generate.rows import link, write
from spaceflight import models as m

YEAR = timedelta(days=365)


def write_people(crews, ref):
    crews.finish()
    rng, latest = crews.rng, crews.latest
    m.AstronautStatus.objects.bulk_create(
        m.AstronautStatus(id=pk, name=name) for name, pk in ASTRONAUT_STATUSES.items()
    )
    m.AstronautType.objects.bulk_create(
        m.AstronautType(id=pk, name=name) for name, pk in ASTRONAUT_TYPES.items()
    )
    m.AstronautRole.objects.bulk_create(
        m.AstronautRole(id=pk, role=name, priority=10) for name, pk in ROLES.items()
    )
    write(m.Astronaut, (astronaut(a, rng, latest, ref) for a in crews.astronauts))
    seats = [
        *(seat for visit in crews.visits for seat in visit.seats),
        *(seat for expedition in crews.expeditions for seat in expedition.crew),
        *(seat for walk in crews.walks for seat in walk.crew),
    ]
    write(
        m.AstronautFlight,
        (m.AstronautFlight(id=pk, role_id=ROLES[role], astronaut_id=a.id) for pk, role, a in seats),
    )
    write(m.Expedition, (expedition(e, ref) for e in crews.expeditions))
    walk_events = write_events(crews, ref)
    write(m.Spacewalk, (spacewalk(w, walk_events.get(w.id)) for w in crews.walks))
    links(crews, ref)


def astronaut(a, rng, latest, ref):
    """An astronaut's row: born 28 to 50 years before the first flight, or before the data's
    present for a candidate who has not flown (a mannequin never), some of those whose last
    flight is 15 years old or more dead since."""
    flights = [visit.flight for visit in a.visits]
    first = flights[0].net if flights else None
    last = flights[-1] if flights else None
    born = died = None
    if a.type != "Non-Human":
        born = ((first or latest) - rng.randrange(28 * 365, 50 * 365) * timedelta(days=1)).date()
        since = (latest - last.net).days if last else 0
        if last and last.mission_end is not None and since > 15 * 365 and rng.random() < 0.35:
            died = (last.net + timedelta(days=rng.randrange(365, since))).date()
    in_space = last is not None and last.mission_end is None
    if died:
        status = "Deceased"
    elif last is None:
        status = "In-Training"
    elif in_space or latest - last.net < 8 * YEAR:
        status = "Active"
    else:
        status = "Retired"
    return m.Astronaut(
        id=a.id,
        name=f"Astronaut {a.id}",
        status_id=ASTRONAUT_STATUSES[status],
        agency=ref.agency_named[a.agency],
        image=ref.image(a.id + 80),
        type_id=ASTRONAUT_TYPES[a.type],
        date_of_birth=born,
        date_of_death=died,
        bio=f"Astronaut {a.id} has flown {len(flights)} times.",
        wiki=f"https://wiki.example.org/astronaut/{a.id}",
        in_space=in_space,
        # A flight still in space counts up to the data's present.
        time_in_space=sum(((f.mission_end or latest) - f.net for f in flights), timedelta(0)),
        eva_time=sum((walk.duration for walk in a.walks), timedelta(0)),
        first_flight=first,
        last_flight=last.net if last else None,
        flights_count=len(flights),
        landings_count=sum(f.mission_end is not None for f in flights),
        spacewalks_count=len(a.walks),
    )


def expedition(e, ref):
    return m.Expedition(
        id=e.id, name=e.name, start=e.start, end=e.end, spacestation=e.station, mission_patches=[]
    )


def spacewalk(w, event):
    """Every other spacewalk in a program, every other with an event, one in three from a
    spacecraft (the flight of a walker)."""
    visit = w.visit
    return m.Spacewalk(
        id=w.id,
        name=f"{visit.station.name} spacewalk {w.id}",
        start=w.start,
        end=w.start + w.duration,
        duration=w.duration,
        location=f"{visit.craft} hatch" if w.id % 3 == 0 else f"{visit.station.name} airlock",
        spacestation=visit.station,
        expedition_id=visit.expedition.id,
        spacecraft_flight_id=visit.flight.id if w.id % 3 == 0 else None,
        event_id=event,
    )


def links(crews, ref):
    visits, walks = crews.visits, crews.walks
    # Each flight's crew goes up on it; back on it when it has landed, else still aboard.
    link(m.SpacecraftFlight.launch_crew, ((v.flight.id, s[0]) for v in visits for s in v.seats))
    landed = [v for v in visits if v.flight.mission_end is not None]
    link(m.SpacecraftFlight.landing_crew, ((v.flight.id, s[0]) for v in landed for s in v.seats))
    aboard = [v for v in visits if v.flight.mission_end is None]
    link(m.SpacecraftFlight.onboard_crew, ((v.flight.id, s[0]) for v in aboard for s in v.seats))
    link(m.Expedition.crew, ((e.id, s[0]) for e in crews.expeditions for s in e.crew))
    link(m.Spacewalk.crew, ((w.id, s[0]) for w in walks for s in w.crew))
    link(m.Spacewalk.programs, ((w.id, w.visit.program.id) for w in walks if w.id % 2))
    people = crews.astronauts
    link(m.Astronaut.nationality, nationalities(people, ref))
    link(
        m.Astronaut.flights,
        ((a.id, pk) for a in people for pk in dict.fromkeys(v.flight.launch_id for v in a.visits)),
    )
    link(
        m.Astronaut.landings,
        ((a.id, v.flight.id) for a in people for v in a.visits if v.flight.mission_end),
    )
    link(m.Astronaut.spacewalks, ((a.id, w.id) for a in people for w in a.walks))


def nationalities(people, ref):
    """Each human's agency's country, and every ninth's a second one."""
    for a in people:
        if a.type == "Non-Human":
            continue
        home = ref.agency_named[a.agency].id % 10
        for index in dict.fromkeys([home, a.id % 10 if a.id % 9 == 0 else home]):
            yield a.id, ref.countries[index].id
