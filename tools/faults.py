"""Fault injection for tests/test_faults.py, all on 127.0.0.1: throwaway Redis servers and
PostgreSQL clusters this process starts (and stops), databases of their own on the shared
cluster, a bounded load loop that records every answer, and a digest of every table."""

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tools.servers import ROOT, free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def missing_requirements():
    """Why this machine can't run the fault tests, or None."""
    if not shutil.which("redis-server"):
        return "redis-server is not installed"
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        return f"PostgreSQL 15's initdb and pg_ctl are not in {PG_BIN}"
    if os.geteuid() != 0:
        return "needs root (to run PostgreSQL's tools as the postgres user)"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "no postgres user"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    return None


def manage(env, *args, timeout=180):
    """`manage.py args` for a server's settings, bounded in time: `(stdout, seconds)`."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {args} exited {result.returncode}: {result.stderr}"
    return result.stdout.strip(), time.monotonic() - started


def start_manage(env, *args):
    """`manage.py args` in the background (the caller kills or waits for it)."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until(predicate, timeout, interval=0.1):
    """Poll `predicate()` until it is true: the seconds it took, or None after `timeout`."""
    started = time.monotonic()
    while True:
        if predicate():
            return time.monotonic() - started
        if time.monotonic() - started > timeout:
            return None
        time.sleep(interval)


# --- Redis -------------------------------------------------------------------------------------


class Redis:
    """A redis-server of our own on a free port: `kill()` (SIGKILL), `stop()` (SIGTERM, which
    writes the append-only file out), and `start()` again on the same port and directory."""

    def __init__(self, appendonly=False):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="docking-faults-redis-"))
        self.appendonly = appendonly
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=2, socket_connect_timeout=2)

    def ping(self):
        try:
            with self.client() as client:
                return client.ping()
        except Exception:  # noqa: BLE001 - not up (yet)
            return False

    def start(self):
        assert self.process is None or self.process.poll() is not None
        argv = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        argv += ["--dir", str(self.dir), "--save", "", "--daemonize", "no"]
        argv += ["--appendonly", "yes" if self.appendonly else "no"]
        argv += ["--appendfsync", "everysec"]
        self.process = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.dir
        )
        assert wait_until(self.ping, 10, 0.05) is not None, "redis-server did not start"
        return self

    def _end(self, sig):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=15)

    def kill(self):
        self._end(signal.SIGKILL)

    def stop(self):
        self._end(signal.SIGTERM)

    def keys(self, pattern):
        with self.client() as client:
            return list(client.scan_iter(match=pattern, count=1000))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


# --- PostgreSQL --------------------------------------------------------------------------------


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
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

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


# --- HTTP --------------------------------------------------------------------------------------


@dataclass
class Answer:
    url: str
    started: float
    ended: float
    status: int  # 0: no HTTP answer (refused, reset, timed out)
    headers: dict = field(default_factory=dict)  # names in lower case
    body: bytes = b""


def fetch(url, headers=None, timeout=15):
    """One GET, never raising: an `Answer` (times from time.monotonic())."""
    started = time.monotonic()
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, got, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, got, body = error.code, error.headers, error.read()
    except (OSError, urllib.error.URLError) as error:
        status, got, body = 0, {}, repr(error).encode()
    headers = {name.lower(): value for name, value in got.items()}
    return Answer(url, started, time.monotonic(), status, headers, body)


class Load:
    """`threads` threads GET `url_for(i)` for i = 0, 1, 2... (pausing `interval` seconds after
    each) until `seconds` pass, `limit` requests are sent or `stop()`: bounded, it stops by
    itself. `answers` holds them all."""

    def __init__(self, url_for, threads=8, seconds=8.0, limit=20000, headers=None, interval=0.0):
        self.url_for = url_for
        self.interval = interval
        self.threads = threads
        self.seconds = seconds
        self.limit = limit
        self.headers = headers
        self.answers = []
        self._numbers = itertools.count()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = []

    def _run(self):
        deadline = self.started + self.seconds
        while not self._stop.is_set() and time.monotonic() < deadline:
            with self._lock:
                number = next(self._numbers)
            if number >= self.limit:
                return
            answer = fetch(self.url_for(number), self.headers)
            with self._lock:
                self.answers.append(answer)
            if self.interval:
                self._stop.wait(self.interval)

    def start(self):
        self.started = time.monotonic()
        self._workers = [
            threading.Thread(target=self._run, daemon=True) for _ in range(self.threads)
        ]
        for worker in self._workers:
            worker.start()
        return self

    def stop(self):
        self._stop.set()
        self.join()

    def join(self):
        for worker in self._workers:
            worker.join(timeout=self.seconds + 30)
        assert not any(worker.is_alive() for worker in self._workers), "load threads hang"

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def poller(url, interval=0.2, seconds=60.0):
    """One thread GETting `url` every `interval` seconds (at most `seconds`): a `Load`."""
    return Load(lambda _: url, threads=1, seconds=seconds, interval=interval)
