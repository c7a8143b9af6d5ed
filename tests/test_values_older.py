"""The values the 2.0.0 and 2.2.0 resources show where the bundled data has none or an odd
one: null or empty where we hold nothing, whole quantities as integers (and 2.2.0's launch cost
as a string), a launch without a rocket as `None` in every mode, and every date in UTC, a
launch's `net` the same moment in each mode."""

from datetime import UTC, datetime

import pytest

from tests.support import older_versions
from tests.support.older_versions import PROGRESS_MS_30, SOYUZ_MS_27, VERSIONS

pytestmark = pytest.mark.django_db

graph = older_versions.graph


def test_values_we_do_not_hold_are_null_or_empty(api, graph):
    launch = api.get(f"/2.2.0/launch/{PROGRESS_MS_30}/").json()
    assert launch["r_spacex_api_id"] is launch["holdreason"] is None
    assert launch["updates"] == launch["infoURLs"] == launch["vidURLs"] == []
    assert launch["mission"]["launch_designator"] is None
    assert launch["launch_service_provider"]["launch_library_url"] is None
    assert launch["launch_service_provider"]["nation_url"] is None
    assert launch["pad"]["agency_id"] is None
    assert launch["rocket"]["configuration"]["vehicle_range"] is None
    old = api.get(f"/2.0.0/launch/{PROGRESS_MS_30}/").json()
    assert old["launch_library_id"] is old["inhold"] is old["tbdtime"] is old["tbddate"] is None
    assert old["mission"]["launch_library_id"] is None
    assert old["rocket"]["configuration"]["launch_library_id"] is None


def test_whole_quantities_print_as_integers_others_as_they_are(api, graph):
    soyuz = api.get("/2.2.0/config/launcher/24/").json()
    assert soyuz["launch_mass"] == 312 and isinstance(soyuz["launch_mass"], int)
    assert soyuz["leo_capacity"] == 7020.5
    assert soyuz["launch_cost"] == "48500000"  # 2.2.0 writes the cost as a string


def test_a_launch_without_a_rocket_shows_none_in_every_mode(api, graph):
    for version in VERSIONS:
        assert api.get(f"/{version}/launch/{SOYUZ_MS_27}/").json()["rocket"] is None
        normal = api.get(f"/{version}/launch/?mode=normal&limit=100").json()["results"]
        assert next(item for item in normal if item["id"] == SOYUZ_MS_27)["rocket"] is None


def test_every_date_is_utc_and_every_launch_net_is_the_same_moment(api, graph):
    moment_ = datetime(2025, 2, 27, 21, 24, 27, tzinfo=UTC)
    for version in VERSIONS:
        for mode in ("list", "normal", "detailed"):
            page = api.get(f"/{version}/launch/?mode={mode}&ordering=net&limit=1").json()
            assert page["results"][0]["net"] == moment_.strftime("%Y-%m-%dT%H:%M:%SZ")
