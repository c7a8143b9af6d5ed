"""Space stations, in every version."""

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django_filters.widgets import QueryArrayWidget

from api.filters import (
    IdsFilter,
    IntegerFilter,
)
from api.views import Legacy, Resource
from spaceflight import models as m


def stations():
    """Stations with `docked_vehicles`, counted by the database: the list filters and orders by
    it, and only the events still docked are counted, never read."""
    still_docked = (
        m.DockingEvent.objects.filter(space_station_target=OuterRef("pk"), departure__isnull=True)
        .order_by()
        .values("space_station_target")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return m.SpaceStation.objects.annotate(
        docked_vehicles=Coalesce(Subquery(still_docked, output_field=IntegerField()), Value(0))
    )


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


class SpaceStations(Resource):
    resource = "space_stations"
    view_title = "Space Station"
    queryset = stations()
    filterset_class = SpaceStationFilter
    search_fields = ["name", "owners__abbrev", "owners__name"]
    ordering_fields = [
        "docked_vehicles",
        "founded",
        "id",
        "name",
        "onboard_crew",
        "status",
        "type",
        "volume",
    ]
    examples = {"filter": "docked_vehicles__gte=1", "search": "Salyut", "ordering": "founded"}


class LegacySpaceStations(Legacy):
    """
    API endpoint that allows Space Stations to be viewed.

    GET:
    Return a list of all the existing space stations.

    FILTERS:
    Parameters - 'name', 'status', 'owners', 'orbit', 'type', 'owners__name', 'owners__abbrev'
    Example - /{version}/spacestation/?status=1

    SEARCH EXAMPLE:
    Example - /{version}/spacestation/?search=ISS
    Searches through 'name', 'owners__name', 'owners__abbrev'

    ORDERING:
    Fields - 'id', 'name', 'status', 'type', 'founded', 'volume'
    Example - /{version}/spacestation/?ordering=id
    """

    resource = "spacestation"
    view_title = "Space Station"
    queryset = stations()
    filterset_class = SpaceStationFilter
    search_fields = ["name", "owners__name", "owners__abbrev"]
    ordering_fields = ["id", "name", "status", "type", "founded", "volume"]
