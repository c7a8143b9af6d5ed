"""`sync_ll2` against a real upstream over HTTP on 127.0.0.1: a second instance of our own
server (its own database, the bundled data, throttled to 4 anonymous requests a second). The
failure modes, which our own server does not answer on demand, are in test_sync_scripted.py.
"""

import json
from datetime import timedelta
from io import StringIO

import isodate
import pytest

from ingest.models import SyncState
from spaceflight.models import DockingEvent
from tests.conftest import without_hosts
from tests.support.sync import sync
from tools.servers import get, manage, running, server_env

pytestmark = pytest.mark.django_db

# What a mirror must answer as its upstream does: every resource of every version, both modes.
PATHS = {
    "2.0.0": ["docking_event", "spacestation", "spacecraft/flight", "spacecraft"],
    "2.2.0": ["docking_event", "spacestation", "spacecraft/flight", "spacecraft"],
    "2.3.0": [
        "docking_events",
        "space_stations",
        "spacecraft_flights",
        "spacecraft",
        "payload_flights",
    ],
}


@pytest.fixture(scope="module")
def upstream(tmp_path_factory):
    database = tmp_path_factory.mktemp("upstream") / "upstream.sqlite3"
    env = server_env(
        DATABASE_URL=f"sqlite:///{database}",
        THROTTLE_ANON_RATE="4/second",
        THROTTLE_KEY_RATE="10000/hour",
    )
    manage(env, "migrate", "--no-input")
    manage(env, "load_bundled_data")
    key = manage(env, "create_api_key", "comparer")
    with running(env) as (base,):
        yield {"base": base, "key": key, "env": env}


def upstream_json(upstream, path):
    status, body = get(f"{upstream['base']}{path}", {"Authorization": f"Token {upstream['key']}"})
    assert status == 200, (path, body[:300])
    return json.loads(body)


def assert_same_but_live_durations(ours, theirs, where="$"):
    """Equal, hosts aside; the live `duration` of a flight still in space differs by the time
    between the two requests, so it only has to agree within a minute."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        assert list(ours) == list(theirs), where
        for key in ours:
            if key == "duration" and ours.get("mission_end") is None and ours[key] and theirs[key]:
                gap = isodate.parse_duration(ours[key]) - isodate.parse_duration(theirs[key])
                assert abs(gap) < timedelta(minutes=1), where
            else:
                assert_same_but_live_durations(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(ours, list) and isinstance(theirs, list):
        assert len(ours) == len(theirs), where
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            assert_same_but_live_durations(a, b, f"{where}[{index}]")
    else:
        assert without_hosts(ours) == without_hosts(theirs), where


def assert_mirrors(api, upstream):
    for version, names in PATHS.items():
        for name in names:
            for mode in ("normal", "detailed"):
                path = f"/{version}/{name}/?mode={mode}&limit=100"
                ours, theirs = api.get(path).json(), upstream_json(upstream, path)
                assert_same_but_live_durations(ours, theirs, path)
            for found in upstream_json(upstream, f"/{version}/{name}/?limit=100")["results"]:
                path = f"/{version}/{name}/{found['id']}/"
                ours, theirs = api.get(path).json(), upstream_json(upstream, path)
                assert_same_but_live_durations(ours, theirs, path)
    path = "/2.3.0/config/docking_locations/?limit=100"
    assert_same_but_live_durations(api.get(path).json(), upstream_json(upstream, path))


def test_a_synced_mirror_answers_every_version_like_its_upstream(api, upstream):
    output = sync("--base-url", upstream["base"], "--page-size", "5")

    assert output.startswith("Up to date.")
    assert DockingEvent.objects.count() == 25
    assert_mirrors(api, upstream)


def test_it_waits_for_the_upstream_limit_instead_of_exceeding_it(upstream):
    log = StringIO()
    output = sync("--base-url", upstream["base"], "--page-size", "5", "--full", log=log)
    # 12 pages at 4 anonymous requests a second: it must have waited, and never got a 429.
    waits = [line for line in log.getvalue().splitlines() if line.startswith("waiting")]
    assert waits and all("requests used upstream" in wait for wait in waits)
    assert float(output.split("pages written, ")[1].split("s waited")[0]) >= 1


def test_an_interrupted_sync_resumes_where_it_stopped(api, upstream):
    stopped = sync("--base-url", upstream["base"], "--page-size", "5", "--max-requests", "6")
    assert stopped.startswith("Will resume: the budget of 6 requests (--max-requests) is spent")
    state = SyncState.objects.get(base_url=upstream["base"])
    assert state.in_progress
    partial = DockingEvent.objects.count()
    assert 0 < partial < 25

    output = sync("--base-url", upstream["base"], "--page-size", "5")

    assert output.startswith("Up to date.")
    assert DockingEvent.objects.count() == 25
    assert "DockingEvent 0/" not in output.split("Per kind")[1]  # it went on, not over
    assert not SyncState.objects.get(base_url=upstream["base"]).in_progress
    assert_mirrors(api, upstream)


def test_the_next_run_asks_only_for_what_may_have_changed(upstream):
    full = sync("--base-url", upstream["base"], "--page-size", "5")
    again = sync("--base-url", upstream["base"], "--page-size", "5")
    repaired = sync("--base-url", upstream["base"], "--page-size", "5", "--full")

    def used(output):
        return int(output.split(" requests used")[0].split()[-1])

    # Still-docked events and the last week's: a few pages, not all of them again.
    assert used(again) < used(full) / 2
    assert "DockingEvent 0/0/" in again
    assert used(repaired) == used(full)


def test_the_api_key_is_sent_as_a_token(upstream):
    key = manage(upstream["env"], "create_api_key", "mirror-key", "--rate", "500/hour")

    sync("--base-url", upstream["base"], "--api-key", key, "--page-size", "100")

    status, body = get(f"{upstream['base']}/2.3.0/api-throttle/", {"Authorization": f"Token {key}"})
    assert json.loads(body)["ident"] == f"key:{key[:8]}"
    # One page of each of the seven queries of a full run, one of the launches the events
    # reference, and one request per referenced agency (fifteen; throttle reads not counted).
    assert json.loads(body)["current_use"] == 23
