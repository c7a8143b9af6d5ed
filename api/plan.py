"""Query plans derived from the shapes, so the SQL a shape needs is declared by the shape alone.

A nested single object becomes a join (`select_related`); a nested list, and anything below
one, a prefetch. The top-level fields named in `separate` are fetched by their own prefetch
query with their own joins: a docking event's chaser and target trees joined in one query
would exceed SQLite's 64-table limit. The number of queries depends on the shape only, never
on the page size.
"""

from functools import cache

from django.db.models import Prefetch
from rest_framework import serializers


def _nested(shape):
    for name, field in shape().fields.items():
        many = isinstance(field, serializers.ListSerializer)
        child = field.child if many else field
        if isinstance(child, serializers.Serializer) and not isinstance(
            child, serializers.ModelSerializer
        ):
            yield name, field.source, type(child), many
        elif isinstance(child, serializers.ModelSerializer):
            yield name, field.source, None, many


def _walk(shape, prefix, through_many, selects, prefetches):
    for _name, source, child, many in _nested(shape):
        lookup = f"{prefix}{source}"
        if many or through_many:
            prefetches.append(lookup)
        else:
            selects.append(lookup)
        if child is not None:
            _walk(child, f"{lookup}__", many or through_many, selects, prefetches)


@cache
def plan(shape, model, separate=frozenset()):
    """`(select_related, prefetch_related)` lookups that load `shape` for `model` rows; a
    separately fetched field is `(source, its model, its own plan)`."""
    selects, prefetches = [], []
    for name, source, child, many in _nested(shape):
        if name in separate:
            related = model._meta.get_field(source).related_model
            prefetches.append((source, related, *plan(child, related)))
            continue
        lookup = source
        (prefetches if many else selects).append(lookup)
        if child is not None:
            _walk(child, f"{lookup}__", many, selects, prefetches)
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
