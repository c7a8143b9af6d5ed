"""`sync_ll2` against a real upstream over HTTP on 127.0.0.1: a second instance of our own
server (its own database, the bundled data with synthetic crews, expeditions, spacewalks and
events added, throttled to 4 anonymous requests a second). The failure modes, which our own
server does not answer on demand, are in test_sync_scripted.py.
"""

import json
from datetime import timedelta
from io import StringIO

import isodate
import pytest

from api.shapes import modes
from ingest.models import SyncState
from spaceflight.models import DockingEvent, Expedition
from tests.conftest import without_hosts
from tests.support.sync import sync
from tools.servers import get, manage, running, server_env

pytestmark = pytest.mark.django_db

# What a mirror must answer as its upstream does: every resource of every version, in every
# mode, and the objects of its first page by id (lists by the clock: their list alone).
PATHS = {
    "2.0.0": [
        "docking_event",
        "spacestation",
        "spacecraft/flight",
        "spacecraft",
        "astronaut",
        "expedition",
        "event",
    ],
    "2.2.0": [
        "docking_event",
        "spacestation",
        "spacecraft/flight",
        "spacecraft",
        "astronaut",
        "expedition",
        "spacewalks",
        "event",
    ],
    "2.3.0": [
        "docking_events",
        "space_stations",
        "spacecraft_flights",
        "spacecraft",
        "payload_flights",
        # Who is aboard.
        "astronauts",
        "expeditions",
        "spacewalks",
        "events",
        "events/upcoming",
        "events/previous",
    ],
}
LISTS_ONLY = {"events/upcoming", "events/previous"}
# The synthetic expedition under way (tests/support/crewed.py), changed upstream below.
EXPEDITION = 9001


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
    # People: the bundled expeditions have no crew, and there are no spacewalks or events.
    manage(env, "shell", "-c", "from tests.support.crewed import add_crews; add_crews()")
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
            for mode in modes(version, name):
                path = f"/{version}/{name}/?mode={mode}&limit=100"
                ours, theirs = api.get(path).json(), upstream_json(upstream, path)
                assert_same_but_live_durations(ours, theirs, path)
            if name in LISTS_ONLY:
                continue
            for found in upstream_json(upstream, f"/{version}/{name}/?limit=100")["results"]:
                path = f"/{version}/{name}/{found['id']}/"
                ours, theirs = api.get(path).json(), upstream_json(upstream, path)
                assert_same_but_live_durations(ours, theirs, path)
    path = "/2.3.0/config/docking_locations/?limit=100"
    assert_same_but_live_durations(api.get(path).json(), upstream_json(upstream, path))


def mirror(upstream, *args, log=None):
    """A run with the comparer's key, which the upstream does not hold back (its anonymous
    limit is what test_it_waits_for_the_upstream_limit_instead_of_exceeding_it is about)."""
    keyed = ("--base-url", upstream["base"], "--api-key", upstream["key"], "--page-size", "5")
    return sync(*keyed, *args, log=log)


def test_a_synced_mirror_answers_every_version_like_its_upstream(api, upstream):
    output = mirror(upstream)

    assert output.startswith("Up to date.")
    assert DockingEvent.objects.count() == 25
    assert Expedition.objects.get(pk=EXPEDITION).crew.count() == 3
    assert_mirrors(api, upstream)


def test_it_waits_for_the_upstream_limit_instead_of_exceeding_it(upstream):
    log = StringIO()
    output = sync("--base-url", upstream["base"], "--page-size", "5", "--full", log=log)
    # A whole run's pages at 4 anonymous requests a second, however slowly this machine
    # answers each: it must have waited, and never got a 429.
    waits = [line for line in log.getvalue().splitlines() if line.startswith("waiting")]
    assert waits and all("requests used upstream" in wait for wait in waits)
    assert float(output.split("pages written, ")[1].split("s waited")[0]) >= 1


def test_an_interrupted_sync_resumes_where_it_stopped(api, upstream):
    log = StringIO()
    stopped = sync(
        "--base-url", upstream["base"], "--page-size", "5", "--max-requests", "6", log=log
    )
    assert stopped.startswith("Will resume: the budget of 6 requests (--max-requests) is spent")
    assert "; more than this run's budget of 6 (--max-requests): it stops" in log.getvalue()
    state = SyncState.objects.get(base_url=upstream["base"])
    assert state.in_progress
    partial = DockingEvent.objects.count()
    assert 0 < partial < 25

    log = StringIO()
    output = mirror(upstream, log=log)

    assert log.getvalue().startswith("resuming the full run at query 1, 16 queries: at least")
    assert output.startswith("Up to date.")
    assert DockingEvent.objects.count() == 25
    assert "DockingEvent 0/" not in output.split("Per kind")[1]  # it went on, not over
    assert not SyncState.objects.get(base_url=upstream["base"]).in_progress
    assert_mirrors(api, upstream)


def change_upstream(upstream, code):
    """Run `code` in the upstream's database (`m`: the models), as its own process."""
    manage(upstream["env"], "shell", "-c", f"from spaceflight import models as m\n{code}")


def per_kind(output):
    """`{kind: (created, updated, unchanged, kept)}` of a run's summary."""
    counts = output.split("Per kind (created/updated/unchanged/kept): ")[1].strip()
    return {
        kind: tuple(map(int, numbers.split("/")))
        for kind, numbers in (item.rsplit(" ", 1) for item in counts.split(", "))
    }


def used(output):
    return int(output.split(" requests used")[0].split()[-1])


def test_the_next_run_asks_only_for_what_may_have_changed(api, upstream):
    log = StringIO()
    full = mirror(upstream, log=log)
    # The plan and its least cost are said before the first request, the real cost after.
    said = log.getvalue().splitlines()
    assert said[0].startswith("the plan: a full run, 16 queries: at least 24 requests (12 pages")
    steps = "launches, agencies, spacecraft_configs, launcher_configs"
    assert said[0].endswith(f"and the steps {steps} counted when reached")
    assert "  /2.3.0/astronauts/?mode=detailed&ordering=id: a page per 5 objects" in said
    assert "  /2.3.0/events/?mode=detailed&ordering=date: a page per 5 objects" in said
    assert used(full) >= 24
    # The expedition under way ends upstream, and one of its crew leaves it.
    change_upstream(
        upstream,
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        f"e = m.Expedition.objects.get(pk={EXPEDITION})\n"
        "e.end = timezone.now() - timedelta(hours=1)\n"
        "e.save()\n"
        "e.crew.remove(e.crew.order_by('pk').last())",
    )
    try:
        log = StringIO()
        again = mirror(upstream, log=log)
        for path in (
            f"/2.3.0/expeditions/{EXPEDITION}/",
            "/2.3.0/expeditions/?mode=detailed&limit=100",
            "/2.3.0/space_stations/?mode=detailed&limit=100",
        ):
            theirs = upstream_json(upstream, path)
            assert_same_but_live_durations(api.get(path).json(), theirs, path)
        repaired = mirror(upstream, "--full")
    finally:
        change_upstream(
            upstream,
            f"e = m.Expedition.objects.get(pk={EXPEDITION})\n"
            "e.end = None\n"
            "e.save()\n"
            f"e.crew.add({EXPEDITION + 2})",
        )

    said = log.getvalue().splitlines()
    assert said[0].startswith("the plan: an incremental run, 12 queries: at least 22 requests")
    # The expeditions under way the mirror holds that started before the run's window (two
    # bundled, two synthetic), by id: LL2 2.3.0 filters expeditions neither by id nor by
    # `is_active`.
    assert "/2.3.0/expeditions/: the step expeditions asks 4 queries" in " ".join(said)
    # Still-docked events and the last week's, who is aboard: a few pages, not all again.
    assert used(again) < used(full) / 2
    assert "DockingEvent 0/0/" in again
    # Nothing created, and nothing updated but that expedition and its station, whose own page
    # no longer lists it among its active expeditions.
    changed = {kind: n[:2] for kind, n in per_kind(again).items() if n[0] or n[1]}
    assert changed == {"Expedition": (0, 1), "SpaceStation": (0, 1)}, again
    assert Expedition.objects.get(pk=EXPEDITION).crew.count() == 2
    assert used(repaired) == used(full)


def test_the_api_key_is_sent_as_a_token(upstream):
    key = manage(upstream["env"], "create_api_key", "mirror-key", "--rate", "500/hour")

    sync("--base-url", upstream["base"], "--api-key", key, "--page-size", "100")

    status, body = get(f"{upstream['base']}/2.3.0/api-throttle/", {"Authorization": f"Token {key}"})
    assert json.loads(body)["ident"] == f"key:{key[:8]}"
    # One page of each of the seven queries of a full run, one of the launches the events
    # reference, one request per referenced agency (fifteen), and one page each of
    # astronauts (2.3.0's and 2.2.0's), expeditions, spacewalks and events (throttle reads not
    # counted).
    assert json.loads(body)["current_use"] == 28
