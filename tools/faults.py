"""Fault injection for the fault tests (tests/test_faults_*.py), all on 127.0.0.1: whether this
machine can run them, and manage.py run for them, bounded in time or in the background. What
they start and measure is beside this module: throwaway Redis servers (tools/fault_redis.py),
PostgreSQL clusters and databases of their own and a digest of every table
(tools/fault_postgres.py), a bounded load loop that records every answer (tools/fault_load.py).
"""

import os
import pwd
import shutil
import subprocess
import sys
import time

from tools.fault_postgres import PG_BIN
from tools.servers import ROOT


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
