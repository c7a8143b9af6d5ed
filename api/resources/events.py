"""Events (2.3.0), with the upcoming and previous lists."""

from datetime import timedelta

import django_filters as f
from django.utils import timezone
from django_filters.widgets import QueryArrayWidget

from api.filters import (
    OVERRIDES,
    CharInFilter,
    IdsFilter,
    StrictBooleanFilter,
    UtcDateTimeFilter,
)
from api.resources.launches.filters import LaunchFilter
from api.views import Resource
from spaceflight import models as m


class EventFilter(f.FilterSet):
    agency__ids = IdsFilter(field_name="agencies", label="Comma-separated agency IDs.")
    date__gt = UtcDateTimeFilter(field_name="date", lookup_expr="gt")
    # LL2's name for "date is less than".
    date__gt__lt = UtcDateTimeFilter(field_name="date", lookup_expr="lt", label="Date is less than")
    date__gte = UtcDateTimeFilter(field_name="date", lookup_expr="gte")
    date__lte = UtcDateTimeFilter(field_name="date", lookup_expr="lte")
    day = IdsFilter(field_name="date__day", label="Day of the month of date (comma-separated)")
    month = IdsFilter(field_name="date__month", label="Month of date (comma-separated)")
    year = IdsFilter(field_name="date__year", label="Year of date (comma-separated)")
    id = IdsFilter(field_name="id")
    last_updated__gte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="gte")
    last_updated__lte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="lte")
    # LL2 declares it repeated (`program=1&program=4`), as a launch's.
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    type = f.NumberFilter(field_name="type__id")
    type__ids = IdsFilter(field_name="type", label="Comma-separated event type IDs.")
    video_url = CharInFilter(method="filter_video_urls", label="Comma-separated video URLs")

    class Meta:
        model = m.Event
        filter_overrides = OVERRIDES
        fields = {"slug": ["exact"]}

    filter_video_urls = LaunchFilter.filter_video_urls


class UpcomingEventFilter(EventFilter):
    hide_recent_previous = StrictBooleanFilter(
        method="filter_recent",
        label="Hide events from the past 24 hours, which are included by default for convenience.",
    )

    def filter_recent(self, queryset, name, value):
        return queryset.filter(date__gte=timezone.now()) if value else queryset


class Events(Resource):
    resource = "events"
    view_title = "Event"
    queryset = m.Event.objects.all()
    filterset_class = EventFilter
    search_fields = ["name"]
    ordering_fields = ["date", "last_updated"]
    ordering = ["date", "id"]
    examples = {"filter": "type__ids=2,8", "search": "Flyby", "ordering": "-last_updated"}


class UpcomingEvents(Events):
    """Events to come and those of the last 24 hours; rebuilt with the clock, as the
    upcoming launches."""

    resource = "events/upcoming"
    view_title = "Upcoming Event"
    filterset_class = UpcomingEventFilter
    period = 60

    def get_queryset(self):
        since = timezone.now() - timedelta(hours=24)
        return super().get_queryset().filter(date__gte=since)


class PreviousEvents(Events):
    """Events already past, newest first."""

    resource = "events/previous"
    view_title = "Previous Event"
    ordering = ["-date", "-id"]
    period = 60

    def get_queryset(self):
        return super().get_queryset().filter(date__lt=timezone.now())
