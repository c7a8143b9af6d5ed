"""Launches and what they carry: rockets, missions, orbits, programs."""

from django.db import models
from django.utils.text import slugify

from spaceflight.models.agencies import Agency
from spaceflight.models.base import Described, Listed, Named
from spaceflight.models.images import Image
from spaceflight.models.launchers import LauncherConfig
from spaceflight.models.places import CelestialBody, Pad


class LaunchStatus(Described):
    class Meta(Described.Meta):
        verbose_name_plural = "launch statuses"


class NetPrecision(Described):
    pass


class Rocket(models.Model):
    id = models.IntegerField(primary_key=True)
    configuration = models.ForeignKey(LauncherConfig, models.PROTECT, null=True, blank=True)

    def __str__(self):
        return f"Rocket {self.id}"


class Orbit(Named):
    abbrev = models.CharField(max_length=50, blank=True, default="")
    celestial_body = models.ForeignKey(CelestialBody, models.PROTECT, null=True, blank=True)


class Mission(Named, Listed):
    type = models.CharField(max_length=255, blank=True, default="")
    description = models.TextField(blank=True, default="")
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    orbit = models.ForeignKey(Orbit, models.PROTECT, null=True, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="missions")
    info_urls = models.JSONField(default=list, blank=True)
    vid_urls = models.JSONField(default=list, blank=True)


class ProgramType(Named):
    pass


class Program(Named, Listed):
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    description = models.TextField(null=True, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="programs")
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    mission_patches = models.JSONField(default=list, blank=True)
    type = models.ForeignKey(ProgramType, models.PROTECT, null=True, blank=True)


class Launch(Listed):
    id = models.UUIDField(primary_key=True)
    name = models.CharField(max_length=255, blank=True, default="")
    slug = models.SlugField(max_length=255, blank=True, default="")
    launch_designator = models.CharField(max_length=50, null=True, blank=True)
    status = models.ForeignKey(LaunchStatus, models.PROTECT, null=True, blank=True)
    last_updated = models.DateTimeField(null=True, blank=True)
    net = models.DateTimeField(null=True, blank=True)
    net_precision = models.ForeignKey(NetPrecision, models.PROTECT, null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    infographic = models.URLField(max_length=500, null=True, blank=True)
    probability = models.IntegerField(null=True, blank=True)
    weather_concerns = models.TextField(null=True, blank=True)
    failreason = models.TextField(null=True, blank=True)
    hashtag = models.CharField(max_length=255, null=True, blank=True)
    launch_service_provider = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="launches"
    )
    rocket = models.ForeignKey(Rocket, models.PROTECT, null=True, blank=True)
    mission = models.ForeignKey(Mission, models.PROTECT, null=True, blank=True)
    pad = models.ForeignKey(Pad, models.PROTECT, null=True, blank=True)
    webcast_live = models.BooleanField(default=False)
    programs = models.ManyToManyField(Program, blank=True, related_name="launches")
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    location_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    pad_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    agency_launch_attempt_count_year = models.IntegerField(null=True, blank=True)
    # What only a launch's own page shows: null, or [], until an import brings it. The lists
    # are leaves kept as LL2 shows them (README, "Data model").
    flightclub_url = models.URLField(max_length=500, null=True, blank=True)
    pad_turnaround = models.DurationField(null=True, blank=True)
    updates = models.JSONField(default=list, blank=True)
    info_urls = models.JSONField(default=list, blank=True)
    vid_urls = models.JSONField(default=list, blank=True)
    timeline = models.JSONField(default=list, blank=True)
    mission_patches = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name_plural = "launches"
        ordering = ["net", "id"]

    def __str__(self):
        return self.name or str(self.id)

    @property
    def with_rocket(self):
        """The launch, if it has a rocket: LL2 shows a launch's flights under its rocket."""
        return self if self.rocket_id is not None else None

    @property
    def shown_slug(self):
        """LL2's slug, or, for a launch known only by its name, the slug LL2 makes of it."""
        return self.slug or slugify(self.name)
