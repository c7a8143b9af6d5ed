"""Filters, search and ordering checked by the rows they return (tests/test_filters_*.py).

The expected rows are computed here in plain Python over the data, never by the filter code:
a filter's meaning is its name read as LL2's Django field path (`net__gte`,
`launch_service_provider__id`), or, where the name is not a path (`agency_ids`, `is_crewed`),
the meaning a family's test module states in its table. A leaf value is read with one
`values_list` per path, which is the data, not a filter; comparing it is Python's.

The data is tests/support/generated.py's. A filter must tell rows apart with some value tried
(neither every row nor none), unless its meaning says we hold none of what it reads."""

import operator
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from api.shapes import modes
from tests.support.generated import rows  # noqa: F401  (each filter module's data)

LOOKUPS = {"exact", "iexact", "contains", "icontains", "gt", "gte", "lt", "lte", "in", "isnull"}
# Query parameters that are not filters.
NOT_FILTERS = {"mode", "limit", "offset", "search", "ordering", "format"}
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
# A first page: its rows exact, with the count, prove the rows; a short one is cheap to draw.
PAGE = 25


@dataclass
class Meaning:
    """What a filter whose name is not a field path means: the path and lookup it stands for,
    or a predicate over a row (`keep(row, value)`) and the values to try (a list, or a
    function of no arguments that reads them from the data)."""

    path: str = ""
    lookup: str = "exact"
    keep: Any = None
    values: list = field(default_factory=list)
    # False for what we hold none of (crews, boosters): it keeps every row or none.
    held: bool = True


HELD = Meaning()


# Reading the data ------------------------------------------------------------------------


def split(name):
    path, _, lookup = name.rpartition("__")
    return (path, lookup) if path and lookup in LOOKUPS else (name, "exact")


def leaves(model, path):
    """Every row's values at `path` (several through a to-many relation; [None] when none)."""
    found = defaultdict(list)
    for pk, value in model.objects.values_list("pk", path):
        found[pk].append(value)
    return found


def text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return str(value)


def parse(raw, like):
    """The query's text as a value of the type the data holds."""
    if isinstance(like, bool):
        return BOOLEANS[raw.lower()]
    if isinstance(like, datetime):
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    if isinstance(like, date):
        return date.fromisoformat(raw)
    if isinstance(like, uuid.UUID):
        return uuid.UUID(raw)
    if isinstance(like, timedelta):
        return like  # compared only to itself
    return type(like)(raw) if isinstance(like, int | float | Decimal) else raw


COMPARED = {
    "exact": operator.eq,
    "iexact": lambda value, other: value.casefold() == other.casefold(),
    "contains": lambda value, other: other in value,
    "icontains": lambda value, other: other.casefold() in value.casefold(),
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def matches(lookup, values, raw):
    if lookup == "isnull":
        wanted = BOOLEANS[raw.lower()]
        return any(v is None for v in values) if wanted else any(v is not None for v in values)
    present = [value for value in values if value is not None]
    if lookup == "in":
        return any(v in {parse(part, v) for part in raw.split(",") if part} for v in present)
    return any(COMPARED[lookup](value, parse(raw, value)) for value in present)


# Values to try ---------------------------------------------------------------------------


def tried(lookup, found):
    """Values from the data for a lookup: a boundary for a range, a middle value, a part of a
    text, two values for a list, every spelling of a boolean."""
    present = sorted({v for values in found.values() for v in values if v is not None}, key=key)
    if lookup == "isnull" or (present and isinstance(present[0], bool)):
        return ["true", "false", "1", "0"]
    if not present:
        return ["1"]
    middle = present[len(present) // 2]
    if lookup == "in":
        return [f"{text(present[0])},{text(middle)}", text(middle)]
    if lookup in ("contains", "icontains") and isinstance(middle, str):
        part = middle[len(middle) // 3 : len(middle) // 3 + 4] or middle
        return [part, part.swapcase(), middle]
    if lookup in ("exact", "iexact") and isinstance(middle, str):
        return [text(middle), text(middle).swapcase()]
    return [text(present[0]), text(middle), text(present[-1])]


def key(value):
    return (type(value).__name__, value)


# The checks ------------------------------------------------------------------------------


def cases(model, filters, meanings, within):
    """(query, expected ids) for every value tried of every filter: values of the rows the
    list holds (`within`, as text)."""
    every = set(model.objects.values_list("pk", flat=True))
    for name in filters:
        if name in NOT_FILTERS:
            continue
        meaning = meanings.get(name) or Meaning(*split(name))
        values = meaning.values() if callable(meaning.values) else meaning.values
        if meaning.keep is not None:
            objects = list(model.objects.all())
            for raw in values:
                yield f"{name}={raw}", {o.pk for o in objects if meaning.keep(o, raw)}
            continue
        found = leaves(model, meaning.path)
        listed = {pk: found[pk] for pk in found if str(pk) in within}
        for raw in values or tried(meaning.lookup, listed):
            yield (
                f"{name}={raw}",
                {pk for pk in every if matches(meaning.lookup, found.get(pk, [None]), raw)},
            )


def served(api, url, query):
    """The ids a list answers with, every page of it."""
    ids, page = [], f"{url}?{query}&limit=100&format=json"
    while page:
        response = api.get(page)
        assert response.status_code == 200, (page, response.content[:300])
        body = response.json()
        ids += [row["id"] for row in body["results"]]
        page = body["next"]
    return ids


def first_page(api, url, resource, query):
    """The count of a list and the ids of its first page, as text (a launch's id is a UUID),
    in list mode where the resource has it: the same rows, drawn faster."""
    lean = "&mode=list" if "list" in modes(url.split("/")[1], resource.resource) else ""
    response = api.get(f"{url}?{query}&limit={PAGE}&format=json{lean}")
    assert response.status_code == 200, (url, query, response.content[:300])
    body = response.json()
    return body["count"], [str(row["id"]) for row in body["results"]]


def as_text(ids):
    return {str(pk) for pk in ids}


def assert_rows(api, url, resource, query, expected):
    """The list holds exactly the `expected` ids: its count, and a first page of them only,
    each once (a join that lists a row twice counts it twice)."""
    count, page = first_page(api, url, resource, query)
    assert len(page) == len(set(page)), f"{query}: a row listed twice"
    assert set(page) <= expected, f"{query}: {sorted(set(page) - expected)[:5]} not expected"
    assert count == len(expected), f"{query}: {count} rows, expected {len(expected)}"
    assert len(page) == min(count, PAGE)


def check_filters(api, subtests, url, resource, meanings, base=None):
    """Every filter of `resource` at `url` returns the rows its meaning selects (within
    `base`, the ids the unfiltered list holds, when that is not every row)."""
    model = resource.queryset.model
    within = as_text(served(api, url, "") if base is None else base)
    told_apart = defaultdict(bool)
    filters = resource.filterset_class.base_filters
    for query, expected in cases(model, filters, meanings, within):
        expected = as_text(expected) & within
        name = query.partition("=")[0]
        told_apart[name] |= 0 < len(expected) < len(within)
        with subtests.test(msg=f"{url}?{query}"):
            assert_rows(api, url, resource, query, expected)
    assert told_apart, f"no filter of {url} was tried"
    # A filter whose every value keeps all rows or none would pass while broken.
    blind = [n for n, apart in told_apart.items() if not apart and meanings.get(n, HELD).held]
    assert not blind, f"{url}: no value tried of {blind} tells rows apart"


def ordered(model, name, computed):
    """The ids in the order `ordering=name` means (the values ascending, or descending with
    `-`, nulls last ascending and first descending as on PostgreSQL, then by id), and the
    values."""
    path = name.lstrip("-")
    descending = name.startswith("-")
    if path in computed:
        values = {row.pk: computed[path](row) for row in model.objects.all()}
    else:
        values = {pk: found[0] for pk, found in leaves(model, path).items()}
    present = sorted((pk for pk in values if values[pk] is not None), key=lambda pk: pk)
    present.sort(key=lambda pk: values[pk], reverse=descending)
    empty = sorted(pk for pk in values if values[pk] is None)
    return (empty + present if descending else present + empty), values


def check_ordering(api, subtests, url, resource, computed=None, base=None):
    """Every ordering field of `resource`, both ways, gives the rows in that order: as many
    first pages as it takes to pass two different values (nulls, or one value, first would
    compare the order of ties only)."""
    model = resource.queryset.model
    within = as_text(served(api, url, "") if base is None else base)
    for field_name in resource.ordering_fields:
        for name in (field_name, f"-{field_name}"):
            with subtests.test(msg=f"{url}?ordering={name}"):
                order, values = ordered(model, name, computed or {})
                expected = [pk for pk in order if str(pk) in within]
                depth = PAGE
                while depth < len(expected) and len(distinct(values, expected[:depth])) < 2:
                    depth += PAGE
                got = []
                for offset in range(0, depth, PAGE):
                    query = f"ordering={name}&offset={offset}"
                    got += first_page(api, url, resource, query)[1]
                assert got == [str(pk) for pk in expected[:depth]]


def distinct(values, pks):
    return {repr(values[pk]) for pk in pks if values[pk] is not None}


def searched(model, fields, term):
    """The ids where every word of `term` is in some search field (DRF's meaning of `^`: at
    the start; `=`: the whole value; otherwise anywhere), case aside."""
    tests = {"^": str.startswith, "=": str.__eq__}
    found = {f: leaves(model, f.lstrip("^=")) for f in fields}
    kept = set()
    for pk in model.objects.values_list("pk", flat=True):
        if all(
            any(
                tests.get(f[0], str.__contains__)(str(v).casefold(), word.casefold())
                for f in fields
                for v in found[f].get(pk, [])
                if v is not None
            )
            for word in term.split()
        ):
            kept.add(pk)
    return kept


def check_search(api, subtests, url, resource, base=None):
    """A word of each search field's values, alone and with a word of another field, finds
    the rows holding them."""
    model = resource.queryset.model
    fields = resource.search_fields
    within = as_text(served(api, url, "") if base is None else base)
    words = []
    for f in fields:
        values = sorted({str(v) for vs in leaves(model, f.lstrip("^=")).values() for v in vs if v})
        if values:
            middle = values[len(values) // 2]
            words.append(middle if f[0] == "=" else middle.split()[0])
    assert words, f"no search field of {url} holds a value"
    terms = [*words, f"{words[0]} {words[-1]}", "zz-nothing-zz"]
    for term in terms:
        with subtests.test(msg=f"{url}?search={term}"):
            expected = as_text(searched(model, fields, term)) & within
            assert_rows(api, url, resource, f"search={term}", expected)
