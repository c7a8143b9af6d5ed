"""Hostile input, table-driven: every query parameter of every endpoint, read off our own OpenAPI
schema of each version (a new endpoint is covered without touching this file), given values
meant to break it. What reads a value with the same code is tried once: endpoints with the
same filters, and the same kind of filter on the same type of column wherever it is
(`reading`). Every answer is a 200 (a list in LL2's envelope) or a 4xx whose body is DRF's
JSON error; never a 5xx. Each case runs with DEBUG off and on: Django reads DEBUG per request,
and its debug pages take other paths through the code (and fail in other ways)."""

import itertools
import json
import traceback
from functools import cache
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import resolve
from django_filters.utils import get_model_field

from tests.conftest import ON_POSTGRESQL
from tests.support import factories

pytestmark = pytest.mark.django_db

VERSIONS = ["2.0.0", "2.2.0", "2.3.0"]
# Parameters DRF reads on every view, declared in the schema or not.
COMMON = ["format", "limit", "offset", "mode", "search", "ordering"]
# Values as sent in the query string (percent-encoded).
HOSTILE = {
    "empty": "",
    "huge": "9" * 10_000,
    "beyond-64-bits": str(-(2**70)),
    "negative": "-1",
    "non-numeric": "abc",
    # A number, but not an integer: number and id filters parse it before the ORM sees it.
    "fractional": "0.5",
    "non-utf-8": "%ff%fe",
    "sql-or": quote("1' OR '1'='1"),
    "sql-drop": quote("1; DROP TABLE x"),
    "regex-backtracking": quote(".*(a+)+$"),
    "regex-unclosed": quote("["),
    "nan": "NaN",
    "zero-date": "0000-00-00",
    "not-a-boolean": "maybe",
    # An empty item of a comma-separated list (`?year=1,,2`).
    "empty-list-item": "1,,2",
    "junk-in-a-list": "00000000-0000-0000-0000-000000000000,junk",
}
# Values the people and events filters must refuse by name (a 400 on the parameter), and the
# one they must take (a negative age is a number: no astronaut has it).
REFUSED = [
    "/2.3.0/astronauts/?age=NaN",
    "/2.3.0/astronauts/?age__gt=" + "9" * 400,
    "/2.3.0/astronauts/?date_of_birth__gt=0000-00-00",
    "/2.3.0/expeditions/?is_active=maybe",
    "/2.3.0/events/?date__gt__lt=x",
    "/2.3.0/events/?date__gte=0000-00-00",
    "/2.3.0/events/upcoming/?hide_recent_previous=maybe",
    "/2.3.0/spacewalks/?launch__ids=00000000-0000-0000-0000-000000000000,junk",
]
ENVELOPE = ["count", "next", "previous", "results"]


def parsing(path):
    """What reads a path's parameters: its view's filters, search and ordering fields. Paths
    that share it (the config lookups, a launch list and its `previous/`) are tried once."""
    view = resolve(path.replace("{id}", "1")).func.cls
    return (
        path.split("/")[1],
        "{id}" in path,
        view.filterset_class,
        tuple(view.search_fields),
        tuple(view.ordering_fields),
    )


@cache
def operations():
    """`(path, query parameter names, is a list)` of every GET operation of every version,
    one per way of reading parameters."""
    found, seen = [], set()
    for version in VERSIONS:
        document = Client().get(f"/{version}/schema/?format=json").json()
        for path, item in document["paths"].items():
            declared = [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "query"]
            names = declared + [name for name in COMMON if name not in declared]
            if path.endswith(("/schema/", "/api-throttle/")) or parsing(path) not in seen:
                if not path.endswith(("/schema/", "/api-throttle/")):
                    seen.add(parsing(path))
                found.append((path, names, "limit" in declared))
    return found


# DEBUG changes how an error is rendered, not what the database does: the production-stack
# pass (PostgreSQL) tries DEBUG off only, the SQLite pass both.
DEBUG_MODES = {"debug-off": False} if ON_POSTGRESQL else {"debug-off": False, "debug-on": True}


@pytest.fixture(params=list(DEBUG_MODES.values()), ids=list(DEBUG_MODES))
def debug(request, settings):
    settings.DEBUG = request.param


@pytest.fixture
def client(debug):
    """A client over three events (every nested object filled and still docked; departed;
    payload to payload), with DEBUG as the test's parameter."""
    factories.full_event(1)
    factories.docking(2, departure_day=9)
    spadex = factories.payload_flight("SpaDEx target")
    factories.docking(
        3,
        chaser=factories.payload_flight("SpaDEx chaser"),
        target=spadex,
        location=factories.port("SpaDEx port", payload=spadex.payload),
    )
    # A 5xx must come back as a response to assert on, not as the view's exception.
    return Client(raise_request_exception=False)


def targets(client):
    """`operations()` with each `{id}` replaced by the first id its list serves (an id that
    names nothing where the list is empty: no launch is to come)."""
    found = []
    for path, names, is_list in operations():
        if "{id}" in path:
            listing = client.get(path.replace("{id}/", "")).json()["results"]
            path = path.replace("{id}", str(listing[0]["id"]) if listing else "1")
        found.append((path, names, is_list))
    return found


def described(response):
    text = f"{response.status_code} {response.get('Content-Type')}: {response.content[:300]!r}"
    if getattr(response, "exc_info", None):
        text += "\n" + "".join(traceback.format_exception(*response.exc_info)[-6:])
    return text


def is_drf_error(body):
    """DRF's error bodies: `{"detail": "..."}`, or `{"field": ["...", ...], ...}`."""
    if not isinstance(body, dict) or not body:
        return False
    if list(body) == ["detail"]:
        return isinstance(body["detail"], str) and bool(body["detail"])
    return all(
        isinstance(messages, list) and messages and all(isinstance(m, str) and m for m in messages)
        for messages in body.values()
    )


def assert_answers_well(response, is_list):
    status = response.status_code
    assert status == 200 or 400 <= status < 500, described(response)
    assert response["Content-Type"].startswith("application/json"), described(response)
    body = json.loads(response.content)
    if status == 200:
        envelope = list(body) == ENVELOPE and isinstance(body["results"], list)
        assert envelope or not is_list, described(response)
    else:
        assert is_drf_error(body), described(response)


def check(subtests, client, path, query, is_list):
    url = f"{path}?{query}"
    with subtests.test(msg=url[:160]):
        assert_answers_well(client.get(url), is_list)


def one_list_and_one_object_a_version(found):
    """The parameters every view reads (COMMON) are read by the same code in every one: a list
    and an `{id}/` of each version take every path through it."""
    kept = {}
    for path, names, is_list in found:
        kept.setdefault((path.split("/")[1], is_list), (path, names, is_list))
    return list(kept.values())


def reading(path, name):
    """What reads parameter `name` of `path`, as far as a hostile value can tell: a filter of
    the same class, lookup, widget and bounds on a column of the same type parses the value
    with the same form field and binds it to the same type of column, whichever endpoint it is
    on (what its joins do with an ordinary value, the filter tests ask:
    tests/test_filters_*.py). A filter method, and a view's search and ordering, which read the
    view's own fields, are their own."""
    view = resolve(path.replace("{id}", "1")).func.cls
    filterset = getattr(view, "filterset_class", None)
    found = filterset.base_filters.get(name) if filterset else None
    if found is None:
        if name in ("search", "ordering") and getattr(view, "queryset", None) is not None:
            return (name, view.queryset.model, tuple(getattr(view, f"{name}_fields")))
        return (path, name)
    column = get_model_field(filterset._meta.model, found.field_name)
    # Django guards an integer column against a value beyond its range, not a relation.
    target = column.target_field if column is not None and column.is_relation else None
    widget = found.extra.get("widget")  # a list read from `x=1&x=2` or from `x=1,2`
    method = found.method
    if isinstance(method, str):
        method = getattr(filterset, method)
    return (
        type(found),
        found.lookup_expr,
        found.exclude,
        found.distinct,
        widget if isinstance(widget, type) else type(widget),
        # The form field's own bounds (`min_value`, ...).
        tuple(
            sorted(
                (key, value)
                for key, value in found.extra.items()
                if isinstance(value, int | float | str) and key != "help_text"
            )
        ),
        type(column),
        type(target),
        # A decimal's places: more than it holds is refused where it is bound.
        getattr(column, "max_digits", None),
        getattr(column, "decimal_places", None),
        method and (method.__qualname__, found.field_name),
    )


def each_reading(found, tried):
    """`(path, name, is_list)` of the first parameter of each `reading`, of those `tried(path,
    names)` chooses on each path of `found`."""
    seen = set()
    for path, names, is_list in found:
        for name in tried(path, names):
            way = reading(path, name)
            if way not in seen:
                seen.add(way)
                yield path, name, is_list


# Of COMMON, those read by the same code in every view whatever its fields (the renderer's
# choice, the paging, the shape's mode): tried on a list and an `{id}/` of each version.
# `search` and `ordering` read each view's own fields: tried on every one, as its filters.
GENERIC = {"format", "limit", "offset", "mode"}


# On PostgreSQL, the values whose SQL another value or test already sends are left out: an empty
# value (every filter skips it: every answer is the one without the parameter), a negative
# number (an integer, as every filter's own values in tests/support/rows.py are) and a word that
# isn't a boolean (a word, as `non-numeric` is).
PARAMETER_VALUES = (
    [name for name in HOSTILE if name not in {"empty", "negative", "not-a-boolean"}]
    if ON_POSTGRESQL
    else list(HOSTILE)
)


@pytest.mark.parametrize("value", PARAMETER_VALUES)
def test_every_parameter_survives_a_hostile_value(client, subtests, settings, value):
    found = targets(client)
    each_way = {path for path, _, _ in one_list_and_one_object_a_version(found)}
    if settings.DEBUG:
        # A filter parses its value the same way under DEBUG; what DEBUG changes is how an
        # error is answered, which the parameters every view reads reach as well.
        found = [target for target in found if target[0] in each_way]

    def tried(path, names):
        if settings.DEBUG:
            return [name for name in names if name in COMMON]
        return [name for name in names if name not in GENERIC or path in each_way]

    for path, name, is_list in each_reading(found, tried):
        check(subtests, client, path, f"{name}={HOSTILE[value]}", is_list)


def test_the_people_and_events_filters_refuse_by_name(client, subtests):
    for url in REFUSED:
        with subtests.test(msg=url[:160]):
            response = client.get(url)
            assert response.status_code == 400, described(response)
            assert list(response.json()) == [url.split("?")[1].split("=")[0]]
    response = client.get("/2.3.0/astronauts/?age=-1")
    assert response.status_code == 200 and response.json()["count"] == 0


@pytest.mark.parametrize("path", ["/2.3.0/astronauts/", "/2.2.0/config/launcher/"])
def test_a_nul_in_a_search_is_refused_by_name(client, path):
    """DRF refuses a NUL in `search` with a bare list: ours names the parameter, as the
    schema says every 400 does."""
    response = client.get(f"{path}?search=a%00b")
    assert response.status_code == 400
    assert response.json() == {"search": ["Null characters are not allowed."]}


def test_every_parameter_survives_being_repeated(client, subtests, settings):
    found = targets(client)
    each_way = {path for path, _, _ in one_list_and_one_object_a_version(found)}
    if settings.DEBUG:  # as above: DEBUG changes how an error is answered
        found = [target for target in found if target[0] in each_way]

    def tried(path, names):
        return [name for name in names if name not in GENERIC or path in each_way]

    # A repeated parameter is read as its widget reads it: the same for the same filter.
    for path, name, is_list in each_reading(found, tried):
        check(subtests, client, path, f"{name}=1&{name}=2", is_list)


def test_a_10_kb_query_string(client, subtests):
    for path, names, is_list in targets(client):
        # Real parameters, each given many times over: every one of them is parsed.
        pairs = (f"{name}={'x' * 40}" for name in itertools.cycle(names))
        query = ""
        while len(query) < 10_240:
            query += next(pairs) + "&"
        check(subtests, client, path, query, is_list)


def test_more_than_1000_query_parameters(client, subtests):
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) fields.
    query = "&".join(f"p{i}=1" for i in range(1001))
    for path, _, is_list in targets(client):
        check(subtests, client, path, query, is_list)


def test_a_search_of_1500_words(client, subtests):
    # One condition per word and search field: SQLite refuses an expression tree that deep.
    query = "search=" + "+".join(f"word{i}" for i in range(1500))
    for path, _, is_list in targets(client):
        check(subtests, client, path, query, is_list)


@pytest.mark.parametrize("value", HOSTILE, ids=list(HOSTILE))
def test_every_id_survives_a_hostile_value(client, subtests, value):
    for path, _, _ in operations():
        if "{id}" in path:
            url = path.replace("{id}", HOSTILE[value])
            with subtests.test(msg=url[:160]):
                assert_answers_well(client.get(url), is_list=False)


def test_every_other_method_is_refused_and_a_get_body_ignored(client, subtests):
    """Methods no view takes, bodiless (writes with a body: below), and a GET that says it
    carries a form it doesn't (a multipart type without its boundary)."""
    for path, _, is_list in targets(client):
        for method in ["OPTIONS", "TRACE", "QUERY", "HEAD"]:
            with subtests.test(msg=f"{method} {path}"):
                response = client.generic(method, path)
                assert response.status_code == 405, described(response)
                assert response["Allow"] == "GET"
                if method != "HEAD":
                    assert_answers_well(response, is_list=False)
        with subtests.test(msg=f"GET {path} multipart"):
            response = client.get(path, CONTENT_TYPE="multipart/form-data")
            assert_answers_well(response, is_list)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_without_the_trailing_slash(client, subtests, method):
    # Django raises under DEBUG rather than redirect a write (the redirect loses its body); we
    # take no bodies: a 301 whatever the method, as production answers, then a 405 at the
    # URL it names.
    for path, _, _ in targets(client):
        url = path.rstrip("/")
        with subtests.test(msg=f"{method.upper()} {url}"):
            response = getattr(client, method)(url, "{}", content_type="application/json")
            assert response.status_code == 301, described(response)
            assert response["Location"] == path
            response = getattr(client, method)(path, "{}", content_type="application/json")
            assert response.status_code == 405, described(response)
            assert response["Allow"] == "GET"
            assert_answers_well(response, is_list=False)
