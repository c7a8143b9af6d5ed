"""A response cache that is never stale, and conditional GET.

Every cached response is stored under the current *data generation* (spaceflight/changes.py),
a token in the shared cache that every write replaces after its transaction commits and before
the write is reported done. A response cached under an older token is never read again.

Live values are not frozen in it: a flight still in space is rendered with a marker where its
`duration` goes, and each response fills the markers in with the duration at that moment. A
response with live values carries no validators (its bytes change every microsecond); the
others get an `ETag` and `Last-Modified` (the last write), and 304 when they match.

Each process keeps the responses it served most recently in memory too, under the same
generation token, so a warm response costs one small read of the token from Redis.
"""

import hashlib
import re
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

import isodate
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe

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


def respond(request, build):
    """The JSON response to a GET, from the cache when it can be; `build(live)` gives the
    data, with live durations as markers when `live` is true."""
    token, changed_at = generation()
    key = f"response:{token}:{request.build_absolute_uri()}"
    template = None
    if settings.RESPONSE_CACHE:
        template = recent.get(key)
        if template is None:
            template = cache.get(key)
            if template is not None:
                recent.put(key, template)
    if template is None:
        template = Template(ORJSONRenderer().render(build(live=True)))
        if settings.RESPONSE_CACHE:
            cache.set(key, template, timeout=settings.RESPONSE_CACHE_SECONDS)
            recent.put(key, template)
    if template.etag is None:
        return HttpResponse(template.fill(), content_type="application/json")
    # The time of the last write is only known to every process with a shared cache.
    last_modified = int(changed_at) if settings.RESPONSE_CACHE else None
    if _not_modified(request, template.etag, last_modified):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(template.fill(), content_type="application/json")
    response["ETag"] = template.etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


def _not_modified(request, etag, last_modified):
    match = request.headers.get("If-None-Match")
    if match is not None:
        return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    return last_modified is not None and since is not None and since >= last_modified
