"""Which of a station's dockings a page or a feed shows: the years asked for (`?from=&to=`),
else a bounded default (the page's last years, the feed's newest entries), so that the work
of a request does not grow with the station's whole history."""

from datetime import UTC, datetime

from django.db.models import Max, Min, Q

from pages import feeds, occupancy
from spaceflight import models as m

# From the first satellite to far enough ahead; the range must fit a datetime either way.
FIRST_YEAR, LAST_YEAR = 1957, 2200
# A station page without `?from=&to=` shows this many years, up to the station's last docking
# or departure; a feed without them holds this many entries, the newest.
RECENT_YEARS = 5
FEED_ENTRIES = 100


def years(query):
    """`(first, last)` years of `?from=&to=` (either may be None), or ValueError saying why."""
    years = {}
    for name in ("from", "to"):
        value = query.get(name, "").strip()
        if not value:
            years[name] = None
            continue
        if not value.isascii() or not value.isdigit():
            raise ValueError(f"{name} must be a year, like 1978, not {value[:20]!r}.")
        if not FIRST_YEAR <= int(value) <= LAST_YEAR:
            raise ValueError(f"{name} must be a year from {FIRST_YEAR} to {LAST_YEAR}.")
        years[name] = int(value)
    if years["from"] and years["to"] and years["from"] > years["to"]:
        raise ValueError(f"from ({years['from']}) is after to ({years['to']}).")
    return years["from"], years["to"]


def january(year):
    return datetime(year, 1, 1, tzinfo=UTC)


def overlapping(first, last, now):
    """Conditions on events for the dockings that overlap the years first to last (one still
    docked is docked up to now)."""
    conditions = []
    if first is not None:
        start = january(first)
        docked_then = Q(departure__gte=start)
        if start <= now:
            docked_then |= Q(departure__isnull=True)
        conditions.append(docked_then)
    if last is not None:
        conditions.append(Q(docking__lt=january(last + 1)))
    return conditions


def span(dockings, first, last, now):
    """`(start, end)` of the timeline: the years asked for, and where a bound is not given,
    the dockings' span in whole months (up to now for those still docked); a year from the
    other bound when there are none; None without either."""
    start = january(first) if first is not None else None
    end = january(last + 1) if last is not None else None
    if dockings:
        if start is None:
            earliest = dockings[0].docking
            start = datetime(earliest.year, earliest.month, 1, tzinfo=UTC)
        if end is None:
            latest = max(max(d.docking, d.departure or now) for d in dockings)
            end = datetime(latest.year + latest.month // 12, latest.month % 12 + 1, 1, tzinfo=UTC)
    if start is None and end is None:
        return None
    return (start or january(end.year - 1), end or january(start.year + 1))


def life(station, docked_until):
    """`(first, last)` years of the station's dockings and departures, the last up to
    `docked_until` (now, while a vehicle is docked), or None without any."""
    found = m.DockingEvent.objects.filter(space_station_target=station).aggregate(
        first=Min("docking"), docked=Max("docking"), departed=Max("departure")
    )
    if found["first"] is None:
        return None
    last = max(filter(None, (found["docked"], found["departed"], docked_until)))
    return found["first"].year, last.year


def recent(life):
    """The default range of a station page: its last `RECENT_YEARS` years."""
    if life is None:
        return None, None
    return max(life[0], life[1] - RECENT_YEARS + 1), life[1]


def moment_in(start, end):
    """Events that docked or departed from `start` up to `end` (either may be None)."""
    docked, departed = Q(), Q(departure__isnull=False)
    if start is not None:
        docked &= Q(docking__gte=start)
        departed &= Q(departure__gte=start)
    if end is not None:
        docked &= Q(docking__lt=end)
        departed &= Q(departure__lt=end)
    return docked | departed


def entries(station, first, last):
    """A feed's entries (`feeds.moments()`): the dockings and departures in the years first to
    last, or without either the station's `FEED_ENTRIES` newest. The newest moments are among
    its newest dockings and its newest departures: one bounded query either way."""
    here = m.DockingEvent.objects.filter(space_station_target=station)
    if first is None and last is None:
        ids = here.values("id")
        docked = ids.order_by("-docking", "-id")[:FEED_ENTRIES]
        departed = ids.filter(departure__isnull=False).order_by("-departure", "-id")
        found = occupancy.dockings(Q(id__in=docked) | Q(id__in=departed[:FEED_ENTRIES]))
        return feeds.moments(found)[-FEED_ENTRIES:]
    start = january(first) if first is not None else None
    end = january(last + 1) if last is not None else None
    found = occupancy.dockings(moment_in(start, end), space_station_target=station)
    return [
        entry
        for entry in feeds.moments(found)
        if (start is None or entry[0] >= start) and (end is None or entry[0] < end)
    ]
