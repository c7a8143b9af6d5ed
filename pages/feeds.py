"""A station's dockings and departures as feeds, one entry each: iCalendar (icalendar) and
Atom (feedgen); and what is next there, as iCalendar. Their times come from the data and from
the data generation, never from the clock, so the same data gives the same bytes, and so the
same ETag, in every process.

Names are written on one line and without control characters (spaceflight/text.py), whatever
is stored: icalendar refuses a line break in a name, lxml (under feedgen) a control character,
and RFC 5545 allows none but tab."""

from django.urls import reverse
from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from spaceflight.text import one_line

TITLE = "Dockings at {}"


def moments(dockings):
    """`(moment, "docked" or "departed", docking)` for each docking and departure, oldest
    first (a docking before its own departure when they are at the same moment)."""
    items = [(d.docking, "docked", d) for d in dockings]
    items += [(d.departure, "departed", d) for d in dockings if d.departure]
    return sorted(items, key=lambda item: (item[0], item[2].id, item[1] == "departed"))


def _entry(url, station_name, moment, what, docking):
    """`(uid, summary, description, link)` of one docking or departure."""
    link = url(reverse("2.3.0:docking_events-detail", args=[docking.id]))
    where = "at" if what == "docked" else "from"
    vehicle, port = one_line(docking.vehicle), one_line(docking.port.name)
    summary = f"{vehicle} {what} {where} {station_name} ({port})"
    flight = f", flight {one_line(docking.flight)}" if docking.flight else ""
    description = (
        f"{vehicle} ({docking.kind_name.lower()}{flight}) {what} {where} "
        f"{station_name}, port {port}, on {moment:%Y-%m-%d at %H:%M} UTC."
    )
    return f"{link}#{what}", summary, description, link


def calendar(url, station, entries, changed_at):
    """The iCalendar file: a VEVENT at each of the `entries` (`moments()`, or some of them),
    DTSTAMP the last write to the data."""
    feed_url = url(reverse("pages:station-ics", args=[station.pk]))
    station_name = one_line(station.name)
    cal = Calendar.new(
        prodid="-//Docking events API//Station dockings//EN",
        name=TITLE.format(station_name),
        uid=feed_url,
        url=url(reverse("pages:station", args=[station.pk])),
    )
    for moment, what, docking in entries:
        uid, summary, description, link = _entry(url, station_name, moment, what, docking)
        cal.add_component(
            Event.new(
                uid=uid,
                stamp=changed_at,
                start=moment,
                summary=summary,
                description=description,
                url=link,
            )
        )
    return cal.to_ical()


def upcoming(url, station, happenings, changed_at):
    """The iCalendar file of what is next at the station (pages/upcoming.py): a VEVENT each,
    at its date, DTSTAMP the last write to the data."""
    station_name = one_line(station.name)
    cal = Calendar.new(
        prodid="-//Docking events API//Station events to come//EN",
        name=f"Next at {station_name}",
        uid=url(reverse("pages:station-upcoming", args=[station.pk])),
        url=url(reverse("pages:station", args=[station.pk])),
    )
    for item in happenings:
        link = url(item.link)
        cal.add_component(
            Event.new(
                uid=f"{link}#{item.uid}",
                stamp=changed_at,
                start=item.when,
                summary=f"{item.what} ({item.kind}, {station_name})",
                description=f"{item.kind} at {station_name}: {item.what}.",
                url=link,
            )
        )
    return cal.to_ical()


def atom(url, station, entries, changed_at):
    """The Atom feed: an entry per moment of `entries`, newest first; the feed is updated at
    the last write."""
    feed_url = url(reverse("pages:station-atom", args=[station.pk]))
    station_name = one_line(station.name)
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(TITLE.format(station_name))
    feed.author(name="Docking events API")
    feed.language("en")
    feed.updated(changed_at)
    feed.link(href=feed_url, rel="self")
    feed.link(href=url(reverse("pages:station", args=[station.pk])), rel="alternate")
    for moment, what, docking in reversed(entries):
        uid, summary, description, link = _entry(url, station_name, moment, what, docking)
        entry = feed.add_entry(order="append")
        entry.id(uid)
        entry.title(summary)
        entry.summary(description)
        entry.link(href=link)
        entry.published(moment)
        entry.updated(moment)
    return feed.atom_str(pretty=True)
