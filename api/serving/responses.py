"""Responses to GET: from a cache that is never stale, with conditional GET.

Every cached response is stored under the current *data generation* (spaceflight/changes.py),
a token in the database that every write replaces in its own transaction. A response cached
under an older token is never read again. A response is built inside one read-only snapshot
of the database (`snapshot`), together with the token it is cached under, so it never mixes
data from before and after a commit, and never pairs new data with an old token or old data
with a new one.

Live values are not frozen in it: a flight still in space is rendered with a marker where its
`duration` goes, and each response fills the markers in with the duration at that moment. A
response with live values carries no validators (its bytes change every microsecond); the
others get an `ETag` and `Last-Modified` (the last write), and 304 when they match, by
Django's own rules (weak comparison of `If-None-Match`, then `If-Modified-Since`).

Bodies are sent compressed where the client accepts it (api/serving/encoding.py), each coding
with an `ETag` of its own; a cached body is compressed once per coding and kept beside the plain
one.

The bodies are kept by api/serving/cache.py; a warm response reads no data: the token is what
this process was told of the last commit (spaceflight/changes.py, `current`), shared with the API
key lookup (api/serving/throttling.py).

A cold build is made once per key and process: requests for the same key that arrive during
it wait for it and take its body (`Builds`). Pages and feeds also cap how many of their cold
builds run at once in a process, so that a flood of different pages leaves the API's threads
free; a request that would wait longer than `wait` seconds for a slot is answered 503.
"""

import contextlib
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as WaitedTooLong
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from api.rendering import body, fragments
from api.rendering.live import Template
from api.serving import cache, counts, encoding, lists
from spaceflight.changes import current, generation


@contextlib.contextmanager
def snapshot():
    """One consistent, read-only view of the database for everything read inside: a
    REPEATABLE READ transaction on PostgreSQL; SQLite's transactions are snapshots already
    (in WAL mode, readers never wait for a writer)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def request_generation(request):
    """The generation as this request first read it, outside any snapshot: read once, by the
    first that needs it (the API key lookup, api/serving/throttling.py, or the cache lookup)."""
    http = getattr(request, "_request", request)
    if not hasattr(http, "_generation"):
        http._generation = current()
    return http._generation


class Busy(Exception):
    """No slot for a cold build came free in time: answer 503, try again in a few seconds."""


class Builds:
    """The cold builds running in this process: one per key, and at most `limit` at once
    (None: no cap), each waiting at most `wait` seconds for a slot or for another's build."""

    def __init__(self, limit=None, wait=10.0):
        self.slots = None if limit is None else threading.BoundedSemaphore(limit)
        self.wait = wait
        self.lock = threading.Lock()
        self.running = {}

    def run(self, key, make):
        with self.lock:
            flight = self.running.get(key)
            leading = flight is None
            if leading:
                flight = self.running[key] = Future()
        if not leading:
            try:
                return flight.result(timeout=self.wait)
            except WaitedTooLong:
                raise Busy() from None
        try:
            if self.slots is not None and not self.slots.acquire(timeout=self.wait):
                raise Busy()
            try:
                flight.set_result(make())
            finally:
                if self.slots is not None:
                    self.slots.release()
        except BaseException as error:
            flight.set_exception(error)
            raise
        finally:
            with self.lock:
                del self.running[key]
        return flight.result()


api_builds = Builds()


def _key(token, request, period, variant):
    """The cache key: the data generation, the URL, and for a body drawn at a moment (a page's
    "now"), the period of `period` seconds it was drawn in. A page or feed gives its `variant`,
    the parameters it read, normalised: any other parameter leaves the key as it is. The API's
    key is the whole URL, as its pages' `next` and `previous` links carry every parameter."""
    if variant is None:
        url = request.build_absolute_uri()
    else:
        read = sorted((name, str(value)) for name, value in variant.items() if value is not None)
        url = request.build_absolute_uri(request.path) + (f"?{urlencode(read)}" if read else "")
    key = f"response:{token}:{url}"
    return key if period is None else f"{key}:{int(time.time() // period)}"


def respond(
    request,
    build,
    content_type="application/json",
    period=None,
    variant=None,
    builds=api_builds,
    listed=False,
):
    """The response to a GET, from the cache when it can be; `build(live)` gives the data
    (rendered as JSON, with live durations as markers when `live` is true), or the body's bytes
    already rendered (a page). A body that shows the moment it was made is made again every
    `period` seconds, besides after every write. `variant` and `builds`: see above. `listed`:
    a list's page that writers render again (api/serving/lists.py)."""
    template = None
    key = None
    on_write = lists.rendering_on_write(request)
    # Kept pages are read only where responses are cached (`warm_answer`).
    listed = listed and settings.RENDER_FRAGMENTS and settings.RESPONSE_CACHE
    if settings.RESPONSE_CACHE and not on_write:
        token, changed_at, _ = request_generation(request)
        key = _key(token, request, period, variant)
        if getattr(getattr(request, "_request", request), "_missed", None) != key:
            template = cache.get(key)
    if template is None:

        def make():
            fragments.forget_built()
            with snapshot():
                token, changed_at, _ = generation()
                read = fragments.tick() if listed and on_write else None
                with counts.counted_in(token):
                    built = build(live=True)
                made = Template(built) if isinstance(built, bytes) else body(built)
            fragments.keep_built()
            key = _key(token, request, period, variant)
            if settings.RESPONSE_CACHE:
                cache.put(key, made)
            if listed:
                url = request.build_absolute_uri()
                if on_write:
                    if read is not None:
                        lists.keep(url, made, read)
                else:
                    lists.wanted(url)
            return made, key, changed_at

        if key is None or on_write:
            template, key, changed_at = make()
        else:
            template, key, changed_at = builds.run(key, make)
    if period is not None:
        drawn = datetime.fromtimestamp(time.time() // period * period, tz=UTC)
        changed_at = max(changed_at, drawn)
    return _send(request, template, key, changed_at, content_type)


# What DRF's content negotiation answers in JSON without looking further (renderers: JSON first).
JSON_ACCEPTS = {None, "*/*", "application/json"}
API_PATHS = tuple(f"/{version}/" for version in settings.REST_FRAMEWORK["ALLOWED_VERSIONS"])


def warm_answer(request):
    """The API's answer from the cache before Django resolves the URL and DRF runs the view
    (api/serving/middleware.py, `WarmAnswers`), or None: the view answers. Only a GET the view
    would answer in JSON, whose body is cached under this generation and URL (or kept in the
    database: an object's page as its fragment, a list's page whole), from a caller that is
    known and within its limit (this request counted, api/serving/throttling.py): the same
    bytes and headers as the view's answer, without its cost."""
    if (
        request.method != "GET"
        or not settings.RESPONSE_CACHE
        or not request.path.startswith(API_PATHS)
        or request.GET.get("format", "json") != "json"
        or request.headers.get("Accept") not in JSON_ACCEPTS
    ):
        return None
    token, changed_at, _ = request_generation(request)
    key = _key(token, request, None, None)
    template = cache.recent.get(key)
    if template is None:
        template = _shared(request, key)
    if template is None:
        request._missed = key  # the view need not ask the cache again
        return None
    from api.serving.throttling import admitted  # which imports this module

    if not admitted(request):
        return None
    response = _send(request, template, key, changed_at, "application/json")
    # As DRF's view finishes its answer (`finalize_response`): the methods, and the renderers' Vary.
    response["Allow"] = "GET"
    patch_vary_headers(response, ["Accept"])
    return response


def _shared(request, key):
    """What another process made for `key`: an object's page is its kept fragment (read from
    the database as fast as from Redis); a list's page is in Redis first (its writer put it
    there, its ETag and live values found, which costs less to take than the database's
    bytes), then kept in the database (api/serving/lists.py)."""
    kept = settings.RENDER_FRAGMENTS
    object_key = fragments.detail_key(request) if kept else None
    if object_key is not None:
        template = _made(key, fragments.detail(request, object_key))
        if template is not None:
            return template
    template = cache.get(key)
    if template is None and kept and object_key is None:
        page = fragments.kept_list(request)
        template = None if page is None else _made(key, *page)
    return template


def _made(key, body, etag=None):
    """`body`, kept in the database, as a template in this process's memory."""
    if body is None:
        return None
    template = Template(body, etag)
    cache.recent.put(key, template)
    return template


def _send(request, template, key, changed_at, content_type):
    """The response with `template`'s body: conditional, in the coding the client takes."""
    coding = encoding.chosen(request, template.size)
    if template.etag is None:
        response = _response(template, coding, key, content_type)
    else:
        etag = template.etag if coding is None else f'{template.etag[:-1]}-{coding}"'
        last_modified = int(changed_at.timestamp())
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = _response(template, coding, key, content_type)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _response(template, coding, key, content_type):
    if coding is None:
        return HttpResponse(template.fill(), content_type=content_type)
    if template.etag is None:
        data = encoding.COMPRESS[coding](template.fill())
    else:
        data = template.encoded.get(coding)
        if data is None:
            data = template.encoded[coding] = encoding.COMPRESS[coding](template.fill())
            if settings.RESPONSE_CACHE:
                cache.put(key, template)  # the other processes need not compress it again
    response = HttpResponse(data, content_type=content_type)
    response["Content-Encoding"] = coding
    return response
