"""Launcher configurations' filters, search and ordering, in every version, by the rows they
return (tests/support/rows.py)."""

import pytest

from api.resources.launchers import (
    LauncherConfigurations,
    LegacyLauncherConfigurations,
    LegacyLauncherConfigurations200,
)
from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support.rows import Meaning, check_filters, check_ordering, check_search, rows

pytestmark = pytest.mark.django_db
rows = rows


@pytest.fixture(scope="module")
def data(rows, django_db_blocker):
    """The rows, with one configuration in two families, as LL2's Soyuz 2.1a is in Soyuz
    and Soyuz 2 (generated configurations are in one family each)."""
    with django_db_blocker.unblock():
        first, second = m.LauncherConfigFamily.objects.order_by("pk")[:2]
        m.LauncherConfig.objects.filter(families=first).first().families.add(second)
        data_changed()


def any_of(name, relation):
    """LL2's OpenAPI file: an array of ids, sent as `name=1&name=2` (form, exploded), as
    django-filter's multiple-choice filters take it: the rows related to any of them."""

    def keep(row, raw):
        wanted = {int(part.rpartition("=")[2]) for part in raw.split("&")}
        return bool(wanted & set(getattr(row, relation).values_list("pk", flat=True)))

    return Meaning(keep=keep, values=["1", "3", f"1&{name}=2", "999"])


MEANINGS = {
    "families": any_of("families", "families"),
    # `__contains` on a relation is no lookup Django has: LL2's meaning is unknowable, ours
    # is the plain filter's.
    "families__contains": any_of("families__contains", "families"),
    "program": any_of("program", "programs"),
    "program__contains": any_of("program__contains", "programs"),
}
# LL2 2.2.0 and 2.0.0 held one family text per configuration; we show several families'
# names joined (`Soyuz, Soyuz 2`), and `family` matches any one of them by name.
OLDER = {
    "family": Meaning("families__name"),
    "family__contains": Meaning("families__name", "contains"),
    "program": MEANINGS["program"],
    "program__contains": MEANINGS["program__contains"],
}
OLDEST = {
    "family": OLDER["family"],
    # The manufacturer agency, by id (an integer, as every id filter of LL2).
    "manufacturer": Meaning("manufacturer"),
    "program": MEANINGS["program"],
}
RESOURCES = [
    ("/2.3.0/launcher_configurations/", LauncherConfigurations, MEANINGS),
    ("/2.2.0/config/launcher/", LegacyLauncherConfigurations, OLDER),
    ("/2.0.0/config/launcher/", LegacyLauncherConfigurations200, OLDEST),
]


@pytest.mark.parametrize(("url", "resource", "meanings"), RESOURCES)
def test_filters(api, subtests, data, url, resource, meanings):
    check_filters(api, subtests, url, resource, meanings)


@pytest.mark.parametrize(("url", "resource"), [r[:2] for r in RESOURCES])
def test_search_and_ordering(api, subtests, data, url, resource):
    check_search(api, subtests, url, resource)
    check_ordering(api, subtests, url, resource)
