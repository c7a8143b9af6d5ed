"""Events (2.3.0), with the upcoming and previous lists."""

import django_filters as f
from django_filters.widgets import QueryArrayWidget

from api.filters import (
    OVERRIDES,
    HideRecentFilter,
    IdsFilter,
    UtcDateTimeFilter,
    VideoUrlsFilter,
)
from api.views import Previous, Resource, Upcoming
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
    # LL2 declares it repeated (`program=1&program=4`), as launches' `program`.
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    type = f.NumberFilter(field_name="type__id")
    type__ids = IdsFilter(field_name="type", label="Comma-separated event type IDs.")
    video_url = VideoUrlsFilter()

    class Meta:
        model = m.Event
        filter_overrides = OVERRIDES
        fields = {"slug": ["exact"]}


class UpcomingEventFilter(EventFilter):
    hide_recent_previous = HideRecentFilter(
        field_name="date",
        label="Hide events from the past 24 hours, which are included by default for convenience.",
    )


class Events(Resource):
    resource = "events"
    view_title = "Event"
    queryset = m.Event.objects.all()
    filterset_class = EventFilter
    search_fields = ["name"]
    ordering_fields = ["date", "last_updated"]
    ordering = ["date", "id"]
    clock = "date"
    examples = {"filter": "type__ids=2,8", "search": "Flyby", "ordering": "-last_updated"}


class UpcomingEvents(Upcoming, Events):
    resource = "events/upcoming"
    view_title = "Upcoming Event"
    filterset_class = UpcomingEventFilter


class PreviousEvents(Previous, Events):
    resource = "events/previous"
    view_title = "Previous Event"
