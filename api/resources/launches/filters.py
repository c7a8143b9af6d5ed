"""The filter sets of launches, in every version."""

import django_filters as f
from django.db.models import Q
from django_filters.widgets import QueryArrayWidget

from api.filters import (
    COMPARED,
    OVERRIDES,
    RANGE,
    CharInFilter,
    HideRecentFilter,
    IdsFilter,
    NotHeldFilter,
    RelatedAgenciesFilter,
    StrictBooleanFilter,
    UtcDateTimeFilter,
    UuidInFilter,
    VideoUrlsFilter,
)
from spaceflight import models as m


class LaunchFilterCommon(f.FilterSet):
    """What the launch lists of every version filter on."""

    id = UuidInFilter(field_name="id", label="Comma-separated launch ids")
    include_suborbital = StrictBooleanFilter(method="filter_suborbital")
    is_crewed = StrictBooleanFilter(method="filter_crewed", label="Crewed: true or false")
    launcher_config__id = IdsFilter(field_name="rocket__configuration")
    location__ids = IdsFilter(field_name="pad__location")
    lsp__id = IdsFilter(field_name="launch_service_provider")
    lsp__name = CharInFilter(field_name="launch_service_provider__name")
    rocket__spacecraftflight__spacecraft__id = f.NumberFilter(
        field_name="spacecraftflight__spacecraft__id", distinct=True
    )
    rocket__spacecraftflight__spacecraft__name = f.CharFilter(
        field_name="spacecraftflight__spacecraft__name", distinct=True
    )
    rocket__spacecraftflight__spacecraft__name__icontains = f.CharFilter(
        field_name="spacecraftflight__spacecraft__name", lookup_expr="icontains", distinct=True
    )
    serial_number = NotHeldFilter(label="First stage booster serial numbers (we hold none)")
    spacecraft_config__ids = IdsFilter(field_name="spacecraftflight__spacecraft__spacecraft_config")
    status = f.NumberFilter(field_name="status__id", label="Launch status id")

    class Meta:
        model = m.Launch
        fields = {
            "mission__orbit__name": ["exact", "icontains"],
            "name": ["exact"],
            "rocket__configuration__full_name": ["exact", "icontains"],
            "rocket__configuration__id": ["exact"],
            "rocket__configuration__manufacturer__name": ["exact", "icontains"],
            "rocket__configuration__name": ["exact"],
            "slug": ["exact"],
        }
        filter_overrides = OVERRIDES

    def filter_suborbital(self, queryset, name, value):
        # LL2 names the orbit of a suborbital flight "Suborbital" (abbrev "Sub").
        return queryset if value else queryset.exclude(mission__orbit__abbrev__iexact="sub")

    def filter_crewed(self, queryset, name, value):
        crewed = queryset.filter(spacecraftflight__launch_crew__isnull=False).values("pk")
        return queryset.filter(pk__in=crewed) if value else queryset.exclude(pk__in=crewed)


class LaunchFilter(LaunchFilterCommon):
    day = IdsFilter(field_name="net__day", label="Day of the month of NET (comma-separated)")
    month = IdsFilter(field_name="net__month", label="Month of NET (comma-separated)")
    year = IdsFilter(field_name="net__year", label="Year of NET (comma-separated)")
    last_updated__gte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="gte")
    last_updated__lte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="lte")
    launch_designator = CharInFilter(field_name="launch_designator")
    pad = f.NumberFilter(field_name="pad__id", label="Pad id")
    pad__location = f.NumberFilter(field_name="pad__location__id", label="Location id")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    related_lsp__id = RelatedAgenciesFilter(label="Agency ids: the provider or its parent")
    related_lsp__name = CharInFilter(
        method="filter_related_names", label="Agency names: the provider or its parent"
    )
    status__ids = IdsFilter(field_name="status")
    video_url = VideoUrlsFilter()

    class Meta(LaunchFilterCommon.Meta):
        fields = {
            **LaunchFilterCommon.Meta.fields,
            **{
                f"{where}_launch_attempt_count{year}": COMPARED
                for where in ("agency", "location", "orbital", "pad")
                for year in ("", "_year")
            },
            "mission__orbit__celestial_body__id": ["exact"],
            "net": RANGE,
            "pad__location__celestial_body__id": ["exact"],
            "window_end": RANGE,
            "window_start": RANGE,
        }

    def filter_related_names(self, queryset, name, value):
        provider = Q(launch_service_provider__name__in=value)
        return queryset.filter(provider | Q(launch_service_provider__parent__in=value))


HIDE_RECENT = {
    "field_name": "net",
    "label": "Hide launches from the past 24 hours, which are included by default.",
}


class UpcomingLaunchFilter(LaunchFilter):
    hide_recent_previous = HideRecentFilter(**HIDE_RECENT)


class LegacyLaunchFilterBase(LaunchFilterCommon):
    """What every 2.0.0 and 2.2.0 launch list filters on."""

    lsp__ids = IdsFilter(field_name="launch_service_provider")


class LegacyUpcomingOrPreviousLaunchFilter200(LegacyLaunchFilterBase):
    launch_library_id = NotHeldFilter(label="Launch Library 1 id (we hold none)")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)


class LegacyLaunchFilter200(LegacyLaunchFilterBase):
    launch_library_id = NotHeldFilter(label="Launch Library 1 id (we hold none)")

    class Meta(LegacyLaunchFilterBase.Meta):
        fields = {**LegacyLaunchFilterBase.Meta.fields, "net": RANGE}


class LegacyLaunchFilter(LegacyLaunchFilterBase):
    last_updated__gte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="gte")
    last_updated__lte = UtcDateTimeFilter(field_name="last_updated", lookup_expr="lte")
    pad = f.NumberFilter(field_name="pad__id", label="Pad id")
    pad__ids = IdsFilter(field_name="pad")
    pad__location = f.NumberFilter(field_name="pad__location__id", label="Location id")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    r_spacex_api_id = NotHeldFilter(label="SpaceX API id (we hold none)")
    status__ids = IdsFilter(field_name="status")

    class Meta(LegacyLaunchFilterBase.Meta):
        fields = {
            **LegacyLaunchFilterBase.Meta.fields,
            **{
                f"{where}_launch_attempt_count{year}": COMPARED
                for where in ("agency", "location", "orbital", "pad")
                for year in ("", "_year")
            },
            "net": RANGE,
            "window_end": RANGE,
            "window_start": RANGE,
        }


class LegacyUpcomingLaunchFilter(LegacyLaunchFilter):
    hide_recent_previous = HideRecentFilter(**HIDE_RECENT)
