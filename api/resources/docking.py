"""Docking events and the ports they use, in every version."""

import django_filters

from api.filters import (
    IN_UTC,
    StrictBooleanFilter,
)
from api.views import Legacy, Resource
from spaceflight import models as m


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


class DockingEvents(Resource):
    resource = "docking_events"
    view_title = "Docking Event"
    queryset = m.DockingEvent.objects.all()
    filterset_class = DockingEventFilter
    search_fields = [
        "docking_location__name",
        "flight_vehicle_chaser__spacecraft__name",
        "flight_vehicle_target__spacecraft__name",
        "payload_flight_chaser__payload__name",
        "payload_flight_target__payload__name",
        "space_station_chaser__name",
        "space_station_target__name",
    ]
    ordering_fields = ["docking", "departure"]
    ordering = ["docking"]  # by docking time, then id
    examples = {"filter": "space_station_target__id=6", "search": "Salyut", "ordering": "-docking"}


class DockingLocations(Resource):
    resource = "config/docking_locations"
    view_title = "Docking Location"
    queryset = m.DockingLocation.objects.all()
    search_fields = ["name"]
    ordering_fields = ["id", "name"]


class LegacyDockingEvents(Legacy):
    """
    API endpoint that allows Docking Events to be viewed.

    GET:
    Return a list of all the docking events.

    FILTERS:
    Fields - 'space_station__id', 'flight_vehicle__id', 'docking_location__id'

    MODE:
    'detailed'
    EXAMPLE: ?mode=detailed

    ORDERING:
    Fields - 'id', 'docking', 'departure'
    Order reverse via Docking date.
    Example - /{version}/docking_event/?ordering=-docking
    """

    resource = "docking_event"
    view_title = "Docking Event"
    # The older shapes have no place for a chaser that is not a spacecraft flight.
    queryset = m.DockingEvent.objects.filter(flight_vehicle_chaser__isnull=False)
    filterset_class = LegacyDockingEventFilter
    search_fields = ["space_station_target__name", "flight_vehicle_chaser__spacecraft__name"]
    ordering_fields = ["id", "docking", "departure"]
    ordering = ["docking"]
