"""2.3.0's images, as every family embeds them."""

from rest_framework import serializers as s

from api.shapes.base import Shape, plain
from spaceflight import models as m

ImageLicense = plain("ImageLicense", m.ImageLicense, ["id", "name", "priority", "link"])
ImageVariantType = plain("ImageVariantType", m.ImageVariantType, ["id", "name"])


class ImageVariant(Shape):
    id = s.IntegerField()
    type = ImageVariantType()
    image_url = s.CharField()


class Image(Shape):
    id = s.IntegerField()
    name = s.CharField()
    image_url = s.CharField()
    thumbnail_url = s.CharField()
    credit = s.CharField()
    license = ImageLicense()
    single_use = s.BooleanField()
    variants = ImageVariant(many=True)
