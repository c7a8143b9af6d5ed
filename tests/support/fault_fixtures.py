"""The fault tests' fixtures, loaded by each of their modules (`pytest_plugins`) and scoped to
the session: the databases of our own on the shared cluster, the migrated template each test
copies, and the list pages the imports read (3,000 events from a generated database, served by
our server: built once, not once per module). The helpers the test modules import are in
tests/faults.py, so that this module is first imported as a plugin (its assertions
rewritten as a conftest's are)."""

import concurrent.futures
import copy
import json
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from tests.support.faults import DATABASE_URL, EVENTS, PREFIX, body, env_for, signature
from tools.fault_load import fetch
from tools.fault_postgres import SharedDatabases
from tools.faults import manage
from tools.servers import running


@pytest.fixture(scope="session")
def shared():
    """Databases of our own on the shared cluster, dropped at the end."""
    databases = SharedDatabases(DATABASE_URL)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture(scope="session")
def template(shared):
    """A migrated, empty database to copy (CREATE DATABASE ... TEMPLATE) for each test."""
    name = f"{PREFIX}_template"
    manage(env_for(shared.create(name)), "migrate", "--no-input")
    return name


def shift(moment, hours):
    parsed = datetime.fromisoformat(moment.replace("Z", "+00:00")) + timedelta(hours=hours)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def list_page(results):
    return {"count": len(results), "next": None, "previous": None, "results": results}


def rename_licenses(value):
    """Every image license anywhere in `value` renamed, the same way wherever it appears."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "license" and isinstance(item, dict):
                item["name"] += " (B)"
            else:
                rename_licenses(item)
    elif isinstance(value, list):
        for item in value:
            rename_licenses(item)


@pytest.fixture(scope="session")
def pages(shared, template, tmp_path_factory):
    """LL2 2.3.0 detailed list pages as our server serves a generated database: `a`, 200
    events; `b`, the same events, each with another departure, docking-location name and
    image license names; `big`, 3,000 events. `expected[version][id]` is the `signature` of
    each event."""
    source = f"{PREFIX}_source"
    env = env_for(shared.create(source, template=template))
    manage(env, "generate_data", "--events", 3000, "--seed", 7)
    with running(env) as (base,):
        url = base + "/2.3.0/docking_events/?mode=detailed&limit=100&offset={}&format=json"
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda offset: fetch(url.format(offset)), range(0, 3000, 100)))
    shared.drop(source)
    assert [a.status for a in answers] == [200] * 30
    events = [event for answer in answers for event in body(answer)["results"]]
    assert len({event["id"] for event in events}) == 3000

    a = events[:EVENTS]
    b = copy.deepcopy(a)
    for event in b:
        assert event["docking_location"] is not None
        event["departure"] = shift(event["departure"] or event["docking"], 1)
        event["docking_location"]["name"] += " (B)"
    rename_licenses(b)
    directory = tmp_path_factory.mktemp("pages")
    paths = {}
    for name, results in {"a": a, "b": b, "big": events}.items():
        paths[name] = directory / f"{name}.json"
        paths[name].write_text(json.dumps(list_page(results)))
    expected = {
        version: {event["id"]: signature(event) for event in results}
        for version, results in (("A", a), ("B", b))
    }
    assert all(expected["A"][id] != expected["B"][id] for id in expected["A"])
    return SimpleNamespace(**paths, expected=expected)
