"""The filters of the 2.0.0 and 2.2.0 agencies, configurations, launches, locations and pads:
2.2.0's as its OpenAPI file lists them (newest form), 2.0.0's as its Swagger file does, plus
the launch filters LL2 reads in its views (`lsp__id`, `is_crewed`...). A filter on what we hold
none of (Launch Library 1 ids, boosters, a pad's one agency) matches no row, as what we show
for it (null) matches no value."""

import django_filters as f
from django_filters.widgets import QueryArrayWidget

from api import graph_filters as gf
from api.filters import IdsFilter, StrictBooleanFilter, UtcDateTimeFilter
from spaceflight import models as m

COMPARED = gf.COMPARED
RANGE = gf.RANGE


# Agencies


class AgencyFilter200(f.FilterSet):
    agency_type = f.NumberFilter(field_name="type__id", label="Agency type id")
    country_code = gf.CharInFilter(
        field_name="countries__alpha_3_code",
        distinct=True,
        label="ISO 3166 alpha-3 country codes, comma-separated (any of them)",
    )
    featured = StrictBooleanFilter(label="Featured: true or false")
    # Read by LL2's view, not declared: also answers in the detailed shape (api/legacy_graph_
    # resources.py).
    spacecraft = StrictBooleanFilter(
        method="filter_spacecraft", label="Makes spacecraft: true or false"
    )

    class Meta:
        model = m.Agency
        filter_overrides = gf.OVERRIDES
        fields = []

    filter_spacecraft = gf.AgencyFilter.filter_spacecraft


class AgencyFilter(AgencyFilter200):
    founding_year = f.CharFilter(method="filter_founding_year")
    founding_year__contains = f.CharFilter(method="filter_founding_year")
    parent = f.NumberFilter(method="filter_parent", label="Parent agency id")

    class Meta:
        model = m.Agency
        filter_overrides = gf.OVERRIDES
        fields = {
            "abbrev": ["exact", "contains"],
            "administrator": ["exact", "contains"],
            "description": ["exact", "contains"],
            "id": COMPARED,
            "name": ["exact", "contains"],
            **{name: COMPARED for name in gf.LAUNCH_STATISTICS},
        }

    filter_founding_year = gf.text_of("founding_year")

    filter_parent = gf.AgencyFilter.filter_parent


# Launcher configurations


class LauncherConfigFilter200(f.FilterSet):
    active = StrictBooleanFilter()
    family = f.CharFilter(field_name="families__name", distinct=True, label="Family name")
    manufacturer = f.NumberFilter(field_name="manufacturer__id", label="Manufacturer agency id")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    reusable = StrictBooleanFilter()

    class Meta:
        model = m.LauncherConfig
        filter_overrides = gf.OVERRIDES
        fields = {"full_name": ["exact"], "name": ["exact"]}


class LauncherConfigFilter(f.FilterSet):
    family = f.CharFilter(field_name="families__name", distinct=True, label="Family name")
    family__contains = f.CharFilter(
        field_name="families__name", lookup_expr="contains", distinct=True
    )
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    program__contains = IdsFilter(field_name="programs", widget=QueryArrayWidget)

    class Meta:
        model = m.LauncherConfig
        filter_overrides = gf.OVERRIDES
        fields = {
            "consecutive_successful_launches": COMPARED,
            "failed_launches": COMPARED,
            "full_name": ["exact", "contains"],
            "manufacturer__name": ["exact", "contains"],
            "name": ["exact", "contains"],
            "pending_launches": COMPARED,
            "successful_launches": COMPARED,
            "total_launch_count": COMPARED,
        }


# Spacecraft configurations (the same in both versions)


class SpacecraftConfigFilter(f.FilterSet):
    human_rated = StrictBooleanFilter()
    in_use = StrictBooleanFilter()
    manufacturer = f.NumberFilter(field_name="agency__id", label="Manufacturer agency id")

    class Meta:
        model = m.SpacecraftConfig
        filter_overrides = gf.OVERRIDES
        fields = {"name": ["exact"]}


# Locations and pads


class LocationFilter200(f.FilterSet):
    country_code = f.CharFilter(field_name="country__alpha_3_code")

    class Meta:
        model = m.Location
        filter_overrides = gf.OVERRIDES
        fields = {"id": ["exact"], "name": ["exact"]}


class LocationFilter(f.FilterSet):
    country_code = f.CharFilter(field_name="country__alpha_3_code")
    country_code__contains = f.CharFilter(
        field_name="country__alpha_3_code", lookup_expr="contains"
    )
    launch_library_id = gf.NotHeldFilter(label="Launch Library 1 id (we hold none)")
    launch_library_id__contains = gf.NotHeldFilter(label="Launch Library 1 id (we hold none)")

    class Meta:
        model = m.Location
        filter_overrides = gf.OVERRIDES
        fields = {
            "id": COMPARED,
            "name": ["exact", "contains"],
            "total_landing_count": COMPARED,
            "total_launch_count": COMPARED,
        }


class PadFilter200(f.FilterSet):
    location = f.NumberFilter(field_name="location__id", label="Location id")

    class Meta:
        model = m.Pad
        filter_overrides = gf.OVERRIDES
        fields = {"id": ["exact"], "name": ["exact"]}


class PadFilter(f.FilterSet):
    agency_id = gf.NotHeldFilter(label="The pad's agency id (we hold none)")
    agency_id__contains = gf.NotHeldFilter(label="The pad's agency id (we hold none)")
    id__contains = f.CharFilter(method="filter_id")
    latitude__contains = f.CharFilter(method="filter_latitude")
    longitude__contains = f.CharFilter(method="filter_longitude")

    class Meta:
        model = m.Pad
        filter_overrides = gf.OVERRIDES
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

    filter_id = gf.text_of("id")
    filter_latitude = gf.text_of("latitude")
    filter_longitude = gf.text_of("longitude")


# Launches


class LaunchFilterBase(gf.LaunchFilterCommon):
    """What every 2.0.0 and 2.2.0 launch list filters on."""

    lsp__ids = IdsFilter(field_name="launch_service_provider")


class UpcomingOrPreviousLaunchFilter200(LaunchFilterBase):
    launch_library_id = gf.NotHeldFilter(label="Launch Library 1 id (we hold none)")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)


class LaunchFilter200(LaunchFilterBase):
    launch_library_id = gf.NotHeldFilter(label="Launch Library 1 id (we hold none)")

    class Meta(LaunchFilterBase.Meta):
        fields = {**LaunchFilterBase.Meta.fields, "net": RANGE}


class LaunchFilter(LaunchFilterBase):
    last_updated__gte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="gte")
    last_updated__lte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="lte")
    pad = f.NumberFilter(field_name="pad__id", label="Pad id")
    pad__ids = IdsFilter(field_name="pad")
    pad__location = f.NumberFilter(field_name="pad__location__id", label="Location id")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    r_spacex_api_id = gf.NotHeldFilter(label="SpaceX API id (we hold none)")
    status__ids = IdsFilter(field_name="status")

    class Meta(LaunchFilterBase.Meta):
        fields = {
            **LaunchFilterBase.Meta.fields,
            **{
                f"{where}_launch_attempt_count{year}": COMPARED
                for where in ("agency", "location", "orbital", "pad")
                for year in ("", "_year")
            },
            "net": RANGE,
            "window_end": RANGE,
            "window_start": RANGE,
        }


class UpcomingLaunchFilter(LaunchFilter):
    hide_recent_previous = StrictBooleanFilter(
        method="filter_recent",
        label="Hide launches from the past 24 hours, which are included by default.",
    )

    filter_recent = gf.UpcomingLaunchFilter.filter_recent
