"""Where things launch and land: pads, locations, landings, celestial bodies."""

import django_filters as f

from api.filters import (
    COMPARED,
    OVERRIDES,
    RANGE,
    IdsFilter,
    NotHeldFilter,
    UuidInFilter,
    text_of,
)
from api.views import Legacy, Resource
from spaceflight import models as m


def shown_text_holds(field):
    """A filter method: the rows whose `field`, as the text a 2.2.0 pad shows it (LL2 held its
    coordinates as text), holds the value. Compared in Python: SQLite's CAST of a float keeps
    15 digits (`26.8064332829683` for `26.806433282968285`), so its text is not the one shown;
    pads are a few hundred rows."""

    def method(self, queryset, name, value):
        found = queryset.exclude(**{f"{field}__isnull": True}).values_list("pk", field)
        return queryset.filter(pk__in=[pk for pk, number in found if value in str(number)])

    return method


class LandingFilter(f.FilterSet):
    firststage_launch__ids = NotHeldFilter(label="We hold no first stages")
    landing_location__ids = IdsFilter(field_name="landing_location")
    landing_type__ids = IdsFilter(field_name="type")
    launcher__ids = NotHeldFilter(label="We hold no boosters")
    launcher_config__ids = NotHeldFilter(label="We hold no first stages")
    launcher_serial_numbers = NotHeldFilter(label="We hold no boosters")
    spacecraft__ids = IdsFilter(field_name="spacecraftflight__spacecraft")
    spacecraft_config__ids = IdsFilter(field_name="spacecraftflight__spacecraft__spacecraft_config")
    spacecraft_launch__ids = UuidInFilter(field_name="spacecraftflight__launch", distinct=True)

    class Meta:
        model = m.Landing
        filter_overrides = OVERRIDES
        fields = {"attempt": ["exact"], "success": ["exact"]}


class PadFilter(f.FilterSet):
    agencies_ids = IdsFilter(field_name="agencies")
    id__contains = f.CharFilter(method="filter_id_contains", label="Digits in the pad's id")

    class Meta:
        model = m.Pad
        filter_overrides = OVERRIDES
        fields = {
            "id": ["exact"],
            "latitude": RANGE,
            "location__id": ["exact"],
            "location__name": ["exact", "contains"],
            "longitude": RANGE,
            "name": ["exact", "contains"],
            "orbital_launch_attempt_count": COMPARED,
            "total_launch_count": COMPARED,
        }

    filter_id_contains = text_of("id")


class LocationFilter(f.FilterSet):
    country_code = f.CharFilter(field_name="country__alpha_3_code")

    class Meta:
        model = m.Location
        filter_overrides = OVERRIDES
        fields = {
            "id": ["exact"],
            "name": ["exact", "contains"],
            "total_landing_count": COMPARED,
            "total_launch_count": COMPARED,
        }


class LegacyLocationFilter200(f.FilterSet):
    country_code = f.CharFilter(field_name="country__alpha_3_code")

    class Meta:
        model = m.Location
        filter_overrides = OVERRIDES
        fields = {"id": ["exact"], "name": ["exact"]}


class LegacyLocationFilter(f.FilterSet):
    country_code = f.CharFilter(field_name="country__alpha_3_code")
    country_code__contains = f.CharFilter(
        field_name="country__alpha_3_code", lookup_expr="contains"
    )
    launch_library_id = NotHeldFilter(label="Launch Library 1 id (we hold none)")
    launch_library_id__contains = NotHeldFilter(label="Launch Library 1 id (we hold none)")

    class Meta:
        model = m.Location
        filter_overrides = OVERRIDES
        fields = {
            "id": COMPARED,
            "name": ["exact", "contains"],
            "total_landing_count": COMPARED,
            "total_launch_count": COMPARED,
        }


class LegacyPadFilter200(f.FilterSet):
    location = f.NumberFilter(field_name="location__id", label="Location id")

    class Meta:
        model = m.Pad
        filter_overrides = OVERRIDES
        fields = {"id": ["exact"], "name": ["exact"]}


class LegacyPadFilter(f.FilterSet):
    agency_id = NotHeldFilter(label="The pad's agency id (we hold none)")
    agency_id__contains = NotHeldFilter(label="The pad's agency id (we hold none)")
    id__contains = f.CharFilter(method="filter_id")
    latitude__contains = f.CharFilter(method="filter_latitude")
    longitude__contains = f.CharFilter(method="filter_longitude")

    class Meta:
        model = m.Pad
        filter_overrides = OVERRIDES
        fields = {
            "id": ["exact"],
            "latitude": ["exact"],
            "location__id": ["exact"],
            "location__name": ["exact", "contains"],
            "longitude": ["exact"],
            "name": ["exact", "contains"],
            "orbital_launch_attempt_count": COMPARED,
            "total_launch_count": COMPARED,
        }

    filter_id = text_of("id")
    filter_latitude = shown_text_holds("latitude")
    filter_longitude = shown_text_holds("longitude")


class Landings(Resource):
    resource = "landings"
    view_title = "Landing"
    queryset = m.Landing.objects.all()
    filterset_class = LandingFilter
    search_fields = [
        "landing_location__abbrev",
        "landing_location__name",
        "spacecraftflight__launch__name",
        "spacecraftflight__spacecraft__name",
        "spacecraftflight__spacecraft__serial_number",
        "spacecraftflight__spacecraft__spacecraft_config__name",
    ]
    ordering_fields = ["downrange_distance", "id"]
    examples = {"filter": "spacecraft__ids=39,37", "search": "Soyuz", "ordering": "id"}


class Pads(Resource):
    resource = "pads"
    view_title = "Pad"
    queryset = m.Pad.objects.all()
    filterset_class = PadFilter
    search_fields = ["location__name", "name", "orbital_launch_attempt_count", "total_launch_count"]
    ordering_fields = [
        "id",
        "location__id",
        "location__name",
        "name",
        "orbital_launch_attempt_count",
        "total_launch_count",
    ]
    examples = {"filter": "location__id=11", "search": "39A", "ordering": "-total_launch_count"}


class Locations(Resource):
    resource = "locations"
    view_title = "Location"
    queryset = m.Location.objects.all()
    filterset_class = LocationFilter
    search_fields = ["country__alpha_3_code", "name"]
    ordering_fields = ["total_landing_count", "total_launch_count"]
    examples = {
        "filter": "country_code=KAZ",
        "search": "Baikonur",
        "ordering": "-total_launch_count",
    }


class CelestialBodies(Resource):
    resource = "celestial_bodies"
    view_title = "Celestial Body"
    queryset = m.CelestialBody.objects.all()
    search_fields = ["name", "type__name"]
    ordering_fields = ["id", "name"]
    examples = {"search": "Earth", "ordering": "-name"}


class LegacyLocations(Legacy):
    """
    API endpoint that allows Location instances to be viewed.

    GET:
    Return a list of all the existing location instances.

    FILTERS:
    Parameters - 'name', 'country_code', 'id'
    Example - /{version}/location/?country_code=USA
    """

    resource = "location"
    view_title = "Location"
    queryset = m.Location.objects.all()
    filterset_class = LegacyLocationFilter
    # LL2 searches and names no field: those of its 2.3.0 locations.
    search_fields = ["country__alpha_3_code", "name"]
    ordering_fields = []  # LL2 has no ordering here
    list_modes = ["normal"]  # the detailed shape is the `{id}/`'s only


class LegacyLocations200(LegacyLocations):
    __doc__ = LegacyLocations.__doc__
    filterset_class = LegacyLocationFilter200


class LegacyPads(Legacy):
    """
    API endpoint that allows Location instances to be viewed.

    GET:
    Return a list of all the existing location instances.

    FILTERS:
    Parameters - 'id', 'agency_id', 'name', 'name__contains', 'latitude', 'latitude__contains', 'longitude',
    'longitude__contains', 'location__name', 'location__name__contains', 'location__id', 'orbital_launch_attempt_count',
    'total_launch_count'
    """  # noqa: E501 - LL2's lines

    resource = "pad"
    view_title = "Pad"
    queryset = m.Pad.objects.all()
    filterset_class = LegacyPadFilter
    # LL2 searches and names no field: those of its 2.3.0 pads.
    search_fields = Pads.search_fields
    ordering_fields = []  # LL2 has no ordering here


class LegacyPads200(LegacyPads):
    __doc__ = LegacyPads.__doc__
    filterset_class = LegacyPadFilter200
