"""Filters, search and ordering as LL2 declares them, with Postgres's order for nulls."""

import operator
from datetime import UTC
from functools import reduce

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F, Q
from django.db.models.constants import LOOKUP_SEP
from django_filters.widgets import QueryArrayWidget
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

from spaceflight import models as m


class UtcDateTimeField(forms.DateTimeField):
    """Django's, in UTC: `+23:30` is a valid ISO 8601 offset that PostgreSQL refuses (beyond
    ±15:59), and a moment at the end of the calendar may not survive the conversion."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UtcDateTimeFilter(django_filters.DateTimeFilter):
    field_class = UtcDateTimeField


# Every filterset's date-time lookups (`docking__gt`...) in UTC.
IN_UTC = {models.DateTimeField: {"filter_class": UtcDateTimeFilter}}


class StrictBooleanField(forms.Field):
    """`true`/`false`/`1`/`0` (any case); anything else is a 400, not silently ignored."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}
    default_error_messages = {"invalid": "Must be a valid boolean: true, false, 1 or 0."}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    """A number filter on a value the database computes (no column to read the type off)."""


class IdsFilter(django_filters.BaseInFilter, django_filters.NumberFilter):
    """Rows related to any of several ids: `1,2`, or (with `QueryArrayWidget`) `?x=1&x=2`."""

    def __init__(self, **kwargs):
        super().__init__(lookup_expr="in", distinct=True, **kwargs)

    def filter(self, queryset, value):
        if value:
            # An id beyond 64 bits names nothing (and SQLite refuses it in a query).
            value = [pk for pk in value if -(2**63) <= pk < 2**63]
            if not value:
                return queryset.none()
        return super().filter(queryset, value)


class DockingEventFilter(django_filters.FilterSet):
    docked = StrictBooleanFilter(
        method="filter_docked", label="Currently docked (no departure yet): true or false"
    )

    class Meta:
        model = m.DockingEvent
        fields = {
            "docking": ["gt", "gte", "lt", "lte"],
            "docking_location__id": ["exact"],
            "flight_vehicle_chaser__id": ["exact"],
            "space_station_target__id": ["exact"],
        }
        filter_overrides = IN_UTC

    def filter_docked(self, queryset, name, value):
        return queryset.filter(departure__isnull=value)


class LegacyDockingEventFilter(django_filters.FilterSet):
    """The filters of 2.0.0 and 2.2.0, where the chaser is `flight_vehicle` and the target
    `space_station`."""

    flight_vehicle__id = django_filters.NumberFilter(
        field_name="flight_vehicle_chaser__id", label="Flight vehicle (spacecraft flight) id"
    )
    space_station__id = django_filters.NumberFilter(
        field_name="space_station_target__id", label="Space station id"
    )

    class Meta:
        model = m.DockingEvent
        fields = {"docking": ["gt", "gte", "lt", "lte"], "docking_location__id": ["exact"]}
        filter_overrides = IN_UTC


class SpaceStationFilter(django_filters.FilterSet):
    """The same in 2.0.0, 2.2.0 and 2.3.0."""

    docked_vehicles = IntegerFilter(label="Vehicles docked now")
    docked_vehicles__gt = IntegerFilter(field_name="docked_vehicles", lookup_expr="gt")
    docked_vehicles__gte = IntegerFilter(field_name="docked_vehicles", lookup_expr="gte")
    docked_vehicles__lt = IntegerFilter(field_name="docked_vehicles", lookup_expr="lt")
    docked_vehicles__lte = IntegerFilter(field_name="docked_vehicles", lookup_expr="lte")
    orbit = IntegerFilter(method="filter_orbit", label="Orbit id")
    owners = IdsFilter(widget=QueryArrayWidget, label="Owner agency ids (any of them)")
    owner__ids = IdsFilter(field_name="owners", label="Comma-separated agency IDs.")
    status = django_filters.NumberFilter(field_name="status__id", label="Status id")
    status__ids = IdsFilter(field_name="status", label="Comma-separated spacestation status IDs.")
    type = django_filters.NumberFilter(field_name="type__id", label="Type id")

    class Meta:
        model = m.SpaceStation
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "onboard_crew": ["exact", "gt", "gte", "lt", "lte"],
        }

    def filter_orbit(self, queryset, name, value):
        # A station shows its orbit by name; the id is that of the orbit with this name.
        return queryset.filter(orbit__in=m.Orbit.objects.filter(pk=value).values("name"))


class LegacySpacecraftFilter(django_filters.FilterSet):
    spacecraft_config = django_filters.NumberFilter(
        field_name="spacecraft_config__id", label="Spacecraft configuration id"
    )
    status = django_filters.NumberFilter(field_name="status__id", label="Status id")

    class Meta:
        model = m.Spacecraft
        fields = {"name": ["exact"]}


class SpacecraftFilter(LegacySpacecraftFilter):
    in_space = StrictBooleanFilter(label="In space now: true or false")
    is_placeholder = StrictBooleanFilter(label="A placeholder: true or false")


class SpacecraftFlightFilter(django_filters.FilterSet):
    spacecraft = django_filters.NumberFilter(field_name="spacecraft__id", label="Spacecraft id")

    class Meta:
        model = m.SpacecraftFlight
        fields = []


class PayloadFlightFilter(django_filters.FilterSet):
    payload = django_filters.NumberFilter(field_name="payload__id", label="Payload id")

    class Meta:
        model = m.PayloadFlight
        fields = []


class BoundedSearch(SearchFilter):
    """DRF's search (every word in some search field, `icontains`) with at most `max_terms`
    distinct words. Each word adds a condition on every search field, and SQLite refuses a
    query nested more than 1,000 deep (about 140 words over seven fields); no one searches with
    more than a few words.

    A field reached through foreign keys (`space_station_target__name`) is searched as
    `space_station_target IN (SELECT id FROM spacestation WHERE UPPER(name) LIKE UPPER(%w%))`,
    not through a join of every related table: on PostgreSQL each subquery walks the trigram
    index on `UPPER(name)` (spaceflight migration 0005) and the outer query the foreign key's
    index, where one big join scans every table. The rows found are the same: a foreign key is
    in the related rows that match exactly when the joined row matches. Other fields (many-to-
    many, DRF's `^`/`=`/`@`/`$` prefixes) are searched as DRF does."""

    max_terms = 32

    def filter_queryset(self, request, queryset, view):
        search_fields = self.get_search_fields(view, request)
        search_terms = self.get_search_terms(request)
        if not search_fields or not search_terms:
            return queryset
        conditions = []
        for term in search_terms:
            found = [self.condition(queryset.model, str(field), term) for field in search_fields]
            if any(condition is None for condition in found):
                return super().filter_queryset(request, queryset, view)
            conditions.append(reduce(operator.or_, found))
        return queryset.filter(reduce(operator.and_, conditions))

    def condition(self, model, path, term):
        """`Q` for `term` in the field at `path` of `model` through foreign keys only, or None."""
        if path[:1] in self.lookup_prefixes:
            return None
        name, _, rest = path.partition(LOOKUP_SEP)
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not rest:
            if field.is_relation or not field.concrete:
                return None
            return Q(**{f"{name}__{self.default_lookup}": term})
        if not (field.many_to_one and field.concrete):
            return None
        inner = self.condition(field.related_model, rest, term)
        if inner is None:
            return None
        matching = field.related_model._base_manager.filter(inner).values(field.target_field.name)
        return Q(**{f"{name}__in": matching})

    def get_search_terms(self, request):
        terms = list(dict.fromkeys(super().get_search_terms(request)))
        if len(terms) > self.max_terms:
            raise ValidationError(
                {self.search_param: [f"Search for at most {self.max_terms} words."]}
            )
        return terms


class NullsLikePostgresOrdering(OrderingFilter):
    """DRF's ordering, with NULLs last ascending and first descending on every database (as on
    LL2's PostgreSQL), and `id` as the last key so equal values page in a stable order."""

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view) or []
        keys = [self.key(queryset.model, name) for name in ordering]
        if not any(name.lstrip("-") == "id" for name in ordering):
            keys.append(F("id").asc())
        return queryset.order_by(*keys)

    @staticmethod
    def key(model, name):
        field = name.lstrip("-")
        descending = name.startswith("-")
        try:
            nullable = model._meta.get_field(field).null
        except FieldDoesNotExist:
            nullable = False  # a value the database computes, never null (`docked_vehicles`)
        if not nullable:
            # No NULLs to place: a plain key lets the database walk the (field, id) index.
            return F(field).desc() if descending else F(field).asc()
        return F(field).desc(nulls_first=True) if descending else F(field).asc(nulls_last=True)
