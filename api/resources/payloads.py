"""Payloads and payload flights (2.3.0 only: the older versions have neither)."""

import django_filters
import django_filters as f

from api.filters import (
    OVERRIDES,
)
from api.views import Resource
from spaceflight import models as m


class PayloadFlightFilter(django_filters.FilterSet):
    payload = django_filters.NumberFilter(field_name="payload__id", label="Payload id")

    class Meta:
        model = m.PayloadFlight
        fields = []


class PayloadFilter(f.FilterSet):
    operator = f.NumberFilter(field_name="operator__id")
    program__id = f.NumberFilter(field_name="programs__id", distinct=True)

    class Meta:
        model = m.Payload
        filter_overrides = OVERRIDES
        fields = {
            "manufacturer__id": ["exact"],
            "manufacturer__name": ["exact"],
            "name": ["exact"],
            "operator__id": ["exact"],
            "operator__name": ["exact"],
        }


class PayloadFlights(Resource):
    resource = "payload_flights"
    view_title = "Payload Flight"
    queryset = m.PayloadFlight.objects.all()
    filterset_class = PayloadFlightFilter
    examples = {"filter": "payload=2"}


class Payloads(Resource):
    resource = "payloads"
    view_title = "Payload"
    queryset = m.Payload.objects.all()
    filterset_class = PayloadFilter
    search_fields = [
        "manufacturer__name",
        "name",
        "operator__name",
        "payloadflight__destination",
        "payloadflight__launch__name",
    ]
    ordering_fields = ["id", "name"]
    examples = {"filter": "program__id=18", "search": "Cygnus", "ordering": "-id"}
