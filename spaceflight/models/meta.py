"""About the data rather than spaceflight: its generation, and what curators own."""

from django.db import models


class DataGeneration(models.Model):
    """The data generation (spaceflight/changes.py): one row, replaced in the same transaction
    as every write, so a reader's snapshot holds the token that matches its data."""

    id = models.IntegerField(primary_key=True, default=1)
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()
    # Replaced when an API key is created, changed or revoked (api/apps.py).
    keys_token = models.CharField(max_length=32, default="initial")

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class Curated(models.Model):
    """An object a curator edited in the admin: imports and the mirror leave its values alone
    until the mark is removed (the admin's "release to the mirror" action)."""

    model = models.CharField(
        max_length=100, help_text="the model's label, e.g. spaceflight.spacestation"
    )
    object_id = models.CharField(max_length=64)
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "curated objects"
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="curated_model_object")
        ]

    def __str__(self):
        return f"{self.model} {self.object_id}"
