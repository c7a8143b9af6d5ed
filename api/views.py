"""Thin read-only viewsets: filters, search, ordering, and rows rendered in their shape."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, views, viewsets
from rest_framework.response import Response

from api.filters import DockingEventFilter, LegacyDockingEventFilter
from api.rendering import render
from api.responses import respond, snapshot
from api.schema import DockingEventSchema
from api.shapes import DOCKING_LOCATION_SHAPES, SHAPES, APIThrottle
from api.throttling import usage
from spaceflight.models import DockingEvent, DockingLocation


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    http_method_names = ["get"]
    view_title = ""

    def get_view_name(self):
        return f"{self.view_title} {self.suffix}" if self.suffix else self.view_title

    def render(self, rows, live=False):
        """Rows in the request's shape (api/rendering/): the same JSON as DRF's serializer."""
        return render(self.request, rows, self.get_serializer_class(), live)

    def answer(self, request, build):
        """JSON through the response cache (api/responses.py); the browsable page as DRF's."""
        if request.accepted_renderer.format == "json":
            return respond(request, build)
        with snapshot():
            return Response(build(live=False))

    def list(self, request, *args, **kwargs):
        def build(live):
            page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
            return self.get_paginated_response(self.render(page, live)).data

        return self.answer(request, build)

    def retrieve(self, request, *args, **kwargs):
        return self.answer(request, lambda live: self.render([self.get_object()], live)[0])


class DockingEventViewSet(ReadOnly):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/docking_events/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `docked`, `docking__gt`, `docking__gte`, `docking__lt`, `docking__lte`, `docking_location__id`, `flight_vehicle_chaser__id`, `space_station_target__id`

    Example - [/docking_events/?space_station_target__id=6](./?space_station_target__id=6)

    #### Search
    Fields searched - `docking_location__name`, `flight_vehicle_chaser__spacecraft__name`, `flight_vehicle_target__spacecraft__name`, `payload_flight_chaser__payload__name`, `payload_flight_target__payload__name`, `space_station_chaser__name`, `space_station_target__name`

    Example - [/docking_events/?search=Salyut](./?search=Salyut)

    #### Ordering
    Fields - `departure`, `docking`

    Example - [/docking_events/?ordering=-docking](./?ordering=-docking)

    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/docking_events/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/docking_events/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [lldev.thespacedevs.com/docs](https://lldev.thespacedevs.com/docs/)
    """  # noqa: E501

    view_title = "Docking Event"
    schema = DockingEventSchema()
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
    # LL2 leaves the default order undefined; ours is by docking time, then id.
    ordering = ["docking"]

    @property
    def mode(self):
        detailed = self.action == "retrieve" or self.request.query_params.get("mode") == "detailed"
        return "detailed" if detailed else "normal"

    def get_serializer_class(self):
        return SHAPES[(self.request.version, self.mode)]

    def get_queryset(self):
        return DockingEvent.objects.all()


class LegacyDockingEventViewSet(DockingEventViewSet):
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

    filterset_class = LegacyDockingEventFilter
    search_fields = ["space_station_target__name", "flight_vehicle_chaser__spacecraft__name"]
    ordering_fields = ["id", "docking", "departure"]

    def get_view_description(self, html=False):
        self.description = self.__class__.__doc__.replace("{version}", self.request.version)
        return super().get_view_description(html)

    def get_queryset(self):
        # The older shapes have no place for a chaser that is not a spacecraft flight.
        return super().get_queryset().filter(flight_vehicle_chaser__isnull=False)


class DockingLocationViewSet(ReadOnly):
    """
    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/config/docking_locations/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/config/docking_locations/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [lldev.thespacedevs.com/docs](https://lldev.thespacedevs.com/docs/)
    """  # noqa: E501

    view_title = "Docking Location"
    filterset_class = None
    search_fields = ["name"]
    ordering_fields = ["id", "name"]
    ordering = ["id"]

    def get_serializer_class(self):
        return DOCKING_LOCATION_SHAPES[self.request.version]

    def get_queryset(self):
        return DockingLocation.objects.all()


class ThrottleStatusView(views.APIView):
    """
    API endpoint that allows API Throttle information to be viewed.

    GET:
    Returns a range of information about your API access
    """

    http_method_names = ["get"]
    throttle_classes = []  # asking how much is left does not use any of it

    def get_view_name(self):
        return "API Throttle"

    @extend_schema(responses=APIThrottle)
    def get(self, request, *args, **kwargs):
        return Response(usage(request).as_ll2())


class NotFoundView(views.APIView):
    """Any path under a version that names nothing: DRF's 404, in JSON or the browsable page."""

    http_method_names = ["get"]
    schema = None

    def get(self, request, *args, **kwargs):
        raise exceptions.NotFound()
