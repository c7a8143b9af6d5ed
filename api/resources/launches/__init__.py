"""Launches (with the upcoming and previous lists) and programs, in every version: the
resource classes; their filter sets in filters.py."""

from api.resources.launches.filters import (
    LaunchFilter,
    LegacyLaunchFilter,
    LegacyLaunchFilter200,
    LegacyUpcomingLaunchFilter,
    LegacyUpcomingOrPreviousLaunchFilter200,
    UpcomingLaunchFilter,
)
from api.views import Legacy, Previous, Resource, Upcoming
from spaceflight import models as m

LAUNCH_SEARCH = [
    "launch_designator",
    "launch_service_provider__name",
    "mission__name",
    "name",
    "pad__location__name",
    "pad__name",
    "rocket__configuration__manufacturer__abbrev",
    "rocket__configuration__manufacturer__name",
    "rocket__configuration__name",
    "spacecraftflight__spacecraft__name",
]


class Launches(Resource):
    resource = "launches"
    view_title = "Launch"
    queryset = m.Launch.objects.all()
    filterset_class = LaunchFilter
    search_fields = LAUNCH_SEARCH
    ordering_fields = ["id", "last_updated", "name", "net"]
    ordering = ["net"]
    clock = "net"
    examples = {"filter": "pad__location=13", "search": "Soyuz", "ordering": "-last_updated"}


class UpcomingLaunches(Upcoming, Launches):
    resource = "launches/upcoming"
    view_title = "Upcoming Launch"
    filterset_class = UpcomingLaunchFilter
    search_fields = [field for field in LAUNCH_SEARCH if field != "launch_designator"]
    examples = {"filter": "hide_recent_previous=True", "search": "Soyuz", "ordering": "-net"}


class PreviousLaunches(Previous, Launches):
    resource = "launches/previous"
    view_title = "Previous Launch"


class Programs(Resource):
    resource = "programs"
    view_title = "Program"
    queryset = m.Program.objects.all()


class LegacyLaunches(Legacy):
    """
    API endpoint that returns all Launch objects or a single launch.

    EXAMPLE - /launch/<id>/ or /launch/?mode=list&search=SpaceX

    GET
    Return a list of all Launch objects.

    FILTERS
    Fields - 'name', 'id(s)', 'lsp__id', 'lsp__name', 'serial_number', 'launcher_config__id',
     'rocket__spacecraftflight__spacecraft__name', 'is_crewed', 'include_suborbital', 'spacecraft_config__ids',
     'related', 'location__ids', 'lsp__ids', 'pad__ids', 'status__ids'

    MODE
    'normal', 'list', 'detailed'

    EXAMPLE ?mode=list

    SEARCH
    Searches through the launch name, rocket name, launch agency, mission name & spacecraft name.

    EXAMPLE - ?search=SpaceX
    """  # noqa: E501 - LL2's lines

    resource = "launch"
    view_title = "Launch"
    queryset = m.Launch.objects.all()
    filterset_class = LegacyLaunchFilter
    # LL2's of the time: not by designator.
    search_fields = [field for field in LAUNCH_SEARCH if field != "launch_designator"]
    ordering_fields = ["id", "name", "net"]
    ordering = ["net"]
    clock = "net"


class LegacyUpcomingLaunches(Upcoming, LegacyLaunches):
    """
    API endpoint that returns future Launch objects and launches from the last twenty-four hours.

    GET
    Return a list of future Launches

    FILTERS
    Fields - 'name', 'id(s)', 'lsp__id', 'lsp__name', 'serial_number', 'launcher_config__id',
     'rocket__spacecraftflight__spacecraft__name', 'is_crewed', 'include_suborbital', 'spacecraft_config__ids',
     'related', 'location__ids', 'lsp__ids,'pad__ids', 'status__ids', 'hide_recent_previous'

    MODE
    'normal', 'list', 'detailed'

    EXAMPLE ?mode=list

    SEARCH
    Searches through the launch name, rocket name, launch agency and mission name.
    EXAMPLE - ?search=SpaceX
    """  # noqa: E501 - LL2's lines

    resource = "launch/upcoming"
    view_title = "Upcoming Launch"
    filterset_class = LegacyUpcomingLaunchFilter


class LegacyPreviousLaunches(Previous, LegacyLaunches):
    """
    API endpoint that returns previous Launch objects.

    GET
    Return a list of previous Launches

    FILTERS
    Fields - 'name', 'id(s)', 'lsp__id', 'lsp__name', 'serial_number', 'launcher_config__id',
     'rocket__spacecraftflight__spacecraft__name', 'is_crewed', 'include_suborbital', 'spacecraft_config__ids',
     'related', 'location__ids', 'lsp__ids', 'pad__ids', 'status__ids'

    MODE
    'normal', 'list', 'detailed'
    EXAMPLE ?mode=list

    SEARCH
    Searches through the launch name, rocket name, launch agency and mission name.
    EXAMPLE - ?search=SpaceX
    """  # noqa: E501 - LL2's lines

    resource = "launch/previous"
    view_title = "Previous Launch"


class LegacyLaunches200(LegacyLaunches):
    __doc__ = LegacyLaunches.__doc__
    filterset_class = LegacyLaunchFilter200


class LegacyUpcomingLaunches200(LegacyUpcomingLaunches):
    __doc__ = LegacyUpcomingLaunches.__doc__
    filterset_class = LegacyUpcomingOrPreviousLaunchFilter200


class LegacyPreviousLaunches200(LegacyPreviousLaunches):
    __doc__ = LegacyPreviousLaunches.__doc__
    filterset_class = LegacyUpcomingOrPreviousLaunchFilter200


class LegacyPrograms(Legacy):
    """
    API endpoint that returns Program objects.
    """

    resource = "program"
    view_title = "Program"
    queryset = m.Program.objects.all()
