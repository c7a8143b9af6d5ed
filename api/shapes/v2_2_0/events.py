"""2.2.0's events: one shape in every list and `{id}/`, its image a bare URL and its links one
each."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from api.shapes import v2_3_0
from api.shapes.base import Link, Records, RelatedUrl, Shape
from api.shapes.v2_2_0.crew import Expedition
from api.shapes.v2_2_0.launches import LaunchSerializerCommon, Program
from api.shapes.v2_2_0.stations import SpaceStationSerializerForCommon
from api.shapes.v2_3_0.records import UPDATE


@extend_schema_field(OpenApiTypes.URI)
class FirstLink(s.Field):
    """2.2.0's one `news_url` or `video_url`: the first of the links 2.3.0 lists (`info_urls`,
    `vid_urls`), or null."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, links):
        return links[0].get("url") if links else None


# What a spacewalk shows of its event (crew.py).
class EventDetailedSerializerForSpacewalk(Shape):
    id = s.IntegerField()
    url = Link("event")
    slug = s.CharField()
    name = s.CharField()
    type = v2_3_0.EventType()
    description = s.CharField()
    webcast_live = s.BooleanField()
    location = s.CharField()
    news_url = FirstLink(source="info_urls")
    video_url = FirstLink(source="vid_urls")
    feature_image = RelatedUrl(source="image")
    date = s.DateTimeField()
    date_precision = v2_3_0.NetPrecision()


class Events(Shape):
    id = s.IntegerField()
    url = Link("event")
    slug = s.CharField()
    name = s.CharField()
    updates = Records(UPDATE)
    type = v2_3_0.EventType()
    description = s.CharField()
    webcast_live = s.BooleanField()
    location = s.CharField()
    news_url = FirstLink(source="info_urls")
    video_url = FirstLink(source="vid_urls")
    feature_image = RelatedUrl(source="image")
    date = s.DateTimeField()
    date_precision = v2_3_0.NetPrecision()
    launches = LaunchSerializerCommon(many=True)
    expeditions = Expedition(many=True)
    spacestations = SpaceStationSerializerForCommon(many=True)
    program = Program(many=True, source="programs")
