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


class Listed(models.Model):
    """An object whose LL2 page lists related rows in an order no key gives (a station's
    ports, an agency's countries): the order the last imported page listed them in, by
    relation, `{"countries": [pk, ...]}`. Rows no page listed come after, by id."""

    listed = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def position(self, relation):
        """A sort key for the related rows of `relation`: the page's order, then id."""
        order = {str(pk): index for index, pk in enumerate(self.listed.get(relation, ()))}
        return lambda pk: (order.get(str(pk), len(order)), pk)
