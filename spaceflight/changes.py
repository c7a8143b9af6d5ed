"""The data generation: a token that every write replaces, kept beside the data.

Readers that keep derived copies (the API's response cache) key them by the token, so a copy
made before a write is never used after it. The token is a row of the database
(`DataGeneration`) replaced in the same transaction as the write: it commits, or rolls back,
with the data, and a reader that reads it in the snapshot it reads the data from
(api/serving/responses.py) always pairs a token with the data it stands for. Nothing is left to
do after a commit, so a commit can't be followed by a failed invalidation.

Saves, deletes and many-to-many changes of any domain model replace it through signals (once
per transaction); code that writes in bulk (`bulk_create`, `update`) calls `data_changed()`
itself, inside its transaction. The row holds a second token, `keys`, replaced when an API key
is created, changed or revoked (`keys_changed()`, api/apps.py): processes trust the keys they
looked up while it stands (api/serving/throttling.py), so a write to the data costs no key a
lookup.

`generation()` reads the row (one query). Requests ask `current()`, which reads it only when
this process can't know it has not changed:
- PostgreSQL: a trigger on the row NOTIFYs every commit that touches it (an update, a delete, a
  TRUNCATE; migrations 0011 and 0012), with the row as the statement left it, and each process
  LISTENs on a connection of its own (`Listener`). A request reads what arrived on that socket
  (a non-blocking read, no query): the last notification's row is the row. A process that is
  not listening (not yet connected, the channel dropped, `GENERATION_LISTEN` off) reads the
  row per request, as before.
- SQLite: `PRAGMA data_version` changes when another connection commits, and the
  connection's own count of changed rows when it writes; while both stand still, the row
  read before is still the row.
A commit made by this process is seen by its next request in any case (`_committed_here`).
"""

import logging
import os
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import NamedTuple

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.dispatch import Signal
from django.utils import timezone

log = logging.getLogger("spaceflight.changes")


class Generation(NamedTuple):
    token: str
    changed_at: datetime
    keys: str


# The generation of a database no write has gone through yet (just migrated, or flushed).
INITIAL = Generation("initial", datetime(2000, 1, 1, tzinfo=UTC), "initial")
# Where PostgreSQL announces a new generation (the trigger of migrations 0011 and 0012 says
# the same).
CHANNEL = "data_generation"
# How its LISTEN connections show in pg_stat_activity.
APPLICATION_NAME = "docking generation listener"
QUERY = "SELECT token, changed_at, keys_token FROM spaceflight_datageneration WHERE id = 1"


def _row(row):
    if row is None:
        return INITIAL
    token, changed_at, keys = row
    if isinstance(changed_at, str):
        changed_at = datetime.fromisoformat(changed_at)
    # Stored in UTC; SQLite hands it back without its zone.
    return Generation(
        token, changed_at if changed_at.tzinfo else changed_at.replace(tzinfo=UTC), keys
    )


def _payload(payload):
    """The row as migration 0012's trigger sends it: "token changed_at keys", or nothing for
    no row (deleted, truncated)."""
    return _row(payload.split(" ") if payload else None)


def generation():
    """`(token, time of the last write, keys token)`, read from the database: one plain
    query, as the ORM's would cost fifteen times as much as the read itself."""
    with connection.cursor() as cursor:
        cursor.execute(QUERY)
        return _row(cursor.fetchone())


def current():
    """The generation as a request outside any transaction sees it: `generation()` without
    its query wherever this process is sure the row has not changed since it last read it."""
    db = connections[DEFAULT_DB_ALIAS]
    if db.in_atomic_block:
        return generation()
    if db.vendor == "postgresql" and settings.GENERATION_LISTEN:
        known = listener.current()
        return generation() if known is None else known
    if db.vendor == "sqlite":
        return _sqlite_current(db)
    return generation()


# Commits of a new generation made by this process: a reader that read the row before the
# last of them reads it again, whatever has or hasn't arrived on the channel yet.
_commits_here = 0
_commits_lock = threading.Lock()


# Sent in the writing process once a new generation is committed (the API renders again what
# the write made stale: api/rendering/fragments.py).
generation_committed = Signal()


def _committed_here():
    global _commits_here
    with _commits_lock:  # two threads committing at once must both count
        _commits_here += 1
    generation_committed.send(sender=None)


def data_changed(keys=False):
    """Replace the token (and with `keys`, the keys token), in the writing transaction."""
    from spaceflight.models import DataGeneration

    replaced = {"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    if keys:
        replaced["keys_token"] = uuid.uuid4().hex
    DataGeneration.objects.update_or_create(pk=1, defaults=replaced)
    transaction.on_commit(_committed_here)


def keys_changed(**kwargs):
    """Signal receiver for API keys: replace the keys token, and the data's with it (a key is
    written rarely; a process of the release before, which trusts keys by the data's token,
    refuses a revoked key at once all the same)."""
    data_changed(keys=True)


def _replaced_in_this_transaction():
    """A marker in the transaction's commit callbacks: Django drops it with the transaction
    (or the savepoint) it was registered in, so a rolled-back replacement is done again."""


def on_write(**kwargs):
    """Signal receiver: replace the token in the writing transaction (once per transaction)."""
    if not connection.in_atomic_block:
        data_changed()
    elif not any(cb is _replaced_in_this_transaction for _, cb, _ in connection.run_on_commit):
        data_changed()
        transaction.on_commit(_replaced_in_this_transaction)


def _sqlite_current(db):
    raw = db.connection
    if raw is None:  # this thread's first read: connect
        return generation()
    mark = (raw, raw.execute("PRAGMA data_version").fetchone()[0], raw.total_changes)
    seen = getattr(db, "_generation_seen", None)
    if seen is not None and seen[0] == mark and seen[1] == _commits_here:
        return seen[2]
    commits = _commits_here
    known = generation()
    db._generation_seen = (mark, commits, known)
    return known


class Listener:
    """This process's LISTEN connection to PostgreSQL and the generation as last read on it.

    Notifications are delivered only when a transaction commits, in commit order, to every
    listening session. A request takes what has reached the socket without waiting (`current`):
    a notification carries the row as its commit left it, so the last one heard is the row.
    After a commit of this process it reads the row on this connection instead; the server
    sends a session the notifications of every commit its query sees before that query's
    answer, and any that arrive during the read make it read again, so a notification heard
    after a read is of a later commit, never an older row. The connection is made by the first
    request after the process starts, and again `RETRY_SECONDS` after it failed or dropped;
    meanwhile `current()` returns None (read the row). LISTEN comes before the first read, so
    no commit falls between them. `lock` guards the connection and what was read on it; the
    threads of a process share it."""

    RETRY_SECONDS = 5.0

    def __init__(self):
        self.lock = threading.Lock()
        self.conn = None
        self.pid = None
        self.known = None
        self.read_at_commits = -1
        self.heard = False
        self.payload = None
        self.ended = False
        self.retry_at = 0.0

    @property
    def listening(self):
        return self.conn is not None and self.pid == os.getpid()

    def current(self):
        if not self.listening and not self._connect():
            return None
        with self.lock:
            if not self.listening:
                return None
            try:
                pgconn = self.conn.pgconn
                pgconn.consume_input()
                while (notify := pgconn.notifies()) is not None:
                    self.payload = notify.extra.decode()
                if self.ended or pgconn.status != self.conn_ok:
                    raise ConnectionError("the server ended the LISTEN connection")
                if self.payload is not None and self.read_at_commits == _commits_here:
                    self.known = _payload(self.payload)
                    self.payload = None
                while (
                    self.heard or self.payload is not None or self.read_at_commits != _commits_here
                ):
                    self.heard = False
                    self.payload = None
                    self.read_at_commits = _commits_here
                    self.known = _row(self.conn.execute(QUERY).fetchone())
                return self.known
            except Exception as error:  # noqa: BLE001 - any failure means "not sure": read the row
                self._drop(error)
                return None

    def _connect(self):
        """Connect and LISTEN, one thread at a time and outside the lock: the process's other
        threads read the row meanwhile, rather than wait for a server that may not answer."""
        with self.lock:
            if self.listening:
                return True
            if time.monotonic() < self.retry_at:
                return False
            self.retry_at = time.monotonic() + self.RETRY_SECONDS
        import psycopg

        params = connection.get_connection_params()
        for internal in ("cursor_factory", "context", "prepare_threshold"):
            params.pop(internal, None)
        params.setdefault("connect_timeout", 5)
        conn = None
        try:
            # Keepalives: a channel that dies without closing (a network cut between hosts)
            # is noticed within some 10 s (README, Performance).
            conn = psycopg.connect(
                **params,
                application_name=APPLICATION_NAME,
                autocommit=True,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=2,
            )
            conn.add_notify_handler(self._notified)
            conn.add_notice_handler(self._noticed)
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as error:  # noqa: BLE001 - as in current()
            if conn is not None:
                conn.close()
            with self.lock:
                self._drop(error)
            return False
        with self.lock:
            self.conn, self.pid = conn, os.getpid()
            self.conn_ok = psycopg.pq.ConnStatus.OK
            self.ended = False
            self.heard = True  # read the row once listening: no commit falls in between
        return True

    def close(self):
        with self.lock:
            if self.listening:
                self.conn.close()
            self.conn = None

    def _notified(self, notify):
        # Notifications that arrive while this connection runs a query come here.
        self.payload = notify.payload

    def _noticed(self, diagnostic):
        # A server that ends a session (pg_terminate_backend, a shutdown) says so before it
        # closes the socket: what arrives after may already be a commit this session won't hear.
        if diagnostic.severity_nonlocalized in ("FATAL", "PANIC"):
            self.ended = True

    def _drop(self, error):
        log.warning(
            "not listening for new data generations (%s: %s); reading the generation per "
            "request, trying again in %.0f s",
            error.__class__.__name__,
            error,
            self.RETRY_SECONDS,
        )
        if self.conn is not None and self.pid == os.getpid():
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001, S110 - it is being let go either way
                pass
        self.conn = None
        self.retry_at = time.monotonic() + self.RETRY_SECONDS


listener = Listener()
