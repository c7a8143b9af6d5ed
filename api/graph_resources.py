"""2.3.0's resources for the rest of the graph a docking event links to, and the config lookups
their shapes embed (api/resources.py has the docking events and stations)."""

from api import graph_filters as gf
from api.shapes.v2_3_0_graph import LOOKUPS as LOOKUP_SHAPES
from api.views import Resource
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


class Upcoming:
    """Launches to come and those of the last 24 hours. What is upcoming changes with the
    clock, not only with the data: the cached pages are rebuilt every `period` seconds."""

    period = 60

    def get_queryset(self):
        return gf.upcoming(super().get_queryset())


class Previous:
    """Launches already past, newest first; rebuilt with the clock, as upcoming ones."""

    period = 60
    ordering = ["-net"]

    def get_queryset(self):
        return gf.previous(super().get_queryset())


class Launches(Resource):
    resource = "launches"
    view_title = "Launch"
    queryset = m.Launch.objects.all()
    filterset_class = gf.LaunchFilter
    search_fields = LAUNCH_SEARCH
    ordering_fields = ["id", "last_updated", "name", "net"]
    ordering = ["net"]
    examples = {"filter": "pad__location=13", "search": "Soyuz", "ordering": "-last_updated"}


class UpcomingLaunches(Upcoming, Launches):
    resource = "launches/upcoming"
    view_title = "Upcoming Launch"
    filterset_class = gf.UpcomingLaunchFilter
    search_fields = [field for field in LAUNCH_SEARCH if field != "launch_designator"]
    examples = {"filter": "hide_recent_previous=True", "search": "Soyuz", "ordering": "-net"}


class PreviousLaunches(Previous, Launches):
    resource = "launches/previous"
    view_title = "Previous Launch"


class Agencies(Resource):
    resource = "agencies"
    view_title = "Agency"
    queryset = m.Agency.objects.all()
    filterset_class = gf.AgencyFilter
    search_fields = ["abbrev", "name"]
    ordering_fields = ["featured", "id", "name", *gf.LAUNCH_STATISTICS]
    examples = {"filter": "abbrev=NASA", "search": "SpaceX", "ordering": "-total_launch_count"}


class Landings(Resource):
    resource = "landings"
    view_title = "Landing"
    queryset = m.Landing.objects.all()
    filterset_class = gf.LandingFilter
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


class SpacecraftConfigurations(Resource):
    resource = "spacecraft_configurations"
    view_title = "Spacecraft Configuration"
    queryset = m.SpacecraftConfig.objects.all()
    filterset_class = gf.SpacecraftConfigFilter
    search_fields = ["agency__abbrev", "agency__name", "name"]
    ordering_fields = ["name"]
    examples = {"filter": "human_rated=True", "search": "Dragon", "ordering": "name"}


class LauncherConfigurations(Resource):
    resource = "launcher_configurations"
    view_title = "Launcher Configuration"
    queryset = m.LauncherConfig.objects.all()
    filterset_class = gf.LauncherConfigFilter
    search_fields = ["full_name", "manufacturer__abbrev", "manufacturer__name", "name"]
    ordering_fields = [
        "gto_capacity",
        "launch_cost",
        "launch_mass",
        "leo_capacity",
        "maiden_flight",
        "name",
        *gf.LAUNCH_STATISTICS,
    ]
    examples = {"filter": "manufacturer__name=SpaceX", "search": "Soyuz", "ordering": "name"}


class Pads(Resource):
    resource = "pads"
    view_title = "Pad"
    queryset = m.Pad.objects.all()
    filterset_class = gf.PadFilter
    search_fields = ["location__name", "name"]
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
    filterset_class = gf.LocationFilter
    search_fields = ["country__alpha_3_code", "name"]
    ordering_fields = ["total_landing_count", "total_launch_count"]
    examples = {
        "filter": "country_code=KAZ",
        "search": "Baikonur",
        "ordering": "-total_launch_count",
    }


class Programs(Resource):
    resource = "programs"
    view_title = "Program"
    queryset = m.Program.objects.all()
    # LL2 declares search and ordering here but names no field for either.


class CelestialBodies(Resource):
    resource = "celestial_bodies"
    view_title = "Celestial Body"
    queryset = m.CelestialBody.objects.all()
    search_fields = ["name", "type__name"]
    ordering_fields = ["id", "name"]
    examples = {"search": "Earth", "ordering": "-name"}


class Payloads(Resource):
    resource = "payloads"
    view_title = "Payload"
    queryset = m.Payload.objects.all()
    filterset_class = gf.PayloadFilter
    search_fields = [
        "manufacturer__name",
        "name",
        "operator__name",
        "payloadflight__destination",
        "payloadflight__launch__name",
    ]
    ordering_fields = ["id", "name"]
    examples = {"filter": "program__id=18", "search": "Cygnus", "ordering": "-id"}


def lookup(path, model):
    """A config lookup: a list and `{id}/` of its rows, no filters (as LL2)."""
    title = str(model._meta.verbose_name).title()
    return type(
        title.replace(" ", ""),
        (Resource,),
        {"resource": f"config/{path}", "view_title": title, "queryset": model.objects.all()},
    )


LOOKUPS = [lookup(path, model) for path, _, model in LOOKUP_SHAPES]

# Upcoming and previous before `launches`: its `{id}/` would take them.
RESOURCES = [
    UpcomingLaunches,
    PreviousLaunches,
    Launches,
    Agencies,
    Landings,
    SpacecraftConfigurations,
    LauncherConfigurations,
    Pads,
    Locations,
    Programs,
    CelestialBodies,
    Payloads,
    *LOOKUPS,
]
