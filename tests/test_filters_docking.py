"""Docking events' and docking locations' filters, search and ordering, in every version, by
the rows they return (tests/support/rows.py); tests/test_filters.py pins chosen cases by hand."""

import pytest

from api.resources.docking import DockingEvents, DockingLocations, LegacyDockingEvents
from tests.support.rows import Meaning, check_filters, check_ordering, check_search, rows

pytestmark = pytest.mark.django_db
rows = rows

MEANINGS = {
    # Ours (LL2's 2.3.0 file has no `docked`): still docked, no departure yet.
    "docked": Meaning("departure", "isnull"),
}
# LL2 2.2.0 and 2.0.0 name the chaser `flight_vehicle` and the target `space_station`.
OLDER = {
    "flight_vehicle__id": Meaning("flight_vehicle_chaser__id"),
    "space_station__id": Meaning("space_station_target__id"),
}
EVENTS = [
    ("/2.3.0/docking_events/", DockingEvents, MEANINGS),
    ("/2.2.0/docking_event/", LegacyDockingEvents, OLDER),
    ("/2.0.0/docking_event/", LegacyDockingEvents, OLDER),
]


@pytest.mark.parametrize(("url", "resource", "meanings"), EVENTS)
def test_filters(api, subtests, rows, url, resource, meanings):
    check_filters(api, subtests, url, resource, meanings)


@pytest.mark.parametrize(
    ("url", "resource"),
    [*(e[:2] for e in EVENTS), ("/2.3.0/config/docking_locations/", DockingLocations)],
)
def test_search_and_ordering(api, subtests, rows, url, resource):
    check_search(api, subtests, url, resource)
    check_ordering(api, subtests, url, resource)
