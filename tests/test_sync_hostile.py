"""`sync_ll2` against hostile upstreams on 127.0.0.1: redirects to another origin, huge, deep,
looping, stalled and trickled answers, absurd waits and malformed throttle statuses. Each is
stopped within the bounds the test sets, in one line, and the API key never leaves its origin."""

import json
import time
import tracemalloc
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError

from ingest.reader import streamed
from ingest.sync import Mirror, SyncStopped, Upstream, WaitTooLong
from spaceflight.models import DockingEvent
from tests.support.sync import EVENTS, THROTTLE, fake_upstream, page, respond, sync

pytestmark = pytest.mark.django_db
LIST = "/2.3.0/docking_events/"


def one_line_failure(*args):
    """The message of the CommandError `sync_ll2 args` ends with; it must be one line."""
    with pytest.raises(CommandError) as failure:
        sync(*args)
    message = str(failure.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_redirect_to_another_origin_is_refused_and_the_key_stays_home():
    with fake_upstream(otherwise=lambda h: respond(h, 200, page(EVENTS).encode())) as elsewhere:

        def away(handler):
            respond(handler, 302, headers={"Location": f"{elsewhere.base}{handler.path}"})

        with fake_upstream(otherwise=away) as upstream:
            message = one_line_failure("--base-url", upstream.base, "--api-key", "secret")

    assert f"redirects to {elsewhere.base}" in message
    assert "another origin: not followed" in message
    assert elsewhere.seen == []
    assert {auth for _, auth in upstream.seen} == {"Token secret"}
    assert DockingEvent.objects.count() == 0


def test_a_redirect_to_ftp_is_refused_at_once():
    def ftp(handler):
        respond(handler, 302, headers={"Location": "ftp://127.0.0.1:9/pub/events.json"})

    started = time.monotonic()
    with fake_upstream(otherwise=ftp) as upstream:
        message = one_line_failure("--base-url", upstream.base, "--api-key", "secret")

    assert "redirects to ftp://127.0.0.1:9/pub/events.json, another origin" in message
    assert time.monotonic() - started < 5


def test_a_redirect_within_the_origin_is_followed_with_the_key():
    def moved(handler):
        respond(handler, 301, headers={"Location": f"/moved{handler.path}"})

    with fake_upstream({LIST: moved, f"/moved{LIST}": events_page}) as upstream:
        output = sync("--base-url", upstream.base, "--api-key", "secret")

    assert output.startswith("Up to date.")
    assert (f"/moved{LIST}?limit=100&mode=detailed&offset=0&ordering=docking", "Token secret") in (
        upstream.seen
    )
    assert DockingEvent.objects.count() == len(EVENTS)


def events_page(handler):
    respond(handler, 200, page(EVENTS).encode())


def endless(handler):
    """A body that never ends: JSON, as far as it goes, written until the client hangs up."""
    handler.send_response(200)
    handler.end_headers()
    handler.wfile.write(b'{"count": 1, "next": null, "results": [], "padding": "')
    handler.server.written = 0
    while handler.server.written < 50_000_000:
        handler.wfile.write(b"x" * 65536)
        handler.server.written += 65536


def test_a_huge_body_is_refused_at_the_cap_without_reading_it_all():
    with fake_upstream({LIST: endless}) as upstream:
        message = one_line_failure("--base-url", upstream.base, "--max-page-mb", "0.5")
        written = upstream.written

    assert "refused: the answer is larger than 0.5 MB (--max-page-mb)" in message
    assert written < 20_000_000


def test_a_huge_announced_body_is_refused_before_reading_it():
    def announced(handler):
        respond(handler, 200, b'{"count"', {"Content-Length": "200000000"})

    with fake_upstream({LIST: announced}) as upstream:
        message = one_line_failure("--base-url", upstream.base)

    assert "larger than 20 MB (--max-page-mb): 200,000,000 bytes announced" in message


def test_a_large_page_is_parsed_as_a_stream():
    """8 MB of results, read through `answer`, never held whole."""
    item = json.dumps({"id": 1, "name": "x" * 1000}).encode()

    def large(handler):
        handler.send_response(200)
        handler.end_headers()
        handler.wfile.write(b'{"count": 8000, "next": null, "results": [')
        for index in range(8000):
            handler.wfile.write((b"," if index else b"") + item)
        handler.wfile.write(b"]}")

    with fake_upstream({LIST: large}) as upstream:
        client = Upstream(upstream.base)
        tracemalloc.start()
        try:
            with client.answer(LIST) as events:
                items = sum(1 for _ in streamed(events))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert items == 8000
    assert peak < 2_000_000


def test_a_page_nested_past_any_ll2_answer_is_refused_in_one_line():
    deep = b"[" * 200_000 + b"]" * 200_000
    started = time.monotonic()
    with fake_upstream({LIST: lambda h: respond(h, 200, deep)}) as upstream:
        message = one_line_failure("--base-url", upstream.base)

    assert message.startswith(f"{upstream.base}{LIST}?limit=100")
    assert "refused: nested deeper than 64" in message
    assert time.monotonic() - started < 5


def looping(results):
    """A list whose `next` is always the page itself."""

    def answer(handler):
        respond(handler, 200, page(results, f"http://127.0.0.1{handler.path}").encode())

    return answer


@pytest.mark.parametrize("results", [[], EVENTS], ids=["empty", "same events"])
def test_a_page_that_links_to_itself_ends_its_query(results):
    with fake_upstream({LIST: looping(results)}) as upstream:
        output = sync("--base-url", upstream.base)

    asked = [path for path, _ in upstream.seen if path.startswith(LIST)]
    assert len(asked) == (1 if not results else 2)
    assert output.startswith("Up to date.")
    assert f"Note: the upstream's pages of {LIST} repeat at offset" in output
    assert DockingEvent.objects.count() == len(results)


def paged(events, size):
    """A list served as LL2 does, `size` a page, `next` to the following page; `docked=true`
    keeps the events still docked, other filters are ignored (a page may hold more)."""

    def answer(handler):
        query = parse_qs(urlsplit(handler.path).query)
        rows = [e for e in events if not e["departure"]] if "docked" in query else events
        offset = int(query["offset"][0])
        more = offset + size < len(rows)
        link = f"http://127.0.0.1{LIST}?limit={size}&offset={offset + size}" if more else None
        respond(handler, 200, page(rows[offset : offset + size], link).encode())

    return answer


def test_unchanged_pages_in_an_incremental_run_end_it_cleanly():
    with fake_upstream({LIST: paged(EVENTS, 2)}) as upstream:
        runs = [sync("--base-url", upstream.base, "--page-size", "2") for _ in range(2)]
        before = len(upstream.seen)
        runs.append(sync("--base-url", upstream.base, "--page-size", "2"))
        last = [
            parse_qs(urlsplit(path).query)
            for path, _ in upstream.seen[before:]
            if path.startswith(LIST)
        ]

    for output in runs:
        assert output.startswith("Up to date.")
        assert "repeat" not in output
    # The same pages as the run before: all of them asked again, then the run ends.
    assert [q["offset"] for q in last if "docking__gte" in q] == [["0"], ["2"], ["4"]]
    assert [q["offset"] for q in last if "docked" in q] == [["0"], ["2"]]
    assert DockingEvent.objects.count() == len(EVENTS)


def mirror(base, **options):
    waits = []
    return Mirror(Upstream(base, sleep=waits.append, **options)), waits


def test_an_absurd_retry_after_stops_the_run_and_says_when_to_run_again():
    too_long = lambda h: respond(h, 429, headers={"Retry-After": "999999999"})  # noqa: E731
    with fake_upstream({LIST: too_long}) as upstream:
        run, waits = mirror(upstream.base)
        with pytest.raises(WaitTooLong) as stop:
            run.run()

    assert "asks for a wait of 999999999 s, more than --max-wait (3600 s)" in str(stop.value)
    assert "run again after 20" in str(stop.value)
    assert waits == []


def test_an_absurd_throttle_wait_stops_the_run():
    status = {"your_request_limit": 15, "current_use": 15, "next_use_secs": 999999999}
    throttle = lambda h: respond(h, 200, json.dumps(status).encode())  # noqa: E731
    with fake_upstream({THROTTLE: throttle}) as upstream:
        run, waits = mirror(upstream.base, max_wait=60)
        with pytest.raises(WaitTooLong, match=r"15 of 15 requests used upstream: .*\(60 s\)"):
            run.run()

    assert waits == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"[1,2,3]", "not a throttle status: expected an object, got list"),
        (
            b'{"your_request_limit": 15, "current_use": 15, "next_use_secs": "soon"}',
            "not a throttle status: next_use_secs is 'soon', not a number from 0 up",
        ),
        (b'{"current_use": true}', "current_use is True, not a number"),
        (b"[" * 200_000 + b"]" * 200_000, "refused: nested deeper than 64"),
        (b'{"current_use": 1', "not JSON: parse error: premature EOF"),
    ],
    ids=["list", "soon", "bool", "deep", "broken"],
)
def test_a_malformed_throttle_status_stops_in_one_line(body, expected):
    with fake_upstream({THROTTLE: lambda h: respond(h, 200, body)}) as upstream:
        message = one_line_failure("--base-url", upstream.base)

    assert message.startswith(f"{upstream.base}{THROTTLE}: ")
    assert expected in message
    assert message.endswith("; the next run resumes where this one stopped")


def trickle(handler):
    handler.send_response(200)
    handler.end_headers()
    for byte in page([]).encode():
        handler.wfile.write(bytes([byte]))
        time.sleep(0.3)


def trickled_headers(handler):
    handler.wfile.write(b"HTTP/1.0 200 OK\r\n")
    for _ in range(20):
        handler.wfile.write(b"X-Slow: 1\r\n")
        time.sleep(0.3)


def stall(handler):
    handler.send_response(200)
    handler.end_headers()
    handler.wfile.write(b'{"count": 0,')
    time.sleep(5)


@pytest.mark.parametrize("answer", [trickle, trickled_headers, stall])
def test_a_slow_answer_is_cut_at_the_deadline(answer):
    with fake_upstream({LIST: answer}) as upstream:
        run, waits = mirror(upstream.base, timeout=1, retries=1)
        started = time.monotonic()
        with pytest.raises(SyncStopped, match=r"no complete answer within 1 s \(--timeout\), 2"):
            run.run()
        elapsed = time.monotonic() - started

    # Two tries of at most a second each, and the second of backoff between them.
    assert waits == [1]
    assert elapsed < 5
