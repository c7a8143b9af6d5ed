"""2.2.0's space stations."""

from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import EmptyList, Later, Link, RelatedUrl, Shape
from api.shapes.v2_2_0.agencies import AgencyDetailed, AgencyList


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
    active_expedition = EmptyList()  # we hold no expeditions
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
    active_expeditions = EmptyList()
    docking_location = Later(
        "docking.DockingLocationSerializerForSpacestation", many=True, source="docking_locations"
    )
    image_url = RelatedUrl(source="image")
