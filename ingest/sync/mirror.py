"""A run: the plan's queries page by page, each page parsed as a stream into the database in
one transaction together with the run's progress."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ingest.fields import InvalidObject
from ingest.models import SyncState
from ingest.reader import streamed
from ingest.sync.errors import Misconfigured, SyncStopped
from ingest.sync.plan import DETAIL, cost, describe, family, incremental, plan, referenced
from ingest.upsert import Importer
from spaceflight.changes import data_changed
from spaceflight.models import DockingEvent
from spaceflight.statistics import derive


class DockedFilterIgnored(Exception):
    """A page of still-docked events holds one that departed."""


class Envelope:
    """A page's ijson events on their way to the importer, and what the mirror reads of the
    page around its results: whether it is a list page, `count` and `next`."""

    def __init__(self, events):
        self.events = events
        self.listed, self.count, self.next = False, None, None

    def __iter__(self):
        for prefix, event, value in self.events:
            if prefix == "results" and event == "start_array":
                self.listed = True
            elif prefix == "count" and event == "number":
                self.count = value
            elif prefix == "next" and event == "string":
                self.next = value
            yield prefix, event, value


class Mirror:
    def __init__(self, upstream, page_size=100, progress=None):
        self.upstream = upstream
        self.page_size = page_size
        self.progress = progress
        self.importer = Importer()
        self.pages = 0
        self.notes = []
        # What the run said of its plan and of each step planned when reached, before asking.
        self.planned = []
        # What this run has seen of the query it pages through: `(query index, object ids,
        # next links)`; a page that brings nothing new, or a link seen already, ends it.
        self.paging = (None, set(), set())

    def run(self, full=False, since=None, margin=timedelta(days=7)):
        """One run: resume the unfinished one, or start a new one. Raises SyncStopped or
        Misconfigured."""
        state, _ = SyncState.objects.get_or_create(base_url=self.upstream.base_url)
        if not state.in_progress or full or since is not None:
            self.start(state, plan(state, full, since, margin))
        else:
            self.announce(state, resumed=True)
        while state.query_index < len(state.queries):
            path, params = state.queries[state.query_index]
            if "referenced" in params:
                self.expand(state, referenced(params["referenced"], self.page_size, params))
                continue
            self.upstream.respect_limit()
            detail = bool(DETAIL.search(path))
            query = (
                params if detail else {**params, "limit": self.page_size, "offset": state.offset}
            )
            try:
                with self.upstream.answer(path, query) as events:
                    self.write(state, path, events)
            except Misconfigured as error:
                if error.status != 404 or family(path) is None:
                    raise
                self.skip(state, path, detail)
            except DockedFilterIgnored:
                self.note("the upstream ignores the docked filter: a full run instead")
                self.start(state, plan(state, True, None, margin))
        state.queries, state.query_index, state.offset = [], 0, 0
        state.high_water = DockingEvent.objects.aggregate(Max("docking"))["docking__max"]
        state.last_completed = timezone.now()
        state.save()

    def note(self, line):
        self.upstream.tell(line)
        self.notes.append(line)

    def tell_plan(self, line):
        self.upstream.tell(line)
        self.planned.append(line)

    def announce(self, state, resumed=False):
        """Say what the run will ask for and what that costs at the least, before asking."""
        queries = state.queries[state.query_index :]
        pages, steps = cost(queries)
        what = "incremental" if incremental(state.queries) else "full"
        head = (
            f"resuming the {what} run at query {state.query_index + 1}"
            if resumed
            else (f"the plan: a{'n' if what == 'incremental' else ''} {what} run")
        )
        budget = self.upstream.max_requests - self.upstream.requests_used
        requests = 2 * pages if self.upstream.throttle_supported else pages
        line = (
            f"{head}, {len(queries)} queries: at least {requests} requests ({pages} pages, a "
            f"throttle read before each; a page more per {self.page_size} objects listed)"
        )
        if steps:
            line += f", and the steps {', '.join(steps)} counted when reached"
        if requests > budget:
            line += (
                f"; more than this run's budget of {budget} (--max-requests): it stops when "
                "that is spent and the next run resumes"
            )
        self.tell_plan(line)
        for path, params in queries:
            if "referenced" in params:
                self.tell_plan(f"  {path}: the step {params['referenced']}, planned when reached")
            elif DETAIL.search(path):
                self.tell_plan(f"  {describe(path, params)}: 1 request")
            else:
                self.tell_plan(f"  {describe(path, params)}: a page per {self.page_size} objects")

    def expand(self, state, queries):
        """Put a step's planned queries in its place (saved: a resumed run asks the same)."""
        path, params = state.queries[state.query_index]
        self.tell_plan(
            f"{path}: the step {params['referenced']} asks {len(queries)} "
            f"quer{'y' if len(queries) == 1 else 'ies'} (a request each, and a throttle read)"
        )
        at = state.query_index
        state.queries = state.queries[:at] + queries + state.queries[at + 1 :]
        state.offset = 0
        state.save()

    def skip(self, state, path, detail):
        """A 404 where the run asks for what the events reference or for who is aboard: the
        upstream lacks that endpoint (the step is skipped, and the queries of the same family
        that follow it), or no longer has that one object."""
        if detail:
            note = f"the upstream has no {path}: skipped"
            state.query_index += 1
        else:
            note = f"the upstream has no {path}: that step was skipped"
            root = family(path)
            while state.query_index < len(state.queries) and (
                family(state.queries[state.query_index][0]) == root
            ):
                state.query_index += 1
        state.offset = 0
        state.save()
        self.note(note)

    def start(self, state, queries):
        self.paging = (None, set(), set())
        state.queries = queries
        state.query_index, state.offset = 0, 0
        state.run_started = timezone.now()
        state.save()
        self.announce(state)

    def write(self, state, path, events):
        """Import a page as it is parsed, with the run's progress, in one transaction."""
        params = state.queries[state.query_index][1]
        detail = bool(DETAIL.search(path))
        where = self.upstream.url(path, params if detail else {**params, "offset": state.offset})
        page = Envelope(events)
        self.importer.captured_at = timezone.now()
        before = self.importer.snapshot()
        ids = []
        try:
            with transaction.atomic():
                for at, item, _ in streamed(page):
                    if detail != (at == "$"):
                        raise SyncStopped(
                            f"{where}: not {'an object' if detail else 'a list page'}"
                        )
                    if params.get("docked") == "true" and departed(item):
                        raise DockedFilterIgnored
                    self.importer.import_object(at, item, path)
                    ids.append(repr(item.get("id")))
                if not detail and not page.listed:
                    raise SyncStopped(f"{where}: not a list page")
                if not detail and page.next and not self.loops(state, ids, page.next):
                    state.offset += len(ids)
                else:
                    state.query_index, state.offset = state.query_index + 1, 0
                state.save()
                derive()
                data_changed()
        except InvalidObject as error:
            self.importer.restore(before)
            raise SyncStopped(f"{where}: {error}; nothing of this page was written") from None
        except BaseException:
            self.importer.restore(before)
            raise
        self.pages += 1
        if self.progress:
            if detail:
                self.progress(path, 0, 1, 1)
            else:
                self.progress(path, state.offset, page.count, len(ids))

    def loops(self, state, ids, link):
        """Whether a page with a `next` link brings no object this run has not seen in its
        query, or links to a page already followed: then the query ends here (with a note),
        where following it would ask the same again and again."""
        at, seen, links = self.paging
        if at != state.query_index:
            seen, links = set(), set()
            self.paging = (state.query_index, seen, links)
        new = set(ids) - seen
        repeated = link in links
        seen.update(ids)
        links.add(link)
        if new and not repeated:
            return False
        path = state.queries[state.query_index][0]
        self.note(
            f"the upstream's pages of {path} repeat at offset {state.offset}: that query ends there"
        )
        return True


def departed(event):
    return isinstance(event, dict) and bool(event.get("departure"))
