"""2.2.0's space stations."""

from django.db.models import F
from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import Later, Link, RelatedUrl, Shape, Subset
from api.shapes.v2_2_0.agencies import AgencyDetailed, AgencyList
from spaceflight.models.crew import under_way

# A station's expeditions under way, as 2.3.0's (v2_3_0/stations.py): those without a start
# first, on both databases (PostgreSQL puts nulls last).
UNDER_WAY_ROWS = {
    "relation": "expeditions",
    "where": under_way,
    "order": (F("start").asc(nulls_first=True), "id"),
}
UNDER_WAY = {"within": Subset, **UNDER_WAY_ROWS}


class SpaceStationMini(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()


class SpaceStationNormal(SpaceStationMini):
    image_url = RelatedUrl(source="image")


# A station as a flight's docking events show it (docking.py).
class SpaceStationSerializerForCommon(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    founded = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    image_url = RelatedUrl(source="image")


class SpaceStation(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    type = v2_3_0.SpaceStationType()
    founded = s.DateField()
    deorbited = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    owners = AgencyList(many=True)
    active_expedition = Later("crew.ExpeditionSerializerForSpacestation", **UNDER_WAY)
    image_url = RelatedUrl(source="image")


class SpaceStationDetailed(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    type = v2_3_0.SpaceStationType()
    founded = s.DateField()
    deorbited = s.DateField()
    height = s.FloatField()
    width = s.FloatField()
    mass = s.FloatField()
    volume = s.IntegerField()
    description = s.CharField()
    orbit = s.CharField()
    onboard_crew = s.IntegerField()
    docked_vehicles = s.IntegerField()
    owners = AgencyDetailed(many=True)
    active_expeditions = Later("crew.ExpeditionDetailedSerializerForSpacestation", **UNDER_WAY)
    docking_location = Later(
        "docking.DockingLocationSerializerForSpacestation", many=True, source="docking_locations"
    )
    image_url = RelatedUrl(source="image")


# An expedition's station (crew.py).
class SpaceStationSerializerForExpedition(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    orbit = s.CharField()
    image_url = RelatedUrl(source="image")


class SpaceStationDetailedSerializerForExpedition(Shape):
    id = s.IntegerField()
    url = Link("spacestation")
    name = s.CharField()
    status = v2_3_0.SpaceStationStatus()
    founded = s.DateField()
    description = s.CharField()
    orbit = s.CharField()
    image_url = RelatedUrl(source="image")
    owners = AgencyList(many=True)
