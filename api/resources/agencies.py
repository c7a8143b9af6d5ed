"""Agencies, in every version."""

import django_filters as f

from api.filters import (
    COMPARED,
    LAUNCH_STATISTICS,
    OVERRIDES,
    CharInFilter,
    StrictBooleanFilter,
    text_of,
)
from api.views import Legacy, Resource
from spaceflight import models as m


class AgencyFilter(f.FilterSet):
    country_code = CharInFilter(field_name="countries__alpha_3_code", distinct=True)
    spacecraft = StrictBooleanFilter(
        method="filter_spacecraft", label="Makes spacecraft: true or false"
    )
    parent__id = f.NumberFilter(method="filter_parent", label="Parent agency id")
    type__id = f.NumberFilter(field_name="type__id")

    class Meta:
        model = m.Agency
        filter_overrides = OVERRIDES
        fields = {
            "abbrev": ["exact", "contains"],
            "description": ["exact", "contains"],
            "featured": ["exact"],
            "founding_year": COMPARED,
            "id": ["exact"],
            "name": ["exact", "contains"],
            **{name: COMPARED for name in LAUNCH_STATISTICS},
        }

    def filter_parent(self, queryset, name, value):
        # An agency shows its parent by name; the id is that of the agency with this name.
        return queryset.filter(parent__in=m.Agency.objects.filter(pk=value).values("name"))

    def filter_spacecraft(self, queryset, name, value):
        makes = m.SpacecraftConfig.objects.filter(agency__isnull=False).values("agency")
        return queryset.filter(pk__in=makes) if value else queryset.exclude(pk__in=makes)


class LegacyAgencyFilter200(f.FilterSet):
    agency_type = f.NumberFilter(field_name="type__id", label="Agency type id")
    country_code = CharInFilter(
        field_name="countries__alpha_3_code",
        distinct=True,
        label="ISO 3166 alpha-3 country codes, comma-separated (any of them)",
    )
    featured = StrictBooleanFilter(label="Featured: true or false")
    # Read by LL2's view, not declared: also answers in the detailed shape (LegacyAgencies).
    spacecraft = StrictBooleanFilter(
        method="filter_spacecraft", label="Makes spacecraft: true or false"
    )

    class Meta:
        model = m.Agency
        filter_overrides = OVERRIDES
        fields = []

    filter_spacecraft = AgencyFilter.filter_spacecraft


class LegacyAgencyFilter(LegacyAgencyFilter200):
    founding_year = f.CharFilter(method="filter_founding_year")
    founding_year__contains = f.CharFilter(method="filter_founding_year")
    parent = f.NumberFilter(method="filter_parent", label="Parent agency id")

    class Meta:
        model = m.Agency
        filter_overrides = OVERRIDES
        fields = {
            "abbrev": ["exact", "contains"],
            "administrator": ["exact", "contains"],
            "description": ["exact", "contains"],
            "id": COMPARED,
            "name": ["exact", "contains"],
            **{name: COMPARED for name in LAUNCH_STATISTICS},
        }

    filter_founding_year = text_of("founding_year")

    filter_parent = AgencyFilter.filter_parent


class Agencies(Resource):
    resource = "agencies"
    view_title = "Agency"
    queryset = m.Agency.objects.all()
    filterset_class = AgencyFilter
    search_fields = ["abbrev", "name"]
    ordering_fields = ["featured", "id", "name", *LAUNCH_STATISTICS]
    examples = {"filter": "abbrev=NASA", "search": "SpaceX", "ordering": "-total_launch_count"}


class LegacyAgencies(Legacy):
    """
    API endpoint that allows Agencies to be viewed.

    GET:
    Return a list of all the existing users.

    MODE:
    Normal and Detailed
    /{version}/agencies/?mode=detailed

    FILTERS:
    Parameters - 'featured', 'agency_type', 'country_code'
    Example - /{version}/agencies/?featured=true

    SEARCH EXAMPLE:
    /{version}/agencies/?search=nasa

    ORDERING:
    Fields - 'id', 'name', 'featured'
    Example - /{version}/agencies/?ordering=featured

    The 'country_code' field is a string of comma separated ISO 3166 alpha-3 codes.
    """

    resource = "agencies"
    view_title = "Agency"
    queryset = m.Agency.objects.all()
    filterset_class = LegacyAgencyFilter
    search_fields = ["^name"]
    ordering_fields = ["id", "name", "featured"]

    @property
    def mode(self):
        # LL2 answers `?spacecraft=true` (the agencies that make spacecraft) in detail.
        asked = self.request.query_params.get("spacecraft", "")
        if self.action == "list" and asked.strip().lower() in ("true", "1"):
            return "detailed"
        return super().mode


class LegacyAgencies200(LegacyAgencies):
    __doc__ = LegacyAgencies.__doc__
    filterset_class = LegacyAgencyFilter200
