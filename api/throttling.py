"""LL2's rate limits: anonymous callers by address, API keys by key, counted in the cache.

A caller may make `limit` requests in a window of `duration` seconds that starts at its first
request. The counters are cache entries updated with atomic operations (`add`, `incr`), so app
processes that share a Redis cache share the counts.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from rest_framework import authentication, exceptions, throttling

from api.models import ApiKey

DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """`"15/hour"` → `(15, 3600)`; an empty rate means no limit."""
    if not rate:
        return None, None
    count, period = rate.split("/")
    return int(count), DURATIONS[period.strip()[0]]


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header.")
        api_key = ApiKey.find(parts[1].decode(errors="replace"))
        if api_key is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return (None, api_key)

    def authenticate_header(self, request):
        return self.keyword


@dataclass
class Usage:
    ident: str
    limit: int | None
    duration: int | None
    current_use: int = 0
    next_use_secs: int = 0

    def as_ll2(self):
        return {
            "your_request_limit": self.limit,
            "limit_frequency_secs": self.duration,
            "current_use": self.current_use,
            "next_use_secs": self.next_use_secs,
            "ident": self.ident,
        }


def caller(request):
    """Who is calling and at which rate."""
    if isinstance(request.auth, ApiKey):
        key = request.auth
        limit, duration = parse_rate(key.rate or settings.THROTTLE_KEY_RATE)
        return Usage(f"key:{key.prefix}", limit, duration)
    ident = throttling.BaseThrottle().get_ident(request)
    limit, duration = parse_rate(settings.THROTTLE_ANON_RATE)
    return Usage(ident, limit, duration)


def usage(request, count=False):
    """The caller's use of its current window; with `count`, this request is counted."""
    found = caller(request)
    if found.limit is None:
        return found
    now = time.time()
    start_key = f"throttle:{found.ident}:start"
    if count:
        cache.add(start_key, now, timeout=found.duration)
    start = cache.get(start_key)
    if start is None:
        return found
    count_key = f"throttle:{found.ident}:{start}"
    if count:
        cache.add(count_key, 0, timeout=found.duration)
        try:
            found.current_use = cache.incr(count_key)
        except ValueError:
            # The window ended between the two calls: this request opens the next one.
            found.current_use = 1
    else:
        found.current_use = cache.get(count_key, 0)
    if found.current_use >= found.limit:
        found.next_use_secs = max(0, int(start + found.duration - now + 0.999))
    return found


class LL2Throttle(throttling.BaseThrottle):
    def allow_request(self, request, view):
        self.found = usage(request, count=True)
        return self.found.limit is None or self.found.current_use <= self.found.limit

    def wait(self):
        return self.found.next_use_secs
