"""The people, in 2.3.0: astronauts, expeditions and spacewalks; their filter sets in
filters.py."""

from api.resources.crew.filters import (
    AstronautFilter,
    ExpeditionFilter,
    SpacewalkFilter,
    with_age,
)
from api.views import Resource
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
