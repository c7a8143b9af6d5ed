"""Space stations' filters, search and ordering, in every version, by the rows they return
(tests/support/rows.py)."""

import pytest

from api.resources.stations import LegacySpaceStations, SpaceStations
from spaceflight import models as m
from tests.support.rows import Meaning, check_filters, check_ordering, check_search, rows

pytestmark = pytest.mark.django_db
rows = rows


def docked_vehicles(station):
    """LL2: the vehicles docked at the station now, its docking events with no departure."""
    return m.DockingEvent.objects.filter(
        space_station_target=station, departure__isnull=True
    ).count()


def docked(compare):
    return Meaning(
        keep=lambda station, raw: compare(docked_vehicles(station), int(raw)),
        values=["0", "1", "2"],
    )


def in_orbit(station, raw):
    # LL2 shows a station's orbit as a name and filters it by an integer (its file): we
    # read that as the id of the orbit of that name.
    return m.Orbit.objects.filter(pk=raw, name=station.orbit).exists()


def owned_by_any(station, raw):
    wanted = {int(part.rpartition("=")[2]) for part in raw.split("&")}
    return bool(wanted & set(station.owners.values_list("pk", flat=True)))


MEANINGS = {
    "docked_vehicles": docked(int.__eq__),
    "docked_vehicles__gt": docked(int.__gt__),
    "docked_vehicles__gte": docked(int.__ge__),
    "docked_vehicles__lt": docked(int.__lt__),
    "docked_vehicles__lte": docked(int.__le__),
    "orbit": Meaning(keep=in_orbit, values=["1", "2", "999"]),
    # LL2's OpenAPI file: an array of agency ids sent as `owners=1&owners=2`.
    "owners": Meaning(keep=owned_by_any, values=["1", "2&owners=3", "999"]),
    # LL2's OpenAPI file: "Comma-separated agency IDs."
    "owner__ids": Meaning("owners", "in"),
    # LL2's OpenAPI file: "Comma-separated spacestation status IDs."
    "status__ids": Meaning("status", "in"),
}
RESOURCES = [
    ("/2.3.0/space_stations/", SpaceStations),
    ("/2.2.0/spacestation/", LegacySpaceStations),
    ("/2.0.0/spacestation/", LegacySpaceStations),
]


@pytest.mark.parametrize(("url", "resource"), RESOURCES)
def test_filters(api, subtests, rows, url, resource):
    check_filters(api, subtests, url, resource, MEANINGS)


@pytest.mark.parametrize(("url", "resource"), RESOURCES)
def test_search_and_ordering(api, subtests, rows, url, resource):
    check_search(api, subtests, url, resource)
    check_ordering(api, subtests, url, resource, {"docked_vehicles": docked_vehicles})
