"""Every event of the bundled data set, through every version and mode, without an error."""

import pytest

from spaceflight.models import DockingEvent
from tests.support import datasets

pytestmark = pytest.mark.django_db

PATHS = {
    "2.0.0": "/2.0.0/docking_event/",
    "2.2.0": "/2.2.0/docking_event/",
    "2.3.0": "/2.3.0/docking_events/",
}


@pytest.fixture
def bundled():
    datasets.bundled()
    return DockingEvent.objects.all()


def walk(api, url):
    seen = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, (url, response.content[:500])
        body = response.json()
        seen += [event["id"] for event in body["results"]]
        url = body["next"]
    return seen


@pytest.mark.parametrize("version", sorted(PATHS))
@pytest.mark.parametrize("mode", ["normal", "detailed"])
def test_every_event_in_every_version_and_mode(api, bundled, version, mode):
    expressible = bundled if version == "2.3.0" else bundled.exclude(flight_vehicle_chaser=None)
    expected = sorted(expressible.values_list("pk", flat=True))

    listed = walk(api, f"{PATHS[version]}?mode={mode}&limit=4&format=json")

    assert sorted(listed) == expected
    for pk in expected:
        response = api.get(f"{PATHS[version]}{pk}/?format=api")
        assert response.status_code == 200, (pk, response.content[:500])
        assert response.data["id"] == pk


def test_bundled_data_has_every_kind_of_event(bundled):
    assert (
        bundled.count() == 25
    )  # 23 of the docking pages, 2 more the ISS page of August 2025 shows docked
    assert bundled.filter(payload_flight_chaser__isnull=False).count() == 2
    assert bundled.filter(departure__isnull=True).exists()
