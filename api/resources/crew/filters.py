"""The filter sets of astronauts, expeditions and spacewalks (2.3.0, as LL2's file lists
them; 2.2.0 and 2.0.0, as the clients generated from 2.2.0's file list them), and an
astronaut's age, computed by the database on the day asked."""

import django_filters as f
from django.db.models import Case, DateField, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from api.filters import (
    COMPARED,
    OVERRIDES,
    RANGE,
    ClockBooleanFilter,
    IdsFilter,
    StrictBooleanFilter,
    UtcDateTimeFilter,
    UuidInFilter,
)
from spaceflight import models as m
from spaceflight.models.crew import under_way


def with_age(queryset):
    """Astronauts with `age`: whole years from birth to today, or to death (as the shape's)."""
    today = timezone.now().date()
    end = Coalesce(F("date_of_death"), Value(today, output_field=DateField()))
    birthday_to_come = Q(born_month__gt=ExtractMonth(end)) | Q(
        born_month=ExtractMonth(end), born_day__gt=ExtractDay(end)
    )
    return queryset.annotate(
        born_month=ExtractMonth("date_of_birth"), born_day=ExtractDay("date_of_birth")
    ).annotate(
        age=ExtractYear(end)
        - ExtractYear("date_of_birth")
        - Case(When(birthday_to_come, then=1), default=0, output_field=IntegerField())
    )


# LL2's astronaut type of non-humans (Starman, a mannequin; config/astronaut_types/).
NON_HUMAN = 6


class AstronautFilter(f.FilterSet):
    age = f.NumberFilter(field_name="age", label="Age in years, today")
    age__gt = f.NumberFilter(field_name="age", lookup_expr="gt")
    age__gte = f.NumberFilter(field_name="age", lookup_expr="gte")
    age__lt = f.NumberFilter(field_name="age", lookup_expr="lt")
    age__lte = f.NumberFilter(field_name="age", lookup_expr="lte")
    agency_ids = IdsFilter(field_name="agency", label="Comma-separated agency IDs.")
    has_flown = StrictBooleanFilter(method="filter_has_flown", label="Has flown: true or false")
    is_human = StrictBooleanFilter(method="filter_is_human", label="Human: true or false")
    nationality = f.CharFilter(
        field_name="nationality__nationality_name", distinct=True, label="Nationality"
    )
    status_ids = IdsFilter(field_name="status", label="Comma-separated astronaut status IDs.")
    type__id = f.NumberFilter(field_name="type__id")

    class Meta:
        model = m.Astronaut
        filter_overrides = OVERRIDES
        fields = {
            "date_of_birth": COMPARED,
            "date_of_death": COMPARED,
            "first_flight": COMPARED,
            "last_flight": COMPARED,
            "flights_count": COMPARED,
            "landings_count": COMPARED,
            "in_space": ["exact"],
        }

    def filter_has_flown(self, queryset, name, value):
        flown = Q(flights_count__gt=0) | Q(first_flight__isnull=False)
        return queryset.filter(flown) if value else queryset.exclude(flown)

    def filter_is_human(self, queryset, name, value):
        human = ~Q(type=NON_HUMAN) | Q(type__isnull=True)
        return queryset.filter(human) if value else queryset.exclude(human)


class LegacyAstronautFilter(AstronautFilter):
    """2.2.0's (and 2.0.0's, a part of them): 2.3.0's but the first and last flight, with a
    status, an agency by name and a nationality as 2.2.0 writes it (`American`)."""

    agency__abbrev = f.CharFilter(field_name="agency__abbrev")
    agency__name = f.CharFilter(field_name="agency__name")
    name = f.CharFilter(field_name="name")
    nationality = f.CharFilter(method="filter_nationality", label="Nationality")
    status = f.NumberFilter(field_name="status__id", label="Status id")

    class Meta(AstronautFilter.Meta):
        fields = {
            "date_of_birth": COMPARED,
            "date_of_death": COMPARED,
            "flights_count": COMPARED,
            "landings_count": COMPARED,
            "in_space": ["exact"],
        }

    def filter_nationality(self, queryset, name, value):
        written = Q(legacy_nationality=value) | Q(
            legacy_nationality="", nationality__nationality_name=value
        )
        return queryset.filter(written).distinct()


BIGINT = {"min_value": -(2**63), "max_value": 2**63 - 1}


class LegacyExpeditionFilter(f.FilterSet):
    """The same in every version, but 2.3.0's `is_active` (ExpeditionFilter)."""

    # Bounded: through a related table, Django leaves an id beyond 64 bits to the database,
    # which SQLite refuses.
    crew__astronaut = f.NumberFilter(field_name="crew__astronaut", distinct=True, **BIGINT)
    crew__astronaut__agency = f.NumberFilter(
        field_name="crew__astronaut__agency", distinct=True, **BIGINT
    )
    space_station = f.NumberFilter(field_name="spacestation__id", label="Space station id")

    class Meta:
        model = m.Expedition
        filter_overrides = OVERRIDES
        fields = {"name": ["exact"], "start": RANGE, "end": RANGE}


class ExpeditionFilter(LegacyExpeditionFilter):
    is_active = ClockBooleanFilter(
        method="filter_active", label="Under way: no end, or an end still to come (LL2 2.4.0)"
    )

    def filter_active(self, queryset, name, value):
        return queryset.filter(under_way()) if value else queryset.exclude(under_way())


class LegacySpacewalkFilter(f.FilterSet):
    """2.2.0's: 2.3.0's but the day, month and year (SpacewalkFilter)."""

    astronaut__ids = IdsFilter(field_name="crew__astronaut")
    end = UtcDateTimeFilter(field_name="end")
    event__ids = IdsFilter(field_name="event")
    id = f.NumberFilter(field_name="id")
    ids = IdsFilter(field_name="id")
    launch__ids = UuidInFilter(field_name="spacecraft_flight__launch")
    name__contains = f.CharFilter(field_name="name", lookup_expr="contains")
    owner__ids = IdsFilter(field_name="spacestation__owners")
    program__ids = IdsFilter(field_name="programs")
    program__name = f.CharFilter(field_name="programs__name", distinct=True)
    program__name__contains = f.CharFilter(
        field_name="programs__name", lookup_expr="contains", distinct=True
    )
    spacestation__ids = IdsFilter(field_name="spacestation")

    class Meta:
        model = m.Spacewalk
        filter_overrides = OVERRIDES
        fields = {"name": ["exact"], "start": RANGE, "end": RANGE}


class SpacewalkFilter(LegacySpacewalkFilter):
    day = IdsFilter(field_name="start__day", label="Day of the month of start (comma-separated)")
    month = IdsFilter(field_name="start__month", label="Month of start (comma-separated)")
    year = IdsFilter(field_name="start__year", label="Year of start (comma-separated)")
