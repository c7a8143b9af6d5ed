"""The 2.0.0 and 2.2.0 resources a legacy docking event links to, by version, in the order
their API root lists them (merged into api/resources.py's VERSIONS): agencies, launcher and
spacecraft configurations, launches (upcoming and previous first: `launch/{id}/` would take
them), locations, pads and programs. Their pages show LL2's 2.2.0 docstrings, the version in
their examples (no 2.0.0 docstring of these was ever captured; the docking event's are the
same in both versions).

Filters, search and ordering are LL2's of the time: 2.2.0's as its OpenAPI file and views
declare them, 2.0.0's as its Swagger file does (api/legacy_graph_filters.py). Search is DRF's
`icontains`, or its prefix match (`^`) where LL2 declared one; LL2's regex search (`$`) on
launches is a plain `icontains` here (a regex of the caller's would be a 500)."""

from api import legacy_graph_filters as lf
from api.graph_resources import LAUNCH_SEARCH, Previous, Upcoming
from api.views import Legacy
from spaceflight import models as m


class Agencies(Legacy):
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
    filterset_class = lf.AgencyFilter
    search_fields = ["^name"]
    ordering_fields = ["id", "name", "featured"]

    @property
    def mode(self):
        # LL2 answers `?spacecraft=true` (the agencies that make spacecraft) in detail.
        asked = self.request.query_params.get("spacecraft", "")
        if self.action == "list" and asked.strip().lower() in ("true", "1"):
            return "detailed"
        return super().mode


class Agencies200(Agencies):
    __doc__ = Agencies.__doc__
    filterset_class = lf.AgencyFilter200


class LauncherConfigurations(Legacy):
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
    filterset_class = lf.LauncherConfigFilter
    search_fields = ["^name", "^manufacturer__name", "^full_name", "^description"]
    ordering_fields = ["name", "launch_mass", "leo_capacity", "gto_capacity", "launch_cost"]


class LauncherConfigurations200(LauncherConfigurations):
    __doc__ = LauncherConfigurations.__doc__
    filterset_class = lf.LauncherConfigFilter200


class SpacecraftConfigurations(Legacy):
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
    filterset_class = lf.SpacecraftConfigFilter
    search_fields = ["name", "agency__name"]
    ordering_fields = ["name"]


class Launches(Legacy):
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
    filterset_class = lf.LaunchFilter
    # LL2's of the time: not by designator.
    search_fields = [field for field in LAUNCH_SEARCH if field != "launch_designator"]
    ordering_fields = ["id", "name", "net"]
    ordering = ["net"]


class UpcomingLaunches(Upcoming, Launches):
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
    filterset_class = lf.UpcomingLaunchFilter


class PreviousLaunches(Previous, Launches):
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


class Launches200(Launches):
    __doc__ = Launches.__doc__
    filterset_class = lf.LaunchFilter200


class UpcomingLaunches200(UpcomingLaunches):
    __doc__ = UpcomingLaunches.__doc__
    filterset_class = lf.UpcomingOrPreviousLaunchFilter200


class PreviousLaunches200(PreviousLaunches):
    __doc__ = PreviousLaunches.__doc__
    filterset_class = lf.UpcomingOrPreviousLaunchFilter200


class Locations(Legacy):
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
    filterset_class = lf.LocationFilter
    # LL2 searches and names no field: those of its 2.3.0 locations.
    search_fields = ["country__alpha_3_code", "name"]
    ordering_fields = []  # LL2 has no ordering here
    list_modes = ["normal"]  # the detailed shape is the `{id}/`'s only


class Locations200(Locations):
    __doc__ = Locations.__doc__
    filterset_class = lf.LocationFilter200


class Pads(Legacy):
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
    filterset_class = lf.PadFilter
    # LL2 searches and names no field: those of its 2.3.0 pads.
    search_fields = ["location__name", "name"]
    ordering_fields = []  # LL2 has no ordering here


class Pads200(Pads):
    __doc__ = Pads.__doc__
    filterset_class = lf.PadFilter200


class Programs(Legacy):
    """
    API endpoint that returns Program objects.
    """

    resource = "program"
    view_title = "Program"
    queryset = m.Program.objects.all()
    # LL2 declares search and ordering here but names no field for either (as in 2.3.0).


RESOURCES = {
    "2.0.0": [
        Agencies200,
        LauncherConfigurations200,
        SpacecraftConfigurations,
        UpcomingLaunches200,
        PreviousLaunches200,
        Launches200,
        Locations200,
        Pads200,
        Programs,
    ],
    "2.2.0": [
        Agencies,
        LauncherConfigurations,
        SpacecraftConfigurations,
        UpcomingLaunches,
        PreviousLaunches,
        Launches,
        Locations,
        Pads,
        Programs,
    ],
}
