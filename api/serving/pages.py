"""A searched list's page on SQLite, found by walking the list's order where that is cheaper.

A search through foreign keys is, for each word, an OR of `key IN (subquery)` (api/filters.py,
`BoundedSearch`). SQLite answers it from the keys' indexes: it gathers every row the search
finds, then sorts them all for the page. `search=ISS&ordering=-departure` at 100,000 events
gathers and sorts 8,107 rows for a page of 10: 2.7 ms, where 600 events take 0.5. Walking the
index of the order instead (spaceflight/search.py, `ORDERS`) and testing each row stops at the
page: 0.09 ms.

That is cheaper when a search finds many rows spread over the order and the page is near its
start: a walk passes the rows the search doesn't find on its way to the page, so a page deeper
than a tenth of the rows found is gathered. A search that finds rows only at the far end of the
order would walk past all the others first (47 ms for the whole 100,000): a walk gets at most
`PER_ROW` of SQLite's instructions for each row the search found, four times what gathering a
row costs (23 for `search=ISS`); past them SQLite stops it, and the rows are gathered. The rows
are the same either way."""

import math
import sqlite3
from contextlib import contextmanager

from django.db import OperationalError, connections

from api.serving.cache import Recent
from spaceflight.lookups import WALKS_ORDER, InSubquery

# Below this many rows found, gathering them takes under 0.4 ms at any size.
WALK_FROM = 1000
# A page deeper than this share of the rows found is gathered.
DEEPEST = 0.1
PER_ROW = 100
# SQLite's instructions between two calls of the budget's count.
STEP = 1000

# Whether a list's walk is ordered by an index, by the list's shape (`page`'s `shape`): asked
# of SQLite once per shape and process.
planned = Recent(512, size=lambda walks: 1)


def page(queryset, offset, limit, count, shape):
    """`queryset[offset:offset + limit]`, of the `count` rows it has, by walking its order
    where that is cheaper. `shape()`: a digest of what decides the SQL's plan (the path and the
    parameters, but the page's place and the words searched for)."""
    rows = queryset[offset : offset + limit]
    connection = connections[queryset.db]
    if (
        connection.vendor != "sqlite"
        or count < WALK_FROM
        or offset + limit > count * DEEPEST
        or not searched(queryset.query.where)
    ):
        return list(rows)
    walk = rows.all()
    setattr(walk.query, WALKS_ORDER, True)
    key = shape()
    walks = planned.get(key)
    if walks is None:
        walks = ordered_by_index(connection, walk)
        planned.put(key, walks)
    if not walks:
        return list(rows)
    with budget(connection, math.ceil(PER_ROW * count / STEP)) as spent:
        try:
            return list(walk)
        # Django's, or SQLite's own where the stop came in Django's log of the query (its debug
        # cursor quotes the parameters with a query of its own).
        except (OperationalError, sqlite3.OperationalError):
            if not spent():
                raise
    return list(rows)


def searched(node):
    """Whether a query's conditions search through a foreign key."""
    return isinstance(node, InSubquery) or any(
        searched(child) for child in getattr(node, "children", ())
    )


def ordered_by_index(connection, walk):
    """Whether SQLite's plan of `walk` reads its rows in order from an index, with no sort."""
    sql, params = walk.query.get_compiler(using=walk.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        steps = [row[-1] for row in cursor.fetchall()]
    # "USE TEMP B-TREE FOR ORDER BY", or for its last terms.
    return not any("ORDER BY" in step for step in steps)


@contextmanager
def budget(connection, steps):
    """SQLite stops what `connection` runs inside after `steps` of `STEP` instructions, once
    (an `OperationalError`); yields a function that tells whether it did."""
    left = steps

    def count():
        nonlocal left
        left -= 1
        # Once: what runs after the stop (Django's log of the query's SQL) is not stopped.
        return left == -1

    connection.ensure_connection()
    raw = connection.connection
    raw.set_progress_handler(count, STEP)
    try:
        yield lambda: left < 0
    finally:
        raw.set_progress_handler(None, STEP)
