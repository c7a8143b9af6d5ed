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


class Fragment(models.Model):
    """One object's JSON in one shape (api/rendering/fragments.py), kept until a write changes
    what it shows. `stale`: a write changed what it shows (a trigger,
    api/rendering/triggers.py); it is never read again, and the writer renders it again
    (`rebuild_stale`), which tells whether its bytes changed."""

    key = models.CharField(max_length=200, primary_key=True)
    body = models.BinaryField()
    stale = models.BooleanField(default=False)
    size = models.IntegerField(default=0)
    built = models.DateTimeField(db_index=True)
    # A list's page (api/serving/lists.py): its absolute URL, and when a reader last built it.
    url = models.TextField(null=True)
    asked = models.DateTimeField(null=True)
    # A list's page with no live value: its ETag, made once by its writer, so that a reader
    # need not hash the page again (1.2 MB of 100 detailed events: 0.65 ms).
    etag = models.CharField(max_length=64, null=True)

    def __str__(self):
        return self.key


class FragmentDep(models.Model):
    """A row, or a row's list of related rows, that a fragment shows: `table:pk`, or
    `child_table.column:pk` for the rows of `child_table` whose `column` is `pk`."""

    dep = models.CharField(max_length=200, db_index=True)
    key = models.CharField(max_length=200, db_index=True)

    def __str__(self):
        return f"{self.key} shows {self.dep}"


class FragmentClock(models.Model):
    """One row: `tick` moves with every statement that writes a table the API shows (the
    triggers, api/rendering/triggers.py), in the writing transaction; a fragment built before
    a tick is not stored after it. `armed`: the triggers are in place (a database migrated
    all the way); without them no fragment is read or stored."""

    tick = models.BigIntegerField(default=0)
    armed = models.BooleanField(default=False)

    def __str__(self):
        return f"tick {self.tick}{'' if self.armed else ' (not armed)'}"
