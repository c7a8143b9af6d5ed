import json
import re
import uuid
from datetime import datetime
from pathlib import Path

import pytest
import time_machine
from _pytest.mark.expression import Expression
from django.conf import settings as django_settings
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from api.serving.degrade import cache_guard, redis_guard
from ingest.upsert import Importer
from spaceflight.changes import listener

# The shared checks (tests/support/rows.py...) fail with pytest's diffs, not a bare assert.
pytest.register_assert_rewrite("tests.support")

REFERENCE = Path(__file__).parent / "reference"

# The modules whose behaviour can differ between SQLite and PostgreSQL + Redis: SQL (filters,
# search, ordering with nulls, long values), transactions (imports, the mirror, the cache's
# generation), Redis (counters, the shared cache) and the faults and load of the production
# stack. The production-stack pass runs only these (`-m databases`, .ci/run); every module
# runs on SQLite. (schemathesis checks answers against our schema, which no database changes;
# the hostile-input table tries what a database could refuse, on both; the older versions'
# filters run on both through each family's filters-by-rows module, test_filters_older's
# values on the bundled data on SQLite.)
BOTH_DATABASES = {
    "test_aboard",
    "test_admin",
    "test_all_events",
    "test_browser",
    "test_cache",
    "test_curated",
    "test_datasets",
    "test_faults_database",
    "test_faults_kill",
    "test_faults_redis",
    "test_filters",
    "test_filters_agencies",
    "test_filters_crew",
    "test_filters_docking",
    "test_filters_events",
    "test_filters_launchers",
    "test_filters_launches",
    "test_filters_payloads",
    "test_filters_places",
    "test_filters_spacecraft",
    "test_filters_stations",
    "test_flood",
    "test_flood_redis",
    "test_fragments",
    "test_generate",
    "test_generation",
    "test_golden_crew",
    "test_golden_legacy",
    "test_golden_v2_3_0",
    "test_health",
    "test_hostile_input",
    "test_hostile_names",
    "test_import",
    "test_import_errors",
    "test_import_round_trips",
    "test_lists",
    "test_loader",
    "test_pagination",
    "test_processes",
    "test_resilience",
    "test_resources",
    "test_search",
    "test_security_admin_login",
    "test_statistics",
    "test_sync",
    "test_sync_references",
    "test_sync_scripted",
    "test_throttle",
}


# Run by themselves, after the others (.ci/run): they restart or kill the servers every test
# shares, or measure under load, or drive a browser (which needs no database of its own).
ALONE = {
    "test_browser",
    "test_faults_database",
    "test_faults_kill",
    "test_faults_redis",
    "test_processes",
}
# Use the Redis servers every worker shares as a whole (clear the cache, cap its memory, count
# in windows): with several workers (`--dist loadgroup`), one worker runs them all.
SHARED_REDIS = {
    "test_cache",
    "test_flood",
    "test_flood_redis",
    "test_health",
    "test_resilience",
    "test_throttle",
}


MARKS = {"databases": BOTH_DATABASES, "alone": ALONE}
NAMES = re.compile(r"[A-Za-z_]\w*")


def marks(module):
    """The marks this file gives every test of `module` (by its name)."""
    return {name: module in modules for name, modules in MARKS.items()}


def pytest_collection_modifyitems(items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        for name, given in marks(module).items():
            if given:
                item.add_marker(getattr(pytest.mark, name))
        if module in SHARED_REDIS:
            item.add_marker(pytest.mark.xdist_group("shared-redis"))


def pytest_ignore_collect(collection_path, config):
    """A pass that chooses by these marks alone (`-m "databases and not alone"`, `-m alone`:
    .ci/run) does not collect the modules it would deselect whole: collecting schemathesis's
    operations takes about ten seconds in each worker."""
    expression = config.getoption("markexpr")
    named = set(NAMES.findall(expression)) - {"and", "or", "not"}
    if not collection_path.match("test_*.py") or not named or named - set(MARKS):
        return None  # no expression, or a mark a test may carry on its own
    given = marks(collection_path.stem)
    try:
        chosen = Expression.compile(expression).evaluate(lambda name, **kwargs: given[name])
    except SyntaxError:
        return None  # pytest says what is wrong with it
    return None if chosen else True


BUNDLED = Path(__file__).parent.parent / "data" / "ll2"
# Which pass this is: the production stack's (PostgreSQL + Redis) or SQLite's.
ON_POSTGRESQL = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]
API_URL = re.compile(r"^https?://[^/]+(/2\.\d\.0/.*)$")


def reference(name):
    return json.loads((REFERENCE / name).read_text())


def without_hosts(value):
    """Our API's hyperlinks reduced to their paths (the host is the request's)."""
    if isinstance(value, dict):
        return {key: without_hosts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_hosts(item) for item in value]
    if isinstance(value, str):
        match = API_URL.match(value)
        return match.group(1) if match else value
    return value


def as_json(response):
    """A DRF response's data as the JSON it renders to, whatever `format` was asked for."""
    return json.loads(JSONRenderer().render(response.data))


def assert_same_json(actual, expected):
    """Equal values, and the same keys in the same order at every level."""
    actual, expected = without_hosts(actual), without_hosts(expected)
    assert actual == expected
    assert json.dumps(actual) == json.dumps(expected)


def import_documents(*documents, captured_at=None):
    importer = Importer(captured_at=captured_at)
    for document in documents:
        importer.import_document(document)
    return importer


def utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def reads_fragments(sql):
    """Whether `sql` reads kept fragments: the read each connection prepared on PostgreSQL, or
    written out (api/rendering/fragments.py)."""
    from api.rendering.fragments import PREPARED

    return sql.startswith(f"EXECUTE {PREPARED}(") or "FROM api_fragment " in sql


@pytest.fixture
def frozen():
    """Freeze the clock at a moment: `with frozen("2025-04-13T02:53:57Z"): ...`."""

    def freeze(moment):
        return time_machine.travel(utc(moment), tick=False)

    return freeze


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test database is dropped at the end, which PostgreSQL refuses while this process's
    LISTEN connection (spaceflight/changes.py) is open on it."""
    yield
    listener.close()


@pytest.fixture
def fragments(settings):
    """JSON answers rendered from kept fragments (api/rendering/fragments.py), as in
    production: the tests' own setting leaves them off, as it does the response cache."""
    settings.RENDER_FRAGMENTS = True


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(scope="module")
def bundled_and_full(django_db_setup, django_db_blocker):
    """The bundled data and two events whose every nested object is filled, crews included."""
    # Imported here: the tests' support modules import this one.
    from django.core.management import call_command

    from tests.support import factories
    from tests.support.linked_pages import for_the_module

    with for_the_module(django_db_blocker):
        call_command("load_bundled_data")
        factories.full_event(1)
        factories.full_payload_docking(2)
        yield


@pytest.fixture
def own_counters(settings, tmp_path):
    """Rate-limit counters of the test's own: the shared ones (Redis's, which outlive a run
    for their window, and the process's file) hold other tests' requests within the hour."""
    settings.CACHE_KEY_PREFIX = f"test-{uuid.uuid4().hex}"
    settings.THROTTLE_COUNTER_FILE = tmp_path / "counters.sqlite3"


DOWN_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1: Redis is down


@pytest.fixture(autouse=True)
def fresh_guard():
    """No test inherits another's "Redis is down" (api/serving/degrade.py keeps it per process)."""
    redis_guard.down_until = cache_guard.down_until = 0.0
    yield
    redis_guard.down_until = cache_guard.down_until = 0.0


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = settings.CACHE_REDIS_URL = DOWN_REDIS
    settings.CACHES = {
        "default": {
            "BACKEND": "api.serving.cache.RedisStore",
            "LOCATION": DOWN_REDIS,
            "OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
        }
    }


# A subtest slower than this is named in the summary with what it asked: `--durations` names
# only its test. CI has seen filter checks take 25 s that take a tenth of a second here.
SLOW_SUBTEST_SECONDS = 10.0


def pytest_terminal_summary(terminalreporter):
    slow = [
        report
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "context", None) is not None and report.duration >= SLOW_SUBTEST_SECONDS
    ]
    if slow:
        terminalreporter.section("slow subtests")
        for report in sorted(slow, key=lambda report: -report.duration):
            terminalreporter.write_line(
                f"{report.duration:.1f}s {report.nodeid} [{report.context.msg}]"
            )
