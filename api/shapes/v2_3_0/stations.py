"""2.3.0's space stations, their statuses and types."""

from django.db.models import F
from rest_framework import serializers as s

from api.shapes.base import STILL_DOCKED, Constant, Later, Link, Shape, Subset, plain
from api.shapes.v2_3_0.agencies import AgencyNormal
from api.shapes.v2_3_0.images import Image
from spaceflight import models as m
from spaceflight.models.crew import under_way

SpaceStationStatus = plain("SpaceStationStatus", m.SpaceStationStatus, ["id", "name"])
SpaceStationType = plain("SpaceStationType", m.SpaceStationType, ["id", "name"])


class SpaceStationMini(Shape):
    id = s.IntegerField()
    url = Link("space_stations")
    name = s.CharField()
    image = Image()


class SpaceStationNormal(SpaceStationMini):
    status = SpaceStationStatus()
    founded = s.DateField()
    deorbited = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    type = SpaceStationType()


class SpaceStationDetailed(SpaceStationNormal):
    owners = AgencyNormal(many=True)


class SpaceStationEndpoint(SpaceStationDetailed):
    response_mode = Constant("normal")
    active_expeditions = Later(
        "crew.ExpeditionMini",
        within=Subset,
        relation="expeditions",
        where=under_way,
        # Without a start first, on both databases (PostgreSQL puts nulls last).
        order=(F("start").asc(nulls_first=True), "id"),
    )


class SpaceStationDetailedEndpoint(SpaceStationEndpoint):
    response_mode = Constant("detailed")
    height = s.FloatField()
    width = s.FloatField()
    mass = s.FloatField()
    volume = s.IntegerField()
    # LL2's when a page gave it, else the crew of the expeditions under way (statistics.py).
    onboard_crew = s.IntegerField()
    # Counted by the database, as the list filters and orders by it (api/resources/stations.py).
    docked_vehicles = s.IntegerField()
    docking_location = Later(
        "docking.DockingLocationSerializerForSpacestation", many=True, source="docking_locations"
    )
    active_docking_events = Later(
        "docking.DockingEventForChaserNormal",
        within=Subset,
        relation="docking_events",
        **STILL_DOCKED,
    )
