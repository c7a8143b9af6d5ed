"""Mirroring an LL2-compatible server: paging through its docking events within its limits.

A run follows a plan of queries (paths with filters), page by page. Each page is imported by
the same `Importer` as `import_ll2`, in its own transaction together with the run's progress,
so a run stopped anywhere (budget spent, upstream down, Ctrl-C) resumes at the first page that
was not written, and a page that fails validation leaves nothing of itself behind.

What a run asks for:
- `--full` (and the first run): every docking event in 2.3.0's detailed shape, the same in
  2.2.0's detailed shape (it alone carries the full spacecraft configuration and agency the
  older versions show), every docking location, and the stations, spacecraft flights,
  spacecraft and payload flights from their own endpoints (what only their own pages show).
  Then what the mirrored events reference (ingest/references.py), from their own endpoints in
  their detailed shapes, each step planned when the steps before it are written: the launches
  of their flights (a page per `page_size` of them, by LL2's `id` list filter), the agencies
  those launches, configurations, payloads and stations link to (one request each: LL2's
  agency `id` filter takes one id), and the spacecraft and launcher configurations no agency
  page lists (one detail request each; an agency's own page lists the configurations it makes,
  and a detailed launch its rocket's, in the shape of their own endpoints).
- Otherwise, incremental: the events still docked (their departure is what changes), the
  events docked since the latest docking already mirrored, less a margin, the stations (their
  crew and size) and the spacecraft in space. LL2 has no
  last-modified field for docking events, so an edit to an event that departed before that
  point (a corrected time, refreshed spacecraft statistics) is only picked up by `--full`.
  An upstream that ignores the `docked` filter (a page of still-docked events holds one that
  departed) would make that incomplete: the run then turns into a full one.
"""

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ingest import references
from ingest.fields import InvalidObject
from ingest.models import SyncState
from ingest.upsert import Importer
from spaceflight.changes import data_changed
from spaceflight.models import DockingEvent
from spaceflight.statistics import derive

EVENTS_2_3_0 = "/2.3.0/docking_events/"
EVENTS_2_2_0 = "/2.2.0/docking_event/"
LOCATIONS = "/2.3.0/config/docking_locations/"
STATIONS = "/2.3.0/space_stations/"
FLIGHTS = "/2.3.0/spacecraft_flights/"
SPACECRAFT = "/2.3.0/spacecraft/"
PAYLOAD_FLIGHTS = "/2.3.0/payload_flights/"
THROTTLE = "/2.3.0/api-throttle/"
LAUNCHES = "/2.3.0/launches/"
AGENCIES = "/2.3.0/agencies/"
SPACECRAFT_CONFIGS = "/2.3.0/spacecraft_configurations/"
LAUNCHER_CONFIGS = "/2.3.0/launcher_configurations/"
# The steps that fetch what the mirrored events reference: planned when reached (below), and
# an upstream without one of these endpoints (an older instance of this server) skips it.
REFERENCED = (LAUNCHES, AGENCIES, SPACECRAFT_CONFIGS, LAUNCHER_CONFIGS)
DETAIL = re.compile(r"/\d+/$")


class SyncStopped(Exception):
    """The run stopped before the end; its progress is saved and the next run resumes."""


class BudgetSpent(SyncStopped):
    pass


class Misconfigured(Exception):
    """An option or an answer that asking again will not change (a base URL without a scheme,
    a refused API key, a path the upstream does not have): the run stops, `--loop` too."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


@dataclass
class Upstream:
    """HTTP to the upstream: API key, request budget, retries, and waiting as it asks."""

    base_url: str
    api_key: str = ""
    max_requests: int | None = None
    retries: int = 5
    timeout: float = 60
    sleep: object = time.sleep
    requests_used: int = 0
    slept: float = 0
    throttle_supported: bool = True
    # Called with each line worth showing an operator at once (a wait, a change of plan).
    say: object = None

    def __post_init__(self):
        parts = urllib.parse.urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Misconfigured(
                f"the base URL {self.base_url!r} is not an http(s) URL: "
                f"try https://{self.base_url.split('://')[-1]}"
            )

    def tell(self, line):
        if self.say:
            self.say(line)

    def url(self, path, params=None):
        query = f"?{urllib.parse.urlencode(sorted(params.items()))}" if params else ""
        return f"{self.base_url.rstrip('/')}{path}{query}"

    def wait(self, seconds, why):
        self.tell(f"waiting {seconds:.0f} s: {why}")
        self.sleep(seconds)
        self.slept += seconds

    def get(self, path, params=None):
        """The JSON at `path`; 429 waits as told, 5xx and timeouts are retried with backoff."""
        url = self.url(path, params)
        failures = 0
        while True:
            if self.max_requests is not None and self.requests_used >= self.max_requests:
                raise BudgetSpent(f"the budget of {self.max_requests} requests is spent")
            self.requests_used += 1
            request = urllib.request.Request(url, headers={"Accept": "application/json"})
            if self.api_key:
                request.add_header("Authorization", f"Token {self.api_key}")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body = response.read()
            except urllib.error.HTTPError as error:
                if error.code == 429:
                    retry_after = error.headers.get("Retry-After", "60")
                    self.wait(float(retry_after) if retry_after.isdigit() else 60, f"429 {url}")
                    continue
                if error.code < 500:
                    raise Misconfigured(self.refusal(url, error), error.code) from None
                problem = f"HTTP {error.code}"
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                problem = f"{error.__class__.__name__}: {getattr(error, 'reason', error)}"
            else:
                try:
                    return json.loads(body)
                except ValueError as error:
                    raise SyncStopped(f"{url}: not JSON: {error}") from None
            failures += 1
            if failures > self.retries:
                raise SyncStopped(f"{url}: {problem}, {failures} times: giving up for now")
            self.wait(2 ** (failures - 1), f"{problem} on {url}")

    def refusal(self, url, error):
        if error.code in (401, 403):
            if self.api_key:
                return f"{url}: HTTP {error.code}: the upstream refused the API key"
            return f"{url}: HTTP {error.code}: the upstream wants an API key (--api-key)"
        if error.code == 404:
            return f"{url}: HTTP 404: the upstream has no such path; is the base URL right?"
        return f"{url}: HTTP {error.code}: {error.read()[:300]!r}"

    def respect_limit(self):
        """Ask the upstream how much of its limit is left; wait when none is."""
        if not self.throttle_supported:
            return
        try:
            status = self.get(THROTTLE)
        except Misconfigured as error:
            # An upstream without a throttle endpoint (an older server): 429s still pace us.
            if error.status != 404:
                raise
            self.throttle_supported = False
            return
        limit, used = status.get("your_request_limit"), status.get("current_use", 0)
        if limit is not None and used >= limit and status.get("next_use_secs", 0) > 0:
            self.wait(status["next_use_secs"], f"{used} of {limit} requests used upstream")


def referenced(step, page_size):
    """The queries of a step that fetches what the mirrored events reference, planned from
    what the database holds when the run reaches it (so from what the steps before wrote)."""
    detailed = {"mode": "detailed"}
    if step == "launches":
        ids = references.launches()
        return [
            [LAUNCHES, {**detailed, "id": ",".join(ids[at : at + page_size])}]
            for at in range(0, len(ids), page_size)
        ]
    if step == "agencies":
        return [[AGENCIES, {**detailed, "id": str(pk)}] for pk in references.agencies()]
    if step == "spacecraft_configs":
        unlisted = references.unlisted_spacecraft_configs()
        return [[f"{SPACECRAFT_CONFIGS}{pk}/", {}] for pk in unlisted]
    if step == "launcher_configs":
        unlisted = references.unlisted_launcher_configs()
        return [[f"{LAUNCHER_CONFIGS}{pk}/", {}] for pk in unlisted]
    raise ValueError(f"unknown step {step!r}")


def plan(state, full, since, margin):
    """The queries of a new run: `(path, params)` pairs."""
    detailed = {"mode": "detailed", "ordering": "docking"}
    if since is None and state.high_water is not None:
        since = state.high_water - margin
    by_id = {"mode": "detailed", "ordering": "id"}
    if full or since is None:
        return [
            [EVENTS_2_3_0, detailed],
            [EVENTS_2_2_0, detailed],
            [LOCATIONS, {"ordering": "id"}],
            [STATIONS, by_id],
            [FLIGHTS, by_id],
            [SPACECRAFT, by_id],
            [PAYLOAD_FLIGHTS, by_id],
            # What the events reference: planned when reached (`expand`).
            [LAUNCHES, {"referenced": "launches"}],
            [AGENCIES, {"referenced": "agencies"}],
            [SPACECRAFT_CONFIGS, {"referenced": "spacecraft_configs"}],
            [LAUNCHER_CONFIGS, {"referenced": "launcher_configs"}],
        ]
    after = {**detailed, "docking__gte": since.strftime("%Y-%m-%dT%H:%M:%SZ")}
    return [
        [EVENTS_2_3_0, {**detailed, "docked": "true"}],
        [EVENTS_2_3_0, after],
        [EVENTS_2_2_0, after],
        # What changes while nothing docks: a station's crew and size, a spacecraft in space.
        [STATIONS, by_id],
        [SPACECRAFT, {**by_id, "in_space": "true"}],
    ]


class Mirror:
    def __init__(self, upstream, page_size=100, progress=None):
        self.upstream = upstream
        self.page_size = page_size
        self.progress = progress
        self.importer = Importer()
        self.pages = 0
        self.notes = []

    def run(self, full=False, since=None, margin=timedelta(days=7)):
        """One run: resume the unfinished one, or start a new one. Raises SyncStopped or
        Misconfigured."""
        state, _ = SyncState.objects.get_or_create(base_url=self.upstream.base_url)
        if not state.in_progress or full or since is not None:
            self.start(state, plan(state, full, since, margin))
        while state.query_index < len(state.queries):
            path, params = state.queries[state.query_index]
            if "referenced" in params:
                self.expand(state, referenced(params["referenced"], self.page_size))
                continue
            self.upstream.respect_limit()
            detail = bool(DETAIL.search(path))
            paged = {**params, "limit": self.page_size, "offset": state.offset}
            try:
                page = self.upstream.get(path, params if detail else paged)
            except Misconfigured as error:
                if error.status != 404 or not path.startswith(REFERENCED):
                    raise
                self.skip(state, path, detail)
                continue
            if params.get("docked") == "true" and departed(page):
                note = "the upstream ignores the docked filter: a full run instead"
                self.upstream.tell(note)
                self.notes.append(note)
                self.start(state, plan(state, True, None, margin))
                continue
            self.write(state, page, path, params)
        state.queries, state.query_index, state.offset = [], 0, 0
        state.high_water = DockingEvent.objects.aggregate(Max("docking"))["docking__max"]
        state.last_completed = timezone.now()
        state.save()

    def expand(self, state, queries):
        """Put a step's planned queries in its place (saved: a resumed run asks the same)."""
        at = state.query_index
        state.queries = state.queries[:at] + queries + state.queries[at + 1 :]
        state.offset = 0
        state.save()

    def skip(self, state, path, detail):
        """A 404 where the run asks for what the events reference: the upstream lacks that
        endpoint (every query of the step is skipped), or no longer has that one object."""
        if detail:
            note = f"the upstream has no {path}: skipped"
            state.query_index += 1
        else:
            note = f"the upstream has no {path}: that step was skipped"
            while (
                state.query_index < len(state.queries)
                and state.queries[state.query_index][0] == path
            ):
                state.query_index += 1
        state.offset = 0
        state.save()
        self.upstream.tell(note)
        self.notes.append(note)

    def start(self, state, queries):
        state.queries = queries
        state.query_index, state.offset = 0, 0
        state.run_started = timezone.now()
        state.save()

    def write(self, state, page, path, params):
        detail = bool(DETAIL.search(path))
        if detail:
            if not isinstance(page, dict):
                raise SyncStopped(f"{self.upstream.url(path, params)}: not an object")
            where = self.upstream.url(path, params)
        else:
            if not isinstance(page, dict) or not isinstance(page.get("results"), list):
                raise SyncStopped(f"{self.upstream.url(path, params)}: not a list page")
            where = f"{self.upstream.url(path, {**params, 'offset': state.offset})}"
        self.importer.captured_at = timezone.now()
        before = self.importer.snapshot()
        try:
            with transaction.atomic():
                self.importer.import_document(page, request_path=path)
                if not detail and page.get("next"):
                    state.offset += len(page["results"])
                else:
                    state.query_index, state.offset = state.query_index + 1, 0
                state.save()
                derive()
                data_changed()
        except InvalidObject as error:
            self.importer.restore(before)
            raise SyncStopped(f"{where}: {error}; nothing of this page was written") from None
        self.pages += 1
        if self.progress:
            if detail:
                self.progress(path, 0, 1, 1)
            else:
                self.progress(path, state.offset, page.get("count"), len(page["results"]))


def departed(page):
    """Whether a page of still-docked events holds one that departed."""
    results = page.get("results") if isinstance(page, dict) else None
    return isinstance(results, list) and any(
        isinstance(event, dict) and event.get("departure") for event in results
    )
