"""PostgreSQL for the fault tests, on 127.0.0.1: clusters this process starts, restarts and
stops; databases of their own on the shared cluster (never restarted); what a database's tables
hold, and who is writing in them."""

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from tools.servers import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _connect(url, **kwargs):
    import psycopg

    return psycopg.connect(url, connect_timeout=5, **kwargs)


class Cluster:
    """A PostgreSQL 15 cluster of our own (initdb + pg_ctl as the postgres user) on a free port,
    its socket in its temporary directory; trust authentication, no fsync: throwaway."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="docking-faults-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "log"
        self.port = free_port()
        self.started = False
        postgres = pwd.getpwnam("postgres")
        os.chown(self.root, postgres.pw_uid, postgres.pw_gid)
        self.root.chmod(0o700)

    def url(self, name="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def pg(self, tool, *args, timeout=60):
        """A PostgreSQL tool run as the postgres user. Its output goes to a file, not a pipe: a
        postmaster it starts must not hold our end open."""
        with tempfile.TemporaryFile() as output:
            result = subprocess.run(
                [str(PG_BIN / tool), *map(str, args)],
                user="postgres",
                group="postgres",
                extra_groups=[],
                cwd=self.root,
                env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "HOME": str(self.root)},
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            )
            output.seek(0)
            text = output.read().decode(errors="replace")
        assert result.returncode == 0, f"{tool} {args}: {text}"
        return text

    def start(self):
        self.pg(
            "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"
        )
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.started = True
        self.pg("pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "-t", 30, "start")
        return self

    def restart(self):
        """`pg_ctl restart -m fast` (backends terminated, then a new postmaster): its seconds."""
        started = time.monotonic()
        self.pg("pg_ctl", "-D", self.data, "-l", self.log, "-m", "fast", "-w", "-t", 30, "restart")
        return time.monotonic() - started

    def create_database(self, name):
        with _connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self):
        if not self.started:
            return
        self.started = False
        try:
            self.pg("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", timeout=30)
        except (AssertionError, subprocess.TimeoutExpired):
            # Our own postmaster only: its pid is the first line of its pid file.
            with contextlib.suppress(OSError, ValueError):
                pid = int((self.data / "postmaster.pid").read_text().split()[0])
                os.kill(pid, signal.SIGKILL)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def drop_database(connection, name, wait=30.0):
    """`DROP DATABASE ... WITH (FORCE)` on an autocommit `connection`. FORCE ends the other
    sessions in it, but refuses (InsufficientPrivilege) while an autovacuum worker is in it,
    which has no role ours may signal: a new database's first ANALYZE, seconds after a bulk
    load. The worker leaves within moments: the drop is tried again until `wait` seconds."""
    import psycopg

    deadline = time.monotonic() + wait
    while True:
        try:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class SharedDatabases:
    """Databases of our own on the shared cluster (never restarted), dropped at `close()`."""

    def __init__(self, url):
        import dj_database_url

        self.url = url
        self.server = dj_database_url.parse(url)
        self.created = []

    def url_of(self, name):
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def create(self, name, template=None):
        self.drop(name)
        with _connect(self.url, autocommit=True) as connection:
            suffix = f' TEMPLATE "{template}"' if template else ""
            connection.execute(f'CREATE DATABASE "{name}"{suffix}')
        self.created.append(name)
        return self.url_of(name)

    def drop(self, name):
        with _connect(self.url, autocommit=True) as connection:
            drop_database(connection, name)

    def close(self):
        for name in reversed(self.created):
            with contextlib.suppress(Exception):
                self.drop(name)
        self.created.clear()


def table_digest(url):
    """`{table: (rows, md5 of every row in order)}` for every table of the public schema."""
    from psycopg import sql

    digest = {}
    with _connect(url) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        for (table,) in tables:
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
                "FROM {} AS t"
            ).format(sql.Identifier(table))
            digest[table] = tuple(connection.execute(query).fetchone())
    return digest


def written_tables(url):
    """The tables other sessions on this database are writing in an open transaction (those
    holding an xid, by their row-exclusive locks)."""
    with _connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT DISTINCT c.relname FROM pg_stat_activity a "
            "JOIN pg_locks l ON l.pid = a.pid AND l.mode = 'RowExclusiveLock' "
            "JOIN pg_class c ON c.oid = l.relation AND c.relkind = 'r' "
            "WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() "
            "AND a.backend_xid IS NOT NULL ORDER BY 1"
        ).fetchall()
    return [table for (table,) in rows]


def other_backends(url):
    with _connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
    return [pid for (pid,) in rows]
