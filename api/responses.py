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

Bodies are sent compressed where the client accepts it (api/encoding.py), each coding with an
`ETag` of its own; a cached body is compressed once per coding and kept beside the plain one.

The bodies are kept by api/cache.py; a warm response costs one small read of the token from
the database, shared with the API key lookup (api/throttling.py).
"""

import contextlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from api import cache, encoding
from api.rendering import body
from api.rendering.live import Template
from spaceflight.changes import generation


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
    first that needs it (the API key lookup, api/throttling.py, or the cache lookup)."""
    http = getattr(request, "_request", request)
    if not hasattr(http, "_generation"):
        http._generation = generation()
    return http._generation


def _key(token, request, period):
    """The cache key: the data generation, the URL, and for a body drawn at a moment (a page's
    "now"), the period of `period` seconds it was drawn in."""
    key = f"response:{token}:{request.build_absolute_uri()}"
    return key if period is None else f"{key}:{int(time.time() // period)}"


def respond(request, build, content_type="application/json", period=None):
    """The response to a GET, from the cache when it can be; `build(live)` gives the data
    (rendered as JSON, with live durations as markers when `live` is true), or the body's bytes
    already rendered (a page). A body that shows the moment it was made is made again every
    `period` seconds, besides after every write."""
    template = None
    if settings.RESPONSE_CACHE:
        token, changed_at = request_generation(request)
        key = _key(token, request, period)
        template = cache.get(key)
    if template is None:
        with snapshot():
            token, changed_at = generation()
            built = build(live=True)
            template = Template(built) if isinstance(built, bytes) else body(built)
        key = _key(token, request, period)
        if settings.RESPONSE_CACHE:
            cache.put(key, template)
    if period is not None:
        drawn = datetime.fromtimestamp(time.time() // period * period, tz=UTC)
        changed_at = max(changed_at, drawn)
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
