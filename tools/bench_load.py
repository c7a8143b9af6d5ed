"""The load `make bench` sends: wrk against our servers and against nginx serving the same
bytes, a probe of idle connections, and one request to check an answer."""

import contextlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tools.servers import free_port

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


QUERIES = {
    "limit=10": "/2.3.0/docking_events/?limit=10",
    "limit=100": "/2.3.0/docking_events/?limit=100",
    "limit=100 detailed": "/2.3.0/docking_events/?limit=100&mode=detailed",
    "detail": "/2.3.0/docking_events/{middle}/",
    "filter+search+order": (
        "/2.3.0/docking_events/?docking__gte=1990-01-01T00:00:00Z&docked=false"
        "&search=ISS&ordering=-departure&limit=10"
    ),
}


GRANIAN = {}  # set in main: make serve's workers and threads


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name)


def wrk(url, seconds, connections, repeat=1, key=None):
    """`{rps, p50, p99}` (milliseconds): the best of `repeat` wrk runs after a warm-up. The
    best, because on a shared 2-core machine a run can only be slowed by others. With `key`,
    every request sends it (`Authorization: Token <key>`)."""
    headers = ["-H", f"Authorization: Token {key}"] if key else []
    sh("wrk", "-t2", f"-c{connections}", "-d1s", "--timeout", "10s", *headers, url)
    runs = [_wrk_once(url, seconds, connections, headers) for _ in range(repeat)]
    return max(runs, key=lambda run: run["rps"])


def _wrk_once(url, seconds, connections, headers):
    out = sh(
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        *headers,
        url,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = {
        p: float(v) * UNITS[unit]
        for p, v, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses:\n{out}")
    return {"rps": rps, "p50": percentiles["50"], "p99": percentiles["99"]}


def nginx(files, seconds, connections, repeat):
    """wrk against nginx serving each file: `{name: result}`."""
    with nginx_serving(files) as base:
        return {name: wrk(f"{base}/{name}.json", seconds, connections, repeat) for name in files}


@contextlib.contextmanager
def nginx_serving(files):
    """nginx serving each of `files` (`{name: bytes}`) at `/{name}.json`: yields its base URL."""
    root = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    root.chmod(0o755)  # nginx's workers do not run as the user who made it
    for name, body in files.items():
        (root / f"{name}.json").write_bytes(body)
        (root / f"{name}.json").chmod(0o644)
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(
        f"""worker_processes auto; daemon off; pid {root}/nginx.pid; error_log stderr error;
events {{ worker_connections 1024; }}
http {{ access_log off; default_type application/json; sendfile on; tcp_nopush on;
  keepalive_requests 100000;
  server {{ listen 127.0.0.1:{port}; root {root}; }} }}
"""
    )
    process = subprocess.Popen(["nginx", "-c", str(conf)], stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(root)


def holds_idle(base, count=200):
    """Does the server answer within a second while `count` idle connections are open?"""
    port = int(base.rsplit(":", 1)[1].split("/")[0])
    idle = []
    try:
        for _ in range(count):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        time.sleep(0.5)
        start = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
                sock.sendall(
                    b"GET /health/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                )
                answered = sock.recv(64).startswith(b"HTTP/1.1 200")
        except OSError:
            answered = False
        return answered and time.monotonic() - start < 1.0
    except OSError:
        return False
    finally:
        for sock in idle:
            sock.close()


def fetch(base, path, key, coding=None):
    headers = {"Authorization": f"Token {key}"} if key else {}
    if coding:
        headers["Accept-Encoding"] = coding
    args = ["curl", "-sf", base + path]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    return subprocess.run(args, capture_output=True, check=True).stdout
