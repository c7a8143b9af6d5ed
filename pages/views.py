"""Pages for people: the stations and what is docked at each now, a station's ports and their
occupancy over time, its feeds, and the README. Made on the server and served through the API's
never-stale response cache (api/responses.py: ETag, Last-Modified, 304 and compression), with
every asset from our own static files; the Content-Security-Policy holds pages to our host."""

from datetime import UTC, datetime, timedelta
from functools import cache

import markdown
from django.conf import settings
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from markdown.extensions.tables import TableExtension

from api.responses import respond
from pages import feeds, occupancy
from pages.timeline import timeline
from spaceflight import models as m
from spaceflight.changes import generation

HTML = "text/html; charset=utf-8"
CALENDAR = "text/calendar; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
CSP = (
    "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'"
)
# From the first satellite to far enough ahead; the range must fit a datetime either way.
FIRST_YEAR, LAST_YEAR = 1957, 2200
DOCS = settings.BASE_DIR / "docs"
# Pages draw "now" (the timeline's line and open bars, durations so far): drawn again at least
# this often (seconds), besides after every write; feeds hold no "now" and wait for a write.
NOW_PERIOD = 60


def read_only(view):
    """GET and HEAD only, any other method a 405 as in the API: nothing here writes, so there
    is nothing for a CSRF check (which would answer 403 first) to protect."""
    return csrf_exempt(require_safe(view))


@read_only
def home(request):
    def build(live):
        docked = occupancy.dockings(departure__isnull=True, space_station_target__isnull=False)
        stations = [
            {"station": station, "docked": [d for d in docked if d.station_id == station.pk]}
            for station in m.SpaceStation.objects.order_by("name", "id")
        ]
        return _render("pages/home.html", {"stations": stations})

    return _page(respond(request, build, HTML, period=NOW_PERIOD))


@read_only
def station(request, pk):
    try:
        first, last = _years(request.GET)
    except ValueError as error:
        return _error(400, "Not a range of years", str(error), reverse("pages:station", args=[pk]))

    def build(live):
        the_station = m.SpaceStation.objects.get(pk=pk)
        ports = occupancy.ports(the_station)
        now = timezone.now()
        in_view = occupancy.dockings(
            *_overlapping(first, last, now), space_station_target=the_station
        )
        docked = occupancy.dockings(space_station_target=the_station, departure__isnull=True)
        span = _span(in_view, first, last, now)
        context = {
            "station": the_station,
            "zoomed": first is not None or last is not None,
            "span": span,
            "years": span and (span[0].year, (span[1] - timedelta(microseconds=1)).year),
            "first_year": FIRST_YEAR,
            "last_year": LAST_YEAR,
            "dockings": in_view,
            "rows": _docked_rows(ports, docked, now),
            "docked_count": len(docked),
            "now": now,
            "kinds": occupancy.KINDS,
        }
        if span and (ports or in_view):
            context["timeline"] = timeline(
                title=f"Occupancy of the ports of {the_station.name}, "
                f"{span[0]:%Y-%m-%d} to {span[1]:%Y-%m-%d}",
                ports=ports,
                dockings=in_view,
                start=span[0],
                end=span[1],
                now=now,
                link=lambda d: reverse("2.3.0:docking_events-detail", args=[d.id]),
            )
        return _render("pages/station.html", context)

    return _page(_unless_unknown(request, build, HTML, period=NOW_PERIOD))


@read_only
def station_ics(request, pk):
    return _unless_unknown(request, _feed(request, pk, feeds.calendar), CALENDAR)


@read_only
def station_atom(request, pk):
    return _unless_unknown(request, _feed(request, pk, feeds.atom), ATOM)


@read_only
def docs(request):
    return _page(respond(request, lambda live: _readme(), HTML))


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


def _feed(request, pk, make):
    def build(live):
        the_station = m.SpaceStation.objects.get(pk=pk)
        dockings = occupancy.dockings(space_station_target=the_station)
        return make(request.build_absolute_uri, the_station, dockings, generation()[1])

    return build


def _years(query):
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


def _january(year):
    return datetime(year, 1, 1, tzinfo=UTC)


def _overlapping(first, last, now):
    """Conditions on events for the dockings that overlap the years first to last (one still
    docked is docked up to now)."""
    conditions = []
    if first is not None:
        start = _january(first)
        docked_then = Q(departure__gte=start)
        if start <= now:
            docked_then |= Q(departure__isnull=True)
        conditions.append(docked_then)
    if last is not None:
        conditions.append(Q(docking__lt=_january(last + 1)))
    return conditions


def _span(dockings, first, last, now):
    """`(start, end)` of the timeline: the years asked for, and where a bound is not given,
    the dockings' span in whole months (up to now for those still docked); a year from the
    other bound when there are none; None without either."""
    start = _january(first) if first is not None else None
    end = _january(last + 1) if last is not None else None
    if dockings:
        if start is None:
            earliest = dockings[0].docking
            start = datetime(earliest.year, earliest.month, 1, tzinfo=UTC)
        if end is None:
            latest = max(max(d.docking, d.departure or now) for d in dockings)
            end = datetime(latest.year + latest.month // 12, latest.month % 12 + 1, 1, tzinfo=UTC)
    if start is None and end is None:
        return None
    return (start or _january(end.year - 1), end or _january(start.year + 1))


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


def _unless_unknown(request, build, content_type, period=None):
    try:
        return respond(request, build, content_type, period=period)
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
