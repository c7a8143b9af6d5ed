"""Space stations."""

from django.db import models

from spaceflight.models.agencies import Agency
from spaceflight.models.base import ImportedStatistics, Listed, Named
from spaceflight.models.images import Image


class SpaceStationStatus(Named):
    class Meta(Named.Meta):
        verbose_name_plural = "space station statuses"


class SpaceStationType(Named):
    pass


class SpaceStation(Named, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.ForeignKey(SpaceStationStatus, models.PROTECT, null=True, blank=True)
    founded = models.DateField(null=True, blank=True)
    deorbited = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True, default="")
    orbit = models.CharField(max_length=255, null=True, blank=True)
    type = models.ForeignKey(SpaceStationType, models.PROTECT, null=True, blank=True)
    owners = models.ManyToManyField(Agency, blank=True, related_name="stations_owned")
    # What only a station's own LL2 page shows: null until an import brings it. Its occupancy
    # (docked vehicles, active docking events) is derived from the docking events instead, and
    # its crew aboard, where no page gave it, from its expeditions (spaceflight/statistics.py).
    height = models.FloatField(null=True, blank=True)
    width = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    volume = models.IntegerField(null=True, blank=True)
    onboard_crew = models.IntegerField(null=True, blank=True)
