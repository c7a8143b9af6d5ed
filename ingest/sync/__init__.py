"""Mirroring an LL2-compatible server: paging through its docking events and who is aboard
within its limits.

A run follows a plan of queries (paths with filters), page by page. Each page is imported by
the same `Importer` as `import_ll2`, in its own transaction together with the run's progress,
so a run stopped anywhere (budget spent, upstream down, Ctrl-C) resumes at the first page that
was not written, and a page that fails validation leaves nothing of itself behind.

What a run asks for (it first says so, and what that costs at the least in requests: a page
per list query, a throttle read before each, a page more per `page_size` objects; a step planned
when reached says its count when it is):
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
  and a detailed launch its rocket's, in the shape of their own endpoints). Then who is aboard,
  all of it, detailed and by id: every astronaut in 2.2.0's shape (the text it alone shows:
  nationality, twitter, instagram) then in 2.3.0's, every expedition (its crew is in its
  detailed shape only), spacewalk and event (by date: LL2 orders events by no id).
- Otherwise, incremental: the events still docked (their departure is what changes), the
  events docked since the latest docking already mirrored, less a margin, the stations (their
  crew and size) and the spacecraft in space. LL2 has no
  last-modified field for docking events, so an edit to an event that departed before that
  point (a corrected time, refreshed spacecraft statistics) is only picked up by `--full`.
  An upstream that ignores the `docked` filter (a page of still-docked events holds one that
  departed) would make that incomplete: the run then turns into a full one.
  Who is aboard, since the last run began less the margin: the astronauts in space (detailed),
  those not in space whose last flight began up to 437 days (the longest stay) before that (in
  the normal shape, which has their `in_space` and statistics: their lists of flights,
  landings and spacewalks are refreshed while they are in space and by `--full`), the
  expeditions that started since (detailed) and, one detail request each, those the mirror
  holds as under way that started before (LL2 2.3.0 filters expeditions neither by `id` nor
  by `is_active`: a step planned when reached, from the database), so an expedition's end or
  crew changed upstream arrives; the spacewalks that started since, the events to come
  (`events/upcoming/`) and those updated since (`last_updated__gte`).
- An upstream without one of the optional endpoints (an older instance of this server: the
  referenced launches, agencies and configurations, astronauts, expeditions, spacewalks,
  events) answers 404: that step, and the queries of its family after it, is skipped with a
  note; a 404 on one detail path skips that object alone.

What a run refuses of a hostile upstream (upstream.py, body.py, mirror.py): a redirect to
another origin (the API key is never sent elsewhere), an answer slower than `--timeout`,
larger than `--max-page-mb` or nested deeper than any LL2 answer, a wait longer than
`--max-wait`, more requests than `--max-requests`, and paging that repeats itself.
"""

from ingest.sync.errors import BudgetSpent, Deferred, Misconfigured, SyncStopped, WaitTooLong
from ingest.sync.mirror import Mirror
from ingest.sync.upstream import Upstream

__all__ = [
    "BudgetSpent",
    "Deferred",
    "Misconfigured",
    "Mirror",
    "SyncStopped",
    "Upstream",
    "WaitTooLong",
]
