"""The number of SQL queries depends on the shape, never on the page size (no N+1): pinned per
(version, resource, mode) for every row of the shape table, over data where every nested object
is filled, each kind of row ROWS times."""

import pytest

from api.shapes import SHAPES
from spaceflight.changes import data_changed
from tests.support import factories
from tests.support.linked_pages import for_the_module

pytestmark = pytest.mark.django_db

# Every response is built in one snapshot (api/serving/responses.py): its transaction (a
# savepoint inside the test's), and the data generation read in it.
SNAPSHOT = 3
ROWS = 20
# A list: a count and a page query, then one query per table and depth the shape reaches
# (api/rendering/loader.py), whatever the number of rows, with every branch of the shape filled
# by some row of the page (a spacecraft flight's docking and a payload flight's, a landing of
# each). The loader follows a table's relations for every shape that shows it in the response.
LIST_QUERIES = {
    ("2.0.0", "agencies", "detailed"): SNAPSHOT + 7,
    ("2.0.0", "agencies", "normal"): SNAPSHOT + 5,
    ("2.0.0", "astronaut", "detailed"): SNAPSHOT + 27,
    ("2.0.0", "astronaut", "list"): SNAPSHOT + 5,
    ("2.0.0", "astronaut", "normal"): SNAPSHOT + 9,
    ("2.0.0", "config/launcher", "detailed"): SNAPSHOT + 5,
    ("2.0.0", "config/launcher", "list"): SNAPSHOT + 4,
    ("2.0.0", "config/launcher", "normal"): SNAPSHOT + 5,
    ("2.0.0", "config/spacecraft", "detailed"): SNAPSHOT + 6,
    ("2.0.0", "config/spacecraft", "normal"): SNAPSHOT + 6,
    ("2.0.0", "docking_event", "detailed"): SNAPSHOT + 11,
    ("2.0.0", "docking_event", "normal"): SNAPSHOT + 8,
    ("2.0.0", "event", "normal"): SNAPSHOT + 25,
    ("2.0.0", "event/previous", "normal"): SNAPSHOT + 25,
    ("2.0.0", "event/upcoming", "normal"): SNAPSHOT + 1,
    ("2.0.0", "expedition", "detailed"): SNAPSHOT + 12,
    ("2.0.0", "expedition", "normal"): SNAPSHOT + 5,
    ("2.0.0", "launch", "detailed"): SNAPSHOT + 34,
    ("2.0.0", "launch", "list"): SNAPSHOT + 7,
    ("2.0.0", "launch", "normal"): SNAPSHOT + 16,
    ("2.0.0", "launch/previous", "detailed"): SNAPSHOT + 34,
    ("2.0.0", "launch/previous", "list"): SNAPSHOT + 7,
    ("2.0.0", "launch/previous", "normal"): SNAPSHOT + 16,
    ("2.0.0", "launch/upcoming", "detailed"): SNAPSHOT + 1,
    ("2.0.0", "launch/upcoming", "list"): SNAPSHOT + 1,
    ("2.0.0", "launch/upcoming", "normal"): SNAPSHOT + 1,
    ("2.0.0", "location", "detailed"): SNAPSHOT + 3,
    ("2.0.0", "location", "normal"): SNAPSHOT + 3,
    ("2.0.0", "pad", "normal"): SNAPSHOT + 4,
    ("2.0.0", "program", "normal"): SNAPSHOT + 5,
    ("2.0.0", "spacecraft", "detailed"): SNAPSHOT + 22,
    ("2.0.0", "spacecraft", "normal"): SNAPSHOT + 5,
    ("2.0.0", "spacecraft/flight", "detailed"): SNAPSHOT + 35,
    ("2.0.0", "spacecraft/flight", "normal"): SNAPSHOT + 21,
    ("2.0.0", "spacestation", "detailed"): SNAPSHOT + 32,
    ("2.0.0", "spacestation", "normal"): SNAPSHOT + 8,
    ("2.2.0", "agencies", "detailed"): SNAPSHOT + 7,
    ("2.2.0", "agencies", "normal"): SNAPSHOT + 5,
    ("2.2.0", "astronaut", "detailed"): SNAPSHOT + 32,
    ("2.2.0", "astronaut", "list"): SNAPSHOT + 5,
    ("2.2.0", "astronaut", "normal"): SNAPSHOT + 9,
    ("2.2.0", "config/astronautrole", "normal"): SNAPSHOT + 2,
    ("2.2.0", "config/astronautstatus", "normal"): SNAPSHOT + 2,
    ("2.2.0", "config/astronauttype", "normal"): SNAPSHOT + 2,
    ("2.2.0", "config/eventtype", "normal"): SNAPSHOT + 2,
    ("2.2.0", "config/launcher", "detailed"): SNAPSHOT + 5,
    ("2.2.0", "config/launcher", "list"): SNAPSHOT + 4,
    ("2.2.0", "config/launcher", "normal"): SNAPSHOT + 5,
    ("2.2.0", "config/spacecraft", "detailed"): SNAPSHOT + 6,
    ("2.2.0", "config/spacecraft", "normal"): SNAPSHOT + 6,
    ("2.2.0", "docking_event", "detailed"): SNAPSHOT + 11,
    ("2.2.0", "docking_event", "normal"): SNAPSHOT + 9,
    ("2.2.0", "event", "normal"): SNAPSHOT + 27,
    ("2.2.0", "event/previous", "normal"): SNAPSHOT + 27,
    ("2.2.0", "event/upcoming", "normal"): SNAPSHOT + 1,
    ("2.2.0", "expedition", "detailed"): SNAPSHOT + 17,
    ("2.2.0", "expedition", "normal"): SNAPSHOT + 6,
    ("2.2.0", "launch", "detailed"): SNAPSHOT + 36,
    ("2.2.0", "launch", "list"): SNAPSHOT + 8,
    ("2.2.0", "launch", "normal"): SNAPSHOT + 16,
    ("2.2.0", "launch/previous", "detailed"): SNAPSHOT + 36,
    ("2.2.0", "launch/previous", "list"): SNAPSHOT + 8,
    ("2.2.0", "launch/previous", "normal"): SNAPSHOT + 16,
    ("2.2.0", "launch/upcoming", "detailed"): SNAPSHOT + 1,
    ("2.2.0", "launch/upcoming", "list"): SNAPSHOT + 1,
    ("2.2.0", "launch/upcoming", "normal"): SNAPSHOT + 1,
    ("2.2.0", "location", "detailed"): SNAPSHOT + 3,
    ("2.2.0", "location", "normal"): SNAPSHOT + 3,
    ("2.2.0", "pad", "normal"): SNAPSHOT + 4,
    ("2.2.0", "program", "normal"): SNAPSHOT + 5,
    ("2.2.0", "spacecraft", "detailed"): SNAPSHOT + 22,
    ("2.2.0", "spacecraft", "normal"): SNAPSHOT + 5,
    ("2.2.0", "spacecraft/flight", "detailed"): SNAPSHOT + 35,
    ("2.2.0", "spacecraft/flight", "normal"): SNAPSHOT + 21,
    ("2.2.0", "spacestation", "detailed"): SNAPSHOT + 32,
    ("2.2.0", "spacestation", "normal"): SNAPSHOT + 8,
    ("2.2.0", "spacewalks", "detailed"): SNAPSHOT + 42,
    ("2.2.0", "spacewalks", "normal"): SNAPSHOT + 12,
    ("2.3.0", "agencies", "detailed"): SNAPSHOT + 12,
    ("2.3.0", "agencies", "list"): SNAPSHOT + 2,
    ("2.3.0", "agencies", "normal"): SNAPSHOT + 8,
    ("2.3.0", "astronauts", "detailed"): SNAPSHOT + 41,
    ("2.3.0", "astronauts", "list"): SNAPSHOT + 11,
    ("2.3.0", "astronauts", "normal"): SNAPSHOT + 11,
    ("2.3.0", "celestial_bodies", "detailed"): SNAPSHOT + 8,
    ("2.3.0", "celestial_bodies", "list"): SNAPSHOT + 2,
    ("2.3.0", "celestial_bodies", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/agency_types", "normal"): SNAPSHOT + 1,
    ("2.3.0", "config/astronaut_roles", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/astronaut_statuses", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/astronaut_types", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/celestial_body_types", "normal"): SNAPSHOT + 1,
    ("2.3.0", "config/countries", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/docking_locations", "normal"): SNAPSHOT + 7,
    ("2.3.0", "config/event_types", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/image_licenses", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/image_variant_types", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/landing_locations", "normal"): SNAPSHOT + 9,
    ("2.3.0", "config/landing_types", "normal"): SNAPSHOT + 1,
    ("2.3.0", "config/launch_statuses", "normal"): SNAPSHOT + 1,
    ("2.3.0", "config/net_precisions", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/orbits", "normal"): SNAPSHOT + 3,
    ("2.3.0", "config/payload_types", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/program_types", "normal"): SNAPSHOT + 1,
    ("2.3.0", "config/space_station_statuses", "normal"): SNAPSHOT + 2,
    ("2.3.0", "config/spacecraft_configuration_types", "normal"): SNAPSHOT + 1,
    ("2.3.0", "config/spacecraft_statuses", "normal"): SNAPSHOT + 1,
    ("2.3.0", "docking_events", "detailed"): SNAPSHOT + 41,
    ("2.3.0", "docking_events", "normal"): SNAPSHOT + 26,
    ("2.3.0", "events", "detailed"): SNAPSHOT + 25,
    ("2.3.0", "events", "list"): SNAPSHOT + 8,
    ("2.3.0", "events", "normal"): SNAPSHOT + 8,
    ("2.3.0", "events/previous", "detailed"): SNAPSHOT + 25,
    ("2.3.0", "events/previous", "list"): SNAPSHOT + 8,
    ("2.3.0", "events/previous", "normal"): SNAPSHOT + 8,
    ("2.3.0", "events/upcoming", "detailed"): SNAPSHOT + 1,
    ("2.3.0", "events/upcoming", "list"): SNAPSHOT + 1,
    ("2.3.0", "events/upcoming", "normal"): SNAPSHOT + 1,
    ("2.3.0", "expeditions", "detailed"): SNAPSHOT + 21,
    ("2.3.0", "expeditions", "normal"): SNAPSHOT + 10,
    ("2.3.0", "landings", "detailed"): SNAPSHOT + 49,
    ("2.3.0", "landings", "list"): SNAPSHOT + 21,
    ("2.3.0", "landings", "normal"): SNAPSHOT + 34,
    ("2.3.0", "launcher_configurations", "detailed"): SNAPSHOT + 6,
    ("2.3.0", "launcher_configurations", "list"): SNAPSHOT + 4,
    ("2.3.0", "launcher_configurations", "normal"): SNAPSHOT + 6,
    ("2.3.0", "launches", "detailed"): SNAPSHOT + 51,
    ("2.3.0", "launches", "list"): SNAPSHOT + 6,
    ("2.3.0", "launches", "normal"): SNAPSHOT + 23,
    ("2.3.0", "launches/previous", "detailed"): SNAPSHOT + 51,
    ("2.3.0", "launches/previous", "list"): SNAPSHOT + 6,
    ("2.3.0", "launches/previous", "normal"): SNAPSHOT + 23,
    ("2.3.0", "launches/upcoming", "detailed"): SNAPSHOT + 1,
    ("2.3.0", "launches/upcoming", "list"): SNAPSHOT + 1,
    ("2.3.0", "launches/upcoming", "normal"): SNAPSHOT + 1,
    ("2.3.0", "locations", "detailed"): SNAPSHOT + 11,
    ("2.3.0", "locations", "normal"): SNAPSHOT + 8,
    ("2.3.0", "pads", "normal"): SNAPSHOT + 12,
    ("2.3.0", "payload_flights", "detailed"): SNAPSHOT + 36,
    ("2.3.0", "payload_flights", "list"): SNAPSHOT + 15,
    ("2.3.0", "payload_flights", "normal"): SNAPSHOT + 29,
    ("2.3.0", "payloads", "detailed"): SNAPSHOT + 13,
    ("2.3.0", "payloads", "list"): SNAPSHOT + 8,
    ("2.3.0", "payloads", "normal"): SNAPSHOT + 12,
    ("2.3.0", "programs", "list"): SNAPSHOT + 6,
    ("2.3.0", "programs", "normal"): SNAPSHOT + 8,
    ("2.3.0", "space_stations", "detailed"): SNAPSHOT + 46,
    ("2.3.0", "space_stations", "normal"): SNAPSHOT + 13,
    ("2.3.0", "spacecraft", "detailed"): SNAPSHOT + 30,
    ("2.3.0", "spacecraft", "normal"): SNAPSHOT + 10,
    ("2.3.0", "spacecraft_configurations", "detailed"): SNAPSHOT + 11,
    ("2.3.0", "spacecraft_configurations", "normal"): SNAPSHOT + 9,
    ("2.3.0", "spacecraft_flights", "detailed"): SNAPSHOT + 44,
    ("2.3.0", "spacecraft_flights", "normal"): SNAPSHOT + 30,
    ("2.3.0", "spacewalks", "detailed"): SNAPSHOT + 51,
    ("2.3.0", "spacewalks", "list"): SNAPSHOT + 2,
    ("2.3.0", "spacewalks", "normal"): SNAPSHOT + 42,
}
# `{id}/` of the last row of the list: no count query, and the branches that row fills.
DETAIL_QUERIES = {
    ("2.0.0", "agencies"): SNAPSHOT + 6,
    ("2.0.0", "astronaut"): SNAPSHOT + 26,
    ("2.0.0", "config/launcher"): SNAPSHOT + 4,
    ("2.0.0", "config/spacecraft"): SNAPSHOT + 5,
    ("2.0.0", "docking_event"): SNAPSHOT + 10,
    ("2.0.0", "event"): SNAPSHOT + 24,
    ("2.0.0", "event/previous"): SNAPSHOT + 24,
    ("2.0.0", "expedition"): SNAPSHOT + 11,
    ("2.0.0", "launch"): SNAPSHOT + 18,
    ("2.0.0", "launch/previous"): SNAPSHOT + 18,
    ("2.0.0", "location"): SNAPSHOT + 3,
    ("2.0.0", "pad"): SNAPSHOT + 3,
    ("2.0.0", "program"): SNAPSHOT + 4,
    ("2.0.0", "spacecraft"): SNAPSHOT + 21,
    ("2.0.0", "spacecraft/flight"): SNAPSHOT + 34,
    ("2.0.0", "spacestation"): SNAPSHOT + 31,
    ("2.2.0", "agencies"): SNAPSHOT + 6,
    ("2.2.0", "astronaut"): SNAPSHOT + 31,
    ("2.2.0", "config/astronautrole"): SNAPSHOT + 1,
    ("2.2.0", "config/astronautstatus"): SNAPSHOT + 1,
    ("2.2.0", "config/astronauttype"): SNAPSHOT + 1,
    ("2.2.0", "config/eventtype"): SNAPSHOT + 1,
    ("2.2.0", "config/launcher"): SNAPSHOT + 4,
    ("2.2.0", "config/spacecraft"): SNAPSHOT + 5,
    ("2.2.0", "docking_event"): SNAPSHOT + 10,
    ("2.2.0", "event"): SNAPSHOT + 26,
    ("2.2.0", "event/previous"): SNAPSHOT + 26,
    ("2.2.0", "expedition"): SNAPSHOT + 16,
    ("2.2.0", "launch"): SNAPSHOT + 18,
    ("2.2.0", "launch/previous"): SNAPSHOT + 18,
    ("2.2.0", "location"): SNAPSHOT + 3,
    ("2.2.0", "pad"): SNAPSHOT + 3,
    ("2.2.0", "program"): SNAPSHOT + 4,
    ("2.2.0", "spacecraft"): SNAPSHOT + 21,
    ("2.2.0", "spacecraft/flight"): SNAPSHOT + 34,
    ("2.2.0", "spacestation"): SNAPSHOT + 31,
    ("2.2.0", "spacewalks"): SNAPSHOT + 41,
    ("2.3.0", "agencies"): SNAPSHOT + 11,
    ("2.3.0", "astronauts"): SNAPSHOT + 40,
    ("2.3.0", "celestial_bodies"): SNAPSHOT + 7,
    ("2.3.0", "config/countries"): SNAPSHOT + 1,
    ("2.3.0", "config/docking_locations"): SNAPSHOT + 6,
    ("2.3.0", "config/image_licenses"): SNAPSHOT + 1,
    ("2.3.0", "config/image_variant_types"): SNAPSHOT + 1,
    ("2.3.0", "config/landing_locations"): SNAPSHOT + 8,
    ("2.3.0", "config/orbits"): SNAPSHOT + 2,
    ("2.3.0", "config/payload_types"): SNAPSHOT + 1,
    ("2.3.0", "config/space_station_statuses"): SNAPSHOT + 1,
    ("2.3.0", "docking_events"): SNAPSHOT + 35,
    ("2.3.0", "events"): SNAPSHOT + 24,
    ("2.3.0", "events/previous"): SNAPSHOT + 24,
    ("2.3.0", "expeditions"): SNAPSHOT + 20,
    ("2.3.0", "landings"): SNAPSHOT + 36,
    ("2.3.0", "launcher_configurations"): SNAPSHOT + 5,
    ("2.3.0", "launches"): SNAPSHOT + 38,
    ("2.3.0", "launches/previous"): SNAPSHOT + 38,
    ("2.3.0", "locations"): SNAPSHOT + 10,
    ("2.3.0", "pads"): SNAPSHOT + 11,
    ("2.3.0", "payload_flights"): SNAPSHOT + 35,
    ("2.3.0", "payloads"): SNAPSHOT + 12,
    ("2.3.0", "programs"): SNAPSHOT + 7,
    ("2.3.0", "space_stations"): SNAPSHOT + 45,
    ("2.3.0", "spacecraft"): SNAPSHOT + 29,
    ("2.3.0", "spacecraft_configurations"): SNAPSHOT + 10,
    ("2.3.0", "spacecraft_flights"): SNAPSHOT + 43,
    ("2.3.0", "spacewalks"): SNAPSHOT + 50,
}


@pytest.fixture(scope="module")
def busy(django_db_setup, django_db_blocker):
    """Stations with a spacecraft flight and a payload flight docked at their ports, and the
    launches, landings, agencies, configurations, places and crews they lead to: made once
    for the module's tests (they only read), and removed after them."""
    with for_the_module(django_db_blocker):
        for day in range(ROWS):
            event = factories.full_event(2 * day)
            factories.full_payload_docking(2 * day + 1, target=event.space_station_target)
        data_changed()
        yield


def test_every_row_of_the_shape_table_is_pinned():
    assert set(LIST_QUERIES) == set(SHAPES)


@pytest.mark.parametrize(("version", "resource", "mode"), sorted(SHAPES))
def test_list_query_counts_are_pinned(
    api, django_assert_num_queries, busy, version, resource, mode
):
    for limit in (10, 100):
        with django_assert_num_queries(LIST_QUERIES[(version, resource, mode)]):
            response = api.get(f"/{version}/{resource}/?mode={mode}&limit={limit}")
        page = response.json()
        assert len(page["results"]) == min(limit, page["count"])


@pytest.mark.parametrize(("version", "resource"), sorted(DETAIL_QUERIES))
def test_detail_query_counts_are_pinned(api, django_assert_num_queries, busy, version, resource):
    pk = api.get(f"/{version}/{resource}/?limit=100").json()["results"][-1]["id"]
    with django_assert_num_queries(DETAIL_QUERIES[(version, resource)]):
        response = api.get(f"/{version}/{resource}/{pk}/")
    assert response.json()["id"] == pk
