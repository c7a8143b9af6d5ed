"""LL2's own published OpenAPI file as a validator of what we serve (values, formats and key
order), and the only places it is relaxed: two tables keyed by LL2's component name, each entry
with its reason (tests/test_ll2_schema.py says where each applies).

LL2's file lives beside the repository (`../shared/ll2/openapi-2.3.0.json`), never in it."""

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import ValidationError
from jsonschema.validators import extend
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker

REPOSITORY = Path(__file__).resolve().parents[2]
LL2_FILE = REPOSITORY.parent / "shared" / "ll2" / "openapi-2.3.0.json"


@dataclass(frozen=True)
class Relaxed:
    """Why some fields of one component are relaxed: made nullable, or let go of their pattern."""

    why: str
    nullable: tuple[str, ...] = ()
    unpatterned: tuple[str, ...] = ()


TARGETS = ("space_station_target", "flight_vehicle_target", "payload_flight_target")
CHASERS = ("flight_vehicle_chaser", "space_station_chaser", "payload_flight_chaser")
SEEN_NULL = "LL2's file says never null, and real LL2 responses have null here (SPEC.md)."
# LL2's file says these are never null, and real LL2 responses have null in each. They are made
# nullable in the components docking events are made of; nothing else is relaxed.
REAL_NULLS = {
    **dict.fromkeys(
        ["DockingEventEndpointNormal", "DockingEventEndpointDetailed"],
        Relaxed(SEEN_NULL, nullable=TARGETS + CHASERS),
    ),
    "DockingEventForChaserNormal": Relaxed(SEEN_NULL, nullable=TARGETS),
    "DockingEventDetailedSerializerForSpacestation": Relaxed(SEEN_NULL, nullable=CHASERS),
    "DockingLocationSerializerForSpacestation": Relaxed(
        "A port with nothing docked (LL2's pages of empty ports show null).",
        nullable=("currently_docked",),
    ),
    **dict.fromkeys(
        ["SpacecraftFlightMini", "SpacecraftFlightNormal", "SpacecraftFlightDetailed"],
        Relaxed(SEEN_NULL, nullable=("turn_around_time", "landing")),
    ),
    **dict.fromkeys(
        ["PayloadFlightMini", "PayloadFlightNormal", "PayloadFlightDetailed"],
        Relaxed(
            f"{SEEN_NULL} A flight's `landing` is null in payload flights too: SpaDEx, events 616"
            " and 621.",
            nullable=("landing",),
        ),
    ),
    "Landing": Relaxed(SEEN_NULL, nullable=("landing_location",)),
    "LandingLocation": Relaxed(SEEN_NULL, nullable=("location",)),
    "DockingLocation": Relaxed(SEEN_NULL, nullable=("spacestation", "spacecraft", "payload")),
}

LAUNCH_TIMES = ("last_updated", "net", "window_end", "window_start")
LAUNCH = (
    "A launch known only from a list-mode docking event ({id, url, name}): no times; or only by"
    " its id (older versions show no more): no name to make a slug of."
)
CONFIGURATION = "A configuration known only from a launch's rocket (LauncherConfigList)."
NO_FIRST_STAGES = (
    "We hold no first stages; a landing ends a spacecraft flight or a payload flight, and LL2"
    " shows null for the other (as it shows null turnarounds, REAL_NULLS)."
)
NO_LAUNCH_TIME = "A flight whose launch time we don't know has no duration (as in docking events)."
ASTRONAUT = (
    "An astronaut known only from an event's `astronauts` (AstronautNormal): no type, no EVA time."
)
EXPEDITION = (
    "An expedition known only from a spacewalk's `expedition` (ExpeditionMini): no station."
)
EVENT = (
    "An event known only from a spacewalk's `event` (EventMini, EventNormal): no slug, type"
    " (EventMini) or update time."
)
# Where we hold no value, we show null (or `""`) where LL2's file says a value is never null (or
# has a pattern): README, "Values we don't hold".
NOT_HELD = {
    "Image": Relaxed(
        "An image known from an older version only by its URL.", nullable=("license",)
    ),
    **dict.fromkeys(
        ["LaunchBasic", "LaunchNormal"],
        Relaxed(LAUNCH, nullable=LAUNCH_TIMES, unpatterned=("slug",)),
    ),
    "LaunchDetailed": Relaxed(
        LAUNCH, nullable=(*LAUNCH_TIMES, "pad_turnaround"), unpatterned=("slug",)
    ),
    **dict.fromkeys(
        [
            "LauncherConfigNormal",
            "LauncherConfigDetailed",
            "LauncherConfigDetailedSerializerNoManufacturer",
        ],
        Relaxed(CONFIGURATION, nullable=("active", "is_placeholder", "reusable")),
    ),
    "LauncherConfigFamilyDetailed": Relaxed(CONFIGURATION, nullable=("active",)),
    **dict.fromkeys(
        ["Location", "LocationSerializerWithPads"],
        Relaxed(
            "A location known only inside a landing location (no celestial body shown there).",
            nullable=("celestial_body",),
        ),
    ),
    "SpaceStationNormal": Relaxed(
        "A station known only from a docking event's mini form.",
        nullable=("status", "founded", "type"),
    ),
    **dict.fromkeys(
        ["LandingEndpointList", "LandingEndpointNormal", "LandingEndpointDetailed"],
        Relaxed(
            NO_FIRST_STAGES,
            nullable=("landing_location", "firststage", "spacecraftflight", "payloadflight"),
        ),
    ),
    **dict.fromkeys(
        [
            "SpacecraftFlightMiniSerializerNoLanding",
            "SpacecraftFlightNormalSerializerNoLanding",
            "SpacecraftFlightDetailedSerializerNoLanding",
        ],
        Relaxed(NO_FIRST_STAGES, nullable=("turn_around_time",)),
    ),
    "SpacecraftFlightDetailedSerializerNoLaunch": Relaxed(
        NO_LAUNCH_TIME, nullable=("turn_around_time", "landing", "duration")
    ),
    "PayloadFlightSerializerNoLaunch": Relaxed(NO_LAUNCH_TIME, nullable=("landing",)),
    **dict.fromkeys(
        ["AstronautDetailed", "AstronautEndpointNormal", "AstronautEndpointDetailed"],
        Relaxed(ASTRONAUT, nullable=("type", "eva_time")),
    ),
    **dict.fromkeys(
        ["ExpeditionNormal", "ExpeditionDetailed", "ExpeditionNormalSerializerForSpacewalk"],
        Relaxed(EXPEDITION, nullable=("spacestation",)),
    ),
    **dict.fromkeys(
        ["EventNormal", "EventEndpointList"],
        Relaxed(EVENT, nullable=("type",), unpatterned=("slug",)),
    ),
    **dict.fromkeys(
        ["EventEndpointNormal", "EventEndpointDetailed"],
        Relaxed(EVENT, nullable=("type", "last_updated"), unpatterned=("slug",)),
    ),
}


def allof_or_null(validator, all_of, instance, schema):
    # drf-spectacular writes a nullable object as `{allOf: [$ref], nullable: true}`; OAS 3.0.3
    # allows null there, but the validator would pass the null on to the object's own schema.
    if instance is None and schema.get("nullable") is True:
        return
    yield from OAS30ReadValidator.VALIDATORS["allOf"](validator, all_of, instance, schema)


def properties_in_order(validator, properties, instance, schema):
    yield from OAS30ReadValidator.VALIDATORS["properties"](validator, properties, instance, schema)
    # LL2's serializers write every field of a shape, in the order its component lists them.
    if validator.is_type(instance, "object") and list(instance) != list(properties):
        yield ValidationError(f"keys {list(instance)} are not LL2's {list(properties)}")


LL2Validator = extend(
    OAS30ReadValidator, {"allOf": allof_or_null, "properties": properties_in_order}
)


def nullable(schema):
    if "$ref" in schema:
        return {"allOf": [schema], "nullable": True}
    return {**schema, "nullable": True}


@cache
def ll2_file():
    """LL2's file as published."""
    return json.loads(LL2_FILE.read_text())


@cache
def ll2_document(not_held=False):
    """LL2's file with REAL_NULLS relaxed, and NOT_HELD too if `not_held`."""
    document = copy.deepcopy(ll2_file())
    components = document["components"]["schemas"]
    for table in (REAL_NULLS, NOT_HELD) if not_held else (REAL_NULLS,):
        for component, relaxed in table.items():
            properties = components[component]["properties"]
            for field in relaxed.nullable:
                properties[field] = nullable(properties[field])
            for field in relaxed.unpatterned:
                del properties[field]["pattern"]
    return document


def ll2_validator(path, not_held=False):
    """The validator of LL2's 200 answer to `GET path` (a path as LL2's file spells it)."""
    document = ll2_document(not_held)
    ref = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return LL2Validator({**ref["schema"], **document}, format_checker=oas30_format_checker)


def assert_conforms(validator, body, url):
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, f"{url} breaks LL2's schema:\n" + "\n".join(errors[:20])
