"""Fast rendering of the shapes: each DRF shape compiled once into plain Python functions.

The shapes stay the one declaration (they drive the loader and the OpenAPI schema, and
DRF can still render them: tests check that both give the same JSON). Rendering through DRF
costs a method call per field and value; a compiled shape is a list of `(key, getter)` pairs.
Within one response an object met again in the same shape (the ISS, an agency, an image) is
rendered once and the same dict is reused.
"""

from datetime import UTC
from functools import cache

import isodate
from django.utils.duration import duration_string
from rest_framework import serializers as s

from api.rendering.live import live_marker
from api.shapes.base import (
    Constant,
    EmptyList,
    IsoDuration,
    Latest,
    Link,
    LiveDuration,
    NotHeld,
    RelatedUrl,
    Subset,
)


class Context:
    """What one response's rendering shares: its links, the objects already rendered, and
    whether live durations are written as markers (for the response cache, api/serving/cache.py)."""

    def __init__(self, links, live=False):
        self.url = links.url
        self.memo = {}
        self.live = live


def _path(attrs):
    if not attrs:
        return lambda obj: obj
    if len(attrs) == 1:
        name = attrs[0]
        return lambda obj: getattr(obj, name)

    def follow(obj):
        for name in attrs:
            obj = getattr(obj, name)
            if obj is None:
                return None
        return obj

    return follow


def _datetime(value):
    if value.tzinfo is not UTC and value.utcoffset():
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value):
    return value if type(value) is str else str(value)


CONVERTERS = [
    (s.DateTimeField, _datetime),
    (s.DateField, lambda value: value.isoformat()),
    (s.DurationField, duration_string),
    (IsoDuration, isodate.duration_isoformat),
    (RelatedUrl, lambda image: image.image_url),
    (s.BooleanField, bool),
    (s.IntegerField, int),
    (s.FloatField, float),
    (s.CharField, _text),
    (s.UUIDField, str),
    (s.JSONField, lambda value: value),
]


def _getter(field):
    """`(obj, context) -> value` for one bound field."""
    if isinstance(field, Constant):
        value = field.value
        return lambda obj, context: value
    if isinstance(field, EmptyList):
        return lambda obj, context: []
    if isinstance(field, NotHeld):
        return lambda obj, context: None
    if isinstance(field, Subset):
        return _subset(field)
    get = _path(field.source_attrs)
    if isinstance(field, Link):
        collection = field.collection
        return lambda obj, context: context.url(collection, obj.pk)
    if isinstance(field, LiveDuration):

        def live(obj, context):
            start = obj.live_start if context.live else None
            if start is not None:
                return live_marker(start)
            value = get(obj)
            return None if value is None else isodate.duration_isoformat(value)

        return live
    if isinstance(field, s.ListSerializer):
        child = compile_shape(type(field.child))
        name = field.source

        def many(obj, context):
            # Loaded lists sit in Django's prefetch cache: read them without a manager.
            loaded = obj.__dict__.get("_prefetched_objects_cache", {}).get(name)
            items = get(obj).all() if loaded is None else loaded._result_cache
            return [child(item, context) for item in items]

        return many
    if isinstance(field, s.BaseSerializer):
        child = compile_shape(type(field))

        def nested(obj, context):
            value = get(obj)
            return None if value is None else child(value, context)

        return nested
    convert = next(
        (convert for kind, convert in CONVERTERS if isinstance(field, kind)),
        field.to_representation,
    )

    def scalar(obj, context):
        value = get(obj)
        return None if value is None else convert(value)

    return scalar


def _subset(field):
    child, rows = compile_shape(type(field.child)), field.rows
    if isinstance(field, Latest):

        def latest(obj, context):
            found = rows(obj)
            return child(found[-1], context) if found else None

        return latest
    return lambda obj, context: [child(row, context) for row in rows(obj)]


@cache
def compile_shape(shape):
    """`render(obj, context) -> dict` for a shape class."""
    getters = [(name, _getter(field)) for name, field in shape().fields.items()]

    def render(obj, context):
        key = (shape, obj.pk)
        done = context.memo.get(key)
        if done is None:
            done = context.memo[key] = {name: get(obj, context) for name, get in getters}
        return done

    return render
