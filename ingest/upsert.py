"""Writing LL2 objects into the domain models: upsert by LL2 id, never erase what a shape hides.

What is read of each kind of object comes from its model (ingest/fields.py): the keys copied
as they are, the nested objects stored as foreign keys, the nested lists stored as
many-to-many relations. A key a shape does not show is left alone, so a 2.2.0 list never
blanks what a 2.3.0 detailed page filled. The older versions' shapes are turned into the 2.3.0
form first (ingest/legacy.py), and what a top-level object is comes from its `url`
(ingest/placing.py).
"""

import hashlib
import json
from collections import defaultdict

from django.db import DatabaseError
from django.utils import timezone

from ingest.fields import KINDS, InvalidObject, to_iso_duration, to_list
from ingest.legacy import as_current
from ingest.placing import kind_of, top_level
from spaceflight import models as m
from spaceflight.models.base import Listed
from spaceflight.statistics import STATISTICS

# Lookups the older versions show by name or URL alone: matched on that column.
BY_NATURAL_KEY = {"AgencyType": "name", "Image": "image_url", "Country": "alpha_3_code"}


# The statistics an object's own detailed page shows (spaceflight/statistics.py).
IMPORTED_STATISTICS = {model.__name__: names for model, names in STATISTICS.items()}


def digest(data):
    """What the importer remembers of an object it wrote: enough to tell it again, not its data."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


class Importer:
    """Upserts LL2 objects; one instance per run, inside the caller's transaction.

    `captured_at` is the moment the imported pages were read from LL2: it anchors the live
    `duration` of a flight still in space whose launch time the page does not show. Objects a
    curator marked (`Curated`) keep their own values: they are linked to, and counted as kept.
    """

    def __init__(self, captured_at=None):
        self.captured_at = captured_at or timezone.now()
        self.curated = set(m.Curated.objects.values_list("model", "object_id"))
        self.created = defaultdict(set)
        self.updated = defaultdict(set)
        self.kept = defaultdict(set)
        self.touched = defaultdict(set)
        self._seen = {}

    def import_document(self, document, request_path=None):
        """Import a parsed LL2 response (`request_path`: the path it was read from, if known);
        returns the primary keys of its top-level objects."""
        return [self.import_object(*found) for found in top_level(document, request_path)]

    def import_object(self, path, data, page_path=None):
        if not isinstance(data, dict):
            raise InvalidObject(path, "expected an object")
        try:
            return self.upsert(kind_of(data, path, page_path), data, path)
        except RecursionError:
            raise InvalidObject(path, "nested too deeply to import") from None

    def snapshot(self):
        """What the importer knows, to be restored if the transaction it wrote in rolls back."""
        sets = [
            {k: set(v) for k, v in d.items()}
            for d in (self.created, self.updated, self.kept, self.touched)
        ]
        return sets, dict(self._seen)

    def restore(self, snapshot):
        (created, updated, kept, touched), self._seen = snapshot
        self.created = defaultdict(set, created)
        self.updated = defaultdict(set, updated)
        self.kept = defaultdict(set, kept)
        self.touched = defaultdict(set, touched)

    def counts(self):
        """{kind: (created, updated, unchanged, kept)}, each object counted once per run."""
        result = {}
        for kind in sorted(self.touched):
            created = self.created[kind]
            updated = self.updated[kind] - created
            kept = self.kept[kind] - created - updated
            unchanged = self.touched[kind] - created - updated - kept
            result[kind] = (len(created), len(updated), len(unchanged), len(kept))
        return result

    def upsert(self, kind_name, data, path, current=None, owner=None):
        """Write one object and what it nests; return its primary key. `current` is the row
        the parent points at now: a name or URL that matches it keeps it. `owner` is
        `(foreign key, parent pk)` for a row of a parent's child list."""
        if data is None:
            return None
        if not isinstance(data, dict) or (kind_name in BY_NATURAL_KEY and "id" not in data):
            return self.upsert_by_natural_key(kind_name, data, path, current)
        kind = KINDS[kind_name]
        data = as_current(kind_name, data)
        if "id" not in data:
            raise InvalidObject(path, "missing 'id'")
        try:
            pk = kind.pk(data["id"])
        except ValueError as error:
            raise InvalidObject(f"{path}.id", str(error)) from None
        seen_key, seen = (kind_name, pk), (digest(data), owner and str(owner))
        if self._seen.get(seen_key) == seen:
            return pk
        self._seen[seen_key] = seen

        values = dict([owner]) if owner else {}
        if kind_name == "DockingEvent" and owner and owner[0] == "docking_location_id":
            self.target_the_port_station(data, values, owner[1])
        for key, convert in kind.scalars.items():
            if key in data:
                try:
                    values[key] = convert(data[key])
                except ValueError as error:
                    raise InvalidObject(f"{path}.{key}", str(error)) from None
        existing = kind.model.objects.filter(pk=pk).first()
        for key, sub_kind in kind.fks.items():
            if key in data:
                current = getattr(existing, f"{key}_id", None)
                values[f"{key}_id"] = self.upsert(sub_kind, data[key], f"{path}.{key}", current)
        if existing is None and any(key in data for key in kind.fks):
            # Written meanwhile, in a lighter form, by what it nests (a family its parent's
            # parent).
            existing = kind.model.objects.filter(pk=pk).first()
        if kind_name == "SpacecraftFlight":
            self.anchor_duration(data, values, existing, path)
        given = [name for name in IMPORTED_STATISTICS.get(kind_name, ()) if name in data]
        if given:  # LL2's own from now on, never derived
            held = existing.imported_statistics if existing else []
            values["imported_statistics"] = sorted(set(held) | set(given))
        obj = self.write(kind_name, kind.model, pk, existing, values, path)

        listed = {}
        for key, (relation, sub_kind) in kind.m2m.items():
            if key in data:
                try:
                    items = to_list(data[key])
                except ValueError as error:
                    raise InvalidObject(f"{path}.{key}", str(error)) from None
                ids = [
                    self.upsert(sub_kind, item, f"{path}.{key}[{i}]")
                    for i, item in enumerate(items)
                ]
                self.set_relation(kind_name, obj, relation, ids)
                listed[relation] = ids
        for key, (sub_kind, foreign_key) in kind.children.items():
            found = nested(data, key)
            if found is None:
                continue
            where = f"{path}.{key}"
            if isinstance(found, dict):
                self.upsert(sub_kind, found, where, owner=(foreign_key, pk))
                continue
            try:
                items = to_list(found)
            except ValueError as error:
                raise InvalidObject(where, str(error)) from None
            listed[accessor(kind.model, KINDS[sub_kind].model, foreign_key)] = [
                self.upsert(sub_kind, item, f"{where}[{i}]", owner=(foreign_key, pk))
                for i, item in enumerate(items)
            ]
        self.keep_order(kind_name, obj, listed)
        return pk

    def keep_order(self, kind_name, obj, listed):
        """The order the page listed related rows in, where no key gives it (models.Listed)."""
        if not listed or not isinstance(obj, Listed) or self.is_curated(type(obj), obj.pk):
            return
        order = {**obj.listed, **{name: [str(pk) for pk in pks] for name, pks in listed.items()}}
        if order != obj.listed:
            obj.listed = order
            obj.save(update_fields=["listed"])
            self.updated[kind_name].add(obj.pk)

    def upsert_by_natural_key(self, kind_name, value, path, current=None):
        """A lookup an older shape gives by name or URL alone, or as an object without an id
        (an image by URL with its thumbnail): matched on that column, else made as a row of
        ours (a negative id); what else it gives fills in such a row, never one LL2 gave."""
        column = BY_NATURAL_KEY.get(kind_name)
        given = {}
        if isinstance(value, dict) and column is not None:
            given, value = dict(value), value.get(column)
            given.pop(column, None)
        if column is None or not isinstance(value, str):
            raise InvalidObject(path, f"expected an object, got {value!r}")
        kind = KINDS[kind_name]
        try:  # cleaned and checked as the column's own value would be
            value = kind.scalars[column](value)
            extra = {
                key: kind.scalars[key](item) for key, item in given.items() if key in kind.scalars
            }
        except ValueError as error:
            raise InvalidObject(path, str(error)) from None
        model = kind.model
        matches = model.objects.filter(**{column: value})
        existing = matches.filter(pk=current).first() or matches.order_by("-id").first()
        if existing:
            self.touched[kind_name].add(existing.pk)
            changed = {k: v for k, v in extra.items() if getattr(existing, k) != v}
            if existing.pk < 0 and changed:
                model.objects.filter(pk=existing.pk).update(**changed)
                self.updated[kind_name].add(existing.pk)
            return existing.pk
        lowest = model.objects.order_by("id").values_list("id", flat=True).first() or 0
        values = {"name": "" if kind_name == "Image" else value, **extra, column: value}
        local = model.objects.create(id=min(lowest, 0) - 1, **values)
        self.touched[kind_name].add(local.pk)
        self.created[kind_name].add(local.pk)
        return local.pk

    def anchor_duration(self, data, values, existing, path):
        """Keep where an imported `duration` counts from, for flights whose net is unknown."""
        if data.get("duration") is None:
            return
        try:
            duration = to_iso_duration(data["duration"])
        except ValueError as error:
            raise InvalidObject(f"{path}.duration", str(error)) from None
        launch_id = values.get("launch_id")
        if launch_id and m.Launch.objects.filter(pk=launch_id, net__isnull=False).exists():
            return
        if values.get("mission_end"):
            values["duration_origin"] = values["mission_end"] - duration
        elif existing is None or existing.duration_origin is None:
            # A flight still in space: the anchor is only as good as the capture time, so a
            # re-import of an older page must not move it.
            values["duration_origin"] = self.captured_at - duration

    def target_the_port_station(self, data, values, port):
        """A station page's port shows the event still docked at it without its target: the
        port's station, as LL2 shows the event on its own page."""
        targets = ("flight_vehicle_target", "space_station_target", "payload_flight_target")
        if not any(data.get(key) for key in targets):
            station = m.DockingLocation.objects.filter(pk=port).values("spacestation_id")
            values["space_station_target_id"] = station.first()["spacestation_id"]

    def is_curated(self, model, pk):
        return (model._meta.label_lower, str(pk)) in self.curated

    def write(self, kind_name, model, pk, obj, values, path):
        """Create or update the row; returns it."""
        try:
            self.touched[kind_name].add(pk)
            if obj is None:
                self.created[kind_name].add(pk)
                return model.objects.create(pk=pk, **values)
            if self.is_curated(model, pk):
                self.kept[kind_name].add(pk)
                return obj
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            if changed:
                for name in changed:
                    setattr(obj, name, values[name])
                obj.save(update_fields=changed)
                self.updated[kind_name].add(pk)
            return obj
        except DatabaseError as error:
            raise InvalidObject(path, f"cannot be stored: {error}") from None

    def set_relation(self, kind_name, obj, relation, ids):
        if self.is_curated(type(obj), obj.pk):
            return
        manager = getattr(obj, relation)
        if sorted(map(str, manager.values_list("pk", flat=True))) != sorted(map(str, ids)):
            manager.set(ids)
            self.updated[kind_name].add(obj.pk)


def accessor(model, child, foreign_key):
    """The name of the reverse relation of `model` that `child`'s `foreign_key` is (a launch
    has spacecraft flights and payload flights, both by `launch_id`)."""
    return next(
        relation.get_accessor_name()
        for relation in model._meta.related_objects
        if relation.related_model is child and relation.field.attname == foreign_key
    )


def nested(data, key):
    """The value at `key` (`a.b`: key `b` of the object at `a`), or None where there is none."""
    for part in key.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data
