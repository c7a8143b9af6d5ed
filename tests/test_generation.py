"""The data generation as a request sees it (spaceflight/changes.py, `current`): never older than
the last commit that reached this process, without reading its row while nothing changed.
SQLite: `PRAGMA data_version` and the connection's own changes. PostgreSQL (the production-stack
pass): the LISTEN channel, and reading per request while the channel is down."""

import select
import uuid

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from spaceflight import changes
from spaceflight.changes import APPLICATION_NAME, current, data_changed, generation, listener

# Real commits, as between processes.
pytestmark = pytest.mark.django_db(transaction=True)

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the LISTEN channel: the production-stack pass"
)


def written_elsewhere():
    """A new generation committed by another connection, as another process (or `psql`) would,
    without this process's signals; returns its token."""
    token = uuid.uuid4().hex
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute(
                "UPDATE spaceflight_datageneration SET token = %s, changed_at = %s WHERE id = 1",
                [token, timezone.now()],
            )
    finally:
        other.close()
    if connection.vendor == "postgresql":
        delivered()
    return token


def delivered(timeout=5.0):
    """Wait for PostgreSQL's notification to reach this process's socket (README: the bound)."""
    if listener.listening:
        assert select.select([listener.conn.pgconn.socket], [], [], timeout)[0], "no notification"


def test_nothing_is_read_while_nothing_changed():
    data_changed()
    known = current()
    with CaptureQueriesContext(connection) as queries:
        assert [current() for _ in range(5)] == [known] * 5
    assert len(queries) == 0
    assert known == generation()


def test_a_commit_of_this_process_is_seen_by_its_next_request():
    before = current()
    data_changed()
    assert current() != before
    assert current() == generation()


def test_a_commit_elsewhere_is_seen_by_the_next_request():
    data_changed()
    current()
    token = written_elsewhere()
    assert current()[0] == token


@on_postgresql
def test_a_notification_carries_the_row_so_nothing_is_read(monkeypatch):
    data_changed()
    current()
    assert listener.listening
    token = written_elsewhere()
    read = []
    monkeypatch.setattr(listener.conn, "execute", lambda *args: read.append(args))
    with CaptureQueriesContext(connection) as queries:
        seen = current()
    assert (read, len(queries)) == ([], 0)
    assert seen == generation() and seen.token == token


def test_a_flush_elsewhere_is_seen():
    data_changed()
    current()
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute(
                "TRUNCATE spaceflight_datageneration"
                if connection.vendor == "postgresql"
                else "DELETE FROM spaceflight_datageneration"
            )
    finally:
        other.close()
    delivered()
    assert current() == changes.INITIAL


def test_a_raw_write_on_this_connection_is_seen():
    """Not every write goes through the signals (a flush between tests, SQL in a shell)."""
    data_changed()
    current()
    token = uuid.uuid4().hex
    with connection.cursor() as cursor:
        cursor.execute("UPDATE spaceflight_datageneration SET token = %s WHERE id = 1", [token])
    delivered()
    assert current()[0] == token


@on_postgresql
def test_this_process_listens():
    current()
    assert listener.listening
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT query FROM pg_stat_activity WHERE application_name = %s AND pid = %s",
            [APPLICATION_NAME, listener.conn.info.backend_pid],
        )
        assert cursor.fetchone()[0].startswith(("LISTEN", "SELECT token"))


@on_postgresql
def test_with_the_channel_down_each_request_reads_the_row_until_it_listens_again(
    monkeypatch, caplog
):
    data_changed()
    current()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [listener.conn.info.backend_pid])
    token = written_elsewhere()

    with CaptureQueriesContext(connection) as queries:
        assert current()[0] == token
    assert not listener.listening
    assert len(queries) == 1  # the fallback: the row, read by this request
    assert "not listening for new data generations" in caplog.text

    # While the retry waits, every request still reads the row, and sees every commit.
    token = written_elsewhere()
    assert current()[0] == token

    monkeypatch.setattr(listener, "retry_at", 0.0)
    assert current()[0] == token
    assert listener.listening
    token = written_elsewhere()
    with CaptureQueriesContext(connection) as queries:
        assert current()[0] == token
    assert len(queries) == 0


@on_postgresql
def test_a_rolled_back_write_sends_nothing():
    data_changed()
    known = current()
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        data_changed()
        raise RuntimeError("rolled back")
    assert not select.select([listener.conn.pgconn.socket], [], [], 0.2)[0]
    assert current() == known == generation()
