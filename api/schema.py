"""What our OpenAPI schema says beyond what drf-spectacular infers: the custom fields, the
list response that is one of two shapes (by `mode`), and which fields can really be null.

LL2's own schema marks fields as never null that real data has null in (SPEC.md). Ours reads
nullability off the models: a field is nullable when its column, or a relation on the way to
it, is nullable, so the schema says what the responses really do.
"""

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from rest_framework import serializers

from api.shapes import SHAPES


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
        return {"type": "string", "format": "duration", "example": "P44DT5H29M30.269441S"}


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.throttling.ApiKeyAuthentication"
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


def _source_is_nullable(model, source):
    nullable = False
    for attr in source.split("."):
        try:
            field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return nullable, None
        nullable = nullable or field.null
        model = field.related_model if field.is_relation else None
        if model is None:
            break
    return nullable, model


def mark_nullable(shape, model, done=None):
    """Set `allow_null` on the declared fields of `shape` (rows of `model`) that can be null."""
    done = set() if done is None else done
    if (shape, model) in done:
        return
    done.add((shape, model))
    for name, field in shape._declared_fields.items():
        source = field.source or name  # a declared field learns its source when bound
        if source == "*":
            continue
        many = isinstance(field, serializers.ListSerializer)
        nullable, related = _source_is_nullable(model, source)
        if nullable and not many:
            # DRF copies a declared field by calling its constructor again with the
            # arguments it was given, so the flag goes into those arguments too.
            field.allow_null = field._kwargs["allow_null"] = True
        child = field.child if many else field
        if isinstance(child, serializers.Serializer) and related is not None:
            mark_nullable(type(child), related, done)


class DockingEventSchema(AutoSchema):
    """A list answers in the normal or the detailed shape, as `mode` says."""

    def _shapes(self):
        version = self.view.request.version
        return SHAPES[(version, "normal")], SHAPES[(version, "detailed")]

    def get_override_parameters(self):
        if self.view.action != "list":
            return super().get_override_parameters()
        return [
            OpenApiParameter(
                "mode",
                str,
                enum=["normal", "detailed"],
                description="Level of detail in the response (unknown values mean normal). "
                "The detailed shape is the one the `{id}` endpoint documents.",
            )
        ]

    def get_response_serializers(self):
        if self.view.action != "list":
            return super().get_response_serializers()
        normal, detailed = self._shapes()
        if "response_mode" not in normal._declared_fields:
            # 2.0.0/2.2.0: the detailed shape only adds keys, so every detailed event is also
            # a valid normal one; a oneOf of the two could not tell them apart.
            return normal(many=True)
        return PolymorphicProxySerializer(
            component_name="PolymorphicDockingEvent",
            serializers=[normal, detailed],
            resource_type_field_name="response_mode",
            many=True,
        )
