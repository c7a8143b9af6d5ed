"""What is next at a station, and what came just before: the events we hold that name it
(dockings, undockings, spacewalks and the rest LL2 lists as events) and its spacewalks, each
once, on either side of the moment the page counts to (pages/aboard.py)."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from spaceflight import models as m
from spaceflight.text import one_line

# How many of those already past the station page shows.
RECENT = 3


@dataclass(frozen=True)
class Happening:
    uid: str
    when: datetime
    what: str
    kind: str
    link: str  # its path in the 2.3.0 API


def happenings(station):
    """Every event naming the station and every spacewalk at it with a date, by date; a
    spacewalk an event already stands for (its `event`) is not listed twice."""
    events = m.Event.objects.filter(spacestations=station, date__isnull=False).select_related(
        "type"
    )
    found = [
        Happening(
            uid=f"event-{event.pk}",
            when=event.date,
            what=one_line(event.name),
            kind=one_line(event.type.name) if event.type else "Event",
            link=reverse("2.3.0:events-detail", args=[event.pk]),
        )
        for event in events
    ]
    shown = {event.pk for event in events}
    walks = m.Spacewalk.objects.filter(spacestation=station, start__isnull=False)
    found += [
        Happening(
            uid=f"spacewalk-{walk.pk}",
            when=walk.start,
            what=one_line(walk.name),
            kind="Spacewalk",
            link=reverse("2.3.0:spacewalks-detail", args=[walk.pk]),
        )
        for walk in walks
        if walk.event_id not in shown
    ]
    return sorted(found, key=lambda item: (item.when, item.uid))


def around(station, until):
    """`(the last RECENT before until, all from until on)`."""
    every = happenings(station)
    before = [item for item in every if item.when < until]
    return before[-RECENT:], [item for item in every if item.when >= until]
