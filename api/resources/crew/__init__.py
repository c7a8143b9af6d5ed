"""The people: astronauts, expeditions and spacewalks, in 2.3.0 and at the older versions'
paths (`astronaut/`, `expedition/`, and 2.2.0's `spacewalks/`); their filter sets in
filters.py."""

from api.resources.crew.filters import (
    AstronautFilter,
    ExpeditionFilter,
    LegacyAstronautFilter,
    LegacyExpeditionFilter,
    LegacySpacewalkFilter,
    SpacewalkFilter,
    with_age,
)
from api.views import Legacy, Resource
from spaceflight import models as m


class Astronauts(Resource):
    """Astronauts, with their age on the day asked: a day's pages are built again the next."""

    resource = "astronauts"
    view_title = "Astronaut"
    queryset = m.Astronaut.objects.all()
    filterset_class = AstronautFilter
    search_fields = ["agency__abbrev", "agency__name", "name", "nationality__nationality_name"]
    ordering_fields = [
        "age",
        "date_of_birth",
        "eva_time",
        "flights_count",
        "id",
        "landings_count",
        "last_flight",
        "name",
        "spacewalks_count",
        "status",
        "time_in_space",
    ]
    examples = {"filter": "in_space=true", "search": "Pesquet", "ordering": "-time_in_space"}
    period = 3600

    def get_queryset(self):
        return with_age(super().get_queryset())


class Expeditions(Resource):
    resource = "expeditions"
    view_title = "Expedition"
    queryset = m.Expedition.objects.all()
    filterset_class = ExpeditionFilter
    search_fields = [
        "crew__astronaut__agency__abbrev",
        "crew__astronaut__agency__name",
        "crew__astronaut__name",
        "crew__astronaut__nationality__nationality_name",
        "name",
    ]
    ordering_fields = ["end", "id", "start"]
    examples = {"filter": "space_station=4", "search": "Kelly", "ordering": "-start"}


class Spacewalks(Resource):
    resource = "spacewalks"
    view_title = "Spacewalk"
    queryset = m.Spacewalk.objects.all()
    filterset_class = SpacewalkFilter
    search_fields = ["crew__astronaut__name", "location", "name", "programs__name"]
    ordering_fields = ["duration", "end", "id", "name", "start"]
    examples = {"filter": "spacestation__ids=4", "search": "Hubble", "ordering": "-duration"}


class LegacyAstronauts(Legacy):
    """
    API endpoint that allows Astronaut to be viewed.

    GET:
    Return a list of all the existing astronauts.

    MODE:
    Normal, List and Detailed
    /{version}/astronaut/?mode=detailed

    FILTERS:
    Parameters - 'name', 'status', 'nationality', 'agency__name', 'agency__abbrev', 'date_of_birth',
     'date_of_death', 'status_ids', 'is_human', 'type__id', 'has_flown', 'in_space'
    Example - /{version}/astronaut/?nationality=American

    SEARCH EXAMPLE:
    /{version}/astronaut/?search=armstrong
    Searches through name, nationality and agency name

    ORDERING:
    Fields - 'name', 'status', 'date_of_birth'
    Example - /{version}/astronaut/?ordering=name
    """

    resource = "astronaut"
    view_title = "Astronaut"
    queryset = m.Astronaut.objects.all()
    filterset_class = LegacyAstronautFilter
    search_fields = [
        "agency__name",
        "legacy_nationality",
        "name",
        "nationality__nationality_name",
    ]
    ordering_fields = ["date_of_birth", "id", "name", "status"]
    period = 3600  # the age, as 2.3.0's

    def get_queryset(self):
        return with_age(super().get_queryset())


class LegacyExpeditions(Legacy):
    """
    API endpoint that allows Expeditions to be viewed.

    GET:
    Return a list of all the existing expeditions.

    MODE:
    Normal and Detailed
    /{version}/expedition/?mode=detailed

    FILTERS:
    Fields - 'name', 'crew__astronaut', 'crew__astronaut__agency', 'space_station'

    Get all Expeditions with the Space Station ID of 1.
    Example - /{version}/expedition/?space_station=1&mode=detailed

    Search for all Expeditions with the Astronaut named John
    Example - /{version}/expedition/?search=John

    ORDERING:
    Fields - 'id', 'start', 'end'
    Order reverse via Start date.
    Example - /{version}/expedition/?ordering=-start
    """

    resource = "expedition"
    view_title = "Expedition"
    queryset = m.Expedition.objects.all()
    filterset_class = LegacyExpeditionFilter
    search_fields = Expeditions.search_fields
    ordering_fields = Expeditions.ordering_fields


class LegacySpacewalks(Legacy):
    """
    API endpoint that allows Spacewalk instances to be viewed.

    GET:
    Return a list of all the existing spacewalk instances.
    """

    resource = "spacewalks"
    view_title = "Spacewalk"
    queryset = m.Spacewalk.objects.all()
    filterset_class = LegacySpacewalkFilter
    search_fields = Spacewalks.search_fields
    ordering_fields = Spacewalks.ordering_fields
