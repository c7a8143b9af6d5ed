"""What our OpenAPI schema says beyond what drf-spectacular infers: the custom fields, the
list response that is one of two shapes (by `mode`), and which fields can really be null.

LL2's own schema marks fields as never null that real data has null in (SPEC.md). Ours reads
nullability off the models: a field is nullable when its column, or a relation on the way to
it, is nullable, so the schema says what the responses really do.
"""

from functools import cache

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.serializers import PolymorphicProxySerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from rest_framework import serializers

from api.shapes import SHAPES
from api.shapes.base import Subset


class LinkExtension(OpenApiSerializerFieldExtension):
    target_class = "api.shapes.base.Link"

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.URI)


class RelatedUrlExtension(LinkExtension):
    target_class = "api.shapes.base.RelatedUrl"


class ConstantExtension(OpenApiSerializerFieldExtension):
    target_class = "api.shapes.base.Constant"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "enum": [self.target.value]}


class IsoDurationExtension(OpenApiSerializerFieldExtension):
    target_class = "api.shapes.base.IsoDuration"

    def map_serializer_field(self, auto_schema, direction):
        # Not `format: duration`: RFC 3339's durations have no fractional seconds, LL2's do.
        return {
            "type": "string",
            "pattern": r"^P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?)$",
            "example": "P44DT5H29M30.269441S",
        }


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.serving.throttling.ApiKeyAuthentication"
    name = "Token_Authentication"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "An API key, sent as `Authorization: Token <key>`.",
        }


class LiveDurationExtension(IsoDurationExtension):
    target_class = "api.shapes.base.LiveDuration"


class NamesExtension(OpenApiSerializerFieldExtension):
    target_class = "api.shapes.base.Names"

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.STR)


class EmptyListExtension(OpenApiSerializerFieldExtension):
    target_class = "api.shapes.base.EmptyList"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "array", "items": {}, "maxItems": 0}


class NotHeldExtension(OpenApiSerializerFieldExtension):
    target_class = "api.shapes.base.NotHeld"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": self.target.json_type}


class LatestExtension(OpenApiSerializerFieldExtension):
    """One row of a relation, in its shape (not the list a `Subset` is)."""

    target_class = "api.shapes.base.Latest"

    def map_serializer_field(self, auto_schema, direction):
        return auto_schema.resolve_serializer(self.target.child, direction).ref


class AnyOf(PolymorphicProxySerializer):
    """Items in one of several shapes that carry no `response_mode` (the older versions'):
    `anyOf`, as a detailed item may also have every key a normal one has."""


class AnyOfExtension(PolymorphicProxySerializerExtension):
    target_class = "api.schema.AnyOf"

    def map_serializer(self, auto_schema, direction):
        return {"anyOf": super().map_serializer(auto_schema, direction)["oneOf"]}


def _source_is_nullable(model, source, nested=True):
    """Whether the value at `source` may be null, and the model it is of (None for a column)."""
    nullable = False
    for attr in source.split("."):
        if isinstance(getattr(model, attr, None), property):
            # A shape drawn from the object itself, or nothing (a launch's rocket); a value a
            # property computes (a slug) is never null.
            return nested, model
        try:
            field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return nullable, None
        # A to-many relation is a list, empty or not, never null.
        nullable = nullable or (field.null and not (field.one_to_many or field.many_to_many))
        model = field.related_model if field.is_relation else None
        if model is None:
            break
    return nullable, model


@cache
def shape_models():
    """`{shape class: model}` for every shape of the table and every shape they nest."""
    # Here, not at the top: the resources import the views, which import this module.
    from api.resources import MODELS

    found = {}

    def walk(shape, model):
        if shape in found:
            return
        found[shape] = model
        for name, field in shape._declared_fields.items():
            child = field.child if isinstance(field, serializers.ListSerializer) else field
            source = field.source or name  # a declared field learns its source when bound
            if isinstance(field, Subset):
                walk(type(child), field.reverse_relation(model).related_model)
            elif isinstance(child, serializers.Serializer) and source != "*":
                related = _source_is_nullable(model, source)[1]
                if related is not None:
                    walk(type(child), related)

    for (_, resource, _), shape in SHAPES.items():
        walk(shape, MODELS[resource])
    return found


DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _error(schema, description):
    return {"content": {"application/json": {"schema": schema}}, "description": description}


# Swagger's headings, in this order: a resource's family (api/resources/<family>.py), docking
# events first; the throttle status (api/views.py) last.
TAGS = {
    "docking": ("Docking events", "Which spacecraft docked where and when, and the ports."),
    "stations": ("Space stations", "Stations, their ports and what is docked at each now."),
    "crew": ("Crew", "Astronauts, expeditions (who is aboard a station) and spacewalks."),
    "events": ("Events", "Events beside launches: dockings, spacewalks, landings, and more."),
    "spacecraft": ("Spacecraft", "Spacecraft, their flights and their configurations."),
    "payloads": ("Payloads", "Payloads and their flights (SpaDEx docks payload to payload)."),
    "launches": ("Launches", "Launches, upcoming and previous, and the programs they serve."),
    "launchers": ("Launcher configurations", "The rockets that launched them."),
    "agencies": ("Agencies", "Who builds, launches and operates."),
    "places": ("Places", "Pads, locations, landings and celestial bodies."),
    "lookups": ("Config lookups", "The small lookups the other shapes embed."),
    "views": ("Rate limits", "Your rate limit and its use (not counted)."),
}


def family_tags(result, generator, request, public):
    """drf-spectacular's post-processing hook: the headings in our order, described."""
    used = {tag for path in result["paths"].values() for op in path.values() for tag in op["tags"]}
    result["tags"] = [
        {"name": name, "description": description}
        for name, description in TAGS.values()
        if name in used
    ]
    return result


class ReadOnlySchema(AutoSchema):
    """Every GET also documents the errors it answers with: 400 (a parameter's value, DRF's
    field errors, or a query Django refuses), 404 for an `{id}` that names nothing, 429 over
    the rate limit. A field is nullable when its column, or a relation on the way to it, is
    nullable in the model its shape renders."""

    def get_tags(self):
        return [TAGS[type(self.view).__module__.rsplit(".", 1)[-1]][0]]

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        model = shape_models().get(type(getattr(field, "parent", None)))
        if (
            model is not None
            and field.source != "*"
            and _source_is_nullable(
                model, field.source, isinstance(field, serializers.BaseSerializer)
            )[0]
        ):
            meta["nullable"] = True
        return meta

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        if self.method != "GET":
            return bodies
        bodies["400"] = _error(
            {"oneOf": [FIELD_ERRORS, DETAIL]}, "An invalid parameter value, or too many"
        )
        if "{" in self.path:
            bodies["404"] = _error(DETAIL, "Nothing has this id")
        if self.view.get_throttles():
            bodies["429"] = _error(DETAIL, "Over the rate limit: try again after `Retry-After`")
        return bodies


class ResourceSchema(ReadOnlySchema):
    """A list answers in the shape its `mode` names (api/views.py): the schema lists the modes
    and, where there are several, the shapes an item can have."""

    def get_description(self):
        return self.view.describe()

    def get_override_parameters(self):
        if self.view.action != "list" or len(self.view.modes) < 2:
            return super().get_override_parameters()
        return [
            OpenApiParameter(
                "mode",
                str,
                enum=self.view.modes,
                description="Level of detail in the response (unknown values mean the "
                "default). The detailed shape is the one the `{id}` endpoint documents.",
            )
        ]

    def get_response_serializers(self):
        if self.view.action != "list" or len(self.view.modes) < 2:
            return super().get_response_serializers()
        version, resource = self.view.request.version, self.view.resource
        shapes = [SHAPES[(version, resource, mode)] for mode in self.view.modes]
        name = "Polymorphic" + self.view.view_title.replace(" ", "")
        if all("response_mode" in shape._declared_fields for shape in shapes):
            return PolymorphicProxySerializer(
                component_name=name,
                serializers=shapes,
                resource_type_field_name="response_mode",
                many=True,
            )
        return AnyOf(
            component_name=name, serializers=shapes, resource_type_field_name=None, many=True
        )
