"""The domain: everything a docking event shows, normalized, keyed by LL2's own ids.

Rows that LL2 shows only without an id (an older API version's agency type as a string, an
image as a bare URL, a country as a bare code) get a negative local id, so they never collide
with an LL2 id and a later import that carries the real id adds the real row beside them.
"""

from django.db import models
from django.utils import timezone


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


class ImageLicense(Named):
    priority = models.IntegerField(default=9)
    link = models.URLField(max_length=500, null=True, blank=True)


class ImageVariantType(Named):
    pass


class Image(Named):
    image_url = models.URLField(max_length=500)
    thumbnail_url = models.URLField(max_length=500, blank=True, default="")
    credit = models.CharField(max_length=500, null=True, blank=True)
    license = models.ForeignKey(ImageLicense, models.PROTECT, null=True, blank=True)
    single_use = models.BooleanField(default=True)


class ImageVariant(models.Model):
    id = models.IntegerField(primary_key=True)
    image = models.ForeignKey(Image, models.CASCADE, related_name="variants")
    type = models.ForeignKey(ImageVariantType, models.PROTECT)
    image_url = models.URLField(max_length=500)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.image_url


class Country(Named):
    alpha_2_code = models.CharField(max_length=2, blank=True, default="")
    alpha_3_code = models.CharField(max_length=3, blank=True, default="")
    nationality_name = models.CharField(max_length=255, blank=True, default="")
    nationality_name_composed = models.CharField(max_length=255, blank=True, default="")

    class Meta(Named.Meta):
        verbose_name_plural = "countries"


class AgencyType(Named):
    pass


class Agency(Named):
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


class CelestialBodyType(Named):
    pass


class CelestialBody(Named):
    type = models.ForeignKey(CelestialBodyType, models.PROTECT, null=True, blank=True)
    diameter = models.FloatField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    gravity = models.FloatField(null=True, blank=True)
    length_of_day = models.DurationField(null=True, blank=True)
    atmosphere = models.BooleanField(default=False)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    total_attempted_launches = models.IntegerField(null=True, blank=True)
    successful_launches = models.IntegerField(null=True, blank=True)
    failed_launches = models.IntegerField(null=True, blank=True)
    total_attempted_landings = models.IntegerField(null=True, blank=True)
    successful_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "celestial bodies"


class Location(Named):
    celestial_body = models.ForeignKey(CelestialBody, models.PROTECT, null=True, blank=True)
    active = models.BooleanField(default=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True)
    description = models.TextField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    map_image = models.URLField(max_length=500, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    timezone_name = models.CharField(max_length=100, blank=True, default="")
    total_launch_count = models.IntegerField(null=True, blank=True)
    total_landing_count = models.IntegerField(null=True, blank=True)


class Pad(Named):
    active = models.BooleanField(default=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="pads")
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.TextField(null=True, blank=True)
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    map_url = models.URLField(max_length=500, null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    country = models.ForeignKey(Country, models.PROTECT, null=True, blank=True)
    map_image = models.URLField(max_length=500, null=True, blank=True)
    total_launch_count = models.IntegerField(null=True, blank=True)
    orbital_launch_attempt_count = models.IntegerField(null=True, blank=True)
    fastest_turnaround = models.DurationField(null=True, blank=True)
    location = models.ForeignKey(Location, models.PROTECT, null=True, blank=True)


class LaunchStatus(Described):
    class Meta(Described.Meta):
        verbose_name_plural = "launch statuses"


class NetPrecision(Described):
    pass


class LauncherConfigFamily(Named):
    class Meta(Named.Meta):
        verbose_name_plural = "launcher config families"


class LauncherConfig(Named):
    families = models.ManyToManyField(LauncherConfigFamily, blank=True)
    full_name = models.CharField(max_length=255, blank=True, default="")
    variant = models.CharField(max_length=255, blank=True, default="")


class Rocket(models.Model):
    id = models.IntegerField(primary_key=True)
    configuration = models.ForeignKey(LauncherConfig, models.PROTECT, null=True, blank=True)

    def __str__(self):
        return f"Rocket {self.id}"


class Orbit(Named):
    abbrev = models.CharField(max_length=50, blank=True, default="")
    celestial_body = models.ForeignKey(CelestialBody, models.PROTECT, null=True, blank=True)


class Mission(Named):
    type = models.CharField(max_length=255, blank=True, default="")
    description = models.TextField(blank=True, default="")
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    orbit = models.ForeignKey(Orbit, models.PROTECT, null=True, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="missions")
    info_urls = models.JSONField(default=list, blank=True)
    vid_urls = models.JSONField(default=list, blank=True)


class ProgramType(Named):
    pass


class Program(Named):
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    info_url = models.URLField(max_length=500, null=True, blank=True)
    wiki_url = models.URLField(max_length=500, null=True, blank=True)
    description = models.TextField(null=True, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="programs")
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    mission_patches = models.JSONField(default=list, blank=True)
    type = models.ForeignKey(ProgramType, models.PROTECT, null=True, blank=True)


class Launch(models.Model):
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

    class Meta:
        verbose_name_plural = "launches"
        ordering = ["net", "id"]

    def __str__(self):
        return self.name or str(self.id)


class LandingType(Described):
    pass


class LandingLocation(Named):
    active = models.BooleanField(default=True)
    abbrev = models.CharField(max_length=50, blank=True, default="")
    description = models.TextField(null=True, blank=True)
    location = models.ForeignKey(Location, models.PROTECT, null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    successful_landings = models.IntegerField(null=True, blank=True)
    attempted_landings = models.IntegerField(null=True, blank=True)
    failed_landings = models.IntegerField(null=True, blank=True)
    celestial_body = models.ForeignKey(CelestialBody, models.PROTECT, null=True, blank=True)


class Landing(models.Model):
    id = models.IntegerField(primary_key=True)
    attempt = models.BooleanField(default=False)
    success = models.BooleanField(null=True, blank=True)
    description = models.TextField(blank=True, default="")
    downrange_distance = models.FloatField(null=True, blank=True)
    landing_location = models.ForeignKey(LandingLocation, models.PROTECT, null=True, blank=True)
    type = models.ForeignKey(LandingType, models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Landing {self.id}"


class SpacecraftConfigType(Named):
    pass


class SpacecraftConfigFamily(Named):
    description = models.TextField(blank=True, default="")
    manufacturer = models.ForeignKey(Agency, models.PROTECT, null=True, blank=True)
    parent = models.ForeignKey("self", models.SET_NULL, null=True, blank=True)
    maiden_flight = models.DateField(null=True, blank=True)

    class Meta(Named.Meta):
        verbose_name_plural = "spacecraft config families"


class SpacecraftConfig(Named):
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


class SpacecraftFlight(models.Model):
    id = models.IntegerField(primary_key=True)
    destination = models.CharField(max_length=255, null=True, blank=True)
    mission_end = models.DateTimeField(null=True, blank=True)
    spacecraft = models.ForeignKey(Spacecraft, models.PROTECT, null=True, blank=True)
    launch = models.ForeignKey(Launch, models.PROTECT, null=True, blank=True)
    landing = models.ForeignKey(Landing, models.SET_NULL, null=True, blank=True)
    turn_around_time = models.DurationField(null=True, blank=True)
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


class SpaceStationStatus(Named):
    class Meta(Named.Meta):
        verbose_name_plural = "space station statuses"


class SpaceStationType(Named):
    pass


class SpaceStation(Named):
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.ForeignKey(SpaceStationStatus, models.PROTECT, null=True, blank=True)
    founded = models.DateField(null=True, blank=True)
    deorbited = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True, default="")
    orbit = models.CharField(max_length=255, null=True, blank=True)
    type = models.ForeignKey(SpaceStationType, models.PROTECT, null=True, blank=True)


class PayloadType(Named):
    pass


class Payload(Named):
    type = models.ForeignKey(PayloadType, models.PROTECT, null=True, blank=True)
    manufacturer = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="payloads_made"
    )
    operator = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="payloads_operated"
    )
    image = models.ForeignKey(Image, models.SET_NULL, null=True, blank=True, related_name="+")
    wiki_link = models.URLField(max_length=500, blank=True, default="")
    info_link = models.URLField(max_length=500, blank=True, default="")
    programs = models.ManyToManyField(Program, blank=True, related_name="payloads")
    cost = models.BigIntegerField(null=True, blank=True)
    mass = models.FloatField(null=True, blank=True)
    description = models.TextField(blank=True, default="")


class PayloadFlight(models.Model):
    id = models.IntegerField(primary_key=True)
    destination = models.CharField(max_length=255, null=True, blank=True)
    amount = models.IntegerField(default=1)
    payload = models.ForeignKey(Payload, models.PROTECT, null=True, blank=True)
    launch = models.ForeignKey(Launch, models.PROTECT, null=True, blank=True)
    landing = models.ForeignKey(Landing, models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.payload or 'Payload'} flight {self.id}"


class DockingLocation(Named):
    """A port: on a station, on a spacecraft configuration, or on a payload."""

    spacestation = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="docking_locations"
    )
    spacecraft = models.ForeignKey(
        SpacecraftConfig, models.PROTECT, null=True, blank=True, related_name="docking_locations"
    )
    payload = models.ForeignKey(
        Payload, models.PROTECT, null=True, blank=True, related_name="docking_locations"
    )


class DockingEvent(models.Model):
    """One docking: exactly one chaser and one target, each a flight, a station or a payload."""

    id = models.IntegerField(primary_key=True)
    docking = models.DateTimeField()
    departure = models.DateTimeField(null=True, blank=True)
    docking_location = models.ForeignKey(
        DockingLocation, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    flight_vehicle_target = models.ForeignKey(
        SpacecraftFlight, models.PROTECT, null=True, blank=True, related_name="+"
    )
    space_station_target = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    payload_flight_target = models.ForeignKey(
        PayloadFlight, models.PROTECT, null=True, blank=True, related_name="+"
    )
    flight_vehicle_chaser = models.ForeignKey(
        SpacecraftFlight, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )
    space_station_chaser = models.ForeignKey(
        SpaceStation, models.PROTECT, null=True, blank=True, related_name="+"
    )
    payload_flight_chaser = models.ForeignKey(
        PayloadFlight, models.PROTECT, null=True, blank=True, related_name="docking_events"
    )

    class Meta:
        ordering = ["docking", "id"]
        # Pages in either order walk an index instead of sorting the table.
        indexes = [
            models.Index(fields=["docking", "id"], name="docking_event_docking_id"),
            models.Index(fields=["departure", "id"], name="docking_event_departure_id"),
        ]

    def __str__(self):
        return f"Docking event {self.id}"


class DataGeneration(models.Model):
    """The data generation (spaceflight/changes.py): one row, replaced in the same transaction
    as every write, so a reader's snapshot holds the token that matches its data."""

    id = models.IntegerField(primary_key=True, default=1)
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

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
