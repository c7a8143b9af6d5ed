"""Lists' counts, kept for the data generation they were counted in.

A list's `count` is a `COUNT(*)` of every row its filters find: at 100,000 events 4 ms on
PostgreSQL for the whole table, 38 ms for `search=Soyuz` (8,909 found), paid again by every
page of the same list, as none of `limit`, `offset`, `mode`, `ordering` or `format` changes
it: a client that pages through a list counts it once per page. Each process keeps the last
`KEPT_COUNTS` counts by the generation token its response's snapshot read
(api/serving/responses.py) and a digest of the list's path and its other parameters (some 150
bytes each). A write replaces the token in its own transaction, so a kept count is never read
after the write that changes it.

Only lists whose rows don't follow the clock are kept, those writers render again
(api/serving/lists.py, `keepable`): not the upcoming and previous lists, nor a filter by the
clock. A response built outside a snapshot that read the token (the browsable API's) counts."""

import contextlib
import hashlib
from contextvars import ContextVar

from django.conf import settings

from api.serving import lists
from api.serving.cache import Recent

# What a list's count doesn't depend on.
UNCOUNTED = frozenset({"limit", "offset", "mode", "ordering", "format"})

_token = ContextVar("the generation token the snapshot being read read", default=None)


@contextlib.contextmanager
def counted_in(token):
    """Counts made inside are kept under `token`, read in the same snapshot as the rows."""
    reset = _token.set(token)
    try:
        yield
    finally:
        _token.reset(reset)


# Read at start-up, as the responses' memory budget is.
kept = Recent(settings.KEPT_COUNTS, size=lambda count: 1)


def count(queryset, request, view):
    """The count of `queryset`, the rows `view` lists for `request`: kept, or counted."""
    token = _token.get()
    if token is None or not settings.KEPT_COUNTS or not keepable(request, view):
        return queryset.count()
    key = (token, digest(request, UNCOUNTED))
    found = kept.get(key)
    if found is None:
        found = queryset.count()
        kept.put(key, found)
    return found


def digest(request, without):
    """A digest of `request`'s path and its parameters but those named in `without`, as a key
    kept in memory: a parameter may be 400 KB long, and the keys of a flood of them are kept."""
    asked = sorted((n, v) for n, v in request.GET.lists() if n not in without)
    return hashlib.sha256(repr((request.path, asked)).encode()).digest()


def keepable(request, view):
    return getattr(view, "period", None) is None and lists.keepable(
        request, getattr(view, "filterset_class", None)
    )
