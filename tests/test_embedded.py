"""An object shown inside another is the same object: on every key it shows, it equals what its
own endpoint serves (`response_mode` aside: it names the shape, not the object)."""

import re

import pytest
from django.core.management import call_command

from api.shapes import SHAPES
from tests.conftest import as_json, import_documents, reference, without_hosts

pytestmark = pytest.mark.django_db

LINK = re.compile(r"^(?:https?://[^/]+)?(/(\d\.\d\.\d)/(.+)/[^/]+/)(?:\?.*)?$")
SERVED = {(version, resource) for version, resource, _ in SHAPES}
# When seed 000 was read from LL2 (its chaser's live duration counts to this moment).
SEED_000_CAPTURED_AT = "2025-04-13T02:53:57.269441Z"


def embedded(value):
    """`(its endpoint's path, object)` for every object in `value` that has a `url` we serve."""
    if isinstance(value, dict):
        match = LINK.match(value.get("url") or "")
        if match and match.group(2, 3) in SERVED:
            yield match.group(1), value
        for item in value.values():
            yield from embedded(item)
    elif isinstance(value, list):
        for item in value:
            yield from embedded(item)


def assert_within(shown, own, where):
    """`shown` has nothing `own` (the object from its endpoint) disagrees with."""
    if isinstance(shown, dict):
        assert isinstance(own, dict), where
        for key, value in shown.items():
            if key != "response_mode":
                assert key in own, f"{where}.{key}"
                assert_within(value, own[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(own, list) and len(own) == len(shown), where
        for index, (item, own_item) in enumerate(zip(shown, own, strict=True)):
            assert_within(item, own_item, f"{where}[{index}]")
    else:
        assert shown == own, where


def assert_same_as_own_endpoints(api, body, query=""):
    checked = 0
    for path, shown in embedded(body):
        response = api.get(f"{path}{query}")
        own = as_json(response) if query else response.json()
        assert_within(without_hosts(shown), without_hosts(own), path)
        checked += 1
    return checked


def test_seed_000_objects_are_what_their_endpoints_serve(api, frozen):
    """The station, flight and spacecraft LL2 shows inside event 618, as LL2 shows them, equal
    `/2.3.0/space_stations/4/`, `/2.3.0/spacecraft_flights/{id}/`, `/2.3.0/spacecraft/{id}/`."""
    event = reference("v2.3.0_docking_events_618_detailed.json")
    import_documents(event)

    with frozen(SEED_000_CAPTURED_AT):
        assert_same_as_own_endpoints(api, event, "?format=api")

    kinds = {path.rsplit("/", 2)[0] for path, _ in embedded(event)}
    assert kinds >= {"/2.3.0/space_stations", "/2.3.0/spacecraft_flights", "/2.3.0/spacecraft"}


@pytest.mark.parametrize("version", ["2.0.0", "2.2.0", "2.3.0"])
def test_every_object_a_docking_event_shows_is_what_its_endpoint_serves(api, frozen, version):
    call_command("load_bundled_data")
    events = "docking_events" if version == "2.3.0" else "docking_event"
    checked = 0
    with frozen("2026-01-01T00:00:00Z"):  # live durations: the same moment everywhere
        for mode in ("normal", "detailed"):
            page = api.get(f"/{version}/{events}/?mode={mode}&limit=100").json()
            checked += assert_same_as_own_endpoints(api, page["results"])
    assert checked > 100
