"""What the fault tests (tests/test_faults_*.py) share: when they run, the servers'
environment, what a health check or a page should say, and the figures they measure.

They run on the production-stack pass only (DATABASE_URL on PostgreSQL and REDIS_URL set, as in
the second pass of .ci/run), on a machine that can start its own Redis and PostgreSQL 15 (as
root, through the postgres user): the shared servers the rest of the suite uses are never
stopped. Everything listens on 127.0.0.1; every load is bounded in time and requests; every
server, cluster and database started here is stopped or dropped here. The figures measured are
printed (`pytest -s`) and summed up at the end of each module.
"""

import json
import os
import time

from tools.faults import missing_requirements
from tools.servers import server_env

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")


def skip_reason():
    if not (DATABASE_URL.startswith("postgres") and REDIS_URL):
        return "needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): the production-stack pass"
    missing = missing_requirements()
    return missing and f"the fault tests start their own Redis and PostgreSQL: {missing}"


SKIP = skip_reason()

PREFIX = f"docking_faults_{os.getpid()}"
EVENTS = 200  # in pages A and B
# The fault servers run on PostgreSQL: each process says it LISTENs for new generations
# (spaceflight/changes.py); a Redis down changes nothing of that.
OK = {"database": "ok", "counters": "ok", "cache": "ok", "generation": "listening", "status": "ok"}
DEGRADED = {
    "database": "ok",
    "counters": "unavailable",
    "cache": "unavailable",
    "generation": "listening",
    "status": "degraded",
}
UNAVAILABLE = {"detail": "The database is not available right now; try again shortly."}


def listed(figures):
    return ", ".join(f"{key}={value}" for key, value in figures.items())


class Figures:
    """What a module's tests measured: each printed as it comes, all summed up at the end of the
    module by `summary()`, the body of the module's autouse fixture."""

    def __init__(self):
        self.measured = []

    def report(self, test, **figures):
        self.measured.append((test, figures))
        print(f"\n[faults] {test}: " + listed(figures))

    def summary(self):
        started = time.monotonic()
        yield
        if self.measured:
            print(f"\n== fault tests: figures measured ({time.monotonic() - started:.0f} s) ==")
            for test, figures in self.measured:
                print(f"  {test}: " + listed(figures))


def env_for(database_url, redis=None, **overrides):
    """A server's (and manage.py's) environment: two granian workers, no rate limit unless
    asked, Redis only when one of ours is given."""
    env = server_env(
        DATABASE_URL=database_url,
        WEB_CONCURRENCY="2",
        THROTTLE_ANON_RATE="",
        CACHE_KEY_PREFIX=PREFIX,
    )
    if redis is not None:
        # One server for both: its faults are the counters' and the response cache's.
        env["REDIS_URL"] = env["CACHE_REDIS_URL"] = redis.url
    env.update(overrides)
    return env


def body(answer):
    try:
        return json.loads(answer.body)
    except ValueError:
        return None


def server_errors(answers):
    return [a for a in answers if a.status >= 500]


def statuses(answers):
    counts = {}
    for answer in answers:
        counts[answer.status] = counts.get(answer.status, 0) + 1
    return dict(sorted(counts.items()))


def signature(event):
    """What tells A from B in an event of a list page: its departure (the page's own query),
    its docking location's name (the loader's first round) and that location's station's
    image's license (its last rounds)."""
    location = event["docking_location"] or {}
    station = location.get("spacestation") or {}
    license = (station.get("image") or {}).get("license") or {}
    return event["departure"], location.get("name"), license.get("name")


def versions(page, expected):
    """Which import(s) a list page shows: {"A"}, {"B"}, or a torn mix ("?": neither)."""
    found = set()
    for event in page["results"]:
        shown = signature(event)
        found.add(next((v for v in ("A", "B") if expected[v].get(event["id"]) == shown), "?"))
    return found


def event_urls(base, pages):
    """A mix of cold and warm reads: small pages at every offset, details, a full page, the
    2.2.0 shape and the throttle status."""
    ids = sorted(pages.expected["A"])

    def url_for(number):
        kind = number % 5
        if kind == 0:
            return f"{base}/2.3.0/docking_events/?limit=5&offset={number % EVENTS}&format=json"
        if kind == 1:
            return f"{base}/2.3.0/docking_events/{ids[number % len(ids)]}/?format=json"
        if kind == 2:
            return f"{base}/2.3.0/docking_events/?limit=100&format=json"
        if kind == 3:
            return f"{base}/2.2.0/docking_event/?limit=10&offset={number % 50}&format=json"
        return f"{base}/2.3.0/api-throttle/?format=json"

    return url_for
