"""Loading what a shape shows for a page of rows: one query per table and depth, each row once.

Django's `select_related` instantiates a related object again for every row that joins it,
and `prefetch_related` runs its machinery once per path (`...launch__pad__image`,
`...spacecraft__image`, ...). A page of 100 detailed events reaches about a hundred paths but
few tables, and the same rows again and again (one ISS, a dozen agencies, a few hundred
images). This loader walks the tables instead: breadth first from the page, it collects the
ids each table is asked for, fetches each table once per round (`pk IN (...)`), and links the
objects into Django's own caches, so `event.flight_vehicle_chaser.launch.pad` and
`agency.countries.all()` read memory. The tables and relations to follow are derived from the
shape's declared fields: nested shapes, dotted sources (`type.name`), fields that render a
related object (`reads_relation`), a shape's own `prefetch`, and subsets of a relation
(`Subset`: the rows that match a condition, filtered by the database, in their own order).
"""

import threading
from collections import defaultdict
from functools import cache, partial

from django.db import connections
from django.db.models import ForeignKey, ManyToManyField, ManyToOneRel, QuerySet
from rest_framework import serializers

from api.shapes.base import Subset
from spaceflight.models.base import Listed


def _relations_of(shape, model, found):
    """Record in `found[model]` every relation the shape reads, recursively."""
    if (shape, model) in found["seen"]:
        return
    found["seen"].add((shape, model))
    for field in shape().fields.values():
        many = isinstance(field, serializers.ListSerializer)
        child = field.child if many else field
        source = field.source
        if source == "*" or isinstance(getattr(model, source, None), property):
            # A shape drawn from the same object (a launch's rocket with its flights).
            if isinstance(child, serializers.BaseSerializer):
                _relations_of(type(child), model, found)
            continue
        if isinstance(field, Subset):
            found[model].add(field)
            _relations_of(type(field.child), field.reverse_relation(model).related_model, found)
        elif isinstance(child, serializers.BaseSerializer):
            at = model
            for name in source.split("."):  # `rocket.configuration`: each step a relation
                relation = at._meta.get_field(name)
                found[at].add(relation)
                at = relation.related_model
            _relations_of(type(child), at, found)
        elif getattr(field, "reads_relation", False) or "." in source:
            at = model
            steps = source.split(".")
            # `pad.location.name`: every step but a column at the end is a relation.
            for name in steps if getattr(field, "reads_relation", False) else steps[:-1]:
                relation = at._meta.get_field(name)
                found[at].add(relation)
                at = relation.related_model
    for lookup in getattr(shape, "prefetch", ()):
        found[model].add(model._meta.get_field(lookup))


@cache
def table_plan(shape, model):
    """`{model: (foreign keys, many-to-many fields, reverse foreign keys, subsets)}` to follow."""
    found = defaultdict(set)
    found["seen"] = set()
    _relations_of(shape, model, found)
    del found["seen"]
    plan = {}
    for table, relations in found.items():
        subsets = {r.key: r for r in relations if isinstance(r, Subset)}
        plan[table] = (
            [r for r in relations if isinstance(r, ForeignKey)],
            [r for r in relations if isinstance(r, ManyToManyField)],
            [r for r in relations if isinstance(r, ManyToOneRel)],
            list(subsets.values()),
        )
    return plan


class _InQuery:
    """`model`'s rows whose `field` is in a list (as instances, or tuples of `columns`), in the
    default manager's order or none (`ordered`): the ORM compiles the query once, for one
    value, and each call runs its SQL with as many values as it is given. Compiling the same
    few queries again for every table of every round was most of a cold page's time; the
    database's own was a tenth of it."""

    def __init__(self, model, field, columns, ordered, first, connection):
        self.model, self.field, self.columns = model, field, columns
        queryset = model._default_manager.using(connection.alias).filter(
            **{f"{field.attname}__in": [first]}
        )
        queryset = queryset.values_list(*columns) if columns else queryset
        queryset = queryset if ordered else queryset.order_by()
        self.compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = self.compiler.as_sql()
        select = [expression for expression, _, _ in self.compiler.select]
        # Nothing but the rows' own columns, and the one value: what `run` takes apart.
        if (
            len(params) != 1
            or self.sql.count("%s") != 1
            or queryset.query.annotations
            or queryset.query.select_related
            or queryset.query.extra
        ):
            raise ValueError(f"{model.__name__}'s default manager reads more than its rows")
        self.names = [expression.target.attname for expression in select]
        self.converters = self.compiler.get_converters(select)

    def run(self, values):
        connection = self.compiler.connection
        params = [self.field.get_db_prep_value(value, connection) for value in values]
        sql = self.sql.replace("%s", ", ".join(["%s"] * len(params)))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.columns:
            return [tuple(row) for row in rows]
        alias, names, model = connection.alias, self.names, self.model
        return [model.from_db(alias, names, row) for row in rows]


# Compiled queries, per thread and connection (a thread's own: their converters are bound to
# it). Kept by the thread, so they and the connection go when the thread does (granian ends
# the threads it added once they are idle).
_compiled = threading.local()


def rows_in(model, field, values, columns=(), ordered=True):
    """`model`'s rows whose `field` (of `model`) is one of `values`, in its default manager's
    order (or none: `ordered` false): instances, or tuples of `columns`, as `values_list`
    gives them."""
    values = list(dict.fromkeys(value for value in values if value is not None))
    if not values:
        return []
    connection = connections[model._default_manager.db]
    queries = _compiled.__dict__.setdefault("queries", {})
    key = (connection, model, field, columns, ordered)
    query = queries.get(key)
    if query is None:
        query = queries[key] = _InQuery(model, field, columns, ordered, values[0], connection)
    return query.run(values)


def _cached_list(model, objects):
    queryset = QuerySet(model=model)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    return queryset


def _receive(loaded, arrived, model, instance):
    """The instance already loaded for this row, or this one, now loaded (and to follow)."""
    known = loaded[model].get(instance.pk)
    if known is not None:
        return known
    loaded[model][instance.pk] = instance
    arrived[model].append(instance)
    return instance


def load(rows, shape):
    """Load and link everything `shape` shows for `rows` (instances of one model)."""
    if not rows:
        return rows
    plan = table_plan(shape, type(rows[0]))
    loaded = defaultdict(dict)
    for row in rows:
        loaded[type(row)][row.pk] = row
    frontier = {type(rows[0]): list(rows)}
    # (instances, cache name, related model, {pk: [related pks]}, the relation whose page
    # order to keep, or None where the query gave the order)
    links = []
    while frontier:
        pending = defaultdict(set)
        arrived = defaultdict(list)
        receive = partial(_receive, loaded, arrived)
        for model, instances in frontier.items():
            foreign_keys, many_to_many, reverse, subsets = plan.get(model, ((), (), (), ()))
            for field in foreign_keys:
                known = loaded[field.related_model]
                for instance in instances:
                    value = getattr(instance, field.attname)
                    if value is not None and value not in known:
                        pending[field.related_model].add(value)
            pks = [instance.pk for instance in instances]
            for field in many_to_many:
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                through = field.remote_field.through
                pairs = rows_in(
                    through, through._meta.get_field(source), pks, (f"{source}_id", f"{target}_id")
                )
                targets = defaultdict(list)
                for owner, related in pairs:
                    targets[owner].append(related)
                    if related not in loaded[field.related_model]:
                        pending[field.related_model].add(related)
                links.append((instances, field.name, field.related_model, targets, field.name))
            for relation in reverse:
                children = rows_in(relation.related_model, relation.field, pks)
                targets = defaultdict(list)
                for child in children:
                    child = receive(relation.related_model, child)
                    targets[getattr(child, relation.field.attname)].append(child.pk)
                name = relation.accessor_name
                links.append((instances, name, relation.related_model, targets, name))
            for subset in subsets:
                relation = subset.reverse_relation(model)
                owner = relation.field.attname
                children = subset.matching(
                    relation.related_model._default_manager.filter(**{f"{owner}__in": pks})
                ).order_by(*(subset.order or ("id",)))
                targets = defaultdict(list)
                for child in children:
                    child = receive(relation.related_model, child)
                    targets[getattr(child, owner)].append(child.pk)
                in_page_order = subset.relation if subset.order is None else None
                links.append(
                    (instances, subset.key, relation.related_model, targets, in_page_order)
                )
        for model, ids in pending.items():
            for instance in rows_in(model, model._meta.pk, ids, ordered=False):
                receive(model, instance)
        frontier = arrived

    for model, (foreign_keys, *_) in plan.items():
        for field in foreign_keys:
            related = loaded[field.related_model]
            for instance in loaded[model].values():
                value = getattr(instance, field.attname)
                instance._state.fields_cache[field.name] = related.get(value)
    for instances, name, model, targets, in_page_order in links:
        table = loaded[model]
        for instance in instances:
            pks = targets.get(instance.pk, ())
            if in_page_order:
                # In the order the imported page listed them, if the row keeps one; else by id.
                ordered = isinstance(instance, Listed)
                pks = sorted(pks, key=instance.position(in_page_order) if ordered else None)
            related = [table[pk] for pk in pks]
            instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = _cached_list(
                model, related
            )
    return rows
