"""Payloads' and payload flights' filters, search and ordering (2.3.0 only: the older versions
have neither), by the rows they return (tests/support/rows.py)."""

import pytest

from api.resources.payloads import PayloadFlights, Payloads
from spaceflight import models as m
from tests.support.rows import Meaning, check_filters, check_ordering, check_search, rows, served

pytestmark = pytest.mark.django_db
rows = rows

PAYLOADS = {
    "operator": Meaning("operator__id"),
    # LL2's payload has programs; `program__id` is any of them.
    "program__id": Meaning("programs__id"),
}
FLIGHTS = {"payload": Meaning("payload__id")}


@pytest.fixture(scope="module")
def apart(rows, django_db_blocker):
    """The generated payloads have one agency as both manufacturer and operator: here they
    have several, and each another operator than maker, so that a filter on the one is not a
    filter on the other."""
    with django_db_blocker.unblock():
        agencies = list(m.Agency.objects.order_by("pk"))
        made = m.Payload.objects.exclude(manufacturer=None).order_by("pk")
        for index, payload in enumerate(made):
            payload.manufacturer = agencies[index % len(agencies)]
            payload.operator = agencies[(index + 1) % len(agencies)]
            payload.save(update_fields=["manufacturer", "operator"])


def test_payloads(api, subtests, apart):
    check_filters(api, subtests, "/2.3.0/payloads/", Payloads, PAYLOADS)
    check_search(api, subtests, "/2.3.0/payloads/", Payloads)
    check_ordering(api, subtests, "/2.3.0/payloads/", Payloads)


# LL2 lists `search` and `ordering` here without naming a field: search is ignored, the order
# is by `id`.
def test_payload_flights(api, subtests, apart):
    check_filters(api, subtests, "/2.3.0/payload_flights/", PayloadFlights, FLIGHTS)
    check_ordering(api, subtests, "/2.3.0/payload_flights/", PayloadFlights)
    every = served(api, "/2.3.0/payload_flights/", "")
    assert served(api, "/2.3.0/payload_flights/", "search=zz-nothing-zz") == every
