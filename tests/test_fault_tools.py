"""The fault tests' own tools (tools/fault_postgres.py) where they meet PostgreSQL's timing."""

import psycopg
import pytest

from tools.fault_postgres import drop_database


class Refusing:
    """A connection whose `DROP DATABASE ... WITH (FORCE)` is refused `times` times, as while
    an autovacuum worker (no role of ours) is in the database."""

    def __init__(self, times):
        self.times = times
        self.statements = []

    def execute(self, statement):
        self.statements.append(statement)
        if len(self.statements) <= self.times:
            raise psycopg.errors.InsufficientPrivilege(
                "must be a member of the role whose process is being terminated"
            )


def test_a_drop_refused_while_autovacuum_is_in_the_database_is_tried_again():
    connection = Refusing(times=2)
    drop_database(connection, "docking_x")
    assert connection.statements == ['DROP DATABASE IF EXISTS "docking_x" WITH (FORCE)'] * 3


def test_a_drop_refused_for_longer_than_the_wait_is_an_error():
    connection = Refusing(times=1_000)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        drop_database(connection, "docking_x", wait=0.5)
    assert 2 <= len(connection.statements) <= 5
