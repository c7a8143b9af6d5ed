"""Images and their licences and variants."""

from django.db import models

from spaceflight.models.base import Listed, Named


class ImageLicense(Named):
    priority = models.IntegerField(default=9)
    link = models.URLField(max_length=500, null=True, blank=True)


class ImageVariantType(Named):
    pass


class Image(Named, Listed):
    image_url = models.URLField(max_length=500)
    thumbnail_url = models.URLField(max_length=500, blank=True, default="")
    credit = models.CharField(max_length=500, null=True, blank=True)
    license = models.ForeignKey(ImageLicense, models.PROTECT, null=True, blank=True)
    single_use = models.BooleanField(default=True)


class ImageVariant(models.Model):
    id = models.IntegerField(primary_key=True)
    image = models.ForeignKey(Image, models.CASCADE, related_name="variants")
    type = models.ForeignKey(ImageVariantType, models.PROTECT)
    image_url = models.URLField(max_length=500)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.image_url
