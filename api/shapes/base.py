"""The base shape and the serializer fields shared by every version's shapes."""

from importlib import import_module

import isodate
from rest_framework import serializers

from spaceflight.models.base import Listed


class Link(serializers.Field):
    """The `url` of an object: `/{version}/{collection}/{id}/`."""

    def __init__(self, collection, **kwargs):
        self.collection = collection
        kwargs.setdefault("source", "pk")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["links"].url(self.collection, value)


class Constant(serializers.Field):
    """A value that is the same for every object of a shape, like `response_mode`."""

    def __init__(self, value, **kwargs):
        self.value = value
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, instance):
        return self.value


class IsoDuration(serializers.Field):
    """A duration as LL2 writes it (`isodate`): `P44DT5H29M30.269441S`, `P0D`."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return isodate.duration_isoformat(value)


class LiveDuration(IsoDuration):
    """A duration that grows while the object is live (a flight still in space): the object's
    `live_start` says since when, or None once it no longer grows."""


class RelatedUrl(serializers.Field):
    """The `image_url` of a related image, as the older versions show an image."""

    reads_relation = True

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, image):
        return image.image_url


# A read-only shape: fields are declared, never inferred from the model. (No docstring: the
# OpenAPI schema would show it as every shape's description.)
#
# A subclass that redeclares a field keeps it in its parent's place (DRF would move it to
# the end), so `SpacecraftFlightNormal` lists `launch` where `SpacecraftFlightMini` does.
# Fields a subclass adds come last, or right after the key named by its own `insert_after`:
# a class's `insert_after` places its own fields only, never those of its subclasses.
class Shape(serializers.Serializer):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        parent = next(
            (b._declared_fields for b in cls.__mro__[1:] if "_declared_fields" in vars(b)), {}
        )
        own = cls._declared_fields
        kept = [name for name in parent if name in own]
        added = [name for name in own if name not in parent]
        insert_after = vars(cls).get("insert_after")
        if insert_after in kept:
            at = kept.index(insert_after) + 1
            kept[at:at] = added
            added = []
        cls._declared_fields = {name: own[name] for name in kept + added}


def plain(name, model, keys):
    """A leaf shape whose keys are model columns of the same name."""
    return type(
        name,
        (serializers.ModelSerializer,),
        {"Meta": type("Meta", (), {"model": model, "fields": keys})},
    )


class Names(serializers.Field):
    """The names of a to-many relation as one string, where an older version shows as text
    what 2.3.0 lists (a launcher configuration's families): `Falcon`, `Soyuz, R-7`."""

    reads_relation = True

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, related):
        return ", ".join(item.name for item in related.all())


def in_order(value, keys):
    """`value` with the keys of an object in `keys`' order (nested: `keys[key]` is the order
    of the object at `key`), those `keys` doesn't name after, as they come."""
    if not isinstance(value, dict) or not keys:
        return value
    ordered = {key: in_order(value[key], keys[key]) for key in keys if key in value}
    ordered.update((key, item) for key, item in value.items() if key not in ordered)
    return ordered


class Records(serializers.JSONField):
    """A list of objects kept as LL2 gave them (a JSON column), shown with each object's keys
    in `keys`' order (api/shapes/v2_3_0/records.py)."""

    def __init__(self, keys, **kwargs):
        self.keys = keys
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [in_order(item, self.keys) for item in value]


class EmptyList(serializers.Field):
    """A list LL2 shows and we hold nothing for (crews, expeditions): always `[]`, as LL2
    shows an empty one, never items that would link to endpoints we don't serve."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, instance):
        return []


class NotHeld(serializers.Field):
    """A value LL2 shows and no data of ours determines: always null (LL2's schema allows it).
    `json_type` is what LL2 shows when it has one, for our schema."""

    def __init__(self, json_type, **kwargs):
        self.json_type = json_type
        super().__init__(read_only=True, source="*", allow_null=True, **kwargs)

    def to_representation(self, instance):
        return None


class Subset(serializers.ListSerializer):
    """The rows of the reverse relation `relation` that match `where`, in `order`: a station's
    events still docked, a flight's docking events. The loader (api/rendering/loader.py) reads
    them for a whole page in one query filtered in the database, so a station's whole docking
    history is never loaded to show the few events still docked."""

    def __init__(self, child, *, relation, where=None, order=None, **kwargs):
        self.relation = relation
        # Lookups, or a function giving a Q where the rows depend on the time asked.
        self.where = where if callable(where) else dict(where or {})
        # Without one: as the imported page listed them (models.Listed), else by id.
        self.order = tuple(order) if order else None
        super().__init__(child=child, read_only=True, **kwargs)

    def reverse_relation(self, model):
        """The reverse relation of `model` whose accessor is `relation`."""
        return next(
            r for r in model._meta.related_objects if r.get_accessor_name() == self.relation
        )

    @property
    def key(self):
        """Where an instance keeps its loaded rows (Django's prefetch cache)."""
        where = self.where.__name__ if callable(self.where) else sorted(self.where.items())
        return f"{self.relation}?{where}:{','.join(map(str, self.order or ['page']))}"

    def matching(self, rows):
        """`rows` (a queryset) narrowed to those this Subset shows."""
        return rows.filter(self.where()) if callable(self.where) else rows.filter(**self.where)

    def rows(self, instance):
        loaded = instance.__dict__.get("_prefetched_objects_cache", {}).get(self.key)
        if loaded is not None:
            return loaded._result_cache
        related = self.matching(getattr(instance, self.relation).all())
        rows = list(related.order_by(*(self.order or ("id",))))
        if self.order is None and isinstance(instance, Listed):
            position = instance.position(self.relation)
            rows.sort(key=lambda row: position(row.pk))
        return rows

    def get_attribute(self, instance):
        return self.rows(instance)


class Latest(Subset):
    """The last of a Subset's rows, or null: a port's event still docked."""

    def __init__(self, child, **kwargs):
        super().__init__(child, allow_null=True, **kwargs)

    def get_attribute(self, instance):
        rows = self.rows(instance)
        return rows[-1] if rows else None

    def to_representation(self, row):
        return self.child.to_representation(row)


# A docking event Subset's rows: still docked (no departure yet, as
# `/docking_events/?docked=true`), oldest first; or all of them, in docking order.
STILL_DOCKED = {"where": {"departure__isnull": True}, "order": ("docking", "id")}
BY_DOCKING = {"order": ("docking", "id")}
# An agency's launchers and spacecraft, as LL2's agency pages list them.
BY_NAME = {"order": ("name", "id")}


class Later(serializers.Field):
    """A field that embeds a shape of a family imported after this one, named
    `"<family>.<shape>"` within the version's package: `Later("launches.ProgramNormal",
    many=True)` stands for `ProgramNormal(many=True)`, and `Later("docking.DockingEventNormal",
    within=Subset, relation="docking_events")` for `Subset(DockingEventNormal(), ...)`.

    The families embed each other both ways (a flight shows its launch, a detailed launch its
    flights) and their modules can't import each other in a cycle: each imports the families
    before it, names a later one's shape with a Later, and the version's package replaces the
    Laters once every family is imported (`resolve_later`). The key stays where the class
    declares it, so a shape's keys read in order off its class."""

    def __init__(self, shape, *, within=None, **kwargs):
        self.shape = shape
        self.within = within
        self.options = kwargs
        super().__init__(read_only=True)

    def resolve(self, package):
        family, name = self.shape.split(".")
        shape = getattr(import_module(f"{package}.{family}"), name)
        if self.within is None:
            return shape(**self.options)
        return self.within(shape(), **self.options)


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def resolve_later(package):
    """Put in place of every Later of the shapes declared in `package` the field it stands for,
    at the same key, in the class that declares it and in those that inherit it."""
    resolved = {}
    for shape in _subclasses(Shape):
        if not shape.__module__.startswith(f"{package}."):
            continue
        for name, field in list(shape._declared_fields.items()):
            if isinstance(field, Later):
                if field not in resolved:
                    resolved[field] = field.resolve(package)
                shape._declared_fields[name] = resolved[field]
