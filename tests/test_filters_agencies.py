"""Agencies' filters, search and ordering, in every version, by the rows they return
(tests/support/rows.py)."""

import pytest

from api.resources.agencies import Agencies, LegacyAgencies, LegacyAgencies200
from spaceflight import models as m
from tests.support.rows import Meaning, check_filters, check_ordering, check_search, rows

pytestmark = pytest.mark.django_db
rows = rows


def makes_spacecraft(agency, value):
    makes = m.SpacecraftConfig.objects.filter(agency=agency).exists()
    return makes == (value.lower() in ("true", "1"))


def parent_is(agency, value):
    return m.Agency.objects.filter(pk=value, name=agency.parent).exists()


def founded_in(agency, value):
    return agency.founding_year is not None and str(agency.founding_year) == value


def founded_in_part(agency, value):
    return agency.founding_year is not None and value in str(agency.founding_year)


def years():
    """A founding year the data holds, and parts of one."""
    year = str(m.Agency.objects.exclude(founding_year=None).order_by("pk")[0].founding_year)
    return [year, year[:2], year[-2:]]


BOOLEAN = ["true", "false", "1", "0"]
MEANINGS = {
    "country_code": Meaning("countries__alpha_3_code", "in"),
    "spacecraft": Meaning(keep=makes_spacecraft, values=BOOLEAN),
    "parent__id": Meaning(keep=parent_is, values=["1", "2", "3"]),
}
OLDER = {
    **MEANINGS,
    "agency_type": Meaning("type__id"),
    "parent": MEANINGS["parent__id"],
    "founding_year": Meaning(keep=founded_in, values=lambda: years()[:1] + ["19"]),
    "founding_year__contains": Meaning(keep=founded_in_part, values=lambda: years()[1:]),
}


@pytest.mark.parametrize(
    ("url", "resource", "meanings"),
    [
        ("/2.3.0/agencies/", Agencies, MEANINGS),
        ("/2.2.0/agencies/", LegacyAgencies, OLDER),
        ("/2.0.0/agencies/", LegacyAgencies200, OLDER),
    ],
)
def test_filters(api, subtests, rows, url, resource, meanings):
    check_filters(api, subtests, url, resource, meanings)


@pytest.mark.parametrize(
    ("url", "resource"),
    [
        ("/2.3.0/agencies/", Agencies),
        ("/2.2.0/agencies/", LegacyAgencies),
        ("/2.0.0/agencies/", LegacyAgencies200),
    ],
)
def test_search_and_ordering(api, subtests, rows, url, resource):
    check_search(api, subtests, url, resource)
    check_ordering(api, subtests, url, resource)
