"""Where things launch from and land: celestial bodies, locations, pads, landings."""

from django.db import models

from spaceflight.models.agencies import Agency, Country
from spaceflight.models.base import Described, ImportedStatistics, Listed, Named
from spaceflight.models.images import Image


class CelestialBodyType(Named):
    pass


class CelestialBody(Named, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    type = models.ForeignKey(CelestialBodyType, models.PROTECT, null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    gravity = models.FloatField(null=True, blank=True)
    length_of_day = models.DurationField(null=True, blank=True)
    atmosphere = models.BooleanField(default=False)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    total_attempted_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    total_attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "celestial bodies"


class Location(Named, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    celestial_body = models.ForeignKey(
        CelestialBody, models.PROTECT, null=True, blank=True, related_name="locations"
    )
    active = models.BooleanField(default=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True)
    description = models.TextField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    map_image = models.URLField(max_length=500, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    timezone_name = models.CharField(max_length=100, blank=True, default="")
    total_launch_count = models.IntegerField(null=True, blank=True)
    total_landing_count = models.IntegerField(null=True, blank=True)


class Pad(Named, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    active = models.BooleanField(default=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="pads")
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    map_url = models.URLField(max_length=500, null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True)
    map_image = models.URLField(max_length=500, null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)
    location = models.ForeignKey(
        Location, models.PROTECT, null=True, blank=True, related_name="pads"
    )


class LandingType(Described):
    pass


class LandingLocation(Named, ImportedStatistics):  # noqa: DJ008 - Named has __str__
    active = models.BooleanField(default=True)
    abbrev = models.CharField(max_length=50, blank=True, default="")
    description = models.TextField(null=True, blank=True)
    location = models.ForeignKey(Location, models.PROTECT, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    successful_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    celestial_body = models.ForeignKey(CelestialBody, models.PROTECT, null=True, blank=True)


class Landing(Listed):
    id = models.IntegerField(primary_key=True)
    attempt = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    description = models.TextField(blank=True, default="")
    downrange_distance = models.FloatField(null=True, blank=True)
    landing_location = models.ForeignKey(LandingLocation, models.PROTECT, null=True, blank=True)
    type = models.ForeignKey(LandingType, models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Landing {self.id}"
