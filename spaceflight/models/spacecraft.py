"""Spacecraft, their configurations and their flights."""

from django.db import models
from django.utils import timezone

from spaceflight.models.agencies import Agency
from spaceflight.models.base import ImportedStatistics, Listed, Named
from spaceflight.models.images import Image
from spaceflight.models.launches import Launch
from spaceflight.models.places import Landing


class FlightStatistics(models.Model):
    """Statistics LL2 computes over its whole history, for a spacecraft configuration and its
    families: served as imported, null until then."""

    spacecraft_flown = models.IntegerField(null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class SpacecraftConfigType(Named):
    pass


class SpacecraftConfigFamily(Named, FlightStatistics):  # noqa: DJ008 - Named has __str__
    description = models.TextField(blank=True, default="")
    manufacturer = models.ForeignKey(Agency, models.PROTECT, null=True, blank=True)
    parent = models.ForeignKey("self", models.SET_NULL, null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "spacecraft config families"


class SpacecraftConfig(Named, FlightStatistics, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    type = models.ForeignKey(SpacecraftConfigType, models.PROTECT, null=True, blank=True)
    agency = models.ForeignKey(Agency, models.PROTECT, null=True, blank=True)
    families = models.ManyToManyField(SpacecraftConfigFamily, blank=True)
    in_use = models.BooleanField(default=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    # The full configuration of the 2.0.0 and 2.2.0 detailed shapes.
    capability = models.TextField(blank=True, default="")
    history = models.TextField(blank=True, default="")
    details = models.TextField(blank=True, default="")
    maiden_flight = models.DateField(null=True, blank=True)
    height = models.FloatField(null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    human_rated = models.BooleanField(default=False)
    crew_capacity = models.IntegerField(null=True, blank=True)
    payload_capacity = models.IntegerField(null=True, blank=True)
    flight_life = models.CharField(max_length=2048, null=True, blank=True)
    nation_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_link = models.URLField(max_length=500, blank=True, default="")
    info_link = models.URLField(max_length=500, blank=True, default="")
    payload_return_capacity = models.IntegerField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)


class SpacecraftStatus(Named):
    class Meta(Named.Meta):
        verbose_name_plural = "spacecraft statuses"


class Spacecraft(Named):
    serial_number = models.CharField(max_length=255, null=True, blank=True)
    is_placeholder = models.BooleanField(default=False)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.ForeignKey(SpacecraftStatus, models.PROTECT, null=True, blank=True)
    description = models.TextField(blank=True, default="")
    spacecraft_config = models.ForeignKey(SpacecraftConfig, models.PROTECT, null=True, blank=True)
    # Statistics over every flight LL2 knows; served as imported (see SPEC, computed values).
    in_space = models.BooleanField(default=False)
    time_in_space = models.DurationField(null=True, blank=True)
    time_docked = models.DurationField(null=True, blank=True)
    flights_count = models.IntegerField(null=True, blank=True)
    mission_ends_count = models.IntegerField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "spacecraft"


class SpacecraftFlight(Listed):
    id = models.IntegerField(primary_key=True)
    destination = models.CharField(max_length=255, null=True, blank=True)
    mission_end = models.DateTimeField(null=True, blank=True)
    spacecraft = models.ForeignKey(Spacecraft, models.PROTECT, null=True, blank=True)
    launch = models.ForeignKey(Launch, models.PROTECT, null=True, blank=True)
    landing = models.ForeignKey(Landing, models.SET_NULL, null=True, blank=True)
    turn_around_time = models.DurationField(null=True, blank=True)
    # Who flew up on it, who is aboard, who came back on it (spaceflight/models/crew.py).
    launch_crew = models.ManyToManyField("AstronautFlight", blank=True, related_name="launched")
    onboard_crew = models.ManyToManyField("AstronautFlight", blank=True, related_name="aboard")
    landing_crew = models.ManyToManyField("AstronautFlight", blank=True, related_name="landed")
    # Where `duration` counts from when the launch's `net` is not known locally: a normal-mode
    # page shows the duration but not the launch time, so the import keeps the implied start.
    duration_origin = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.spacecraft or 'Spacecraft'} flight {self.id}"

    @property
    def start(self):
        """What `duration` counts from: the launch time, or the imported estimate."""
        return self.launch.net if self.launch and self.launch.net else self.duration_origin

    @property
    def live_start(self):
        """The start of a flight still in space (its duration grows), else None."""
        return self.start if self.mission_end is None else None

    @property
    def duration(self):
        start = self.start
        if start is None:
            return None
        return (self.mission_end or timezone.now()) - start
