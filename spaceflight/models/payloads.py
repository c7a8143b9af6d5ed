"""Payloads and their flights."""

from django.db import models

from spaceflight.models.agencies import Agency
from spaceflight.models.base import Listed, Named
from spaceflight.models.images import Image
from spaceflight.models.launches import Launch, Program
from spaceflight.models.places import Landing


class PayloadType(Named):
    pass


class Payload(Named, Listed):
    type = models.ForeignKey(PayloadType, models.PROTECT, null=True, blank=True)
    manufacturer = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="payloads_made"
    )
    operator = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="payloads_operated"
    )
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    wiki_link = models.URLField(max_length=500, blank=True, default="")
    info_link = models.URLField(max_length=500, blank=True, default="")
    programs = models.ManyToManyField(Program, blank=True, related_name="payloads")
    cost = models.BigIntegerField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    description = models.TextField(blank=True, default="")


class PayloadFlight(models.Model):
    id = models.IntegerField(primary_key=True)
    destination = models.CharField(max_length=255, null=True, blank=True)
    amount = models.IntegerField(default=1)
    payload = models.ForeignKey(Payload, models.PROTECT, null=True, blank=True)
    launch = models.ForeignKey(Launch, models.PROTECT, null=True, blank=True)
    landing = models.ForeignKey(Landing, models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.payload or 'Payload'} flight {self.id}"
