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
