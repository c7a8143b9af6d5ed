import hashlib
import secrets

from django.db import models

from api.rates import validate_rate


def digest(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKey(models.Model):
    """A key sent as `Authorization: Token <key>`, with a request rate of its own. Only the
    key's digest is stored: the key itself is shown once, when it is created."""

    name = models.CharField(max_length=100, unique=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    rate = models.CharField(
        max_length=32,
        default="",
        blank=True,
        validators=[validate_rate],
        help_text="e.g. 1000/hour (or per second, minute, day); empty: THROTTLE_KEY_RATE",
    )
    active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "API key"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, name, rate=""):
        """Create a key; returns `(ApiKey, the key in clear)`."""
        key = secrets.token_hex(20)
        return cls.objects.create(name=name, digest=digest(key), prefix=key[:8], rate=rate), key
