"""The people: astronauts, their roles on a flight or an expedition, expeditions (a station's
crewed stays) and spacewalks."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from spaceflight.models.agencies import Agency, Country
from spaceflight.models.base import Listed, Named
from spaceflight.models.images import Image
from spaceflight.models.launches import Launch, Program
from spaceflight.models.spacecraft import SpacecraftFlight
from spaceflight.models.stations import SpaceStation


class AstronautStatus(Named):
    class Meta(Named.Meta):
        verbose_name_plural = "astronaut statuses"


class AstronautType(Named):
    pass


class AstronautRole(models.Model):
    id = models.IntegerField(primary_key=True)
    role = models.CharField(max_length=255)
    priority = models.IntegerField(default=0)

    class Meta:
        ordering = ["priority", "id"]

    def __str__(self):
        return self.role


class Astronaut(Named, Listed):
    status = models.ForeignKey(AstronautStatus, models.PROTECT, null=True, blank=True)
    agency = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="astronauts"
    )
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    type = models.ForeignKey(AstronautType, models.PROTECT, null=True, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    nationality = models.ManyToManyField(Country, blank=True, related_name="astronauts")
    bio = models.TextField(blank=True, default="")
    wiki = models.URLField(max_length=500, null=True, blank=True)
    social_media_links = models.JSONField(default=list, blank=True)
    # What 2.2.0's pages show as text, where 2.3.0 lists countries and links with ids a 2.2.0
    # page doesn't give: kept as that page wrote them, shown by 2.2.0 and 2.0.0 alone.
    legacy_nationality = models.CharField(max_length=255, blank=True, default="")
    twitter = models.URLField(max_length=255, null=True, blank=True)
    instagram = models.URLField(max_length=255, null=True, blank=True)
    # LL2's record over the whole career, served as the last imported page gave it (our data
    # holds only some of an astronaut's flights): null until a page gives it.
    in_space = models.BooleanField(default=False)
    time_in_space = models.DurationField(null=True, blank=True)
    eva_time = models.DurationField(null=True, blank=True)
    first_flight = models.DateTimeField(null=True, blank=True)
    last_flight = models.DateTimeField(null=True, blank=True)
    flights_count = models.IntegerField(null=True, blank=True)
    landings_count = models.IntegerField(null=True, blank=True)
    spacewalks_count = models.IntegerField(null=True, blank=True)
    # What only an astronaut's own detailed page lists: [] until an import brings it.
    flights = models.ManyToManyField(Launch, blank=True, related_name="+")
    landings = models.ManyToManyField(SpacecraftFlight, blank=True, related_name="+")
    spacewalks = models.ManyToManyField("Spacewalk", blank=True, related_name="+")

    def nationality_text(self):
        """The nationality as 2.2.0 writes it: as a 2.2.0 page gave it, else the nationality
        names of the countries 2.3.0 lists (`Chinese`, `American, Russian`)."""
        if self.legacy_nationality:
            return self.legacy_nationality
        return ", ".join(country.nationality_name for country in self.nationality.all())

    def age_on(self, day):
        """Whole years from birth to `day`, or to death."""
        if self.date_of_birth is None:
            return None
        end = self.date_of_death or day
        born = self.date_of_birth
        return end.year - born.year - ((end.month, end.day) < (born.month, born.day))


class AstronautFlight(models.Model):
    """An astronaut in a role, on one flight's crew, an expedition's or a spacewalk's."""

    id = models.IntegerField(primary_key=True)
    role = models.ForeignKey(AstronautRole, models.PROTECT, null=True, blank=True)
    astronaut = models.ForeignKey(
        Astronaut, models.CASCADE, null=True, blank=True, related_name="crewed"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.astronaut} ({self.role})"


class Expedition(Listed):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    spacestation = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="expeditions"
    )
    mission_patches = models.JSONField(default=list, blank=True)
    crew = models.ManyToManyField(AstronautFlight, blank=True, related_name="expeditions")

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["end", "id"], name="expedition_end_id")]

    def __str__(self):
        return self.name


def under_way():
    """Expeditions under way: no end, or an end still to come (LL2's `is_active`)."""
    return Q(end__isnull=True) | Q(end__gt=timezone.now())


class Spacewalk(Listed):
    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    duration = models.DurationField(null=True, blank=True)
    location = models.CharField(max_length=255, null=True, blank=True)
    crew = models.ManyToManyField(AstronautFlight, blank=True, related_name="spacewalks")
    spacestation = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="spacewalks"
    )
    expedition = models.ForeignKey(
        Expedition, models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    spacecraft_flight = models.ForeignKey(
        SpacecraftFlight, models.PROTECT, null=True, blank=True, related_name="spacewalks"
    )
    event = models.ForeignKey(
        "Event", models.SET_NULL, null=True, blank=True, related_name="spacewalks"
    )
    programs = models.ManyToManyField(Program, blank=True, related_name="spacewalks")

    class Meta:
        ordering = ["start", "id"]

    def __str__(self):
        return self.name
