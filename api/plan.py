"""Query plans derived from the shapes, so the SQL a shape needs is declared by the shape alone.

A nested single object becomes a join (`select_related`); a nested list, and anything below
one, a prefetch. A plain field with a dotted source (`type.name`) loads the relation it reads,
as does a field that renders a related object itself (`reads_relation`, like `RelatedUrl`),
and a shape that reads a relation in a property names it in `prefetch`. The top-level fields
whose source is in `separate` are fetched by their own prefetch query with their own joins: a
docking event's chaser and target trees joined in one query would exceed SQLite's 64-table
limit. The number of queries depends on the shape only, never on the page size.
"""

from functools import cache

from django.db.models import Prefetch
from rest_framework import serializers


def _relations(shape):
    """`(source, nested shape or None, many)` for each relation the shape reads."""
    found = {}
    for field in shape().fields.values():
        many = isinstance(field, serializers.ListSerializer)
        child = field.child if many else field
        if isinstance(child, serializers.ModelSerializer):
            found[field.source] = (None, many)
        elif isinstance(child, serializers.Serializer):
            found[field.source] = (type(child), many)
        elif getattr(field, "reads_relation", False):
            found.setdefault(field.source.replace(".", "__"), (None, False))
        elif "." in field.source:
            found.setdefault(field.source.rsplit(".", 1)[0].replace(".", "__"), (None, False))
    for lookup in getattr(shape, "prefetch", ()):
        found.setdefault(lookup, (None, True))
    return [(source, child, many) for source, (child, many) in found.items()]


def _walk(shape, prefix, through_many, selects, prefetches):
    for source, child, many in _relations(shape):
        lookup = f"{prefix}{source}"
        (prefetches if many or through_many else selects).append(lookup)
        if child is not None:
            _walk(child, f"{lookup}__", many or through_many, selects, prefetches)


@cache
def plan(shape, model, separate=frozenset()):
    """`(select_related, prefetch_related)` lookups that load `shape` for `model` rows; a
    separately fetched field is `(source, its model, its own plan)`."""
    selects, prefetches = [], []
    for source, child, many in _relations(shape):
        if source in separate:
            related = model._meta.get_field(source).related_model
            prefetches.append((source, related, *plan(child, related)))
            continue
        (prefetches if many else selects).append(source)
        if child is not None:
            _walk(child, f"{source}__", many, selects, prefetches)
    return tuple(selects), tuple(prefetches)


def load(queryset, shape, separate=frozenset()):
    selects, prefetches = plan(shape, queryset.model, frozenset(separate))
    return queryset.select_related(*selects).prefetch_related(*map(_prefetch, prefetches))


def _prefetch(spec):
    if isinstance(spec, str):
        return spec
    source, model, selects, prefetches = spec
    queryset = model.objects.select_related(*selects).prefetch_related(*map(_prefetch, prefetches))
    return Prefetch(source, queryset=queryset)
