"""Filter machinery every resource uses: strict booleans, ids, dates in UTC, the filters
of values we hold none of, bounded search, and Postgres's order for nulls on every database.
Each family's filter sets are in api/resources/<family>.py."""

import json
import operator
from datetime import UTC
from functools import lru_cache, reduce

import django_filters
import django_filters as f
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import CharField, F, Q, TextField
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Cast
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

from spaceflight import models as m
from spaceflight import search as name_search
from spaceflight.lookups import InSubquery


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


class ClockBooleanFilter(StrictBooleanFilter):
    """A boolean filter whose rows change with the clock (under way now): a page asked with
    it is never kept whole for writers to render again (api/serving/lists.py)."""

    follows_clock = True


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    """A number filter on a value the database computes (no column to read the type off)."""


class IdsFilter(django_filters.BaseInFilter, django_filters.NumberFilter):
    """Rows related to any of several ids: `1,2`; with `QueryArrayWidget` (the parameters LL2
    declares as repeated), `?x=1&x=2` only."""

    def __init__(self, **kwargs):
        super().__init__(lookup_expr="in", distinct=True, **kwargs)

    def filter(self, queryset, value):
        if value:
            value = naming(value)
            if not value:
                return queryset.none()
        return super().filter(queryset, value)


def naming(ids):
    """The ids of a list that can name a row: an id beyond 64 bits names nothing (and SQLite
    refuses it in a query), nor does an empty item (`1,,2`)."""
    return [pk for pk in ids if pk is not None and -(2**63) <= pk < 2**63]


COMPARED = ["exact", "gt", "gte", "lt", "lte"]


RANGE = ["gt", "gte", "lt", "lte"]


LAUNCH_STATISTICS = [
    "attempted_landings",
    "consecutive_successful_landings",
    "consecutive_successful_launches",
    "failed_landings",
    "failed_launches",
    "pending_launches",
    "successful_landings",
    "successful_launches",
    "total_launch_count",
]


# Date-times in UTC, and booleans strict (`?featured=maybe` is a 400, not ignored).
OVERRIDES = {**IN_UTC, models.BooleanField: {"filter_class": StrictBooleanFilter}}


def text_of(field):
    """A filter method comparing `field`'s text to the value (`__contains` or exact): LL2
    holds or filters it as text (a pad's id, a 2.2.0 founding year), we hold a number."""

    def method(self, queryset, name, value):
        lookup = "contains" if name.endswith("__contains") else "exact"
        annotated = queryset.annotate(**{f"{field}_text": Cast(field, output_field=CharField())})
        return annotated.filter(**{f"{field}_text__{lookup}": value})

    return method


class CharInFilter(f.BaseInFilter, f.CharFilter):
    """Any of several comma-separated values."""


class VideoUrlsFilter(CharInFilter):
    """Rows with a video link whose URL is any of the comma-separated. The links are kept as
    LL2 shows them (a leaf list, README "Data model"): a link's URL is its `url` key's value,
    not any string of it (`feature_image`). Both databases write it `"url": "..."`; SQLite
    escapes what is not ASCII, PostgreSQL not."""

    def __init__(self, **kwargs):
        super().__init__(field_name="vid_urls", label="Comma-separated video URLs", **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        text = queryset.annotate(vid_urls_text=Cast("vid_urls", output_field=TextField()))
        written = {
            f'"url": {json.dumps(url, ensure_ascii=a)}' for url in value for a in (False, True)
        }
        return text.filter(reduce(operator.or_, (Q(vid_urls_text__contains=w) for w in written)))


class HideRecentFilter(ClockBooleanFilter):
    """`hide_recent_previous` of an upcoming list: true leaves out what is already past (the
    list holds the last 24 hours too, api/views.py `Upcoming`)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.field_name}__gte": timezone.now()})


class UuidInFilter(f.BaseInFilter, f.UUIDFilter):
    """Any of several comma-separated UUIDs."""


class NotHeldFilter(f.CharFilter):
    """A filter on what we hold none of: any value matches no row."""

    def filter(self, queryset, value):
        return queryset.none() if value not in (None, "") else queryset


class RelatedAgenciesFilter(IdsFilter):
    """Launches whose provider is one of the agencies, or one of their children (an agency
    names its parent)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        value = naming(value)
        names = m.Agency.objects.filter(pk__in=value).values("name")
        provider = Q(launch_service_provider__in=value)
        return queryset.filter(provider | Q(launch_service_provider__parent__in=names))


class AskedFilters(DjangoFilterBackend):
    """django-filter's backend, with only the filters a request names. A filter set copies
    every one of its filters and builds a form field for each on every request (LL2's
    launches have 90), where a request names a few; a filter whose parameter is absent leaves
    the rows as they are, so the rows are the same. The browsable API's form still shows
    them all."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        asked = frozenset(
            name
            for name in filterset_class.base_filters
            if any(names(name, parameter) for parameter in request.query_params)
        )
        if not asked:
            return queryset
        filterset = narrowed(filterset_class, asked)(
            **self.get_filterset_kwargs(request, queryset, view)
        )
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.qs


def names(name, parameter):
    """Whether a query parameter is the filter's: its name, or a widget's form of it
    (`program[]`, a range's `net_after`)."""
    return parameter == name or parameter.startswith((f"{name}[", f"{name}_"))


@lru_cache(maxsize=256)
def narrowed(filterset_class, asked):
    """The filter set with only the `asked` filters (a few hundred sets of names, at most)."""
    narrow = type(filterset_class.__name__, (filterset_class,), {})
    narrow.base_filters = {
        name: f for name, f in filterset_class.base_filters.items() if name in asked
    }
    return narrow


class BoundedSearch(SearchFilter):
    """DRF's search (every word in some search field, `icontains`) with at most `max_terms`
    distinct words. Each word adds a condition on every search field, and SQLite refuses a
    query nested more than 1,000 deep (about 140 words over seven fields); no one searches with
    more than a few words.

    A field reached through foreign keys (`space_station_target__name`) is searched as
    `space_station_target IN (SELECT id FROM spacestation WHERE UPPER(name) LIKE UPPER(%w%))`,
    not through a join of every related table: on PostgreSQL each subquery walks the trigram
    index on `UPPER(name)` (spaceflight migration 0005), once, and the outer query the foreign
    keys' indexes (`InSubquery`, spaceflight/lookups.py), where one big join scans every table;
    on SQLite each subquery takes its candidates from the names' FTS5 trigram index
    (spaceflight/search.py) and the `LIKE` decides. The docking events' foreign keys are
    indexed with the docking and departure times after them, so a search with a time filter
    (or `docked`) counts its rows from the indexes alone. The rows
    found are the same: a foreign key is in the related rows that match exactly when the
    joined row matches. Other fields (many-to-many, DRF's `^`/`=`/`@`/`$` prefixes) are
    searched as DRF does."""

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
            found = Q(**{f"{name}__{self.default_lookup}": term})
            indexed = name_search.matching(model, field.column, term)
            return found if indexed is None else found & Q(pk__in=indexed)
        if not (field.many_to_one and field.concrete):
            return None
        inner = self.condition(field.related_model, rest, term)
        if inner is None:
            return None
        # Unordered, as Django's own `__in` makes its subquery: an array's would be sorted.
        matching = field.related_model._base_manager.filter(inner).order_by()
        return Q(InSubquery(F(name), matching.values(field.target_field.name)))

    def get_search_terms(self, request):
        try:
            terms = list(dict.fromkeys(super().get_search_terms(request)))
        except ValidationError as error:
            # DRF's own check of the value (no NUL) answers a bare list: named, as any other.
            raise ValidationError({self.search_param: error.detail}) from None
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
        if not may_be_null(model, field):
            # No NULLs to place: a plain key lets the database walk the (field, id) index.
            return F(field).desc() if descending else F(field).asc()
        return F(field).desc(nulls_first=True) if descending else F(field).asc(nulls_last=True)


def may_be_null(model, path):
    """Whether the value at `path` (`name`, `location__name`) may be NULL: a nullable column on
    the way, or a link that may be missing (a nullable or to-many relation)."""
    for name in path.split(LOOKUP_SEP):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            # A value the database computes (`docked_vehicles`, an astronaut's `age`): it has no
            # index to walk, and it may be null.
            return True
        if field.null or field.one_to_many or field.many_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False
