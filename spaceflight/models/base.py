"""Abstract bases of the small lookups LL2 shows as `{id, name}` or with `abbrev, description`."""

from django.db import models


class Named(models.Model):
    """A small lookup LL2 shows as `{id, name}`."""

    id = models.IntegerField(primary_key=True)
    name = models.CharField(max_length=255)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self):
        return self.name


class Described(Named):
    """A lookup LL2 shows as `{id, name, abbrev, description}`."""

    abbrev = models.CharField(max_length=50, blank=True, default="")
    description = models.TextField(null=True, blank=True)

    class Meta(Named.Meta):
        abstract = True


class ImportedStatistics(models.Model):
    """An object with statistics LL2 computes: LL2's values where a page of it gave them,
    else derived from our data (spaceflight/statistics.py)."""

    # The statistics an imported page gave (an older shape gives some of them only).
    imported_statistics = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        abstract = True
