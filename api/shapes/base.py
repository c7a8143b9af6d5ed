"""The base shape and the serializer fields shared by every version's shapes."""

import isodate
from rest_framework import serializers


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
# Fields a subclass adds come last, or right after the key named by its `insert_after`.
class Shape(serializers.Serializer):
    insert_after = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        parent = next(
            (b._declared_fields for b in cls.__mro__[1:] if "_declared_fields" in vars(b)), {}
        )
        own = cls._declared_fields
        kept = [name for name in parent if name in own]
        added = [name for name in own if name not in parent]
        if cls.insert_after in kept:
            at = kept.index(cls.insert_after) + 1
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
