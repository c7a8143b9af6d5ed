"""Two app processes on one PostgreSQL and one Redis: shared rate limits, no stale reads.

Runs on the production stack only (DATABASE_URL on PostgreSQL and REDIS_URL set, as in the
second pass of .ci/run): the servers are real gunicorn processes on their own database.
"""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).parent.parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith("postgres") and REDIS_URL),
    reason="needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): the production-stack pass",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def get(url, headers=None, opener=None):
    """`(status, body)`; 4xx and 5xx are answers, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def healthy(base):
    try:
        return get(f"{base}/health/")[0] == 200
    except urllib.error.URLError:
        return False


@pytest.fixture(scope="module")
def stack():
    """A database of its own, the bundled data, a curator, a key, and two gunicorn servers."""
    import psycopg

    name = f"docking_processes_{os.getpid()}"
    server = dj_database_url.parse(DATABASE_URL)
    admin_dsn = (
        f"host={server['HOST']} port={server['PORT'] or 5432} user={server['USER']} "
        f"password={server['PASSWORD']} dbname={server['NAME']}"
    )
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    url = DATABASE_URL.rsplit("/", 1)[0] + f"/{name}"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DEBUG"},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": name,
        "SECRET_KEY": "a-long-random-string-for-the-two-process-test-only",
        "THROTTLE_ANON_RATE": "5/hour",
        "DJANGO_SUPERUSER_PASSWORD": "curator-password",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESSLOG": "",
    }
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    manage(env, "load_bundled_data")
    manage(env, "createsuperuser", "--no-input", "--username", "curator", "--email", "c@x.org")
    key = subprocess.run(
        [sys.executable, "manage.py", "create_api_key", "reader"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    servers, bases = [], []
    try:
        for _ in range(2):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"],
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
        yield {"a": bases[0], "b": bases[1], "key": key}
    finally:
        for process in servers:
            process.terminate()
        for process in servers:
            process.wait(timeout=30)
        with psycopg.connect(admin_dsn, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_processes_share_one_rate_limit(stack):
    a, b = stack["a"], stack["b"]
    statuses = [get(f"{base}/2.3.0/docking_events/")[0] for base in (a, b, a, b, a)]
    assert statuses == [200] * 5

    assert get(f"{b}/2.3.0/docking_events/")[0] == 429
    assert get(f"{a}/2.3.0/docking_events/")[0] == 429
    for base in (a, b):
        status, body = get(f"{base}/2.3.0/api-throttle/")
        assert status == 200
        assert json.loads(body)["current_use"] == 7


def login(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _, page = get(f"{base}/admin/login/", opener=opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "username": "curator", "password": "curator-password"}
    opener.open(f"{base}/admin/login/?next=/admin/", urllib.parse.urlencode(form).encode())
    return opener


def test_an_edit_through_one_process_is_served_by_the_other_at_once(stack):
    a, b = stack["a"], stack["b"]
    keyed = {"Authorization": f"Token {stack['key']}"}
    status, body = get(f"{b}/2.3.0/config/docking_locations/2/?format=json", keyed)
    assert status == 200
    assert json.loads(body)["name"] == "Zvezda aft"

    curator = login(a)
    change = f"{a}/admin/spaceflight/dockinglocation/2/change/"
    _, page = get(change, opener=curator)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "id": "2", "name": "Zvezda aft (renamed)"}
    form["spacestation"] = re.search(r'name="spacestation" value="(\d*)"', page).group(1)
    with curator.open(change, urllib.parse.urlencode(form).encode()) as response:
        assert response.status == 200
        assert "was changed successfully" in response.read().decode()

    for base in (b, a):
        _, body = get(f"{base}/2.3.0/docking_events/618/?format=json", keyed)
        assert json.loads(body)["docking_location"]["name"] == "Zvezda aft (renamed)"
