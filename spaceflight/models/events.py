"""Events: what LL2 lists beside launches (dockings, spacewalks, landings, press events),
linked to the expeditions, stations, astronauts, launches and programs they concern."""

from django.db import models

from spaceflight.models.agencies import Agency
from spaceflight.models.base import Listed, Named
from spaceflight.models.crew import Astronaut, Expedition
from spaceflight.models.images import Image
from spaceflight.models.launches import Launch, NetPrecision, Program
from spaceflight.models.stations import SpaceStation


class EventType(Named):
    pass


class Event(Named, Listed):
    slug = models.SlugField(max_length=255, blank=True, default="")
    type = models.ForeignKey(EventType, models.PROTECT, null=True, blank=True)
    description = models.TextField(blank=True, default="")
    webcast_live = models.BooleanField(default=False)
    location = models.CharField(max_length=255, null=True, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    date_precision = models.ForeignKey(NetPrecision, models.PROTECT, null=True, blank=True)
    duration = models.DurationField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    last_updated = models.DateTimeField(null=True, blank=True)
    # Leaves kept as LL2 shows them, as a launch's are.
    info_urls = models.JSONField(default=list, blank=True)
    vid_urls = models.JSONField(default=list, blank=True)
    updates = models.JSONField(default=list, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="events")
    launches = models.ManyToManyField(Launch, blank=True, related_name="events")
    expeditions = models.ManyToManyField(Expedition, blank=True, related_name="events")
    spacestations = models.ManyToManyField(SpaceStation, blank=True, related_name="events")
    programs = models.ManyToManyField(Program, blank=True, related_name="events")
    astronauts = models.ManyToManyField(Astronaut, blank=True, related_name="events")

    class Meta(Named.Meta):
        ordering = ["date", "id"]
