"""Spacecraft, their flights and their configurations, in every version."""

import django_filters
import django_filters as f

from api.filters import (
    OVERRIDES,
    StrictBooleanFilter,
)
from api.views import Legacy, Resource
from spaceflight import models as m


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


class SpacecraftConfigFilter(f.FilterSet):
    agency = f.NumberFilter(field_name="agency__id")

    class Meta:
        model = m.SpacecraftConfig
        filter_overrides = OVERRIDES
        fields = {"human_rated": ["exact"], "in_use": ["exact"], "name": ["exact"]}


class LegacySpacecraftConfigFilter(f.FilterSet):
    human_rated = StrictBooleanFilter()
    in_use = StrictBooleanFilter()
    manufacturer = f.NumberFilter(field_name="agency__id", label="Manufacturer agency id")

    class Meta:
        model = m.SpacecraftConfig
        filter_overrides = OVERRIDES
        fields = {"name": ["exact"]}


class SpacecraftFlights(Resource):
    resource = "spacecraft_flights"
    view_title = "Spacecraft Flight"
    queryset = m.SpacecraftFlight.objects.all()
    filterset_class = SpacecraftFlightFilter
    examples = {"filter": "spacecraft=289"}


class Spacecraft(Resource):
    resource = "spacecraft"
    view_title = "Spacecraft"
    queryset = m.Spacecraft.objects.all()
    filterset_class = SpacecraftFilter
    search_fields = ["name", "spacecraft_config__name"]
    ordering_fields = ["flights_count", "id", "mission_ends_count", "time_docked", "time_in_space"]
    examples = {"filter": "in_space=true", "search": "Endeavour", "ordering": "-flights_count"}


class SpacecraftConfigurations(Resource):
    resource = "spacecraft_configurations"
    view_title = "Spacecraft Configuration"
    queryset = m.SpacecraftConfig.objects.all()
    filterset_class = SpacecraftConfigFilter
    search_fields = ["agency__abbrev", "agency__name", "name"]
    ordering_fields = ["name"]
    examples = {"filter": "human_rated=True", "search": "Dragon", "ordering": "name"}


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
    filterset_class = SpacecraftFlightFilter


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
    filterset_class = LegacySpacecraftFilter
    search_fields = ["name", "spacecraft_config__name"]


class LegacySpacecraftConfigurations(Legacy):
    """
    API endpoint that allows Spacecraft Configs to be viewed.

    GET:
    Return a list of all the existing spacecraft.

    FILTERS:
    Parameters - 'name', 'manufacturer', 'in_use', 'human_rated'
    Example - /{version}/config/spacecraft/?status=Active

    SEARCH EXAMPLE:
    Example - /{version}/config/spacecraft/?search=Dragon

    ORDERING:
    Fields - 'name'
    Example - /{version}/config/spacecraft/?order=name
    """

    resource = "config/spacecraft"
    view_title = "Spacecraft Configuration"
    queryset = m.SpacecraftConfig.objects.all()
    filterset_class = LegacySpacecraftConfigFilter
    search_fields = ["name", "agency__name"]
    ordering_fields = ["name"]
