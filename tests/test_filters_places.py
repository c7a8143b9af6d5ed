"""Places' filters, search and ordering (pads, locations, landings, celestial bodies), and the
config lookups' ordering, in every version, by the rows they return (tests/support/rows.py)."""

import pytest

from api.resources.lookups import LOOKUPS
from api.resources.places import (
    CelestialBodies,
    Landings,
    LegacyLocations,
    LegacyLocations200,
    LegacyPads,
    LegacyPads200,
    Locations,
    Pads,
)
from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support.rows import Meaning, check_filters, check_ordering, check_search, rows, served

pytestmark = pytest.mark.django_db
rows = rows


@pytest.fixture(scope="module")
def varied(rows, django_db_blocker):
    """The generated landings are all attempted and none failed, and there is one celestial
    body: here some landings were not attempted, some failed, and there are more bodies, so
    that a boolean filter and an order have rows on both sides."""
    with django_db_blocker.unblock():
        landings = list(m.Landing.objects.order_by("pk").values_list("pk", flat=True))
        m.Landing.objects.filter(pk__in=landings[::3]).update(attempt=False)
        m.Landing.objects.filter(pk__in=landings[1::4], success=True).update(success=False)
        body = m.CelestialBody.objects.get()
        for pk, name in enumerate(["Moon", "Mars", "Ceres dwarf planet"], start=body.pk + 1):
            m.CelestialBody.objects.create(id=pk, name=name, type=body.type)
        data_changed()


def never(row, value):
    """What we hold none of (a first stage, a booster, a Launch Library 1 id, a 2.2.0 pad's
    one agency): no row has it, so no value finds a row."""
    return False


def id_holds(row, value):
    return value in str(row.id)


def shown_holds(name):
    """A 2.2.0 pad's coordinate holds the value in the text the pad shows (LL2 held it as
    text); `latitude=` itself is a number's equality (a word there is a 400)."""

    def keep(row, value):
        shown = getattr(row, name)
        return shown is not None and value in str(shown)

    return keep


UUIDS = ["00000000-0000-0000-0000-000000000001"]
DIGITS = ["1", "2", "0", "12", "99"]
NOT_HELD = Meaning(keep=never, values=["1", "2,3"], held=False)
LANDINGS = {
    "firststage_launch__ids": Meaning(keep=never, values=UUIDS, held=False),
    "landing_location__ids": Meaning("landing_location__id", "in"),
    "landing_type__ids": Meaning("type__id", "in"),
    "launcher__ids": NOT_HELD,
    "launcher_config__ids": NOT_HELD,
    "launcher_serial_numbers": Meaning(keep=never, values=["B1049", "B1049,B1060"], held=False),
    "spacecraft__ids": Meaning("spacecraftflight__spacecraft__id", "in"),
    "spacecraft_config__ids": Meaning("spacecraftflight__spacecraft__spacecraft_config__id", "in"),
    "spacecraft_launch__ids": Meaning("spacecraftflight__launch__id", "in"),
}
PADS = {
    "agencies_ids": Meaning("agencies__id", "in"),
    "id__contains": Meaning(keep=id_holds, values=DIGITS),
}
LOCATIONS = {"country_code": Meaning("country__alpha_3_code")}
OLDER_LOCATIONS = {
    **LOCATIONS,
    "country_code__contains": Meaning("country__alpha_3_code", "contains"),
    "launch_library_id": NOT_HELD,
    "launch_library_id__contains": NOT_HELD,
}
OLDER_PADS = {
    "agency_id": NOT_HELD,
    "agency_id__contains": NOT_HELD,
    "id__contains": PADS["id__contains"],
    "latitude__contains": Meaning(keep=shown_holds("latitude"), values=["5", "85", "-", ".8"]),
    "longitude__contains": Meaning(keep=shown_holds("longitude"), values=["5", "85", "-1"]),
}
OLDEST_PADS = {"location": Meaning("location__id")}
FILTERED = [
    ("/2.3.0/landings/", Landings, LANDINGS),
    ("/2.3.0/pads/", Pads, PADS),
    ("/2.2.0/pad/", LegacyPads, OLDER_PADS),
    ("/2.0.0/pad/", LegacyPads200, OLDEST_PADS),
    ("/2.3.0/locations/", Locations, LOCATIONS),
    ("/2.2.0/location/", LegacyLocations, OLDER_LOCATIONS),
    ("/2.0.0/location/", LegacyLocations200, LOCATIONS),
]
SEARCHED = [(url, resource) for url, resource, _ in FILTERED] + [
    ("/2.3.0/celestial_bodies/", CelestialBodies)
]


@pytest.mark.parametrize(("url", "resource", "meanings"), FILTERED)
def test_filters(api, subtests, varied, url, resource, meanings):
    check_filters(api, subtests, url, resource, meanings)


@pytest.mark.parametrize(("url", "resource"), SEARCHED)
def test_search_and_ordering(api, subtests, varied, url, resource):
    check_search(api, subtests, url, resource)
    check_ordering(api, subtests, url, resource)


# LL2 lists `search` and `ordering` for every lookup without naming a field: search is
# ignored, the order is by `id`.
@pytest.mark.parametrize("resource", LOOKUPS, ids=lambda r: r.resource)
def test_lookups_ordering(api, subtests, varied, resource):
    url = f"/2.3.0/{resource.resource}/"
    check_ordering(api, subtests, url, resource)
    assert served(api, url, "search=zz-nothing-zz") == served(api, url, "")
