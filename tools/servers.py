"""Real instances of our server, for the tests and the benchmark, on 127.0.0.1: `make serve`'s
granian (config/serve.py), or gunicorn (gunicorn.conf.py) for the benchmark's comparison."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**overrides):
    unset = ("DEBUG", "REDIS_URL", "CACHE_REDIS_URL")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="a-long-random-string-for-test-servers-only",
        WEB_CONCURRENCY="1",
        GUNICORN_ACCESSLOG="",
        ACCESS_LOG="0",
    )
    env.update(overrides)
    return env


def manage(env, *args):
    """Run a management command for a server's settings; returns its standard output."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def get(url, headers=None, opener=None):
    """`(status, body)`; 4xx and 5xx are answers, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def healthy(base):
    try:
        return get(f"{base}/health/")[0] == 200
    except urllib.error.URLError:
        return False


COMMANDS = {
    "granian": [sys.executable, "-m", "config.serve"],
    "gunicorn": [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"],
}


@contextlib.contextmanager
def running(env, count=1, server="granian"):
    """`count` servers with `env`; yields their base URLs, stops them after."""
    servers, bases = [], []
    try:
        for _ in range(count):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    COMMANDS[server],
                    cwd=ROOT,
                    env={**env, "PORT": str(port)},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        for base, process in zip(bases, servers, strict=True):
            while not healthy(base):
                assert process.poll() is None, f"{base} exited"
                assert time.monotonic() < deadline, f"{base} did not start"
                time.sleep(0.2)
        yield bases
    finally:
        for process in servers:
            process.terminate()
        for process in servers:
            process.wait(timeout=30)
