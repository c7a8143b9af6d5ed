"""Events, with the upcoming and previous lists: 2.3.0's `events/` and the older versions'
`event/`."""

import django_filters as f
from django_filters.widgets import QueryArrayWidget

from api.filters import (
    OVERRIDES,
    HideRecentFilter,
    IdsFilter,
    UtcDateTimeFilter,
    VideoUrlsFilter,
)
from api.views import Legacy, Previous, Resource, Upcoming
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


class HideRecent(f.FilterSet):
    hide_recent_previous = HideRecentFilter(
        field_name="date",
        label="Hide events from the past 24 hours, which are included by default for convenience.",
    )


class UpcomingEventFilter(EventFilter, HideRecent):
    pass


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


class LegacyEventFilter(f.FilterSet):
    id = f.NumberFilter(field_name="id")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    type = f.NumberFilter(field_name="type__id")
    type__ids = IdsFilter(field_name="type", label="Comma-separated event type IDs.")

    class Meta:
        model = m.Event
        filter_overrides = OVERRIDES
        fields = {"slug": ["exact"]}


class LegacyUpcomingEventFilter(LegacyEventFilter, HideRecent):
    pass


class LegacyEvents(Legacy):
    """
    API endpoint that allows all Events to be viewed.

    FILTERS:
    'type', 'type__ids', 'program'

    GET:
    Return a list of all Events

    SEARCH EXAMPLE:
    /{version}/event/?search=Dragon
    Searches through name
    """

    resource = "event"
    view_title = "Event"
    queryset = m.Event.objects.all()
    filterset_class = LegacyEventFilter
    search_fields = ["name"]
    # LL2 names no ordering for them: by date, as 2.3.0's.
    ordering_fields = ["date"]
    ordering = ["date", "id"]
    clock = "date"


class LegacyUpcomingEvents(Upcoming, LegacyEvents):
    """
    API endpoint that returns future Event objects and events from the last twenty-four hours.

    FILTERS:
    'hide_recent_previous', 'type', 'type__ids', 'program'

    GET:
    Return a list of future Events
    """

    resource = "event/upcoming"
    view_title = "Upcoming Event"
    filterset_class = LegacyUpcomingEventFilter


class LegacyPreviousEvents(Previous, LegacyEvents):
    """
    API endpoint that allows past Events to be viewed.

    FILTERS:
    'type', 'type__ids', 'program'

    GET:
    Return a list of past Events
    """

    resource = "event/previous"
    view_title = "Previous Event"
