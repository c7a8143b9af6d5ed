"""The events beside the docking events (LL2's /events/): each crew's arrival, every other
spacewalk, the planned departure of the crews of an expedition with an end still to come, and
press events, past and to come; linked to what they concern, with LL2's link lists."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ingest.generate.catalogue import EVENT_TYPES
from ingest.generate.crew import PLANNED
from ingest.generate.rows import link, write
from spaceflight import models as m

ENGLISH = {"id": 1, "name": "English", "code": "en"}


@dataclass(eq=False)
class Happening:
    name: str
    type: str
    date: datetime
    location: str
    duration: timedelta | None = None
    launches: list = field(default_factory=list)
    stations: list = field(default_factory=list)
    expeditions: list = field(default_factory=list)
    astronauts: list = field(default_factory=list)
    programs: list = field(default_factory=list)
    agencies: list = field(default_factory=list)


def write_events(crews, ref):
    """The events' rows and relations; returns the event of each spacewalk that has one."""
    m.EventType.objects.bulk_create(
        m.EventType(id=pk, name=name) for name, pk in EVENT_TYPES.items()
    )
    happenings, of_walk = [], {}
    for visit in crews.visits:
        happenings.append(
            Happening(
                f"{visit.craft} docking to {visit.station.name}",
                "Docking",
                visit.docking,
                visit.station.name,
                timedelta(hours=2),
                launches=[visit.flight.launch_id],
                stations=[visit.station.id],
                expeditions=[visit.expedition.id],
                astronauts=[a.id for _, _, a in visit.seats],
                programs=[visit.program.id],
                agencies=[ref.agency_named[visit.agency].id],
            )
        )
    for walk in crews.walks:
        if walk.id % 2 == 0:
            of_walk[walk.id] = len(happenings) + 1
            happenings.append(
                Happening(
                    f"Spacewalk {walk.id}",
                    "EVA",
                    walk.start,
                    walk.visit.station.name,
                    walk.duration,
                    stations=[walk.visit.station.id],
                    expeditions=[walk.visit.expedition.id],
                    astronauts=[a.id for _, _, a in walk.crew],
                )
            )
    for expedition in crews.expeditions:
        if expedition.final and expedition.end is not None:
            happenings.append(
                Happening(
                    f"{expedition.name} crew departure",
                    "Undocking",
                    expedition.end,
                    expedition.station.name,
                    stations=[expedition.station.id],
                    expeditions=[expedition.id],
                    astronauts=list(dict.fromkeys(a.id for _, _, a in expedition.crew)),
                )
            )
    happenings += press(crews, ref)
    write(m.Event, (event(pk, h, crews.latest, ref) for pk, h in enumerate(happenings, 1)))
    for relation, key in (
        (m.Event.launches, "launches"),
        (m.Event.spacestations, "stations"),
        (m.Event.expeditions, "expeditions"),
        (m.Event.astronauts, "astronauts"),
        (m.Event.programs, "programs"),
        (m.Event.agencies, "agencies"),
    ):
        link(relation, ((pk, o) for pk, h in enumerate(happenings, 1) for o in getattr(h, key)))
    return of_walk


def press(crews, ref):
    """Press events, one per 40 crews (four at least), from three years before the last
    docking to the planned ends still to come, each of two agencies."""
    count = max(4, len(crews.visits) // 40)
    first = (crews.latest or datetime(2020, 1, 1, tzinfo=UTC)) - 3 * timedelta(days=365)
    step = (3 * timedelta(days=365) + PLANNED) / count
    return [
        Happening(
            f"Press conference {n}",
            "Press Event",
            first + step * n,
            "Houston",
            timedelta(hours=1),
            programs=[ref.programs[n % len(ref.programs)].id],
            agencies=[ref.agency(n).id, ref.agency(n + 3).id],
        )
        for n in range(count)
    ]


def event(pk, h, latest, ref):
    """An event's row: every other with a video link, one in three with a news link, in
    LL2's shape; updated after it happened, or at the data's present when still to come."""
    latest = latest or h.date
    return m.Event(
        id=pk,
        name=h.name,
        slug=f"event-{pk}",
        type_id=EVENT_TYPES[h.type],
        description=f"{h.name}.",
        webcast_live=pk % 4 == 0,
        location=h.location,
        date=h.date,
        date_precision=ref.precisions[pk % len(ref.precisions)],
        duration=h.duration,
        image=ref.image(pk + 90),
        last_updated=min(h.date, latest) + timedelta(hours=1),
        info_urls=[info_url(pk, h)] if pk % 3 == 0 else [],
        vid_urls=[vid_url(pk, h)] if pk % 2 == 0 else [],
    )


def info_url(pk, h):
    return {
        "priority": 10,
        "source": "news.example.org",
        "title": h.name,
        "description": f"About {h.name}.",
        "feature_image": None,
        "url": f"https://news.example.org/events/{pk}",
        "type": {"id": 1, "name": "Official Page"},
        "language": ENGLISH,
    }


def vid_url(pk, h):
    start = h.date.astimezone(UTC)
    end = start + (h.duration or timedelta(hours=1))
    return {
        "priority": 10,
        "source": "video.example.org",
        "publisher": "Example Video",
        "title": h.name,
        "description": f"{h.name}, live.",
        "feature_image": f"https://images.example.org/events/{pk}.jpg",
        "url": f"https://video.example.org/events/{pk}",
        "type": {"id": 1, "name": "Official Webcast"},
        "language": ENGLISH,
        "start_time": start.isoformat().replace("+00:00", "Z"),
        "end_time": end.isoformat().replace("+00:00", "Z"),
        "live": False,
    }
