"""Two app processes on one PostgreSQL and one Redis: shared rate limits, no stale reads.

Runs on the production stack only (DATABASE_URL on PostgreSQL and REDIS_URL set, as in the
second pass of .ci/run): the servers are real `make serve` processes on their own database.
"""

import http.cookiejar
import json
import os
import re
import time
import urllib.parse
import urllib.request

import dj_database_url
import pytest

from spaceflight.changes import APPLICATION_NAME, Listener
from tools.fault_postgres import drop_database
from tools.servers import get, manage, running, server_env

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith("postgres") and REDIS_URL),
    reason="needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): the production-stack pass",
)


@pytest.fixture(scope="module")
def stack():
    """A database of its own, the bundled data, a curator, a key, and two servers."""
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
    env = server_env(
        DATABASE_URL=url,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=name,
        THROTTLE_ANON_RATE="5/hour",
        DJANGO_SUPERUSER_PASSWORD="curator-password",
    )
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic_once")
    manage(env, "load_bundled_data")
    manage(env, "createsuperuser", "--no-input", "--username", "curator", "--email", "c@x.org")
    key = manage(env, "create_api_key", "reader")
    try:
        with running(env, count=2) as (a, b):
            yield {"a": a, "b": b, "key": key, "env": env, "name": name, "dsn": admin_dsn}
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as connection:
            drop_database(connection, name)


def test_two_processes_share_one_rate_limit(stack):
    a, b = stack["a"], stack["b"]
    statuses = [get(f"{base}/2.3.0/docking_events/")[0] for base in (a, b, a, b, a)]
    assert statuses == [200] * 5

    assert get(f"{b}/2.3.0/docking_events/")[0] == 429
    assert get(f"{a}/2.3.0/docking_events/")[0] == 429
    for base in (a, b):
        status, body = get(f"{base}/2.3.0/api-throttle/")
        assert status == 200
        # The two refused requests are not counted (as DRF's throttle doesn't count them).
        assert json.loads(body)["current_use"] == 5


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
    for _ in range(2):
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

    # B had the location cached (Redis and its own memory): it must not serve that copy.
    _, body = get(f"{b}/2.3.0/config/docking_locations/2/?format=json", keyed)
    assert json.loads(body)["name"] == "Zvezda aft (renamed)"
    for base in (b, a):
        _, body = get(f"{base}/2.3.0/docking_events/618/?format=json", keyed)
        assert json.loads(body)["docking_location"]["name"] == "Zvezda aft (renamed)"


def location_name(base, keyed):
    status, body = get(f"{base}/2.3.0/config/docking_locations/3/?format=json", keyed)
    assert status == 200
    return json.loads(body)["name"]


def rename_elsewhere(stack, name):
    """A write by another process (a cron job's, a shell's), committed before this returns."""
    manage(
        stack["env"],
        "shell",
        "-c",
        "from spaceflight.models import DockingLocation as L; "
        f"l = L.objects.get(pk=3); l.name = {name!r}; l.save()",
    )


def test_with_their_channels_down_both_processes_serve_every_commit_and_listen_again(stack):
    import psycopg

    keyed = {"Authorization": f"Token {stack['key']}"}
    for base in (stack["a"], stack["b"]):
        assert json.loads(get(f"{base}/health/")[1])["generation"] == "listening"
        location_name(base, keyed)
    with psycopg.connect(stack["dsn"], autocommit=True) as connection:
        ended = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = %s AND datname = %s",
            [APPLICATION_NAME, stack["name"]],
        ).fetchall()
    assert len(ended) == 2

    rename_elsewhere(stack, "Poisk zenith (renamed while deaf)")
    for base in (stack["a"], stack["b"]):
        assert location_name(base, keyed) == "Poisk zenith (renamed while deaf)"
        assert json.loads(get(f"{base}/health/")[1])["generation"] == "read per request"

    time.sleep(Listener.RETRY_SECONDS)
    for base in (stack["a"], stack["b"]):
        assert json.loads(get(f"{base}/health/")[1])["generation"] == "listening"
    rename_elsewhere(stack, "Poisk zenith (heard again)")
    for base in (stack["a"], stack["b"]):
        assert location_name(base, keyed) == "Poisk zenith (heard again)"


# Each server's threads, each with its connection: granian's workers (one a core) times its
# threads (config/serve.py), and more.
REQUESTS_TO_MEET_EVERY_THREAD = 3 * 2 * 4


def test_an_object_page_read_on_connections_the_server_ended_is_answered(stack):
    """An object's page asked first since a write is read from its kept fragment before the
    view, with no health check before the query (api/rendering/fragments.py, `stored`): on a
    connection the server ended, the read fails and runs again on a new connection, as the
    check would have replaced it, and the page is answered, not a 503."""
    import psycopg

    keyed = {"Authorization": f"Token {stack['key']}"}
    path = "/2.3.0/docking_events/618/?format=json"
    for base in (stack["a"], stack["b"]):
        for _ in range(REQUESTS_TO_MEET_EVERY_THREAD):
            assert get(f"{base}{path}", keyed)[0] == 200
    rename_elsewhere(stack, "Poisk zenith (renamed as connections end)")  # nothing warm now
    with psycopg.connect(stack["dsn"], autocommit=True) as connection:
        ended = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND application_name <> %s",
            [stack["name"], APPLICATION_NAME],
        ).fetchall()
    assert len(ended) >= 2
    for base in (stack["a"], stack["b"]):
        for _ in range(REQUESTS_TO_MEET_EVERY_THREAD):
            status, body = get(f"{base}{path}", keyed)
            assert status == 200, body[:200]
            assert json.loads(body)["id"] == 618


def test_a_key_revoked_elsewhere_is_refused_by_every_process_from_its_next_request(stack):
    key = manage(stack["env"], "create_api_key", "revoked-elsewhere", "--rate", "50000/hour")
    keyed = {"Authorization": f"Token {key}"}
    for base in (stack["a"], stack["b"]):
        assert get(f"{base}/2.3.0/docking_events/", keyed)[0] == 200  # known, a lease in hand
    manage(
        stack["env"],
        "shell",
        "-c",
        "from api.models import ApiKey; k = ApiKey.objects.get(name='revoked-elsewhere'); "
        "k.active = False; k.save()",
    )
    for base in (stack["a"], stack["b"]):
        # Refused: 401, or 429 where the address's anonymous requests, which a refused key
        # counts against, are used up by the tests before.
        assert get(f"{base}/2.3.0/docking_events/", keyed)[0] in (401, 429)
