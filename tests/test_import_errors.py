"""Input the commands refuse with one line and an exit status, never a traceback: files that
are not UTF-8, nested too deeply or not JSON, and a database that is not migrated.

A bad value on a 2.3.0 page of the resources a docking event links to (a duration, a UUID,
a list, a date, an integer, at the top of an object or nested in it) stops `import_ll2` with
one line naming the file and the JSON path of the value, and writes nothing."""

import json
import sqlite3
import subprocess
import sys

import pytest
from django.core.management import CommandError

from tests.conftest import BUNDLED, REFERENCE
from tests.support import linked_pages
from tests.support.imports import database_dump, run
from tests.support.linked_pages import first_with, flush, get, write
from tools.servers import ROOT, manage, server_env

pytestmark = pytest.mark.django_db

DEEP = 10_000
EVENT = json.loads((REFERENCE / "v2.3.0_docking_events_618_detailed.json").read_text())
CAPTURED_HEAD = "GET /2.3.0/docking_events/?format=api\nHTTP 200 OK\nAllow: GET\n\n"


def page_with(**changes):
    page = {"count": 1, "next": None, "previous": None, "results": [EVENT | changes]}
    return json.dumps(page, ensure_ascii=False)


# An unknown key of an event holding a list nested 10,000 deep.
DEEP_VALUE = page_with(docking_location={"id": 2, "name": "x", "extra": "DEEP"}).replace(
    '"DEEP"', "[" * DEEP + "]" * DEEP
)
BAD_FILES = {
    "latin1.json": (
        page_with(docking_location={"id": 2, "name": "Zvezda arri?re"})
        .encode()
        .replace(b"arri?re", b"arri\xe8re"),
        "not UTF-8: byte 0xe8 at offset",
    ),
    "latin1.txt": ((CAPTURED_HEAD + page_with()).encode() + b"\xe9", "not UTF-8: byte 0xe9"),
    "deep_value.json": (DEEP_VALUE.encode(), "refused: nested deeper than 64"),
    "deep_value.txt": ((CAPTURED_HEAD + DEEP_VALUE).encode(), "nested too deeply to read"),
    "deep_list.json": (("[" * DEEP + "]" * DEEP).encode(), "refused: nested deeper than 64"),
    "deep.txt": ((CAPTURED_HEAD + "[" * DEEP + "]" * DEEP).encode(), "nested too deeply to read"),
    "broken.json": (b'{"count": 1, "results": [{"id": 1', "not JSON: parse error: premature EOF"),
    "garbage.json": (
        b"{not json",
        "not JSON: lexical error: invalid string in json text, near '{not json'",
    ),
    "trailing.json": (
        page_with().encode() + b" and more",
        "not JSON: parse error: trailing garbage",
    ),
    "empty.json": (b"", "not JSON: parse error: premature EOF"),
    "broken.txt": (
        (CAPTURED_HEAD + '{"count": 1, "results": [').encode(),
        "not JSON at line 1, column 26: Expecting value",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_one_line_naming_it_and_writes_nothing(tmp_path, name):
    run(REFERENCE / "v2.3.0_docking_events_618_detailed.json")
    before = database_dump()
    content, expected = BAD_FILES[name]
    (tmp_path / name).write_bytes(content)

    with pytest.raises(CommandError) as error:
        # A good page first: what it wrote goes with the rest.
        run(REFERENCE / "v2.3.0_docking_events_list_offset10_b.json", tmp_path / name)

    message = str(error.value)
    assert message.startswith(f"{tmp_path / name}: ")
    assert expected in message
    assert "\n" not in message
    assert database_dump() == before


def test_the_offset_of_a_bad_byte_is_exact(tmp_path):
    path = tmp_path / "page.json"
    path.write_bytes(b'{"results": [{"name": "ok \xc3\xa9", "bad": "\xff"}]}')
    with pytest.raises(CommandError, match="byte 0xff at offset 39;"):
        run(path)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    database = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")
    manage(env, "migrate", "--no-input")
    return env


def command(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_the_command_exits_non_zero_with_one_line_on_stderr(migrated, tmp_path):
    (tmp_path / "deep.txt").write_bytes(BAD_FILES["deep.txt"][0])

    result = command(migrated, "import_ll2", str(tmp_path / "deep.txt"))

    assert result.returncode == 1
    assert result.stderr == (
        f"CommandError: {tmp_path / 'deep.txt'}: nested too deeply to read; nothing was imported\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["import_ll2", str(REFERENCE)],
        ["load_bundled_data"],
        ["sync_ll2", "--base-url", "http://127.0.0.1:9"],
        ["generate_data", "--events", "1"],
    ],
    ids=lambda args: args[0],
)
def test_an_unmigrated_database_is_named_not_a_traceback(tmp_path, args):
    database = tmp_path / "empty.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")

    result = command(env, *args)

    assert result.returncode == 1
    assert result.stderr == (
        "CommandError: the database is not migrated: run .venv/bin/python manage.py migrate\n"
    )
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_a_partly_migrated_database_is_refused_too(tmp_path):
    env = server_env(DATABASE_URL=f"sqlite:///{tmp_path / 'old.sqlite3'}")
    manage(env, "migrate", "spaceflight", "0002", "--no-input")

    result = command(env, "import_ll2", str(REFERENCE))

    assert result.returncode == 1
    assert "the database is not migrated" in result.stderr


filled = linked_pages.filled

BAD = {
    "pad_turnaround": (
        "launches",
        lambda rows: (0, "pad_turnaround", "soon"),
        "expected an ISO 8601 duration, got 'soon'",
    ),
    "id": ("launches", lambda rows: (0, "id", "nope"), "expected a UUID, got 'nope'"),
    "updates": ("launches", lambda rows: (0, "updates", "none"), "expected a list, got 'none'"),
    "spacecraft_stage": (
        "launches",
        lambda rows: (
            first_with(rows, "rocket.spacecraft_stage"),
            "rocket.spacecraft_stage[0].mission_end",
            "later",
        ),
        "expected an ISO 8601 date-time, got 'later'",
    ),
    "configuration": (
        "launches",
        lambda rows: (
            first_with(rows, "rocket.configuration"),
            "rocket.configuration.maiden_flight",
            "yesterday",
        ),
        "expected an ISO 8601 date, got 'yesterday'",
    ),
    "launcher_list": (
        "agencies",
        lambda rows: (
            first_with(rows, "launcher_list"),
            "launcher_list[0].launch_cost",
            "lots",
        ),
        "expected an integer, got 'lots'",
    ),
    "pads": (
        "locations",
        lambda rows: (first_with(rows, "pads"), "pads", "many"),
        "expected a list, got 'many'",
    ),
    "spacecraftflight": (
        "landings",
        lambda rows: (first_with(rows, "spacecraftflight"), "spacecraftflight.id", "x"),
        "expected an integer, got 'x'",
    ),
    "length_of_day": (
        "celestial_bodies",
        lambda rows: (0, "length_of_day", "a day"),
        "expected a duration like '1 00:00:00', got 'a day'",
    ),
}


def set_at(row, key, value):
    """Set `a.b[0].c` in a parsed object."""
    parts = key.replace("[", ".[").split(".")
    for part in parts[:-1]:
        row = row[int(part[1:-1])] if part.startswith("[") else row[part]
    row[parts[-1]] = value


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_value_is_one_line_naming_file_and_path_and_writes_nothing(
    api, frozen, tmp_path, filled, case
):
    resource, where, expected = BAD[case]
    page = get(api, frozen, f"/2.3.0/{resource}/?mode=detailed&limit=100")
    index, key, value = where(page["results"])
    set_at(page["results"][index], key, value)
    flush()
    run(BUNDLED)
    before = database_dump()
    bad = write(tmp_path, f"/2.3.0/{resource}/", page)

    with pytest.raises(CommandError) as error:
        run(bad)

    message = str(error.value)
    assert message.startswith(f"{bad}: $.results[{index}].{key}: {expected}")
    assert "\n" not in message
    assert database_dump() == before
