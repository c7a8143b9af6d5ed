"""`sync_ll2` as an operator meets it: help texts with defaults, exit codes a cron line can
trust (a spent budget is no failure), a base URL's suggested scheme, the default budget, and
`create_api_key` saying how to send the key."""

import re
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ingest.management.commands.sync_ll2 import Command
from ingest.sync.upstream import DEFAULT_MAX_REQUESTS
from spaceflight.models import DockingEvent
from tests.support.sync import EVENTS, fake_upstream, page, respond, sync
from tools.servers import ROOT, manage, server_env

pytestmark = pytest.mark.django_db
LIST = "/2.3.0/docking_events/"


def endless(handler):
    """A list that always has a next page, of events never seen before."""
    offset = int(handler.path.split("offset=")[1].split("&")[0])
    event = {**EVENTS[0], "id": 10_000 + offset}
    respond(handler, 200, page([event], f"http://127.0.0.1{LIST}?offset={offset + 1}").encode())


def test_every_option_says_what_it_does_and_its_default():
    parser = Command().create_parser("manage.py", "sync_ll2")
    ours = [a for a in parser._actions if a.dest not in DJANGO_OPTIONS]
    assert {a.option_strings[0] for a in ours} >= {"--base-url", "--page-size", "--max-requests"}
    for action in ours:
        assert action.help and "(default: " in action.help, action.option_strings
    text = " ".join(parser.format_help().split())
    assert "(default: https://ll.thespacedevs.com)" in text
    assert f"(default: {DEFAULT_MAX_REQUESTS})" in text
    assert "(default: 100)" in text


DJANGO_OPTIONS = {
    "help",
    "version",
    "verbosity",
    "settings",
    "pythonpath",
    "traceback",
    "no_color",
    "force_color",
    "skip_checks",
}


def test_a_spent_budget_is_a_success_that_says_it_will_resume():
    with fake_upstream({LIST: endless}) as upstream:
        output = sync("--base-url", upstream.base, "--page-size", "1", "--max-requests", "4")

    assert output.startswith(
        "Will resume: the budget of 4 requests (--max-requests) is spent; the next run goes "
        "on where this one stopped. 4 requests used, 3 pages written"
    )
    assert len(upstream.seen) == 4


def test_a_run_has_a_budget_by_default(monkeypatch):
    monkeypatch.setattr("ingest.sync.upstream.DEFAULT_MAX_REQUESTS", 6)
    with fake_upstream({LIST: endless}) as upstream:
        output = sync("--base-url", upstream.base, "--page-size", "1")

    assert output.startswith("Will resume: the budget of 6 requests")
    assert len(upstream.seen) == 6


def test_a_wait_too_long_is_a_success_that_says_when_to_run_again():
    too_long = lambda h: respond(h, 429, headers={"Retry-After": "120"})  # noqa: E731
    with fake_upstream({LIST: too_long}) as upstream:
        output = sync("--base-url", upstream.base, "--max-wait", "60")

    assert re.match(
        r"Will resume: 429 .*: the upstream asks for a wait of 120 s, more than --max-wait "
        r"\(60 s\): run again after \d{4}-\d\d-\d\d \d\d:\d\d UTC; the next run goes on",
        output,
    )


def test_a_failure_stays_a_failure_in_one_line():
    with fake_upstream({LIST: lambda h: respond(h, 503, b"down")}) as upstream:
        with pytest.raises(CommandError) as failure:
            sync("--base-url", upstream.base, "--retries", "0")

    assert str(failure.value) == (
        f"{upstream.base}{LIST}?limit=100&mode=detailed&offset=0&ordering=docking: HTTP 503, "
        "1 times: giving up for now; the next run resumes where this one stopped"
    )


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ("ll.thespacedevs.com", "https://ll.thespacedevs.com"),
        ("docking.example.org/api", "https://docking.example.org/api"),
        ("localhost:8000", "http://localhost:8000"),
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("127.1.2.3", "http://127.1.2.3"),
        ("[::1]:8000", "http://[::1]:8000"),
        ("192.168.1.20:8000", "http://192.168.1.20:8000"),
        ("10.0.0.7", "http://10.0.0.7"),
        ("mirror:8000", "http://mirror:8000"),
        ("upstream.lan", "http://upstream.lan"),
        ("ftp://8.8.8.8", "https://8.8.8.8"),
    ],
)
def test_a_base_url_without_a_scheme_gets_the_likely_one_suggested(given, suggested):
    with pytest.raises(CommandError, match=f"try {re.escape(suggested)}$"):
        sync("--base-url", given)


def test_create_api_key_says_how_to_send_the_key_and_keeps_it_alone_on_stdout():
    out, err = StringIO(), StringIO()
    call_command("create_api_key", "mirror", stdout=out, stderr=err)

    key = out.getvalue().strip()
    assert re.fullmatch(r"[A-Za-z0-9_-]{40}", key)
    assert f"Authorization: Token {key}" in err.getvalue()


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    """A local database as an operator starts a mirror into: migrated, empty."""
    database = tmp_path_factory.mktemp("mirror") / "mirror.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")
    manage(env, "migrate", "--no-input")
    return env


def exit_code(env, *args):
    command = [sys.executable, "manage.py", "sync_ll2", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout, done.stderr


def test_the_exit_codes_a_cron_line_sees(empty_database):
    with fake_upstream({LIST: endless}) as upstream:
        spent = exit_code(empty_database, "--base-url", upstream.base, "--max-requests", "3")
    with fake_upstream({LIST: lambda h: respond(h, 200, page(EVENTS).encode())}) as upstream:
        done = exit_code(empty_database, "--base-url", upstream.base)
    with fake_upstream({LIST: lambda h: respond(h, 200, b"[" * 100)}) as upstream:
        failed = exit_code(empty_database, "--base-url", upstream.base)

    assert spent[0] == 0 and spent[1].startswith("Will resume: the budget of 3 requests")
    assert done[0] == 0 and done[1].startswith("Up to date.")
    assert failed[0] == 1
    assert failed[2].strip().splitlines()[-1].startswith("CommandError: http://127.0.0.1:")
    assert "nested deeper than 64" in failed[2]
    assert DockingEvent.objects.count() == 0  # it wrote to its own database, not the tests'
