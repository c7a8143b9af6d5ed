"""Agencies and the countries they belong to."""

from django.db import models

from spaceflight.models.base import ImportedStatistics, Listed, Named
from spaceflight.models.images import Image


class Country(Named):
    alpha_2_code = models.CharField(max_length=2, blank=True, default="")
    alpha_3_code = models.CharField(max_length=3, blank=True, default="")
    nationality_name = models.CharField(max_length=255, blank=True, default="")
    nationality_name_composed = models.CharField(max_length=255, blank=True, default="")

    class Meta(Named.Meta):
        verbose_name_plural = "countries"


class AgencyType(Named):
    pass


class Agency(Named, ImportedStatistics, Listed):  # noqa: DJ008 - Named has __str__
    abbrev = models.CharField(max_length=50, blank=True, default="")
    type = models.ForeignKey(AgencyType, models.PROTECT, null=True, blank=True)
    featured = models.BooleanField(default=False)
    countries = models.ManyToManyField(Country, blank=True, related_name="agencies")
    description = models.TextField(null=True, blank=True)
    administrator = models.CharField(max_length=255, null=True, blank=True)
    founding_year = models.IntegerField(null=True, blank=True)
    launchers = models.CharField(max_length=500, blank=True, default="")
    spacecraft = models.CharField(max_length=500, blank=True, default="")
    parent = models.CharField(max_length=255, null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    logo = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    social_logo = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    # Statistics LL2 computes over its whole history; a mirror serves them as imported.
    total_launch_count = models.IntegerField(null=True, blank=True)
    consecutive_successful_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    pending_launches = models.IntegerField(null=True, blank=True)
    consecutive_successful_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings_spacecraft = models.IntegerField(null=True, blank=True)
    failed_landings_spacecraft = models.IntegerField(null=True, blank=True)
    attempted_landings_spacecraft = models.IntegerField(null=True, blank=True)
    successful_landings_payload = models.IntegerField(null=True, blank=True)
    failed_landings_payload = models.IntegerField(null=True, blank=True)
    attempted_landings_payload = models.IntegerField(null=True, blank=True)
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    # Leaf lists of link records, kept as LL2 shows them (see README, "Data model").
    social_media_links = models.JSONField(default=list, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "agencies"

    @property
    def country_code(self):
        """The comma-separated ISO 3166-1 alpha-3 codes of 2.0.0 and 2.2.0."""
        return ",".join(c.alpha_3_code for c in self.countries.all())
