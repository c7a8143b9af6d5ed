"""A response cache that is never stale, and conditional GET.

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

Each process keeps the responses it served most recently in memory; with Redis they are shared
between processes too. A warm response costs one small read of the token from the database.
Redis is a speed-up, not a dependency: when it fails, responses are built without it
(api/degrade.py).
"""

import contextlib
import hashlib
import re
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

import isodate
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from api.degrade import redis_guard
from api.renderers import ORJSONRenderer
from spaceflight.changes import generation

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
LIVE = re.compile(rb'"\\u0000live:(-?\d+)"')


def live_marker(start):
    """What the renderer writes for a live duration: the start, in whole microseconds."""
    return f"\x00live:{(start - EPOCH) // MICROSECOND}"


class Template:
    """A rendered body cut at its live durations: `parts[0] start parts[1] start ...`."""

    def __init__(self, body):
        pieces = LIVE.split(body)
        self.parts = pieces[0::2]
        self.size = len(body)
        self.starts = [EPOCH + int(us) * MICROSECOND for us in pieces[1::2]]
        self.etag = None if self.starts else f'"{hashlib.sha1(body).hexdigest()}"'

    def fill(self):
        if not self.starts:
            return self.parts[0]
        now = timezone.now()
        out = [self.parts[0]]
        for start, part in zip(self.starts, self.parts[1:], strict=True):
            out.append(b'"' + isodate.duration_isoformat(now - start).encode() + b'"')
            out.append(part)
        return b"".join(out)


class Recent:
    """The last responses this process served, by key, within a memory budget in bytes."""

    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self.items = OrderedDict()

    def get(self, key):
        item = self.items.get(key)
        if item is not None:
            self.items.move_to_end(key)
        return item

    def put(self, key, template):
        if key in self.items:
            self.used -= self.items.pop(key).size
        self.items[key] = template
        self.used += template.size
        while self.used > self.budget and self.items:
            self.used -= self.items.popitem(last=False)[1].size


recent = Recent(budget=settings.RESPONSE_MEMORY_BYTES)


def _shared_get(key):
    if not settings.REDIS_URL:
        return None
    return redis_guard.call(lambda: caches["default"].get(key), lambda: None)


def _shared_set(key, template):
    if settings.REDIS_URL:
        timeout = settings.RESPONSE_CACHE_SECONDS
        redis_guard.call(lambda: caches["default"].set(key, template, timeout), lambda: None)


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


def _key(token, request):
    return f"response:{token}:{request.build_absolute_uri()}"


def respond(request, build):
    """The JSON response to a GET, from the cache when it can be; `build(live)` gives the
    data, with live durations as markers when `live` is true."""
    template = None
    if settings.RESPONSE_CACHE:
        token, changed_at = generation()
        key = _key(token, request)
        template = recent.get(key)
        if template is None:
            template = _shared_get(key)
            if template is not None:
                recent.put(key, template)
    if template is None:
        with snapshot():
            token, changed_at = generation()
            template = Template(ORJSONRenderer().render(build(live=True)))
        if settings.RESPONSE_CACHE:
            key = _key(token, request)
            recent.put(key, template)
            _shared_set(key, template)
    if template.etag is None:
        return HttpResponse(template.fill(), content_type="application/json")
    last_modified = int(changed_at.timestamp())
    response = get_conditional_response(request, etag=template.etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(template.fill(), content_type="application/json")
    response["ETag"] = template.etag
    response["Last-Modified"] = http_date(last_modified)
    return response
