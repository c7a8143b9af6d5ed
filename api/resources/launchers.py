"""Launcher configurations, in every version."""

import django_filters as f
from django_filters.widgets import QueryArrayWidget

from api.filters import (
    COMPARED,
    LAUNCH_STATISTICS,
    OVERRIDES,
    IdsFilter,
    StrictBooleanFilter,
)
from api.views import Legacy, Resource
from spaceflight import models as m


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


class LegacyLauncherConfigFilter200(f.FilterSet):
    active = StrictBooleanFilter()
    family = f.CharFilter(field_name="families__name", distinct=True, label="Family name")
    manufacturer = f.NumberFilter(field_name="manufacturer__id", label="Manufacturer agency id")
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    reusable = StrictBooleanFilter()

    class Meta:
        model = m.LauncherConfig
        filter_overrides = OVERRIDES
        fields = {"full_name": ["exact"], "name": ["exact"]}


class LegacyLauncherConfigFilter(f.FilterSet):
    family = f.CharFilter(field_name="families__name", distinct=True, label="Family name")
    family__contains = f.CharFilter(
        field_name="families__name", lookup_expr="contains", distinct=True
    )
    program = IdsFilter(field_name="programs", widget=QueryArrayWidget)
    program__contains = IdsFilter(field_name="programs", widget=QueryArrayWidget)

    class Meta:
        model = m.LauncherConfig
        filter_overrides = OVERRIDES
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


class LauncherConfigurations(Resource):
    resource = "launcher_configurations"
    view_title = "Launcher Configuration"
    queryset = m.LauncherConfig.objects.all()
    filterset_class = LauncherConfigFilter
    search_fields = ["full_name", "manufacturer__abbrev", "manufacturer__name", "name"]
    ordering_fields = [
        "gto_capacity",
        "launch_cost",
        "launch_mass",
        "leo_capacity",
        "maiden_flight",
        "name",
        *LAUNCH_STATISTICS,
    ]
    examples = {"filter": "manufacturer__name=SpaceX", "search": "Soyuz", "ordering": "name"}


class LegacyLauncherConfigurations(Legacy):
    """
    API endpoint that allows Launcher Configurations to be viewed.

    GET:
    Return a list of all the existing launcher configurations.

    MODE:
    Normal and Detailed
    /{version}/config/launcher/?mode=detailed

    FILTERS:
    Fields - 'family', 'agency', 'name', 'manufacturer__name', 'full_name'

    Get all Launchers with the Agency with name NASA.
    Example - /{version}/config/launcher/?manufacturer__name=NASA
    """

    resource = "config/launcher"
    view_title = "Launcher Configuration"
    queryset = m.LauncherConfig.objects.all()
    filterset_class = LegacyLauncherConfigFilter
    search_fields = ["^name", "^manufacturer__name", "^full_name", "^description"]
    ordering_fields = ["name", "launch_mass", "leo_capacity", "gto_capacity", "launch_cost"]


class LegacyLauncherConfigurations200(LegacyLauncherConfigurations):
    __doc__ = LegacyLauncherConfigurations.__doc__
    filterset_class = LegacyLauncherConfigFilter200
