"""The rest of the graph's query counts (launches, agencies, landings, configurations, places,
lookups): pinned per (version, resource, mode), the same for a page of one and of many rows."""

import pytest

from api.resources import MODELS
from api.shapes import SHAPES
from tests import factories
from tests.test_queries import RESOURCE_LIST_QUERIES

pytestmark = pytest.mark.django_db

ROWS = 20
# With every branch of the shape filled by some row of the page (a landing of a spacecraft
# flight, one of a payload flight), whatever the page's size.
GRAPH_QUERIES = {
    ("2.0.0", "agencies", "detailed"): 10,
    ("2.0.0", "agencies", "normal"): 8,
    ("2.0.0", "config/launcher", "detailed"): 8,
    ("2.0.0", "config/launcher", "list"): 7,
    ("2.0.0", "config/launcher", "normal"): 8,
    ("2.0.0", "config/spacecraft", "detailed"): 9,
    ("2.0.0", "config/spacecraft", "normal"): 9,
    ("2.0.0", "launch", "detailed"): 28,
    ("2.0.0", "launch", "list"): 10,
    ("2.0.0", "launch", "normal"): 19,
    ("2.0.0", "launch/previous", "detailed"): 28,
    ("2.0.0", "launch/previous", "list"): 10,
    ("2.0.0", "launch/previous", "normal"): 19,
    ("2.0.0", "launch/upcoming", "detailed"): 4,
    ("2.0.0", "launch/upcoming", "list"): 4,
    ("2.0.0", "launch/upcoming", "normal"): 4,
    ("2.0.0", "location", "detailed"): 6,
    ("2.0.0", "location", "normal"): 6,
    ("2.0.0", "pad", "normal"): 7,
    ("2.0.0", "program", "normal"): 8,
    ("2.2.0", "agencies", "detailed"): 10,
    ("2.2.0", "agencies", "normal"): 8,
    ("2.2.0", "config/launcher", "detailed"): 8,
    ("2.2.0", "config/launcher", "list"): 7,
    ("2.2.0", "config/launcher", "normal"): 8,
    ("2.2.0", "config/spacecraft", "detailed"): 9,
    ("2.2.0", "config/spacecraft", "normal"): 9,
    ("2.2.0", "launch", "detailed"): 30,
    ("2.2.0", "launch", "list"): 11,
    ("2.2.0", "launch", "normal"): 19,
    ("2.2.0", "launch/previous", "detailed"): 30,
    ("2.2.0", "launch/previous", "list"): 11,
    ("2.2.0", "launch/previous", "normal"): 19,
    ("2.2.0", "launch/upcoming", "detailed"): 4,
    ("2.2.0", "launch/upcoming", "list"): 4,
    ("2.2.0", "launch/upcoming", "normal"): 4,
    ("2.2.0", "location", "detailed"): 6,
    ("2.2.0", "location", "normal"): 6,
    ("2.2.0", "pad", "normal"): 7,
    ("2.2.0", "program", "normal"): 8,
    ("2.3.0", "agencies", "detailed"): 15,
    ("2.3.0", "agencies", "list"): 5,
    ("2.3.0", "agencies", "normal"): 11,
    ("2.3.0", "celestial_bodies", "detailed"): 11,
    ("2.3.0", "celestial_bodies", "list"): 5,
    ("2.3.0", "celestial_bodies", "normal"): 5,
    ("2.3.0", "config/agency_types", "normal"): 4,
    ("2.3.0", "config/celestial_body_types", "normal"): 4,
    ("2.3.0", "config/countries", "normal"): 5,
    ("2.3.0", "config/image_licenses", "normal"): 5,
    ("2.3.0", "config/image_variant_types", "normal"): 5,
    ("2.3.0", "config/landing_locations", "normal"): 12,
    ("2.3.0", "config/landing_types", "normal"): 4,
    ("2.3.0", "config/launch_statuses", "normal"): 4,
    ("2.3.0", "config/net_precisions", "normal"): 4,
    ("2.3.0", "config/orbits", "normal"): 6,
    ("2.3.0", "config/payload_types", "normal"): 5,
    ("2.3.0", "config/program_types", "normal"): 4,
    ("2.3.0", "config/space_station_statuses", "normal"): 5,
    ("2.3.0", "config/spacecraft_configuration_types", "normal"): 4,
    ("2.3.0", "config/spacecraft_statuses", "normal"): 4,
    ("2.3.0", "landings", "detailed"): 43,
    ("2.3.0", "landings", "list"): 24,
    ("2.3.0", "landings", "normal"): 37,
    ("2.3.0", "launcher_configurations", "detailed"): 9,
    ("2.3.0", "launcher_configurations", "list"): 7,
    ("2.3.0", "launcher_configurations", "normal"): 9,
    ("2.3.0", "launches", "detailed"): 45,
    ("2.3.0", "launches", "list"): 9,
    ("2.3.0", "launches", "normal"): 26,
    ("2.3.0", "launches/previous", "detailed"): 45,
    ("2.3.0", "launches/previous", "list"): 9,
    ("2.3.0", "launches/previous", "normal"): 26,
    ("2.3.0", "launches/upcoming", "detailed"): 4,
    ("2.3.0", "launches/upcoming", "list"): 4,
    ("2.3.0", "launches/upcoming", "normal"): 4,
    ("2.3.0", "locations", "detailed"): 14,
    ("2.3.0", "locations", "normal"): 11,
    ("2.3.0", "pads", "normal"): 15,
    ("2.3.0", "payloads", "detailed"): 16,
    ("2.3.0", "payloads", "list"): 11,
    ("2.3.0", "payloads", "normal"): 15,
    ("2.3.0", "programs", "list"): 9,
    ("2.3.0", "programs", "normal"): 11,
    ("2.3.0", "spacecraft_configurations", "detailed"): 14,
    ("2.3.0", "spacecraft_configurations", "normal"): 12,
}
GRAPH = sorted(
    key
    for key in SHAPES
    if key not in RESOURCE_LIST_QUERIES and key[1] not in ("docking_event", "docking_events")
)


@pytest.fixture
def busy():
    """Every nested object filled, each row of the graph ROWS times (lookups once)."""
    for day in range(ROWS):
        event = factories.full_event(2 * day)
        factories.full_payload_docking(2 * day + 1, target=event.space_station_target)


def test_every_resource_and_mode_is_pinned():
    """Here, or with the station graph's in tests/test_queries.py."""
    assert set(GRAPH_QUERIES) == set(GRAPH)
    assert not set(GRAPH_QUERIES) & set(RESOURCE_LIST_QUERIES)


@pytest.mark.parametrize(("version", "resource", "mode"), GRAPH)
def test_graph_query_counts_are_pinned(
    api, django_assert_num_queries, busy, version, resource, mode
):
    rows = MODELS[resource].objects.count()
    for limit in (10, 100):
        with django_assert_num_queries(GRAPH_QUERIES[(version, resource, mode)]):
            response = api.get(f"/{version}/{resource}/?mode={mode}&limit={limit}")
        assert len(response.json()["results"]) == min(limit, response.json()["count"])
    # Lookups and the one celestial body are shared; no launch is to come.
    shared = resource.startswith(("config/", "celestial")) or resource.endswith("upcoming")
    assert shared or rows >= ROWS
