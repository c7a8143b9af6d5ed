"""2.3.0's events and their types."""

from rest_framework import serializers as s

from api.shapes.base import Constant, IsoDuration, Link, Records, Shape, plain
from api.shapes.v2_3_0.agencies import AgencyMini
from api.shapes.v2_3_0.crew import AstronautNormal, ExpeditionNormal
from api.shapes.v2_3_0.images import Image
from api.shapes.v2_3_0.launches import LaunchBasic, NetPrecision, ProgramNormal
from api.shapes.v2_3_0.records import LINK, UPDATE, VID_URL
from api.shapes.v2_3_0.stations import SpaceStationNormal
from spaceflight import models as m

EventType = plain("EventType", m.EventType, ["id", "name"])


class EventMini(Shape):
    id = s.IntegerField()
    url = Link("events")
    name = s.CharField()
    info_urls = Records(LINK)
    vid_urls = Records(VID_URL)
    image = Image()
    date = s.DateTimeField()


class EventNormal(EventMini):
    slug = s.CharField()
    type = EventType()
    description = s.CharField()
    webcast_live = s.BooleanField()
    location = s.CharField()
    date_precision = NetPrecision()


class EventEndpointList(EventNormal):
    response_mode = Constant("list")
    duration = IsoDuration()


class EventEndpointNormal(EventEndpointList):
    response_mode = Constant("normal")
    updates = Records(UPDATE)
    last_updated = s.DateTimeField()


class EventEndpointDetailed(EventEndpointNormal):
    response_mode = Constant("detailed")
    agencies = AgencyMini(many=True)
    launches = LaunchBasic(many=True)
    expeditions = ExpeditionNormal(many=True)
    spacestations = SpaceStationNormal(many=True)
    program = ProgramNormal(many=True, source="programs")
    astronauts = AstronautNormal(many=True)
