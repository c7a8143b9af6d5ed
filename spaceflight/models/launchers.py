"""Launcher configurations and their families."""

from django.db import models

from spaceflight.models.agencies import Agency
from spaceflight.models.base import ImportedStatistics, Listed, Named
from spaceflight.models.images import Image


class LaunchStatistics(models.Model):
    """Statistics LL2 computes over its whole history, for a launcher configuration and its
    families: as imported, or a configuration's launch counts derived from our launches
    (spaceflight/statistics.py); the rest null until an import brings them."""

    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class LauncherConfigFamily(Named, LaunchStatistics, Listed):  # noqa: DJ008 - Named has __str__
    # What only a family's detailed form shows: null (or "") until an import brings it.
    manufacturers = models.ManyToManyField(Agency, blank=True, related_name="launcher_families")
    parent = models.ForeignKey("self", models.SET_NULL, null=True, blank=True)
    description = models.TextField(blank=True, default="")
    active = models.BooleanField(null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "launcher config families"


class LauncherConfig(Named, LaunchStatistics, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    families = models.ManyToManyField(LauncherConfigFamily, blank=True)
    full_name = models.CharField(max_length=255, blank=True, default="")
    variant = models.CharField(max_length=255, blank=True, default="")
    # What only a configuration's own page shows: null (or "") until an import brings it.
    active = models.BooleanField(null=True, blank=True)
    is_placeholder = models.BooleanField(null=True, blank=True)
    manufacturer = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="launchers_made"
    )
    programs = models.ManyToManyField("Program", blank=True, related_name="launchers")
    reusable = models.BooleanField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    info_url = models.CharField(max_length=500, null=True, blank=True)
    wiki_url = models.CharField(max_length=500, null=True, blank=True)
    description = models.TextField(blank=True, default="")
    alias = models.CharField(max_length=255, blank=True, default="")
    min_stage = models.IntegerField(null=True, blank=True)
    max_stage = models.IntegerField(null=True, blank=True)
    length = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)
    launch_cost = models.BigIntegerField(null=True, blank=True)
    launch_mass = models.FloatField(null=True, blank=True)
    leo_capacity = models.FloatField(null=True, blank=True)
    gto_capacity = models.FloatField(null=True, blank=True)
    geo_capacity = models.FloatField(null=True, blank=True)
    sso_capacity = models.FloatField(null=True, blank=True)
    to_thrust = models.FloatField(null=True, blank=True)
    apogee = models.FloatField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)
