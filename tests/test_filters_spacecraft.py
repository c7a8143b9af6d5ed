"""Spacecraft, their flights and their configurations: filters, search and ordering, in every
version, by the rows they return (tests/support/rows.py)."""

import pytest

from api.resources.spacecraft import (
    LegacySpacecraft,
    LegacySpacecraftConfigurations,
    LegacySpacecraftFlights,
    Spacecraft,
    SpacecraftConfigurations,
    SpacecraftFlights,
)
from tests.support.rows import (
    Meaning,
    check_filters,
    check_ordering,
    check_search,
    rows,
    served,
)

pytestmark = pytest.mark.django_db
rows = rows

# Every other name is a field path: `spacecraft_config`, `status`, `agency` and `spacecraft`
# are foreign keys, matched by id (LL2's OpenAPI file: integers).
OLDER_CONFIGURATIONS = {
    # LL2's 2.2.0 docstring: "Parameters - 'name', 'manufacturer', 'in_use', 'human_rated'";
    # a configuration's manufacturer is its agency.
    "manufacturer": Meaning("agency"),
}
RESOURCES = [
    ("/2.3.0/spacecraft/", Spacecraft, {}),
    ("/2.2.0/spacecraft/", LegacySpacecraft, {}),
    ("/2.0.0/spacecraft/", LegacySpacecraft, {}),
    ("/2.3.0/spacecraft_flights/", SpacecraftFlights, {}),
    ("/2.2.0/spacecraft/flight/", LegacySpacecraftFlights, {}),
    ("/2.0.0/spacecraft/flight/", LegacySpacecraftFlights, {}),
    ("/2.3.0/spacecraft_configurations/", SpacecraftConfigurations, {}),
    ("/2.2.0/config/spacecraft/", LegacySpacecraftConfigurations, OLDER_CONFIGURATIONS),
    ("/2.0.0/config/spacecraft/", LegacySpacecraftConfigurations, OLDER_CONFIGURATIONS),
]


@pytest.mark.parametrize(("url", "resource", "meanings"), RESOURCES)
def test_filters(api, subtests, rows, url, resource, meanings):
    check_filters(api, subtests, url, resource, meanings)


@pytest.mark.parametrize(("url", "resource"), [r[:2] for r in RESOURCES])
def test_search_and_ordering(api, subtests, rows, url, resource):
    if resource.search_fields:
        check_search(api, subtests, url, resource)
    else:  # LL2 lists `search` for flights with no field to search: it is ignored
        assert served(api, url, "search=zz-nothing-zz") == served(api, url, "")
    check_ordering(api, subtests, url, resource)
