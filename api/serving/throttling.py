"""LL2's rate limits: anonymous callers by address, API keys by key.

A caller may make `limit` requests in a window of `duration` seconds that starts at its first
request (DRF's fixed window); a refused request is not counted. Each request is one atomic
operation on a counter every app process shares:
- with Redis, a small Lua script (one round trip), shared by every process and host;
- without Redis, or while it is down (api/serving/degrade.py), an upsert in a SQLite file that every
  process of this host shares (`THROTTLE_COUNTER_FILE`): the limits then hold per host.

The stored count stops at `limit + 1` ("at the limit, and refused"), so refusals never extend
the count, and `/api-throttle/` reports at most the limit.

A key allowed `THROTTLE_LEASE_FROM` requests or more per window takes its counts from Redis in
leases (`Leases`): a process takes a block of `lease_size(limit)` counts (at most 100, at most a
thousandth of the limit) in one round trip and counts it down in its own memory. Redis never
hands out more than the limit, so a leased key is never let past it; what other processes hold
and have not used yet is counted as used: such a key may be refused, and `/api-throttle/` may
report, up to (processes - 1) x lease requests early. Anonymous callers and smaller rates stay
exact: one atomic operation per request.
"""

import sqlite3
import threading
import time
from dataclasses import dataclass
from functools import cache

import redis
from django.conf import settings
from django.db import connection as database
from rest_framework import authentication, exceptions, throttling

from api.models import ApiKey, digest
from api.rates import parse_rate
from api.serving import lists
from api.serving.degrade import redis_guard
from api.serving.responses import request_generation


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        token = sent_token(request)
        if token is None:
            return None
        if not token:
            refuse(request, "Invalid token header.")
        api_key = known_keys.find(request, token)
        if api_key is None:
            refuse(request, "Invalid token.")
        return (None, api_key)

    def authenticate_header(self, request):
        return self.keyword


def sent_token(request):
    """The key a request sends as `Authorization: Token <key>`: None when it sends none (or
    names another scheme), "" when the header is malformed."""
    parts = authentication.get_authorization_header(request).split()
    if not parts or parts[0].lower() != ApiKeyAuthentication.keyword.lower().encode():
        return None
    return parts[1].decode(errors="replace") if len(parts) == 2 else ""


def refuse(request, detail):
    """A refused key is counted as an anonymous request of its address (DRF's throttle never
    sees it): guessing keys is no way around the anonymous limit, which answers 429."""
    found = measure(anonymous(request), count=True)
    if not found.allowed:
        raise exceptions.Throttled(found.next_use_secs)
    raise exceptions.AuthenticationFailed(detail)


class KnownKeys:
    """Keys this process looked up, each with the generation's keys token it was looked up
    in, and trusted only while it stands. Creating, changing or deleting a key replaces it
    (api/apps.py), so a revoked key is refused by every process from its next request on; a
    write to the data leaves it, so the first request after one looks up no key; and a warm
    keyed request reads nothing but the generation, which the response cache reads anyway
    (api/serving/responses.py)."""

    # Unknown keys are remembered too (a client retrying a bad key); this bounds them.
    capacity = 10_000

    def __init__(self):
        self.found = {}

    def find(self, request, key):
        token = request_generation(request).keys
        hashed = digest(key)
        seen = self.found.get(hashed)
        if seen is not None and seen[0] == token:
            return seen[1]
        if len(self.found) >= self.capacity:
            self.found.clear()
        # Written out: the ORM's query would cost a first request after a key change more than
        # the rest of its answer.
        with database.cursor() as cursor:
            cursor.execute(
                "SELECT id, name, prefix, rate FROM api_apikey WHERE digest = %s AND active",
                [hashed],
            )
            row = cursor.fetchone()
        api_key = None
        if row is not None:
            pk, name, prefix, rate = row
            api_key = ApiKey(id=pk, name=name, digest=hashed, prefix=prefix, rate=rate)
        self.found[hashed] = (token, api_key)
        return api_key


known_keys = KnownKeys()


@dataclass
class Usage:
    ident: str
    limit: int | None
    duration: int | None
    # Counts taken from Redis at a time (0: one per request, exactly).
    lease: int = 0
    current_use: int = 0
    next_use_secs: int = 0
    allowed: bool = True

    def as_ll2(self):
        return {
            "your_request_limit": self.limit,
            "limit_frequency_secs": self.duration,
            "current_use": self.current_use,
            "next_use_secs": self.next_use_secs,
            "ident": self.ident,
        }


def client_address(request):
    """The caller's address, from X-Forwarded-For behind NUM_PROXIES proxies (DRF's rule): the
    rate limits and the admin's login throttle (api/admin_login.py) read it alike. WSGI
    doesn't promise REMOTE_ADDR: callers without one share a window."""
    return throttling.BaseThrottle().get_ident(request) or "unknown"


def anonymous(request):
    return Usage(client_address(request), *parse_rate(settings.THROTTLE_ANON_RATE))


def caller(request):
    """Who is calling and at which rate."""
    return caller_with(request, request.auth)


def caller_with(request, key):
    """The caller by its key (an `ApiKey`), else by its address."""
    if not isinstance(key, ApiKey):
        return anonymous(request)
    try:
        limit, duration = parse_rate(key.rate or settings.THROTTLE_KEY_RATE)
    except ValueError:
        # Stored before rates were validated (or by a bulk update): the key's fault, not a 500.
        raise exceptions.PermissionDenied(
            f"This API key's rate {key.rate!r} is not a valid rate: ask the operator to correct it."
        ) from None
    return Usage(f"key:{key.prefix}", limit, duration, lease_size(limit))


def lease_size(limit):
    if limit < settings.THROTTLE_LEASE_FROM:
        return 0
    return max(1, min(100, limit // 1000))


# KEYS[1]: the caller's hash {start, used}; ARGV: now, duration, limit, count (1 or 0).
COUNT_IN_REDIS = """
local h = redis.call("HMGET", KEYS[1], "start", "used")
local start, used = tonumber(h[1]), tonumber(h[2]) or 0
if start == nil or start + tonumber(ARGV[2]) <= tonumber(ARGV[1]) then
  if ARGV[4] ~= "1" then return {"", 0} end
  redis.call("HSET", KEYS[1], "start", ARGV[1], "used", 1)
  redis.call("EXPIRE", KEYS[1], ARGV[2])
  return {ARGV[1], 1}
end
if ARGV[4] == "1" and used <= tonumber(ARGV[3]) then
  used = redis.call("HINCRBY", KEYS[1], "used", 1)
end
return {h[1], used}
"""


# KEYS[1]: as above; ARGV: now, duration, limit, lease. Hands out up to `lease` counts, never
# past the limit, and says how many: {start, used, granted}.
LEASE_FROM_REDIS = """
local h = redis.call("HMGET", KEYS[1], "start", "used")
local start, used = h[1], tonumber(h[2]) or 0
local limit = tonumber(ARGV[3])
if start == false or tonumber(start) + tonumber(ARGV[2]) <= tonumber(ARGV[1]) then
  start, used = ARGV[1], 0
  redis.call("HSET", KEYS[1], "start", start, "used", 0)
  redis.call("EXPIRE", KEYS[1], ARGV[2])
end
local granted = math.min(tonumber(ARGV[4]), limit - used)
if granted > 0 then
  used = redis.call("HINCRBY", KEYS[1], "used", granted)
else
  granted = 0
  if used == limit then used = redis.call("HINCRBY", KEYS[1], "used", 1) end
end
return {start, used, granted}
"""


@cache
def counters_redis(url):
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)


@cache
def _redis_script(url, script=COUNT_IN_REDIS):
    return counters_redis(url).register_script(script)


def _redis_key(ident):
    return f"{settings.CACHE_KEY_PREFIX}:throttle:{ident}"


def count_in_redis(ident, limit, duration, now, count):
    start, used = _redis_script(settings.REDIS_URL)(
        keys=[_redis_key(ident)], args=[repr(now), duration, limit, int(count)]
    )
    return (float(start) if start else None), int(used)


def lease_from_redis(ident, limit, duration, now, size):
    start, used, granted = _redis_script(settings.REDIS_URL, LEASE_FROM_REDIS)(
        keys=[_redis_key(ident)], args=[repr(now), duration, limit, size]
    )
    return float(start), int(used), int(granted)


@dataclass
class Lease:
    start: float
    end: float
    left: int


class Leases:
    """The counts this process took from Redis and has not used yet, by caller and rate: a
    lease is good until its window ends (a new window starts with a new lease). One thread of
    the process at a time takes a caller's next lease, so a process holds at most one."""

    def __init__(self):
        self.lock = threading.Lock()
        self.held = {}
        self.taking = {}

    def count(self, found, now):
        """Count this request: None when a lease in hand had a count left, else `(start,
        used)` as Redis counts them after taking a new lease (`used` past the limit: nothing
        was left to grant); `REDIS_DOWN` when Redis failed while this thread waited."""
        if self._use(found, now):
            return None
        key = (found.ident, found.limit, found.duration)
        with self.lock:
            taking = self.taking.setdefault(key, threading.Lock())
        with taking:
            if self._use(found, now):
                return None  # another thread took one meanwhile
            if redis_guard.degraded:
                return REDIS_DOWN
            start, used, granted = lease_from_redis(
                found.ident, found.limit, found.duration, now, found.lease
            )
            if granted:
                with self.lock:
                    self.held[key] = Lease(start, start + found.duration, granted - 1)
            return start, used

    def _use(self, found, now):
        with self.lock:
            lease = self.held.get((found.ident, found.limit, found.duration))
            if lease is None or lease.left <= 0 or now >= lease.end:
                return False
            lease.left -= 1
            return True

    def unused(self, found, start):
        """What this process holds unused of the window that started at `start`."""
        with self.lock:
            lease = self.held.get((found.ident, found.limit, found.duration))
            return lease.left if lease is not None and lease.start == start else 0


REDIS_DOWN = object()
leases = Leases()


_files = threading.local()


def _counter_file():
    path = str(settings.THROTTLE_COUNTER_FILE)
    connection = getattr(_files, "connections", {}).get(path)
    if connection is None:
        connection = sqlite3.connect(path, timeout=5, isolation_level=None)
        _prepare(connection)
        _files.__dict__.setdefault("connections", {})[path] = connection
    return connection


def _prepare(connection):
    """WAL, the table, and no rows older than any window. Workers starting together race
    to do this on a new file, and switching it to WAL doesn't wait for the others' locks as
    other statements do: the loser tries again."""
    deadline = time.monotonic() + 5
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS counters "
                "(ident TEXT PRIMARY KEY, start REAL NOT NULL, used INTEGER NOT NULL)"
            )
            connection.execute("DELETE FROM counters WHERE start < ?", (time.time() - 2 * 86400,))
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def count_in_file(ident, limit, duration, now, count):
    connection = _counter_file()
    if count:
        row = connection.execute(
            "INSERT INTO counters (ident, start, used) VALUES (:ident, :now, 1) "
            "ON CONFLICT (ident) DO UPDATE SET "
            "start = CASE WHEN start + :duration <= :now THEN :now ELSE start END, "
            "used = CASE WHEN start + :duration <= :now THEN 1 "
            "WHEN used <= :limit THEN used + 1 ELSE used END "
            "RETURNING start, used",
            {"ident": ident, "now": now, "duration": duration, "limit": limit},
        ).fetchone()
    else:
        row = connection.execute(
            "SELECT start, used FROM counters WHERE ident = ?", (ident,)
        ).fetchone()
    if row is None or row[0] + duration <= now:
        return None, 0
    return row


def usage(request, count=False):
    """The caller's use of its current window; with `count`, this request is counted."""
    return measure(caller(request), count)


def measure(found, count):
    if found.limit is None:
        return found
    now = time.time()
    args = (found.ident, found.limit, found.duration, now, count)
    leased = settings.REDIS_URL and found.lease and not redis_guard.degraded
    if leased and count:
        counted = redis_guard.call(lambda: leases.count(found, now), lambda: REDIS_DOWN)
        if counted is None:
            return found
        start, used = count_in_file(*args) if counted is REDIS_DOWN else counted
    elif settings.REDIS_URL:
        start, used = redis_guard.call(lambda: count_in_redis(*args), lambda: count_in_file(*args))
        if leased and start is not None:
            used -= leases.unused(found, start)
    else:
        start, used = count_in_file(*args)
    found.allowed = used <= found.limit
    found.current_use = min(used, found.limit)
    if start is not None and used >= found.limit:
        found.next_use_secs = max(0, int(start + found.duration - now + 0.999))
    return found


def admitted(request):
    """For an answer made before DRF runs (api/serving/responses.py, `warm_answer`): is the
    caller anonymous or a key this server knows, and within its limit? This request is then
    counted. False leaves the request to DRF, which refuses it as usual: a refusal counted a
    second time changes no count (see above)."""
    token = sent_token(request)
    key = known_keys.find(request, token) if token else None
    if token is not None and key is None:
        return False
    try:
        return measure(caller_with(request, key), count=True).allowed
    except exceptions.PermissionDenied:
        return False


class LL2Throttle(throttling.BaseThrottle):
    def allow_request(self, request, view):
        if lists.rendering_on_write(request):
            # A writer rendering a page again (api/serving/lists.py) asks for no caller: its
            # requests are the server's own, and would use up the anonymous limit of its host.
            return True
        self.found = usage(request, count=True)
        return self.found.limit is None or self.found.allowed

    def wait(self):
        return self.found.next_use_secs
