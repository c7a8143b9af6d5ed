"""`sync_ll2` against a small scripted server on 127.0.0.1: 500s, 429s, broken JSON,
refusals, throttle statuses and budgets, answered on demand as our own server does not."""

import json
import re
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from types import SimpleNamespace

import isodate
import pytest
from django.core.management import CommandError

from ingest import references
from ingest.models import SyncState
from ingest.sync import Mirror, SyncStopped, Upstream
from spaceflight.models import DockingEvent, DockingLocation, Expedition
from tests.conftest import reference
from tests.support.sync import sync

pytestmark = pytest.mark.django_db


class Scripted(BaseHTTPRequestHandler):
    """Answers each path with the next of its scripted `(status, headers, body)` answers."""

    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Authorization")))
        path = self.path.split("?")[0]
        answers = self.server.script.get(path) or [(404, {}, b'{"detail": "Not found."}')]
        status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    server.seen, server.script = [], {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def page(events):
    return json.dumps({"count": len(events), "next": None, "previous": None, "results": events})


EMPTY = (200, {}, page([]).encode())


def script(server, events_answers):
    server.script = {
        "/2.3.0/docking_events/": events_answers,
        "/2.2.0/docking_event/": [EMPTY],
        "/2.3.0/config/docking_locations/": [EMPTY],
        "/2.3.0/space_stations/": [EMPTY],
        "/2.3.0/spacecraft_flights/": [EMPTY],
        "/2.3.0/spacecraft/": [EMPTY],
        "/2.3.0/payload_flights/": [EMPTY],
    }


def mirror(server, **options):
    waits = []
    upstream = Upstream(f"http://127.0.0.1:{server.server_port}", sleep=waits.append, **options)
    return Mirror(upstream), waits


EVENTS = reference("v2.3.0_docking_events_list_offset10_b.json")["results"]


def test_5xx_and_429_are_waited_out(scripted):
    good = (200, {}, page(EVENTS).encode())
    script(
        scripted,
        [(500, {}, b"oops"), (502, {}, b"bad gateway"), (429, {"Retry-After": "7"}, b""), good],
    )
    sync_run, waits = mirror(scripted)

    sync_run.run()

    assert waits == [1, 2, 7]
    assert DockingEvent.objects.count() == len(EVENTS)


def test_persistent_5xx_stops_the_run_for_later(scripted):
    script(scripted, [(503, {}, b"down")])
    sync_run, waits = mirror(scripted, retries=2)

    with pytest.raises(SyncStopped, match="HTTP 503, 3 times"):
        sync_run.run()

    assert waits == [1, 2]
    assert SyncState.objects.get().in_progress


def test_malformed_json_stops_and_writes_nothing(scripted):
    script(scripted, [(200, {}, b'{"count": 1, "results": [{"id": 1')])
    sync_run, _ = mirror(scripted)

    with pytest.raises(SyncStopped, match="not JSON"):
        sync_run.run()

    assert DockingEvent.objects.count() == 0


def test_a_page_that_fails_validation_is_not_half_written(scripted):
    broken = json.loads(json.dumps(EVENTS))
    broken[-1]["docking"] = "soon"
    script(scripted, [(200, {}, page(broken).encode())])
    sync_run, _ = mirror(scripted)

    with pytest.raises(SyncStopped, match=r"results\[5\]\.docking.*nothing of this page"):
        sync_run.run()

    assert DockingEvent.objects.count() == 0
    assert sync_run.importer.counts() == {}


def test_budget_is_never_exceeded(scripted):
    script(scripted, [(200, {}, page(EVENTS).encode())])
    sync_run, _ = mirror(scripted, max_requests=2)

    with pytest.raises(SyncStopped, match="budget of 2 requests"):
        sync_run.run()

    assert len(scripted.seen) == 2


def test_api_key_header_and_throttle_status_are_read(scripted):
    script(scripted, [(200, {}, page(EVENTS).encode())])
    status = {"your_request_limit": 15, "limit_frequency_secs": 3600, "ident": "x"}
    scripted.script["/2.3.0/api-throttle/"] = [
        (200, {}, json.dumps({**status, "current_use": 15, "next_use_secs": 42}).encode()),
        (200, {}, json.dumps({**status, "current_use": 3, "next_use_secs": 0}).encode()),
    ]
    sync_run, waits = mirror(scripted, api_key="secret")

    sync_run.run()

    assert waits == [42]
    assert {auth for _, auth in scripted.seen} == {"Token secret"}
    assert scripted.seen[0][0] == "/2.3.0/api-throttle/"


def test_loop_runs_again_after_the_interval(scripted, monkeypatch):
    script(scripted, [(200, {}, page(EVENTS).encode())])
    pauses = []

    def stop_after_first_pause(seconds):
        pauses.append(seconds)
        raise KeyboardInterrupt

    # The command's own `time` only: patching `time.sleep` itself would also catch the sleeps of
    # server threads an earlier test left running in this process.
    monkeypatch.setattr(
        "ingest.management.commands.sync_ll2.time", SimpleNamespace(sleep=stop_after_first_pause)
    )
    with pytest.raises(KeyboardInterrupt):
        sync("--base-url", f"http://127.0.0.1:{scripted.server_port}", "--loop", "15m")

    assert pauses == [900]
    assert DockingEvent.objects.count() == len(EVENTS)


def test_docking_locations_are_placed_by_the_path_the_run_asked(scripted):
    script(scripted, [EMPTY])
    location = reference("v2.3.0_docking_events_618_detailed.json")["docking_location"]
    scripted.script["/2.3.0/config/docking_locations/"] = [(200, {}, page([location]).encode())]
    sync_run, _ = mirror(scripted)

    sync_run.run()

    assert DockingLocation.objects.get(pk=location["id"]).name == location["name"]


class Recorder(StringIO):
    """A stderr that notes, for each line, how many requests the upstream had seen by then."""

    def __init__(self, server):
        super().__init__()
        self.server, self.lines, self.flushed = server, [], []

    def write(self, text):
        self.lines.append((text.strip(), len(self.server.seen)))
        return super().write(text)

    def flush(self):
        self.flushed.append(len(self.lines))


def test_waits_are_shown_when_they_happen(scripted):
    script(scripted, [(200, {}, page(EVENTS).encode())])
    status = {"your_request_limit": 6, "limit_frequency_secs": 3600, "ident": "x"}
    scripted.script["/2.3.0/api-throttle/"] = [
        (200, {}, json.dumps({**status, "current_use": 6, "next_use_secs": 1}).encode()),
        (200, {}, json.dumps({**status, "current_use": 1, "next_use_secs": 0}).encode()),
    ]
    log = Recorder(scripted)

    sync("--base-url", f"http://127.0.0.1:{scripted.server_port}", log=log)

    # The plan, before any request; then the wait, written and flushed after the first
    # throttle read, before the wait and the next request.
    wait = log.lines.index(("waiting 1 s: 6 of 6 requests used upstream", 1))
    plan = log.lines[:wait]
    assert plan[0][0].startswith("the plan: a full run, 16 queries")
    assert len(plan) == 1 + 16 and all(seen == 0 for _, seen in plan)
    assert log.flushed[wait] >= wait + 1
    assert any("/2.3.0/docking_events/: 6 objects written" in line for line, _ in log.lines)


@pytest.mark.parametrize(
    ("status", "key", "expected"),
    [
        (401, "wrong", "HTTP 401: the upstream refused the API key"),
        (403, "wrong", "HTTP 403: the upstream refused the API key"),
        (401, "", "HTTP 401: the upstream wants an API key (--api-key)"),
        (404, "", "HTTP 404: the upstream has no such path; is the base URL right?"),
    ],
)
def test_a_refusal_stops_at_once_even_in_a_loop(scripted, monkeypatch, status, key, expected):
    script(scripted, [(status, {}, b'{"detail": "no"}')])
    pauses = []
    monkeypatch.setattr(
        "ingest.management.commands.sync_ll2.time", SimpleNamespace(sleep=pauses.append)
    )

    with pytest.raises(CommandError, match=re.escape(expected)):
        sync(
            "--base-url",
            f"http://127.0.0.1:{scripted.server_port}",
            "--api-key",
            key,
            "--loop",
            "1h",
        )

    # The throttle read (404 here: an upstream without one is fine), then the refused page.
    assert [path.split("?")[0] for path, _ in scripted.seen] == [
        "/2.3.0/api-throttle/",
        "/2.3.0/docking_events/",
    ]
    assert pauses == []


def test_a_base_url_without_a_scheme_stops_before_any_request():
    with pytest.raises(CommandError, match="try https://ll.thespacedevs.com"):
        sync("--base-url", "ll.thespacedevs.com")
    assert not SyncState.objects.exists()


def test_an_upstream_that_ignores_the_docked_filter_gets_a_full_run(scripted):
    assert any(event["departure"] for event in EVENTS)
    script(scripted, [(200, {}, page(EVENTS).encode())])
    base = f"http://127.0.0.1:{scripted.server_port}"
    SyncState.objects.create(base_url=base, high_water=isodate.parse_datetime(EVENTS[0]["docking"]))
    log = StringIO()

    output = sync("--base-url", base, log=log)

    asked = [path for path, _ in scripted.seen if "api-throttle" not in path]
    assert "docked=true" in asked[0]
    assert not any("docked" in path or "docking__gte" in path for path in asked[1:])
    assert [path.split("?")[0] for path in asked[1:]] == [
        "/2.3.0/docking_events/",
        "/2.2.0/docking_event/",
        "/2.3.0/config/docking_locations/",
        "/2.3.0/space_stations/",
        "/2.3.0/spacecraft_flights/",
        "/2.3.0/spacecraft/",
        "/2.3.0/payload_flights/",
        "/2.3.0/launches/",
        "/2.3.0/agencies/",
        # Who is aboard: this upstream has none of it (404), each step skipped with a note.
        "/2.2.0/astronaut/",
        "/2.3.0/astronauts/",
        "/2.3.0/expeditions/",
        "/2.3.0/spacewalks/",
        "/2.3.0/events/",
    ]
    assert "ignores the docked filter: a full run instead" in log.getvalue()
    assert "Note: the upstream ignores the docked filter: a full run instead." in output
    assert DockingEvent.objects.count() == len(EVENTS)


def test_an_upstream_without_the_people_skips_their_steps_in_an_incremental_run(scripted):
    """An older instance of this server (no astronauts, expeditions, spacewalks or events):
    one 404 skips a family's steps, the expeditions under way the mirror holds included."""
    script(scripted, [EMPTY])
    base = f"http://127.0.0.1:{scripted.server_port}"
    SyncState.objects.create(base_url=base, high_water=isodate.parse_datetime(EVENTS[0]["docking"]))
    # Under way since before the run's window: the step of those would ask for it by id.
    started = isodate.parse_datetime(EVENTS[0]["docking"]) - timedelta(days=30)
    Expedition.objects.create(id=1, name="Under way", start=started)
    assert references.expeditions_under_way(started.isoformat()) == []
    assert references.expeditions_under_way(EVENTS[0]["docking"]) == [1]

    output = sync("--base-url", base)

    asked = [path.split("?")[0] for path, _ in scripted.seen if "api-throttle" not in path]
    assert asked[5:] == [
        "/2.3.0/astronauts/",
        "/2.3.0/expeditions/",
        "/2.3.0/spacewalks/",
        "/2.3.0/events/upcoming/",
    ]
    for path in asked[5:]:
        assert f"Note: the upstream has no {path}: that step was skipped." in output
    assert output.startswith("Up to date.")
