"""Render on write: each object's JSON in each shape, kept in the database until a write
changes what it shows.

A response's rows are rendered from their fragments (`render`): one indexed query for the
page's keys, and only the rows without a fragment are loaded and rendered, then stored once
the response is built (`keep_built`, after the read's snapshot, api/serving/responses.py),
unless a write came since that snapshot read the fragment clock's tick (`store`). An
object's `{id}/` page is its fragment alone (`detail`, before the view).

Each fragment lists what it shows (`FragmentDep`): every row it reads (`table:pk`) and every
list of related rows (`child_table.column:owner pk`), walked along the loader's links
(api/rendering/loader.py). A write marks the fragments that depend on what it changed stale in
its own transaction (api/rendering/triggers.py), so a reader never reads one the data no
longer matches, whoever wrote and whichever process reads; the writer renders them again once
it has committed (`rebuild_stale`, on every commit of a new data generation). A write that
changes one event rebuilds the fragments that show that event, not others.

A fragment's links are written with placeholders for the host and the request's `?format=`
(`fill`), so one fragment serves every host name and format query. A shape whose bytes change
with the clock without a write is kept per day (an astronaut's age: `daily`) or not at all (a
station's expeditions under way). Live durations are markers, as in the response cache. Keys
begin with a fingerprint of the rendering code (`code`): another release's are never read.

What they cost: about one rendered object (2.3.0 detailed docking event: 12 KB) and its list of
dependencies (some 50 short rows) per object, version and shape that was asked for, on disk in
the database, not in the processes' memory. They are made on first read, never for every
version and shape at once, and `FRAGMENT_BYTES` caps their total: past it, the oldest built
are deleted (`evict`), and a deleted fragment is simply rendered again.
"""

import contextlib
import hashlib
import logging
import re
import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from pathlib import Path

import orjson
from django.apps import apps
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from rest_framework import serializers

from api.rendering.compile import Context, compile_shape
from api.rendering.loader import load, rows_in, table_plan
from api.rendering.triggers import LOCK
from api.shapes.base import Subset

log = logging.getLogger("api.fragments")

# What a fragment's links hold in place of `scheme://host` and the request's `?format=`.
HOST, QUERY = "\x00h", "\x00q"
HOST_JSON, QUERY_JSON = b"\\u0000h", b"\\u0000q"


class PlaceholderLinks:
    def __init__(self, version):
        self.root = f"{HOST}/{version}/"

    def url(self, collection, pk):
        return f"{self.root}{collection}/{pk}/{QUERY}"


def fill(body, host, query):
    """A fragment's bytes with the request's host and `?format=` in its links."""
    return body.replace(HOST_JSON, host).replace(QUERY_JSON, query)


def _clocked(shape, seen):
    """What in `shape` changes with the clock: {"day"} (an age), {"now"} (a Subset by the
    time asked), or nothing."""
    from api.shapes.v2_3_0.crew import Age

    if shape in seen:
        return set()
    seen.add(shape)
    found = set()
    for field in shape().fields.values():
        if isinstance(field, Age):
            found.add("day")
        if isinstance(field, Subset) and callable(field.where):
            found.add("now")
        child = field.child if isinstance(field, serializers.ListSerializer) else field
        if isinstance(child, serializers.BaseSerializer):
            found |= _clocked(type(child), seen)
    return found


@cache
def kept(shape):
    """Whether `shape`'s objects are kept as fragments: "always", "daily", or None."""
    clocked = _clocked(shape, set())
    if "now" in clocked:
        return None
    return "daily" if clocked else "always"


def _name(shape):
    return f"{shape.__module__.removeprefix('api.shapes.')}.{shape.__qualname__}"


@cache
def _shapes():
    from api.shapes import SHAPES

    return {_name(shape): shape for shape in SHAPES.values()}


def _fingerprint(*patterns):
    root = Path(__file__).resolve().parent.parent
    files = sorted(f for pattern in patterns for f in root.glob(pattern))
    return hashlib.sha1(b"".join(f.read_bytes() for f in files)).hexdigest()[:8]  # noqa: S324


@cache
def code():
    """A fingerprint of the code that renders (the shapes, this package): fragments another
    release rendered (a process still running the old code beside the new) are never read."""
    return _fingerprint("shapes/**/*.py", "rendering/*.py")


def key_of(version, shape, model, pk, day):
    key = f"{code()}|{version}|{_name(shape)}|{model._meta.label_lower}|{pk}"
    return key if kept(shape) == "always" else f"{key}|{day}"


def _parse(key):
    """`(version, shape, model, pk, day)`; shape None: another release's, or no shape now."""
    made_by, version, shape, model, pk, *day = key.split("|")
    shape = _shapes().get(shape) if made_by == code() else None
    return version, shape, apps.get_model(model), pk, (day or [None])[0]


def _value(value):
    # As the triggers write it: UUIDs without dashes (SQLite keeps them so).
    return str(getattr(value, "hex", value)).replace("-", "")


def _list_dep(relation, owner):
    """The dependency on `owner`'s rows of a reverse relation, or of a many-to-many table."""
    if isinstance(relation, Subset):
        relation = relation.reverse_relation(type(owner))
    if hasattr(relation, "m2m_column_name"):
        table, column = relation.remote_field.through._meta.db_table, relation.m2m_column_name()
    else:
        table, column = relation.related_model._meta.db_table, relation.field.column
    return f"{table}.{column}:{_value(owner.pk)}"


def _cache_name(relation):
    if isinstance(relation, Subset):
        return relation.key
    return getattr(relation, "accessor_name", None) or relation.name


def dependencies(row, plan):
    """What the fragment of `row` shows, by the loader's links: rows and lists of rows."""
    deps, seen, stack = set(), set(), [row]
    while stack:
        obj = stack.pop()
        model = type(obj)
        if (model, obj.pk) in seen:
            continue
        seen.add((model, obj.pk))
        deps.add(f"{model._meta.db_table}:{_value(obj.pk)}")
        foreign_keys, many_to_many, reverse, subsets = plan.get(model, ((), (), (), ()))
        for field in foreign_keys:
            related = obj._state.fields_cache.get(field.name)
            if related is not None:
                stack.append(related)
        loaded = obj.__dict__.get("_prefetched_objects_cache", {})
        for relation in (*many_to_many, *reverse, *subsets):
            deps.add(_list_dep(relation, obj))
            rows = loaded.get(_cache_name(relation))
            if rows is not None:
                stack.extend(rows._result_cache)
    return deps


def build(version, shape, rows, day):
    """`{key: (bytes, dependencies)}` of `rows`, rendered now."""
    if not rows:
        return {}
    model = type(rows[0])
    load(rows, shape)
    to_dict, plan = compile_shape(shape), table_plan(shape, model)
    context = Context(PlaceholderLinks(version), live=True)
    return {
        key_of(version, shape, model, row.pk, day): (
            orjson.dumps(to_dict(row, context)),
            dependencies(row, plan),
        )
        for row in rows
    }


def today():
    return timezone.now().astimezone(UTC).date().isoformat()


# Fragments built by this thread's response, stored after its snapshot (`keep_built`).
_built = threading.local()


def render(request, rows, shape):
    """`rows` in `shape` as orjson fragments (pre-rendered JSON) with the request's links."""
    if not rows:
        return []
    version, model, day = request.version, type(rows[0]), today()
    keys = [key_of(version, shape, model, row.pk, day) for row in rows]
    found = stored(keys)
    missing = [row for row, key in zip(rows, keys, strict=True) if key not in found]
    if missing and missing[0].get_deferred_fields():
        # A page read by id only (api/views.py): the rows rendered now are read whole.
        whole = rows_in(model, model._meta.pk, [row.pk for row in missing], ordered=False)
        by_pk = {row.pk: row for row in whole}
        missing = [by_pk[row.pk] for row in missing]
    if missing:
        if not hasattr(_built, "tick"):
            _built.tick = tick()  # in the response's snapshot, as the rows are read
        built = build(version, shape, missing, day)
        _built.__dict__.setdefault("items", {}).update(built)
        found.update((key, body) for key, (body, _) in built.items())
    links = _links(request)
    return [orjson.Fragment(fill(found[key], *links)) for key in keys]


def _links(request):
    """What `fill` puts in a fragment's links for this request: its host, its `?format=`."""
    host = orjson.dumps(request.build_absolute_uri("/")[:-1])[1:-1]
    fmt = request.GET.get("format")
    return host, orjson.dumps(f"?format={fmt}")[1:-1] if fmt else b""


@cache
def _details():
    """`{(version, resource): (model, shape)}` of the `{id}/` pages a fragment answers alone:
    those that don't change with the clock, of resources that show every row of their table
    (a fragment is kept for any row: those of a resource that leaves some out go to the view,
    which answers 404 for them)."""
    from api.resources import VERSIONS
    from api.shapes import SHAPES, modes

    found = {}
    for version, kinds in VERSIONS.items():
        for kind in kinds:
            if kind.period is not None or kind.queryset.query.where:
                continue
            available = modes(version, kind.resource)
            mode = next(m for m in ("detailed", "normal", available[0]) if m in available)
            shape = SHAPES[(version, kind.resource, mode)]
            if kept(shape) == "always":
                found[(version, kind.resource)] = (kind.queryset.model, shape)
    return found


DETAIL = re.compile(r"^/(\d+\.\d+\.\d+)/(.+)/([^/.]+)/$")


def detail_key(request):
    """The key of the fragment that is the whole of the object's page `request` asks for, or
    None: another page."""
    match = DETAIL.match(request.path)
    if match is None or set(request.GET) - {"format"}:
        return None
    version, resource, pk = match.groups()
    found = _details().get((version, resource))
    if found is None:
        return None
    model, shape = found
    return key_of(version, shape, model, pk, None)


@cache
def api_code():
    """A fingerprint of the whole API's code: a list's page shows what its view, filters and
    pagination make of the rows, besides the shapes."""
    return _fingerprint("**/*.py")


def list_key(url):
    """The key of a list's page kept whole (api/serving/lists.py), by its absolute URL."""
    return f"{api_code()}|list|{hashlib.sha1(url.encode()).hexdigest()}"  # noqa: S324


def detail(request, key):
    """The JSON of an object's `{id}/` page from its kept fragment `key` (`detail_key`), or
    None (then the view answers: no fragment kept, a stale one). The page is the object in its
    detailed shape, so its fragment is the whole body; a fragment is kept only while its row
    exists and is unchanged, so the row needs no query of its own."""
    body = stored([key]).get(key)
    return None if body is None else fill(body, *_links(request))


def kept_list(request):
    """`(JSON, ETag)` of a list's page kept whole by its writer (api/serving/lists.py; the ETag
    None for a page with live values), or None."""
    key = list_key(request.build_absolute_uri())
    return stored([key], etags=True).get(key)


def stored(keys, etags=False):
    """`{key: bytes}` of the fresh fragments among `keys`, or with `etags`, `{key: (bytes,
    ETag)}` (one query, written out: the ORM's would cost more than reading them).

    Outside a transaction on PostgreSQL, as a warm answer reads them
    (api/serving/responses.py), the query is its own health check, where Django's would add a
    round trip of its own before it. On a connection the server or a firewall ended it fails,
    and runs again on a new connection, as the check would have replaced it."""
    if not keys:
        return {}
    if (
        connection.in_atomic_block
        or not connection.health_check_enabled
        or connection.vendor != "postgresql"  # a file, which no server ends
    ):
        return _select(keys, etags)
    unchecked = connection.connection is not None and not connection.health_check_done
    connection.health_check_done = True
    try:
        return _select(keys, etags)
    except (InterfaceError, OperationalError):
        if not unchecked:
            raise
        connection.close()
        return _select(keys, etags)


READ = (
    "SELECT key, body, etag FROM api_fragment WHERE key {keys} AND NOT stale "
    "AND EXISTS (SELECT 1 FROM api_fragmentclock WHERE id = 1 AND armed)"
)
# The read of one fragment (an object's page, a list's page kept whole) as PostgreSQL keeps it
# prepared on each connection (DB_PREPARED_STATEMENTS): planned once, where planning the text
# sent each time was a third of the read (0.177 → 0.118 ms). A read of many (a page of objects)
# is planned each time: prepared, with the keys as an array, it took as long.
PREPARED = "fragment_read"
_prepared = weakref.WeakSet()  # the psycopg connections that prepared it


def _select(keys, etags):
    with connection.cursor() as cursor:
        if len(keys) == 1 and connection.vendor == "postgresql" and settings.DB_PREPARED_STATEMENTS:
            if connection.connection not in _prepared:
                # Not a query of the request's (nor in its log): the connection's own, kept
                # whatever becomes of the transaction it was made in. Its errors as Django's
                # (`stored` reads again on a new connection when the server ended this one).
                with connection.wrap_database_errors:
                    connection.connection.execute(
                        f"PREPARE {PREPARED}(text) AS {READ.format(keys='= $1')}"
                    )
                _prepared.add(connection.connection)
            cursor.execute(f"EXECUTE {PREPARED}(%s)", list(keys))
        else:
            cursor.execute(READ.format(keys=f"IN ({', '.join(['%s'] * len(keys))})"), keys)
        if etags:
            return {key: (bytes(body), etag) for key, body, etag in cursor.fetchall()}
        return {key: bytes(body) for key, body, _ in cursor.fetchall()}


def tick():
    """The fragment clock's tick (`api.FragmentClock`), or None: not armed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tick FROM api_fragmentclock WHERE id = 1 AND armed")
        row = cursor.fetchone()
    return None if row is None else row[0]


def forget_built():
    """Drop what this thread built for a response that failed (never stored later)."""
    _built.__dict__.clear()


def keep_built():
    """Store what this thread's last response built, if no write came since its snapshot."""
    built, read = _built.__dict__.pop("items", None), _built.__dict__.pop("tick", None)
    if built and read is not None:
        store(built, read)


@contextlib.contextmanager
def without_waiting():
    """A transaction that never waits long for a writer (a request is waiting for it): on
    SQLite the busy timeout is set to nothing meanwhile, on PostgreSQL a row lock is waited for
    200 ms at most. Either raises OperationalError instead."""
    if connection.vendor != "sqlite":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '200ms'")
            yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        timeout = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout = 0")
        try:
            with transaction.atomic():
                yield
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def store(built, read, unchanged=frozenset(), urls=None, etags=None):
    """Store fragments built from a snapshot that read the tick `read`, unless a write came
    since (then they may be stale: they are dropped, and built again when asked for). Those
    `unchanged` keep the bytes stored and are marked fresh again. `urls` and `etags`: of
    lists' pages."""
    from api.models import Fragment, FragmentDep

    now = timezone.now()
    built = dict(sorted(built.items()))  # rows locked in one order: two stores can't deadlock
    try:
        with without_waiting():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_try_advisory_xact_lock_shared(%s)", [LOCK])
                    if not cursor.fetchone()[0]:
                        return 0  # a write is under way: these may be stale by its commit
            if tick() != read:
                return 0
            Fragment.objects.bulk_create(
                [
                    Fragment(
                        key=k,
                        body=b,
                        size=len(b),
                        built=now,
                        url=(urls or {}).get(k),
                        etag=(etags or {}).get(k),
                    )
                    for k, (b, _) in built.items()
                    if k not in unchanged
                ],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["body", "stale", "size", "built", "url", "etag"],
            )
            Fragment.objects.filter(key__in=list(unchanged)).update(stale=False)
            FragmentDep.objects.filter(key__in=list(built)).delete()
            FragmentDep.objects.bulk_create(
                [FragmentDep(dep=d, key=k) for k, (_, deps) in built.items() for d in deps],
                batch_size=2000,
            )
    except OperationalError:
        # SQLite: another connection is writing, or wrote since this one read; PostgreSQL:
        # a row another store holds. A fragment not stored is only rendered again.
        return 0
    evict()
    return len(built)


@dataclass
class Rebuilt:
    """What `rebuild_stale` did: fragments rendered again, of which `changed` have new bytes,
    and `dropped`, whose object is gone or whose day has passed; and `lists`, lists' pages
    rendered again (`render_stale`)."""

    rendered: int = 0
    changed: int = 0
    dropped: int = 0
    lists: int = 0


def rebuild_stale():
    """Render again every fragment a write made stale, from the data as now committed; drop
    those whose object is gone or whose day has passed."""
    from api.models import Fragment
    from api.serving.responses import snapshot

    stale = dict(Fragment.objects.filter(stale=True, url__isnull=True).values_list("key", "body"))
    if not stale:
        return Rebuilt()
    groups, gone = defaultdict(dict), []
    day_now = today()
    for key in stale:
        version, shape, model, pk, day = _parse(key)
        if shape is None or (day is not None and day != day_now):
            gone.append(key)
        else:
            groups[(version, shape, model, day)][model._meta.pk.to_python(pk)] = key
    built = {}
    with snapshot():
        read = tick()
        for (version, shape, model, day), keys in groups.items():
            rows = rows_in(model, model._meta.pk, keys, ordered=False)
            found = {row.pk for row in rows}
            gone += [key for pk, key in keys.items() if pk not in found]
            built.update(build(version, shape, rows, day))
    delete(gone, stale_only=True)
    unchanged = {key for key, (body, _) in built.items() if bytes(stale[key]) == body}
    rendered = store(built, read, unchanged) if built and read is not None else 0
    changed = rendered - len(unchanged) if rendered else 0  # none stored: nothing changed
    return Rebuilt(rendered, changed, len(gone))


def delete(keys, stale_only=False):
    """Delete these fragments (those still stale, with `stale_only`) and their dependencies,
    together: a fragment a reader stored again meanwhile keeps both. Never waits for a lock
    (a reader's request may be waiting): what could not be deleted now is deleted later."""
    from api.models import Fragment, FragmentDep

    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        try:
            with without_waiting():
                rows = Fragment.objects.filter(key__in=chunk)
                if stale_only:
                    rows = rows.filter(stale=True)
                deleted = list(rows.select_for_update().values_list("key", flat=True))
                Fragment.objects.filter(key__in=deleted).delete()
                FragmentDep.objects.filter(key__in=deleted).delete()
        except OperationalError:
            return


_stores = 0


def evict(every=100):
    """Past `FRAGMENT_BYTES`, delete the oldest fragments (checked every `every` stores)."""
    global _stores
    from django.db.models import Sum

    from api.models import Fragment

    _stores += 1
    if _stores % every:
        return
    total = Fragment.objects.aggregate(total=Sum("size"))["total"] or 0
    if total <= settings.FRAGMENT_BYTES:
        return
    excess, oldest = total - settings.FRAGMENT_BYTES * 0.9, []
    for key, size in Fragment.objects.order_by("built").values_list("key", "size").iterator():
        if excess <= 0:
            break
        oldest.append(key)
        excess -= size
    delete(oldest)


def committed(**kwargs):
    """After a commit of a new data generation, in the process that wrote it. The write has
    committed whatever happens here: a fragment not rendered again stays stale, never read,
    and is rendered by the next read that needs it."""
    if settings.RENDER_FRAGMENTS:
        try:
            render_stale()
        except Exception:  # noqa: BLE001 - see above
            log.exception("rendering stale fragments again failed; reads will render them")


def render_stale():
    """What a writer renders again once it has committed: the stale fragments, then the lists'
    pages readers asked for (api/serving/lists.py), made of them."""
    from api.serving import lists

    rebuilt = rebuild_stale()
    rebuilt.lists = lists.rebuild_stale()
    return rebuilt
