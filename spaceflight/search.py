"""Trigram indexes of the names `?search=` on docking events reaches, on SQLite: what pg_trgm's
indexes are on PostgreSQL (migration 0005). Django's `icontains` on SQLite is a `LIKE` that
reads every name; at 100,000 events that is 60,000 spacecraft names, read twice a query (the
chaser's and the target's), whatever the word.

Each table gets an FTS5 table of its names with the trigram tokenizer (SQLite 3.34+), kept by
triggers on the table: `matching` finds the rows whose name may contain a word of
three characters or more from the index; the `LIKE` still decides (the index folds case beyond
ASCII, as `LIKE` doesn't: it finds a superset). A shorter word, or a SQLite without FTS5's
trigram tokenizer, is searched by the `LIKE` alone.

They are made again after every `migrate` (`install`, on post_migrate, and migration 0013):
a migration that alters one of the tables copies it into a new one on SQLite, without its
triggers."""

import sqlite3
from functools import cache

from django.db import connections
from django.db.models.expressions import RawSQL

# The tables whose `name` the docking events' search reaches through foreign keys.
TABLES = [
    "spaceflight_dockinglocation",
    "spaceflight_spacecraft",
    "spaceflight_payload",
    "spaceflight_spacestation",
]
# FTS5's trigram tokenizer matches a phrase of at least three characters.
SHORTEST = 3


def index_of(table):
    return f"{table}_name_search"


@cache
def available():
    """Whether this process's SQLite has FTS5 and its trigram tokenizer."""
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(name, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    return True


def install(using="default", connection=None, **kwargs):
    """Make each table's index and its triggers again, filled from the table as it is now."""
    connection = connection or connections[using]
    if connection.vendor != "sqlite" or not available():
        return
    existing = set(connection.introspection.table_names())
    drop(connection)
    with connection.cursor() as cursor:
        for table in TABLES:
            if table not in existing:
                continue
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
                    f'CREATE TRIGGER "{index}_{event}" AFTER {change} ON "{table}" BEGIN {body} END'
                )


def drop(connection):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in TABLES:
            index = index_of(table)
            for event in ("insert", "delete", "update"):
                cursor.execute(f'DROP TRIGGER IF EXISTS "{index}_{event}"')
            cursor.execute(f'DROP TABLE IF EXISTS "{index}"')


def matching(model, column, word, using="default"):
    """The ids of `model`'s rows whose `column` may contain `word`, from its index, as a
    subquery; None where no index serves it (not a name we index, `word` too short, not
    SQLite)."""
    table = model._meta.db_table
    if (
        table not in TABLES
        or column != "name"
        or len(word) < SHORTEST
        or connections[using].vendor != "sqlite"
        or not available()
    ):
        return None
    index = index_of(table)
    phrase = '"' + word.replace('"', '""') + '"'
    return RawSQL(f'SELECT rowid FROM "{index}" WHERE "{index}" MATCH %s', [phrase])
