"""The filters of 2.3.0's launches, agencies, landings, configurations, pads and locations, as
LL2's OpenAPI file declares them. A filter on what we hold no rows for (first stages and
boosters) matches nothing: none of our rows has one."""

from datetime import timedelta
from functools import reduce
from operator import or_

import django_filters as f
from django.db import models
from django.db.models import CharField, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django_filters.widgets import QueryArrayWidget

from api.filters import IN_UTC, IdsFilter, StrictBooleanFilter, UtcDateTimeFilter
from spaceflight import models as m

COMPARED = ["exact", "gt", "gte", "lt", "lte"]
RANGE = ["gt", "gte", "lt", "lte"]
LAUNCH_STATISTICS = [
    "attempted_landings",
    "consecutive_successful_landings",
    "consecutive_successful_launches",
    "failed_landings",
    "failed_launches",
    "pending_launches",
    "successful_landings",
    "successful_launches",
    "total_launch_count",
]


# Date-times in UTC, and booleans strict (`?featured=maybe` is a 400, not ignored).
OVERRIDES = {**IN_UTC, models.BooleanField: {"filter_class": StrictBooleanFilter}}


def text_of(field):
    """A filter method comparing `field`'s text to the value (`__contains` or exact): LL2
    holds or filters it as text (a pad's id, a 2.2.0 founding year), we hold a number."""

    def method(self, queryset, name, value):
        lookup = "contains" if name.endswith("__contains") else "exact"
        annotated = queryset.annotate(**{f"{field}_text": Cast(field, output_field=CharField())})
        return annotated.filter(**{f"{field}_text__{lookup}": value})

    return method


class CharInFilter(f.BaseInFilter, f.CharFilter):
    """Any of several comma-separated values."""


class UuidInFilter(f.BaseInFilter, f.UUIDFilter):
    """Any of several comma-separated UUIDs."""


class NotHeldFilter(f.CharFilter):
    """A filter on what we hold none of: any value matches no row."""

    def filter(self, queryset, value):
        return queryset.none() if value not in (None, "") else queryset


class RelatedAgenciesFilter(IdsFilter):
    """Launches whose provider is one of the agencies, or one of their children (an agency
    names its parent)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        value = [pk for pk in value if -(2**63) <= pk < 2**63]
        names = m.Agency.objects.filter(pk__in=value).values("name")
        provider = Q(launch_service_provider__in=value)
        return queryset.filter(provider | Q(launch_service_provider__parent__in=names))


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
        # We hold no crews: no launch of ours is crewed (its flights show empty crews).
        return queryset.none() if value else queryset


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
    video_url = CharInFilter(method="filter_video_urls", label="Comma-separated video URLs")

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

    def filter_video_urls(self, queryset, name, value):
        # A launch keeps its video links as LL2 shows them (a leaf list, README "Data model").
        text = queryset.annotate(vid_urls_text=Cast("vid_urls", output_field=TextField()))
        return text.filter(reduce(or_, (Q(vid_urls_text__contains=f'"{url}"') for url in value)))


class UpcomingLaunchFilter(LaunchFilter):
    hide_recent_previous = StrictBooleanFilter(
        method="filter_recent",
        label="Hide launches from the past 24 hours, which are included by default.",
    )

    def filter_recent(self, queryset, name, value):
        return queryset.filter(net__gte=timezone.now()) if value else queryset


def upcoming(queryset):
    """Launches to come, and those of the last 24 hours (as LL2 shows them)."""
    return queryset.filter(net__gte=timezone.now() - timedelta(hours=24))


def previous(queryset):
    return queryset.filter(net__lt=timezone.now())


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


class SpacecraftConfigFilter(f.FilterSet):
    agency = f.NumberFilter(field_name="agency__id")

    class Meta:
        model = m.SpacecraftConfig
        filter_overrides = OVERRIDES
        fields = {"human_rated": ["exact"], "in_use": ["exact"], "name": ["exact"]}


class LauncherConfigFilter(f.FilterSet):
    families = IdsFilter(field_name="families", widget=QueryArrayWidget)
    families__contains = IdsFilter(field_name="families", widget=QueryArrayWidget)
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    program__contains = IdsFilter(field_name="programs", widget=QueryArrayWidget)

    class Meta:
        model = m.LauncherConfig
        filter_overrides = OVERRIDES
        fields = {
            "active": ["exact"],
            "full_name": ["exact", "contains"],
            "is_placeholder": ["exact"],
            "maiden_flight": COMPARED,
            "manufacturer__name": ["exact", "contains"],
            "name": ["exact", "contains"],
            **{name: COMPARED for name in LAUNCH_STATISTICS},
        }


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


class PayloadFilter(f.FilterSet):
    operator = f.NumberFilter(field_name="operator__id")
    program__id = f.NumberFilter(field_name="programs__id", distinct=True)

    class Meta:
        model = m.Payload
        filter_overrides = OVERRIDES
        fields = {
            "manufacturer__id": ["exact"],
            "manufacturer__name": ["exact"],
            "name": ["exact"],
            "operator__id": ["exact"],
            "operator__name": ["exact"],
        }
