"""Writing LL2 objects into the domain models: upsert by LL2 id, never erase what a shape hides.

Each kind of object is described once in `KINDS`: its model, the keys copied as they are (with
a converter where the JSON form differs from the column), the nested objects stored as foreign
keys, and the nested lists stored as many-to-many relations. A key a shape does not show is
left alone, so a 2.2.0 list never blanks what a 2.3.0 detailed page filled. The older versions'
shapes are turned into the 2.3.0 form first (`LEGACY`), so there is one path into the database.

What a top-level object is comes from its `url` (or, for objects LL2 shows without one, the
path of the page that holds them) through `COLLECTIONS`, never from its keys: an LL2 space
station and a docking location both have an id and a name.
"""

import hashlib
import json
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import NamedTuple
from urllib.parse import urlsplit

import isodate
from django.db import DatabaseError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_duration

from spaceflight import models as m


class InvalidObject(ValueError):
    def __init__(self, path, message):
        super().__init__(f"{path}: {message}")


def to_int(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    return value


def to_optional_int(value):
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return to_int(value)


def to_float(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


def to_bool(value):
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def to_optional_bool(value):
    return None if value is None else to_bool(value)


def to_text(value):
    if value is not None and not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def to_blank_text(value):
    return to_text(value) or ""


def to_datetime(value):
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"expected an ISO 8601 date-time, got {value!r}")
    return parsed


def to_date(value):
    if value is None:
        return None
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"expected an ISO 8601 date, got {value!r}")
    return parsed


def to_iso_duration(value):
    if value is None:
        return None
    try:
        parsed = isodate.parse_duration(value)
    except (isodate.ISO8601Error, TypeError):
        raise ValueError(f"expected an ISO 8601 duration, got {value!r}") from None
    if not isinstance(parsed, timedelta):
        raise ValueError(f"expected a duration in days and time, got {value!r}")
    return parsed


def to_django_duration(value):
    if value is None:
        return None
    parsed = parse_duration(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"expected a duration like '1 00:00:00', got {value!r}")
    return parsed


def to_list(value):
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {value!r}")
    return value


@dataclass
class Kind:
    model: type
    scalars: dict = field(default_factory=dict)
    fks: dict = field(default_factory=dict)
    m2m: dict = field(default_factory=dict)
    # Nested lists of rows that point back at this one: key -> (kind, their foreign key).
    children: dict = field(default_factory=dict)
    pk: object = to_int


def fields(default, *names, **special):
    """Scalar keys: `names` use the default converter, `special` name their own."""
    return {**dict.fromkeys(names, default), **special}


IMAGE = "Image"
NAMED = fields(to_text, "name")
DESCRIBED = fields(to_blank_text, "abbrev", name=to_text, description=to_text)

KINDS = {
    "ImageLicense": Kind(m.ImageLicense, fields(to_text, "name", "link", priority=to_optional_int)),
    "ImageVariantType": Kind(m.ImageVariantType, NAMED),
    "ImageVariant": Kind(
        m.ImageVariant, fields(to_text, "image_url"), fks={"type": "ImageVariantType"}
    ),
    "Image": Kind(
        m.Image,
        fields(
            to_text,
            "name",
            "image_url",
            "credit",
            thumbnail_url=to_blank_text,
            single_use=to_bool,
        ),
        fks={"license": "ImageLicense"},
        children={"variants": ("ImageVariant", "image_id")},
    ),
    "Country": Kind(
        m.Country,
        fields(
            to_blank_text,
            "alpha_2_code",
            "alpha_3_code",
            "nationality_name",
            "nationality_name_composed",
            name=to_text,
        ),
    ),
    "AgencyType": Kind(m.AgencyType, NAMED),
    "Agency": Kind(
        m.Agency,
        fields(
            to_optional_int,
            "total_launch_count",
            "consecutive_successful_launches",
            "successful_launches",
            "failed_launches",
            "pending_launches",
            "consecutive_successful_landings",
            "successful_landings",
            "failed_landings",
            "attempted_landings",
            "successful_landings_spacecraft",
            "failed_landings_spacecraft",
            "attempted_landings_spacecraft",
            "successful_landings_payload",
            "failed_landings_payload",
            "attempted_landings_payload",
            "founding_year",
            name=to_text,
            abbrev=to_blank_text,
            featured=to_bool,
            description=to_text,
            administrator=to_text,
            launchers=to_blank_text,
            spacecraft=to_blank_text,
            parent=to_text,
            info_url=to_text,
            wiki_url=to_text,
            social_media_links=to_list,
        ),
        fks={"type": "AgencyType", "image": IMAGE, "logo": IMAGE, "social_logo": IMAGE},
        m2m={"country": ("countries", "Country")},
    ),
    "CelestialBodyType": Kind(m.CelestialBodyType, NAMED),
    "CelestialBody": Kind(
        m.CelestialBody,
        fields(
            to_optional_int,
            "total_attempted_launches",
            "successful_launches",
            "failed_launches",
            "total_attempted_landings",
            "successful_landings",
            "failed_landings",
            name=to_text,
            diameter=to_float,
            mass=to_float,
            gravity=to_float,
            length_of_day=to_django_duration,
            atmosphere=to_bool,
            description=to_text,
            wiki_url=to_text,
        ),
        fks={"type": "CelestialBodyType", "image": IMAGE},
    ),
    "Location": Kind(
        m.Location,
        fields(
            to_text,
            "name",
            "description",
            "map_image",
            active=to_bool,
            longitude=to_float,
            latitude=to_float,
            timezone_name=to_blank_text,
            total_launch_count=to_optional_int,
            total_landing_count=to_optional_int,
        ),
        fks={"celestial_body": "CelestialBody", "country": "Country", "image": IMAGE},
    ),
    "Pad": Kind(
        m.Pad,
        fields(
            to_text,
            "name",
            "description",
            "info_url",
            "wiki_url",
            "map_url",
            "map_image",
            active=to_bool,
            latitude=to_float,
            longitude=to_float,
            total_launch_count=to_optional_int,
            orbital_launch_attempt_count=to_optional_int,
            fastest_turnaround=to_iso_duration,
        ),
        fks={"image": IMAGE, "country": "Country", "location": "Location"},
        m2m={"agencies": ("agencies", "Agency")},
    ),
    "LaunchStatus": Kind(m.LaunchStatus, DESCRIBED),
    "NetPrecision": Kind(m.NetPrecision, DESCRIBED),
    "LauncherConfigFamily": Kind(m.LauncherConfigFamily, NAMED),
    "LauncherConfig": Kind(
        m.LauncherConfig,
        fields(to_blank_text, "full_name", "variant", name=to_text),
        m2m={"families": ("families", "LauncherConfigFamily")},
    ),
    "Rocket": Kind(m.Rocket, fks={"configuration": "LauncherConfig"}),
    "Orbit": Kind(
        m.Orbit,
        fields(to_blank_text, "abbrev", name=to_text),
        fks={"celestial_body": "CelestialBody"},
    ),
    "Mission": Kind(
        m.Mission,
        fields(
            to_blank_text, "type", "description", name=to_text, info_urls=to_list, vid_urls=to_list
        ),
        fks={"image": IMAGE, "orbit": "Orbit"},
        m2m={"agencies": ("agencies", "Agency")},
    ),
    "ProgramType": Kind(m.ProgramType, NAMED),
    "Program": Kind(
        m.Program,
        fields(
            to_text,
            "name",
            "info_url",
            "wiki_url",
            "description",
            start_date=to_datetime,
            end_date=to_datetime,
            mission_patches=to_list,
        ),
        fks={"image": IMAGE, "type": "ProgramType"},
        m2m={"agencies": ("agencies", "Agency")},
    ),
    "Launch": Kind(
        m.Launch,
        fields(
            to_optional_int,
            "probability",
            "orbital_launch_attempt_count",
            "location_launch_attempt_count",
            "pad_launch_attempt_count",
            "agency_launch_attempt_count",
            "orbital_launch_attempt_count_year",
            "location_launch_attempt_count_year",
            "pad_launch_attempt_count_year",
            "agency_launch_attempt_count_year",
            name=to_blank_text,
            slug=to_blank_text,
            launch_designator=to_text,
            last_updated=to_datetime,
            net=to_datetime,
            window_end=to_datetime,
            window_start=to_datetime,
            infographic=to_text,
            weather_concerns=to_text,
            failreason=to_text,
            hashtag=to_text,
            webcast_live=to_bool,
        ),
        fks={
            "status": "LaunchStatus",
            "net_precision": "NetPrecision",
            "image": IMAGE,
            "launch_service_provider": "Agency",
            "rocket": "Rocket",
            "mission": "Mission",
            "pad": "Pad",
        },
        m2m={"program": ("programs", "Program")},
        pk=lambda value: uuid.UUID(str(value)),
    ),
    "LandingType": Kind(m.LandingType, DESCRIBED),
    "LandingLocation": Kind(
        m.LandingLocation,
        fields(
            to_optional_int,
            "successful_landings",
            "attempted_landings",
            "failed_landings",
            name=to_text,
            active=to_bool,
            abbrev=to_blank_text,
            description=to_text,
            longitude=to_float,
            latitude=to_float,
        ),
        fks={"location": "Location", "image": IMAGE, "celestial_body": "CelestialBody"},
    ),
    "Landing": Kind(
        m.Landing,
        fields(
            to_optional_bool,
            "success",
            attempt=to_bool,
            description=to_blank_text,
            downrange_distance=to_float,
        ),
        fks={"landing_location": "LandingLocation", "type": "LandingType"},
    ),
    "SpacecraftConfigType": Kind(m.SpacecraftConfigType, NAMED),
    "SpacecraftConfigFamily": Kind(
        m.SpacecraftConfigFamily,
        fields(to_blank_text, "description", name=to_text, maiden_flight=to_date),
        fks={"manufacturer": "Agency", "parent": "SpacecraftConfigFamily"},
    ),
    "SpacecraftConfig": Kind(
        m.SpacecraftConfig,
        fields(
            to_blank_text,
            "capability",
            "history",
            "details",
            "wiki_link",
            "info_link",
            name=to_text,
            in_use=to_bool,
            maiden_flight=to_date,
            height=to_float,
            diameter=to_float,
            human_rated=to_bool,
            crew_capacity=to_optional_int,
            payload_capacity=to_optional_int,
            flight_life=to_text,
            nation_url=to_text,
        ),
        fks={"type": "SpacecraftConfigType", "agency": "Agency", "image": IMAGE},
        m2m={"family": ("families", "SpacecraftConfigFamily")},
    ),
    "SpacecraftStatus": Kind(m.SpacecraftStatus, NAMED),
    "Spacecraft": Kind(
        m.Spacecraft,
        fields(
            to_iso_duration,
            "time_in_space",
            "time_docked",
            "fastest_turnaround",
            name=to_text,
            serial_number=to_text,
            is_placeholder=to_bool,
            in_space=to_bool,
            flights_count=to_optional_int,
            mission_ends_count=to_optional_int,
            description=to_blank_text,
        ),
        fks={"image": IMAGE, "status": "SpacecraftStatus", "spacecraft_config": "SpacecraftConfig"},
    ),
    "SpacecraftFlight": Kind(
        m.SpacecraftFlight,
        fields(
            to_text,
            "destination",
            mission_end=to_datetime,
            turn_around_time=to_iso_duration,
        ),
        fks={"spacecraft": "Spacecraft", "launch": "Launch", "landing": "Landing"},
    ),
    "SpaceStationStatus": Kind(m.SpaceStationStatus, NAMED),
    "SpaceStationType": Kind(m.SpaceStationType, NAMED),
    "SpaceStation": Kind(
        m.SpaceStation,
        fields(
            to_text,
            "name",
            "orbit",
            description=to_blank_text,
            founded=to_date,
            deorbited=to_date,
        ),
        fks={"image": IMAGE, "status": "SpaceStationStatus", "type": "SpaceStationType"},
    ),
    "PayloadType": Kind(m.PayloadType, NAMED),
    "Payload": Kind(
        m.Payload,
        fields(
            to_blank_text,
            "wiki_link",
            "info_link",
            "description",
            name=to_text,
            cost=to_optional_int,
            mass=to_float,
        ),
        fks={"type": "PayloadType", "manufacturer": "Agency", "operator": "Agency", "image": IMAGE},
        m2m={"program": ("programs", "Program")},
    ),
    "PayloadFlight": Kind(
        m.PayloadFlight,
        fields(to_text, "destination", amount=to_optional_int),
        fks={"payload": "Payload", "launch": "Launch", "landing": "Landing"},
    ),
    "DockingLocation": Kind(
        m.DockingLocation,
        NAMED,
        fks={
            "spacestation": "SpaceStation",
            "spacecraft": "SpacecraftConfig",
            "payload": "Payload",
        },
    ),
    "DockingEvent": Kind(
        m.DockingEvent,
        fields(to_datetime, "docking", "departure"),
        fks={
            "docking_location": "DockingLocation",
            "flight_vehicle_target": "SpacecraftFlight",
            "space_station_target": "SpaceStation",
            "payload_flight_target": "PayloadFlight",
            "flight_vehicle_chaser": "SpacecraftFlight",
            "space_station_chaser": "SpaceStation",
            "payload_flight_chaser": "PayloadFlight",
        },
    ),
}

# Lookups the older versions show by name or URL alone: matched on that column.
BY_NATURAL_KEY = {"AgencyType": "name", "Image": "image_url", "Country": "alpha_3_code"}


class Resource(NamedTuple):
    name: str
    kind: str | None = None  # None: not imported yet


# Each LL2 collection by its path after the version, whether 2.3.0's or an older one's: what
# its objects are, and the kind they are imported as. The resources the docking-event shapes
# link to are listed so that a page of one is refused by name; importing one is giving it a kind.
COLLECTIONS = {
    "docking_events": Resource("docking event", "DockingEvent"),
    "docking_event": Resource("docking event", "DockingEvent"),
    "config/docking_locations": Resource("docking location", "DockingLocation"),
    "space_stations": Resource("space station"),
    "spacestation": Resource("space station"),
    "spacecraft_flights": Resource("spacecraft flight"),
    "spacecraft/flight": Resource("spacecraft flight"),
    "spacecraft": Resource("spacecraft"),
    "spacecraft_configurations": Resource("spacecraft configuration"),
    "config/spacecraft": Resource("spacecraft configuration"),
    "payload_flights": Resource("payload flight"),
    "payloads": Resource("payload"),
    "launches": Resource("launch"),
    "launch": Resource("launch"),
    "launcher_configurations": Resource("launcher configuration"),
    "config/launcher": Resource("launcher configuration"),
    "agencies": Resource("agency"),
    "landings": Resource("landing"),
    "pads": Resource("pad"),
    "pad": Resource("pad"),
    "locations": Resource("location"),
    "location": Resource("location"),
    "programs": Resource("program"),
    "program": Resource("program"),
}
READS = "import_ll2 reads " + " and ".join(
    dict.fromkeys(
        str(KINDS[r.kind].model._meta.verbose_name_plural) for r in COLLECTIONS.values() if r.kind
    )
)
# The collection in an LL2 path: what follows the version, less the id of a detail path.
COLLECTION = re.compile(
    r"/\d+\.\d+\.\d+/(.+?)(?:/(?:\d+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}))?/?$"
)


def kind_of(data, path, page_path):
    """The kind a top-level object is imported as, from its `url`, or from the path of its page
    for objects LL2 shows without one (docking locations)."""
    url = data.get("url")
    if url is not None:
        if not isinstance(url, str):
            raise InvalidObject(f"{path}.url", f"expected a string, got {url!r}")
        source = urlsplit(url).path
    elif page_path is not None:
        source = page_path
    else:
        raise InvalidObject(path, f"no url and no known page path: cannot tell what it is; {READS}")
    match = COLLECTION.search(source)
    resource = COLLECTIONS.get(match.group(1)) if match else None
    what = source if url is not None else f"an object without url on {source}"
    if resource is None:
        raise InvalidObject(path, f"{what} is not a resource this import knows; {READS}")
    if resource.kind is None:
        article = "an" if resource.name[0] in "aeiou" else "a"
        raise InvalidObject(path, f"{what} is {article} {resource.name}; {READS}")
    return resource.kind


def top_level(document, request_path=None):
    """`(JSON path, object, page path)` of each top-level object of a parsed document: the
    results of a list page, the items of a list, or the document itself. The page path is the
    request's, or that of a list page's `next` or `previous` link; None when neither is known."""
    if isinstance(document, dict) and "results" in document:
        results = document["results"]
        if not isinstance(results, list):
            raise InvalidObject("$.results", "expected a list")
        page_path = request_path or link_path(document)
        for index, item in enumerate(results):
            yield f"$.results[{index}]", item, page_path
    elif isinstance(document, list):
        for index, item in enumerate(document):
            yield f"$[{index}]", item, request_path
    else:
        yield "$", document, request_path


def link_path(page):
    """The path a list page was read from, as its `next` or `previous` link shows it."""
    for key in ("next", "previous"):
        if isinstance(page.get(key), str):
            return urlsplit(page[key]).path
    return None


def digest(data):
    """What the importer remembers of an object it wrote: enough to tell it again, not its data."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


class Importer:
    """Upserts LL2 objects; one instance per run, inside the caller's transaction.

    `captured_at` is the moment the imported pages were read from LL2: it anchors the live
    `duration` of a flight still in space whose launch time the page does not show. Objects a
    curator marked (`Curated`) keep their own values: they are linked to, and counted as kept.
    """

    def __init__(self, captured_at=None):
        self.captured_at = captured_at or timezone.now()
        self.curated = set(m.Curated.objects.values_list("model", "object_id"))
        self.created = defaultdict(set)
        self.updated = defaultdict(set)
        self.kept = defaultdict(set)
        self.touched = defaultdict(set)
        self._seen = {}

    def import_document(self, document, request_path=None):
        """Import a parsed LL2 response (`request_path`: the path it was read from, if known);
        returns the primary keys of its top-level objects."""
        return [self.import_object(*found) for found in top_level(document, request_path)]

    def import_object(self, path, data, page_path=None):
        if not isinstance(data, dict):
            raise InvalidObject(path, "expected an object")
        try:
            return self.upsert(kind_of(data, path, page_path), data, path)
        except RecursionError:
            raise InvalidObject(path, "nested too deeply to import") from None

    def snapshot(self):
        """What the importer knows, to be restored if the transaction it wrote in rolls back."""
        sets = [
            {k: set(v) for k, v in d.items()}
            for d in (self.created, self.updated, self.kept, self.touched)
        ]
        return sets, dict(self._seen)

    def restore(self, snapshot):
        (created, updated, kept, touched), self._seen = snapshot
        self.created = defaultdict(set, created)
        self.updated = defaultdict(set, updated)
        self.kept = defaultdict(set, kept)
        self.touched = defaultdict(set, touched)

    def counts(self):
        """{kind: (created, updated, unchanged, kept)}, each object counted once per run."""
        result = {}
        for kind in sorted(self.touched):
            created = self.created[kind]
            updated = self.updated[kind] - created
            kept = self.kept[kind] - created - updated
            unchanged = self.touched[kind] - created - updated - kept
            result[kind] = (len(created), len(updated), len(unchanged), len(kept))
        return result

    def upsert(self, kind_name, data, path, current=None, owner=None):
        """Write one object and what it nests; return its primary key. `current` is the row
        the parent points at now: a name or URL that matches it keeps it. `owner` is
        `(foreign key, parent pk)` for a row of a parent's child list."""
        if data is None:
            return None
        if not isinstance(data, dict):
            return self.upsert_by_natural_key(kind_name, data, path, current)
        kind = KINDS[kind_name]
        data = LEGACY.get(kind_name, _same)(data)
        if "id" not in data:
            raise InvalidObject(path, "missing 'id'")
        try:
            pk = kind.pk(data["id"])
        except ValueError as error:
            raise InvalidObject(f"{path}.id", str(error)) from None
        seen_key, seen = (kind_name, pk), digest(data)
        if self._seen.get(seen_key) == seen:
            return pk
        self._seen[seen_key] = seen

        values = dict([owner]) if owner else {}
        for key, convert in kind.scalars.items():
            if key in data:
                try:
                    values[key] = convert(data[key])
                except ValueError as error:
                    raise InvalidObject(f"{path}.{key}", str(error)) from None
        existing = kind.model.objects.filter(pk=pk).first()
        for key, sub_kind in kind.fks.items():
            if key in data:
                current = getattr(existing, f"{key}_id", None)
                values[f"{key}_id"] = self.upsert(sub_kind, data[key], f"{path}.{key}", current)
        if kind_name == "SpacecraftFlight":
            self.anchor_duration(data, values, existing, path)
        obj = self.write(kind_name, kind.model, pk, existing, values, path)

        for key, (relation, sub_kind) in kind.m2m.items():
            if key in data:
                try:
                    items = to_list(data[key])
                except ValueError as error:
                    raise InvalidObject(f"{path}.{key}", str(error)) from None
                ids = [
                    self.upsert(sub_kind, item, f"{path}.{key}[{i}]")
                    for i, item in enumerate(items)
                ]
                self.set_relation(kind_name, obj, relation, ids)
        for key, (sub_kind, foreign_key) in kind.children.items():
            if key in data:
                try:
                    items = to_list(data[key])
                except ValueError as error:
                    raise InvalidObject(f"{path}.{key}", str(error)) from None
                for i, item in enumerate(items):
                    self.upsert(sub_kind, item, f"{path}.{key}[{i}]", owner=(foreign_key, pk))
        return pk

    def upsert_by_natural_key(self, kind_name, value, path, current=None):
        column = BY_NATURAL_KEY.get(kind_name)
        if column is None or not isinstance(value, str):
            raise InvalidObject(path, f"expected an object, got {value!r}")
        model = KINDS[kind_name].model
        matches = model.objects.filter(**{column: value})
        existing = matches.filter(pk=current).first() or matches.order_by("-id").first()
        if existing:
            self.touched[kind_name].add(existing.pk)
            return existing.pk
        lowest = model.objects.order_by("id").values_list("id", flat=True).first() or 0
        values = {"name": "" if kind_name == "Image" else value, column: value}
        local = model.objects.create(id=min(lowest, 0) - 1, **values)
        self.touched[kind_name].add(local.pk)
        self.created[kind_name].add(local.pk)
        return local.pk

    def anchor_duration(self, data, values, existing, path):
        """Keep where an imported `duration` counts from, for flights whose net is unknown."""
        if data.get("duration") is None:
            return
        try:
            duration = to_iso_duration(data["duration"])
        except ValueError as error:
            raise InvalidObject(f"{path}.duration", str(error)) from None
        launch_id = values.get("launch_id")
        if launch_id and m.Launch.objects.filter(pk=launch_id, net__isnull=False).exists():
            return
        if values.get("mission_end"):
            values["duration_origin"] = values["mission_end"] - duration
        elif existing is None or existing.duration_origin is None:
            # A flight still in space: the anchor is only as good as the capture time, so a
            # re-import of an older page must not move it.
            values["duration_origin"] = self.captured_at - duration

    def is_curated(self, model, pk):
        return (model._meta.label_lower, str(pk)) in self.curated

    def write(self, kind_name, model, pk, obj, values, path):
        """Create or update the row; returns it."""
        try:
            self.touched[kind_name].add(pk)
            if obj is None:
                self.created[kind_name].add(pk)
                return model.objects.create(pk=pk, **values)
            if self.is_curated(model, pk):
                self.kept[kind_name].add(pk)
                return obj
            changed = [name for name, value in values.items() if getattr(obj, name) != value]
            if changed:
                for name in changed:
                    setattr(obj, name, values[name])
                obj.save(update_fields=changed)
                self.updated[kind_name].add(pk)
            return obj
        except DatabaseError as error:
            raise InvalidObject(path, f"cannot be stored: {error}") from None

    def set_relation(self, kind_name, obj, relation, ids):
        if self.is_curated(type(obj), obj.pk):
            return
        manager = getattr(obj, relation)
        if sorted(map(str, manager.values_list("pk", flat=True))) != sorted(map(str, ids)):
            manager.set(ids)
            self.updated[kind_name].add(obj.pk)


def _same(data):
    return data


def legacy_docking_event(data):
    """A 2.0.0/2.2.0 docking event in the 2.3.0 form (see SPEC, mapping from the model)."""
    if "flight_vehicle" not in data and "launch_id" not in data:
        return data
    data = dict(data)
    flight = data.pop("flight_vehicle", None)
    launch_id = data.pop("launch_id", None)
    if flight is not None:
        flight = dict(flight)
        if launch_id is not None:
            flight.setdefault("launch", {"id": launch_id})
    data["flight_vehicle_chaser"] = flight
    if "space_station" in data:
        data["space_station_target"] = data.pop("space_station")
    location = data.get("docking_location")
    if "space_station_target" not in data and isinstance(location, dict):
        if location.get("spacestation"):
            data["space_station_target"] = location["spacestation"]
    return data


def legacy_with_image_url(data):
    if "image_url" not in data or "image" in data:
        return data
    data = dict(data)
    data["image"] = data.pop("image_url")
    return data


def legacy_agency(data):
    data = legacy_with_image_url(data)
    if "country_code" in data and "country" not in data:
        data = dict(data)
        codes = data.pop("country_code") or ""
        data["country"] = [code.strip() for code in codes.split(",") if code.strip()]
    return data


LEGACY = {
    "DockingEvent": legacy_docking_event,
    "Agency": legacy_agency,
    "SpacecraftConfig": legacy_with_image_url,
    "SpaceStation": legacy_with_image_url,
}
