"""Trigram indexes of the names `?search=` on docking events reaches, on SQLite: what pg_trgm's
indexes are on PostgreSQL (migration 0005). Django's `icontains` on SQLite is a `LIKE` that
reads every name; at 100,000 events that is 60,000 spacecraft names, read twice a query (the
chaser's and the target's), whatever the word.

Each table gets an FTS5 table of its names with the trigram tokenizer (SQLite 3.34+), kept by
triggers on the table: `matching` finds the rows whose name may contain a word of three
characters or more from the index; the `LIKE` still decides (the index folds case beyond
ASCII, as `LIKE` doesn't: it finds a superset). Only the word's first `LONGEST` characters are
looked up (a name that contains the word contains them): a phrase costs the index its length
times the rows of each of its trigrams, and a request may carry a word of 400 KB. A shorter
word, a SQLite without FTS5's trigram tokenizer, or a database without the indexes (not
migrated yet) is searched by the `LIKE` alone.

A searched page of docking events in an order by time, descending, walks an index of that
order on SQLite (`ORDERS`, api/serving/pages.py): each time with the id after it ascending, as
the page orders equal times (the ascending index walked backward would order them by id
descending). PostgreSQL gathers what a search finds from the foreign keys' indexes, and was no
faster with them.

They are made again, in one transaction, after every `migrate` that leaves the database
migrated all the way (`install`, on post_migrate): a migration that alters one of the tables
copies it into a new one on SQLite, without its triggers and the indexes its models don't
declare. On a database migrated part of the way, whose tables may not be as the models say,
they are dropped."""

import sqlite3
from contextlib import closing
from functools import cache

from django.db import connections, transaction
from django.db.models.expressions import RawSQL

# The tables whose `name` the docking events' search reaches through foreign keys.
TABLES = [
    "spaceflight_dockinglocation",
    "spaceflight_spacecraft",
    "spaceflight_payload",
    "spaceflight_spacestation",
]
# Each index of an order: its table, and its columns.
ORDERS = {
    "docking_event_docking_desc": ("spaceflight_dockingevent", '"docking" DESC, "id"'),
    "docking_event_departure_desc": ("spaceflight_dockingevent", '"departure" DESC, "id"'),
}
# FTS5's trigram tokenizer matches a phrase of at least three characters.
SHORTEST = 3
LONGEST = 32
# The database connection each process last found its indexes on (or not): `_indexed`.
FOUND = "_name_search_found"


def index_of(table):
    return f"{table}_name_search"


@cache
def available():
    """Whether this process's SQLite has FTS5 and its trigram tokenizer."""
    try:
        with closing(sqlite3.connect(":memory:")) as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(name, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    return True


def install(using="default", **kwargs):
    """Make the orders' indexes, and each table's index of names and its triggers, again,
    filled from the tables as they are now, on a database migrated all the way; drop them on
    one migrated part of the way."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    from spaceflight.apps import migrated_all_the_way

    if not migrated_all_the_way(connection):
        drop(connection)
        return
    with transaction.atomic(using=using):
        drop(connection)
        with connection.cursor() as cursor:
            for index, (table, columns) in ORDERS.items():
                cursor.execute(f'CREATE INDEX "{index}" ON "{table}" ({columns})')
            if not available():
                return
            for table in TABLES:
                index = index_of(table)
                cursor.execute(
                    f"CREATE VIRTUAL TABLE \"{index}\" USING fts5(name, content='{table}', "
                    "content_rowid='id', tokenize='trigram')"
                )
                cursor.execute(f'INSERT INTO "{index}"("{index}") VALUES (\'rebuild\')')
                added = f'INSERT INTO "{index}"(rowid, name) VALUES (new.id, new.name);'
                removed = (
                    f'INSERT INTO "{index}"("{index}", rowid, name) '
                    "VALUES ('delete', old.id, old.name);"
                )
                for event, change, body in (
                    ("insert", "INSERT", added),
                    ("delete", "DELETE", removed),
                    ("update", "UPDATE OF id, name", removed + added),
                ):
                    cursor.execute(
                        f'CREATE TRIGGER "{index}_{event}" AFTER {change} ON "{table}" '
                        f"BEGIN {body} END"
                    )


def drop(connection):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for index in ORDERS:
            cursor.execute(f'DROP INDEX IF EXISTS "{index}"')
        if not available():
            return
        for table in TABLES:
            index = index_of(table)
            for event in ("insert", "delete", "update"):
                cursor.execute(f'DROP TRIGGER IF EXISTS "{index}_{event}"')
            cursor.execute(f'DROP TABLE IF EXISTS "{index}"')
    setattr(connection, FOUND, None)


def _indexed(connection):
    """Whether the database `connection` is open on has the indexes, asked once per
    connection (and again after this process installs or drops them)."""
    connection.ensure_connection()
    found = getattr(connection, FOUND, None)
    if found is None or found[0] is not connection.connection:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                f"({', '.join(['%s'] * len(TABLES))})",
                [index_of(table) for table in TABLES],
            )
            found = (connection.connection, cursor.fetchone()[0] == len(TABLES))
        setattr(connection, FOUND, found)
    return found[1]


def matching(model, column, word, using="default"):
    """The ids of `model`'s rows whose `column` may contain `word`, from its index, as a
    subquery; None where no index serves it (not a name we index, `word` too short, not
    SQLite, no index in this database)."""
    table = model._meta.db_table
    connection = connections[using]
    if (
        table not in TABLES
        or column != "name"
        or len(word) < SHORTEST
        or "\x00" in word
        or connection.vendor != "sqlite"
        or not available()
        or not _indexed(connection)
    ):
        return None
    index = index_of(table)
    phrase = '"' + word[:LONGEST].replace('"', '""') + '"'
    return RawSQL(f'SELECT rowid FROM "{index}" WHERE "{index}" MATCH %s', [phrase])
