"""What ingest reads of each LL2 object, derived from the models (spaceflight/models/).

A model's columns are LL2's keys: a column's type says how to convert its JSON value (a
CharField's text is one line and fits the column, a TextField's may hold lines), a foreign key
is a nested object, a many-to-many field a nested list. Only what doesn't follow
is listed here: keys LL2 names differently, a column LL2 writes in another format, columns
that are ours alone, and nested lists of rows that point back at their parent.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

import isodate
from django.apps import apps
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime, parse_duration

from spaceflight.models.base import Listed
from spaceflight.statistics import STATISTICS
from spaceflight.text import multi_line, one_line


class InvalidObject(ValueError):
    def __init__(self, path, message):
        super().__init__(f"{path}: {message}")


def to_int(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    return value


def to_optional_int(value):
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return to_int(value)


def to_float(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


def to_bool(value):
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def to_optional_bool(value):
    return None if value is None else to_bool(value)


def to_text(value):
    if value is not None and not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def to_blank_text(value):
    return to_text(value) or ""


def to_line(max_length, blank):
    """The converter of a one-line column (CharField): the text on one line (spaceflight/
    text.py), refused if longer than the column holds (which only PostgreSQL would check)."""

    def convert(value):
        text = to_blank_text(value) if blank else to_text(value)
        if text is None:
            return None
        text = one_line(text)
        if max_length is not None and len(text) > max_length:
            raise ValueError(f"expected at most {max_length:,} characters, got {len(text):,}")
        return text

    return convert


def to_lines(blank):
    """The converter of a multi-line column (TextField): its line breaks kept."""

    def convert(value):
        text = to_blank_text(value) if blank else to_text(value)
        return None if text is None else multi_line(text)

    return convert


def to_datetime(value):
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"expected an ISO 8601 date-time, got {value!r}")
    return parsed


def to_date(value):
    if value is None:
        return None
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"expected an ISO 8601 date, got {value!r}")
    return parsed


def to_iso_duration(value):
    if value is None:
        return None
    try:
        parsed = isodate.parse_duration(value)
    except (isodate.ISO8601Error, TypeError):
        raise ValueError(f"expected an ISO 8601 duration, got {value!r}") from None
    if not isinstance(parsed, timedelta):
        raise ValueError(f"expected a duration in days and time, got {value!r}")
    return parsed


def to_django_duration(value):
    if value is None:
        return None
    parsed = parse_duration(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"expected a duration like '1 00:00:00', got {value!r}")
    return parsed


def to_list(value):
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {value!r}")
    return value


def to_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValueError(f"expected a UUID, got {value!r}") from None


# (model, column) -> LL2's key, where they differ.
RENAMED = {
    ("Agency", "countries"): "country",
    ("Launch", "programs"): "program",
    ("LauncherConfig", "programs"): "program",
    ("LauncherConfigFamily", "manufacturers"): "manufacturer",
    ("Payload", "programs"): "program",
    ("SpacecraftConfig", "families"): "family",
    ("Spacewalk", "programs"): "program",
    ("Event", "programs"): "program",
}
# LL2 writes a celestial body's day as Django's duration, not ISO 8601.
CONVERTERS = {("CelestialBody", "length_of_day"): to_django_duration}
# Ours alone: where a flight's live duration counts from when its launch time is unknown, and
# whether an object's statistics are LL2's or derived (spaceflight/statistics.py).
LOCAL = (
    {("SpacecraftFlight", "duration_origin")}
    | {(model.__name__, "imported_statistics") for model in STATISTICS}
    | {
        # The order of the page's lists, written apart (ingest/upsert.py, Importer.keep_order).
        (model.__name__, "listed")
        for model in apps.get_app_config("spaceflight").get_models()
        if issubclass(model, Listed)
    }
)
# key -> (kind, its foreign key to the parent): nested rows that point back at their parent,
# like the ports a station's own page lists (what is docked at each is derived from the events).
# A key is a list of rows, one row or null; `a.b` is key `b` of the object at key `a`.
CHILDREN = {
    "Image": {"variants": ("ImageVariant", "image_id")},
    "SpaceStation": {
        "docking_location": ("DockingLocation", "spacestation_id"),
        "active_expeditions": ("Expedition", "spacestation_id"),
    },
    # A port's event still docked (its target: the port's station, ingest/upsert.py).
    "DockingLocation": {"currently_docked": ("DockingEvent", "docking_location_id")},
    # An expedition's spacewalks, shown without their expedition.
    "Expedition": {"spacewalks": ("Spacewalk", "expedition_id")},
    # An agency's own page lists the configurations it makes (its launchers without their
    # manufacturer: this agency).
    "Agency": {
        "launcher_list": ("LauncherConfig", "manufacturer_id"),
        "spacecraft_list": ("SpacecraftConfig", "agency_id"),
    },
    "Location": {"pads": ("Pad", "location_id")},
    "CelestialBody": {"locations": ("Location", "celestial_body_id")},
    # The flight a landing ends, without its landing.
    "Landing": {
        "spacecraftflight": ("SpacecraftFlight", "landing_id"),
        "payloadflight": ("PayloadFlight", "landing_id"),
    },
    # A detailed launch shows what it carries under its rocket, without the launch.
    "Launch": {
        "rocket.spacecraft_stage": ("SpacecraftFlight", "launch_id"),
        "rocket.payloads": ("PayloadFlight", "launch_id"),
    },
}
# What isn't LL2 data: the data generation, curators' marks.
NOT_LL2 = {"DataGeneration", "Curated"}


def convert_by_type(column):
    """The converter of a column, from its type (and whether it may be null)."""
    if isinstance(column, models.BooleanField):
        return to_optional_bool if column.null else to_bool
    if isinstance(column, models.IntegerField):  # BigIntegerField included
        return to_optional_int
    if isinstance(column, models.FloatField):
        return to_float
    if isinstance(column, models.DateTimeField):
        return to_datetime
    if isinstance(column, models.DateField):
        return to_date
    if isinstance(column, models.DurationField):
        return to_iso_duration
    if isinstance(column, models.JSONField):
        return to_list
    # null stays null where the column takes it, becomes "" where "" is the default, and is
    # refused (by the database, with the path) where a value is required.
    blank = column.default == "" and not column.null
    if isinstance(column, models.CharField):  # URLField and SlugField included
        return to_line(column.max_length, blank)
    if isinstance(column, models.TextField):
        return to_lines(blank)
    raise TypeError(f"no converter for {column!r}")


@dataclass
class Kind:
    model: type
    scalars: dict = field(default_factory=dict)  # key -> converter
    fks: dict = field(default_factory=dict)  # key -> kind
    m2m: dict = field(default_factory=dict)  # key -> (relation, kind)
    children: dict = field(default_factory=dict)  # key -> (kind, foreign key)
    pk: object = to_int


def kind_of_model(model):
    name = model.__name__
    kind = Kind(model, children=CHILDREN.get(name, {}))
    if isinstance(model._meta.pk, models.UUIDField):
        kind.pk = to_uuid
    for column in model._meta.get_fields():
        if column.auto_created or column.primary_key or (name, column.name) in LOCAL:
            continue
        key = RENAMED.get((name, column.name), column.name)
        if column.many_to_many:
            kind.m2m[key] = (column.name, column.related_model.__name__)
        elif column.many_to_one:
            kind.fks[key] = column.related_model.__name__
        elif column.concrete:
            kind.scalars[key] = CONVERTERS.get((name, column.name)) or convert_by_type(column)
    return kind


KINDS = {
    model.__name__: kind_of_model(model)
    for model in apps.get_app_config("spaceflight").get_models()
    if model.__name__ not in NOT_LL2
}
