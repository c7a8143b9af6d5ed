"""Pages for people: the stations, who is aboard and what is docked at each now, a station's
ports and their occupancy over time, what is next there, its feeds, the people in space in
open-notify's shape (`/astros.json`), and the README. Made on the server and served through the
API's never-stale response cache (api/serving/responses.py: ETag, Last-Modified, 304 and
compression), with every asset from our own static files; the Content-Security-Policy holds
pages to our host.

Each page and feed is cached by the parameters it reads, normalised (any other is ignored),
does work bounded whatever a station's history (pages/ranges.py), builds at most
`PAGE_BUILDS` cold at once per process, and counts against its address's page or feed limit
(pages/limits.py)."""

from datetime import timedelta
from functools import cache

import markdown
import orjson
from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from markdown.extensions.tables import TableExtension

from api.serving.responses import Builds, Busy, respond
from pages import aboard, feeds, occupancy, ranges, upcoming
from pages.limits import limited
from pages.timeline import timeline
from spaceflight import models as m
from spaceflight.changes import generation
from spaceflight.text import one_line

HTML = "text/html; charset=utf-8"
CALENDAR = "text/calendar; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
CSP = (
    "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'"
)
DOCS = settings.BASE_DIR / "docs"
# Pages draw "now" (the timeline's line and open bars, durations so far): drawn again at least
# this often (seconds), besides after every write; feeds hold no "now" and wait for a write.
NOW_PERIOD = 60
builds = Builds(limit=settings.PAGE_BUILDS, wait=settings.PAGE_BUILD_WAIT)


def _refused(seconds):
    response = _error(
        429,
        "Too many requests",
        f"Your address has asked for too many pages: try again in {seconds} seconds.",
        "/",
    )
    response["Retry-After"] = str(seconds)
    return response


def read_only(view, kind="page"):
    """GET and HEAD only, any other method a 405 as in the API: nothing here writes, so there
    is nothing for a CSRF check (which would answer 403 first) to protect. Within the page or
    feed limit of the caller's address."""
    return csrf_exempt(require_safe(limited(kind, _refused)(view)))


def read_only_feed(view):
    return read_only(view, kind="feed")


@read_only
def home(request):
    def build(live):
        clock = aboard.clock(timezone.now())
        docked = occupancy.dockings(departure__isnull=True, space_station_target__isnull=False)
        stations = [
            {"station": station, "docked": [d for d in docked if d.station_id == station.pk]}
            for station in m.SpaceStation.objects.order_by("name", "id")
        ]
        people = aboard.people(clock.until)
        context = {
            "stations": stations,
            "people": people,
            "where": aboard.where(people),
            "clock": clock,
        }
        return _render("pages/home.html", context)

    return _page(_respond(request, build, HTML, period=NOW_PERIOD))


@read_only
def station(request, pk):
    try:
        first, last = ranges.years(request.GET)
    except ValueError as error:
        return _error(400, "Not a range of years", str(error), reverse("pages:station", args=[pk]))

    def build(live):
        the_station = m.SpaceStation.objects.get(pk=pk)
        ports = occupancy.ports(the_station)
        clock = aboard.clock(timezone.now())
        # What happens after the data's date is not known here: counted to it (aboard.py).
        now = clock.until
        docked = occupancy.dockings(space_station_target=the_station, departure__isnull=True)
        life = ranges.life(the_station, now if docked else None)
        shown = (first, last) if first or last else ranges.recent(life)
        in_view = occupancy.dockings(
            *ranges.overlapping(*shown, now), space_station_target=the_station
        )
        span = ranges.span(in_view, *shown, now)
        context = {
            "station": the_station,
            "life": life,
            "whole_life": life is None or shown in (life, (None, None)),
            "zoomed": shown != (None, None),
            "asked": first is not None or last is not None,
            "recent_years": ranges.RECENT_YEARS,
            "span": span,
            "years": span and (span[0].year, (span[1] - timedelta(microseconds=1)).year),
            "first_year": ranges.FIRST_YEAR,
            "last_year": ranges.LAST_YEAR,
            "dockings": in_view,
            "rows": _docked_rows(ports, docked, now),
            "docked_count": len(docked),
            "now": now,
            "clock": clock,
            "kinds": occupancy.KINDS,
            "aboard": _aboard(the_station, now),
            "happenings": upcoming.around(the_station, now),
        }
        if span and (ports or in_view):
            context["timeline"] = timeline(
                title=f"Occupancy of the ports of {one_line(the_station.name)}, "
                f"{span[0]:%Y-%m-%d} to {span[1]:%Y-%m-%d}",
                ports=ports,
                dockings=in_view,
                start=span[0],
                end=span[1],
                now=now,
                link=lambda d: reverse("2.3.0:docking_events-detail", args=[d.id]),
            )
        return _render("pages/station.html", context)

    variant = {"from": first, "to": last}
    return _page(_unless_unknown(request, build, HTML, period=NOW_PERIOD, variant=variant))


@read_only_feed
def station_ics(request, pk):
    return _feed(request, pk, feeds.calendar, CALENDAR)


@read_only_feed
def station_atom(request, pk):
    return _feed(request, pk, feeds.atom, ATOM)


@read_only_feed
def station_upcoming_ics(request, pk):
    """What is next at the station, as a calendar to subscribe to."""

    def build(live):
        the_station = m.SpaceStation.objects.get(pk=pk)
        _, next_up = upcoming.around(the_station, aboard.clock(timezone.now()).until)
        return feeds.upcoming(request.build_absolute_uri, the_station, next_up, generation()[1])

    return _unless_unknown(request, build, CALENDAR, period=NOW_PERIOD)


@read_only
def astros(request):
    """The people in space now, in open-notify's shape (ours, not LL2's: see the README)."""

    def build(live):
        people = aboard.people(aboard.clock(timezone.now()).until)
        listed = sorted(people, key=lambda person: (person.craft or "", person.name))
        return orjson.dumps(
            {
                "message": "success",
                "number": len(listed),
                "people": [{"craft": person.craft, "name": person.name} for person in listed],
            }
        )

    return _respond(request, build, "application/json", period=NOW_PERIOD)


@read_only
def docs(request):
    return _page(_respond(request, lambda live: _readme(), HTML))


@read_only
def doc_file(request, name):
    """The README's images (docs/), which it names relative to the repository's root."""
    path = DOCS / name
    if not path.is_file():
        raise Http404(name)
    return FileResponse(path.open("rb"))


@cache
def _readme():
    """The README, rendered once per process: it changes with a deployment only."""
    text = (settings.BASE_DIR / "README.md").read_text()
    # Alignment as attributes: style attributes are refused by our Content-Security-Policy.
    tables = TableExtension(use_align_attribute=True)
    body = markdown.markdown(text, extensions=[tables, "fenced_code", "toc"])
    return _render("pages/docs.html", {"body": body})


def _feed(request, pk, make, content_type):
    """A feed of the station's newest entries, or with `?from=&to=` of those years."""
    try:
        first, last = ranges.years(request.GET)
    except ValueError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")

    def build(live):
        the_station = m.SpaceStation.objects.get(pk=pk)
        entries = ranges.entries(the_station, first, last)
        return make(request.build_absolute_uri, the_station, entries, generation()[1])

    variant = {"from": first, "to": last}
    return _unless_unknown(request, build, content_type, variant=variant)


def _aboard(station, now):
    """Who is aboard `station`, by the vehicle they came on, each with their time in space."""
    here = [person for person in aboard.people(now) if person.station == station]
    return [
        (
            label,
            [
                {
                    "person": person,
                    "total": person.time_in_space and _duration(person.time_in_space),
                    "mission": person.launched and _duration(now - person.launched),
                }
                for person in people
            ],
        )
        for label, people in aboard.by_vehicle(here)
    ]


def _docked_rows(ports, docked, now):
    """The "docked now" table: every port, with the dockings still there (or none)."""
    rows = []
    for port in dict.fromkeys([*ports, *(d.port for d in docked)]):
        here = [d for d in docked if d.port == port]
        rows += [{"port": port, "docking": d, "for": _duration(now - d.docking)} for d in here]
        if not here:
            rows.append({"port": port})
    return rows


def _duration(delta):
    """As pages/static/pages/live.js writes it, and as HTML's <time datetime> reads it."""
    seconds = max(int(delta.total_seconds()), 0)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    return {
        "text": f"{days} d {hours} h {minutes} min {seconds} s",
        "iso": f"P{days}DT{hours}H{minutes}M{seconds}S",
    }


def _respond(request, build, content_type, period=None, variant=None):
    """Through the response cache, keyed by what the page reads (no parameter unless said)."""
    try:
        return respond(request, build, content_type, period, variant=variant or {}, builds=builds)
    except Busy:
        response = _error(503, "Busy", "Too many pages are being made: try again soon.", "/")
        response["Retry-After"] = "5"
        return response


def _unless_unknown(request, build, content_type, period=None, variant=None):
    try:
        return _respond(request, build, content_type, period=period, variant=variant)
    except m.SpaceStation.DoesNotExist:
        return _error(404, "No such station", "There is no station with that id.", "/")


def _render(template, context):
    # No request: nothing of the caller's (session, user) may go into a cached body.
    return render_to_string(template, context).encode()


def _error(status, title, message, back):
    body = _render("pages/error.html", {"title": title, "message": message, "back": back})
    return _page(HttpResponse(body, status=status, content_type=HTML))


def _page(response):
    response["Content-Security-Policy"] = CSP
    return response
