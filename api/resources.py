"""Every resource we serve: which rows, filters, search and ordering, and what its description
shows (api/descriptions.py). Its shapes are rows of the table in api/shapes/; api/urls.py
registers it."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from api import filters
from api.graph_resources import RESOURCES
from api.legacy_graph_resources import RESOURCES as LEGACY_GRAPH
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


class DockingEvents(Resource):
    resource = "docking_events"
    view_title = "Docking Event"
    queryset = m.DockingEvent.objects.all()
    filterset_class = filters.DockingEventFilter
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
    # LL2's page describes neither its search nor its ordering: no examples.


class SpaceStations(Resource):
    resource = "space_stations"
    view_title = "Space Station"
    queryset = stations()
    filterset_class = filters.SpaceStationFilter
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


class SpacecraftFlights(Resource):
    resource = "spacecraft_flights"
    view_title = "Spacecraft Flight"
    queryset = m.SpacecraftFlight.objects.all()
    filterset_class = filters.SpacecraftFlightFilter
    examples = {"filter": "spacecraft=289"}


class Spacecraft(Resource):
    resource = "spacecraft"
    view_title = "Spacecraft"
    queryset = m.Spacecraft.objects.all()
    filterset_class = filters.SpacecraftFilter
    search_fields = ["name", "spacecraft_config__name"]
    ordering_fields = ["flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"]
    examples = {"filter": "in_space=true", "search": "Endeavour", "ordering": "-flights_count"}


class PayloadFlights(Resource):
    resource = "payload_flights"
    view_title = "Payload Flight"
    queryset = m.PayloadFlight.objects.all()
    filterset_class = filters.PayloadFlightFilter
    examples = {"filter": "payload=2"}


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
    filterset_class = filters.LegacyDockingEventFilter
    search_fields = ["space_station_target__name", "flight_vehicle_chaser__spacecraft__name"]
    ordering_fields = ["id", "docking", "departure"]
    ordering = ["docking"]


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
    filterset_class = filters.SpaceStationFilter
    search_fields = ["name", "owners__name", "owners__abbrev"]
    ordering_fields = ["id", "name", "status", "type", "founded", "volume"]


class LegacySpacecraftFlights(Legacy):
    """
    API endpoint that allows a flight of a specific Spacecraft instances to be viewed.

    GET:
    Return a list of all the existing Spacecraft flights.

    FILTERS:
    Parameters - 'spacecraft'
    Example - /{version}/spacecraft/flight/?spacecraft=37
    """

    resource = "spacecraft/flight"
    view_title = "Spacecraft Flight"
    queryset = m.SpacecraftFlight.objects.all()
    filterset_class = filters.SpacecraftFlightFilter


class LegacySpacecraft(Legacy):
    """
    API endpoint that allows Spacecrafts to be viewed.
    A Spacecraft is a physically manufactured instance of a Spacecraft Configuration

    GET:
    Return a list of all the existing spacecraft.

    FILTERS:
    Parameters - 'name', 'status', 'spacecraft_config'
    Example - /{version}/spacecraft/?status=1

    SEARCH EXAMPLE:
    Example - /{version}/spacecraft/?search=Dragon

    ORDERING:
    Fields - 'id'
    Example - /{version}/spacecraft/?ordering=id
    """

    resource = "spacecraft"
    view_title = "Spacecraft"
    queryset = m.Spacecraft.objects.all()
    filterset_class = filters.LegacySpacecraftFilter
    search_fields = ["name", "spacecraft_config__name"]


# Each version's resources, in the order its API root lists them. A path that another one
# starts with comes after it: `spacecraft/{id}/` would take `spacecraft/flight/`.
VERSIONS = {
    **{
        version: [
            LegacyDockingEvents,
            LegacySpaceStations,
            LegacySpacecraftFlights,
            LegacySpacecraft,
            *LEGACY_GRAPH[version],
        ]
        for version in ("2.0.0", "2.2.0")
    },
    "2.3.0": [
        DockingEvents,
        DockingLocations,
        SpaceStations,
        SpacecraftFlights,
        Spacecraft,
        PayloadFlights,
        *RESOURCES,
    ],
}
