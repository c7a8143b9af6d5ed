"""The 2.0.0 and 2.2.0 resources a legacy docking event links to (agencies, launcher and
spacecraft configurations, launches, locations, pads, programs) answer in LL2's components: every
list in each of its modes and every `{id}/` lists the keys of the version's component, in its
order, and so does each object nested in it, down to the ones the bundled data fills."""

import pytest

from api.shapes import LEGACY_LINKED as ROWS
from tests.support import older_versions
from tests.support.older_versions import (
    BEFORE_PROGRESS_MS_30,
    DETAIL,
    LATER,
    LIST,
    PROGRESS_MS_30,
    VERSIONS,
)

pytestmark = pytest.mark.django_db

graph = older_versions.graph

# LL2's components, keys in their order: 2.2.0's OpenAPI file (newest form), 2.0.0's Swagger
# file and its real `launch/upcoming/` page. Several keys to a line, kept so by `fmt: off`: at
# one key a line the tables ran to 450 lines.
# fmt: off
AGENCY_START = [
    "id", "url", "name", "featured", "type", "country_code", "abbrev", "description",
    "administrator", "founding_year", "launchers", "spacecraft",
]
LAUNCH_COUNTS = [
    "orbital_launch_attempt_count", "location_launch_attempt_count", "pad_launch_attempt_count",
    "agency_launch_attempt_count", "orbital_launch_attempt_count_year",
    "location_launch_attempt_count_year", "pad_launch_attempt_count_year",
    "agency_launch_attempt_count_year",
]
SIZES = ["alias", "min_stage", "max_stage", "length", "diameter", "maiden_flight"]
CAPACITIES = ["launch_mass", "leo_capacity", "gto_capacity", "to_thrust", "apogee", "vehicle_range"]
LAUNCHER_COUNTS = [
    "consecutive_successful_launches", "successful_launches", "failed_launches", "pending_launches",
]
# fmt: on

# fmt: off
COMPONENTS = {
    "2.2.0": {
        "Agency": [*AGENCY_START, "parent", "image_url", "logo_url"],
        "AgencySerializerMini": ["id", "url", "name", "type"],
        "AgencySerializerDetailed": [
            *AGENCY_START, "parent", "launch_library_url", "total_launch_count",
            "successful_launches", "consecutive_successful_launches", "failed_launches",
            "pending_launches", "successful_landings", "failed_landings", "attempted_landings",
            "consecutive_successful_landings", "info_url", "wiki_url", "logo_url", "image_url",
            "nation_url", "launcher_list", "spacecraft_list",
        ],
        "AgencySerializerDetailedCommon": [
            *AGENCY_START, "launch_library_url", "total_launch_count",
            "consecutive_successful_launches", "successful_launches", "failed_launches",
            "pending_launches", "consecutive_successful_landings", "successful_landings",
            "failed_landings", "attempted_landings", "info_url", "wiki_url", "logo_url",
            "image_url", "nation_url",
        ],
        "LauncherConfigDetailSerializerForAgency": [
            "id", "url", "name", "description", "family", "full_name", "variant", *SIZES,
            *CAPACITIES, "image_url", "info_url", "wiki_url", *LAUNCHER_COUNTS,
        ],
        "LauncherConfigList": ["id", "url", "name", "family", "full_name", "variant"],
        "LauncherConfig": [
            "id", "url", "name", "manufacturer", "program", "family", "full_name", "variant",
            "reusable", "image_url", "info_url", "wiki_url",
        ],
        "LauncherConfigDetail": [
            "id", "url", "name", "active", "reusable", "description", "family", "full_name",
            "manufacturer", "program", "variant", *SIZES, "launch_cost", *CAPACITIES, "image_url",
            "info_url", "wiki_url", "total_launch_count", *LAUNCHER_COUNTS,
        ],
        "SpacecraftConfiguration": [
            "id", "url", "name", "agency", "in_use", "capability", "maiden_flight", "human_rated",
            "crew_capacity", "image_url", "nation_url", "wiki_link", "info_link",
        ],
        "SpacecraftConfigurationDetail": [
            "id", "url", "name", "type", "agency", "in_use", "capability", "history", "details",
            "maiden_flight", "height", "diameter", "human_rated", "crew_capacity",
            "payload_capacity", "flight_life", "image_url", "nation_url", "wiki_link", "info_link",
        ],
        "Location": [
            "id", "url", "name", "country_code", "map_image", "timezone_name", "total_launch_count",
            "total_landing_count",
        ],
        "LocationDetail": [
            "id", "name", "country_code", "map_image", "timezone_name", "total_launch_count",
            "total_landing_count", "pads",
        ],
        "Pad": [
            "id", "url", "agency_id", "name", "info_url", "wiki_url", "map_url", "latitude",
            "longitude", "location", "country_code", "map_image", "total_launch_count",
            "orbital_launch_attempt_count",
        ],
        "PadSerializerNoLocation": [
            "id", "url", "agency_id", "name", "info_url", "wiki_url", "map_url", "latitude",
            "longitude", "country_code", "map_image", "total_launch_count",
        ],
        "Program": [
            "id", "url", "name", "description", "agencies", "image_url", "start_date", "end_date",
            "info_url", "wiki_url", "mission_patches",
        ],
        "Mission": ["id", "name", "description", "launch_designator", "type", "orbit"],
        "Orbit": ["id", "name", "abbrev"],
        "LaunchStatus": ["id", "name", "abbrev", "description"],
        "NetPrecision": ["id", "name", "abbrev", "description"],
        "RocketSerializerCommon": ["id", "configuration"],
        "RocketDetailed": ["id", "configuration", "launcher_stage", "spacecraft_stage"],
        "SpacecraftFlightDetailedSerializerForLaunch": [
            "id", "url", "mission_end", "destination", "launch_crew", "onboard_crew",
            "landing_crew", "spacecraft", "landing", "docking_events",
        ],
        "LaunchList": [
            "id", "url", "slug", "name", "status", "last_updated", "net", "net_precision",
            "window_end", "window_start", "lsp_name", "mission", "mission_type", "pad", "location",
            "landing", "landing_success", "launcher", "orbit", "image", "infographic",
        ],
        "LaunchSerializerCommon": [
            "id", "url", "slug", "name", "status", "last_updated", "net", "window_end",
            "window_start", "net_precision", "probability", "holdreason", "failreason", "hashtag",
            "launch_service_provider", "rocket", "mission", "pad", "webcast_live", "image",
            "infographic", "program", *LAUNCH_COUNTS,
        ],
        "LaunchDetailed": [
            "id", "url", "slug", "flightclub_url", "r_spacex_api_id", "name", "status",
            "last_updated", "updates", "net", "net_precision", "window_end", "window_start",
            "probability", "holdreason", "failreason", "hashtag", "launch_service_provider",
            "rocket", "mission", "pad", "infoURLs", "vidURLs", "webcast_live", "image",
            "infographic", "program", *LAUNCH_COUNTS, "mission_patches",
        ],
    },
}
# fmt: on


def _without(keys, *removed):
    return [key for key in keys if key not in removed]


def _after(keys, where, *added):
    at = keys.index(where) + 1
    return [*keys[:at], *added, *keys[at:]]


V220 = COMPONENTS["2.2.0"]
# fmt: off
COMPONENTS["2.0.0"] = {
    **V220,
    "Agency": _without(V220["Agency"], "logo_url"),
    "LauncherConfigDetailSerializerForAgency": _after(
        V220["LauncherConfigDetailSerializerForAgency"], "id", "launch_library_id"
    ),
    "LauncherConfigList": _after(V220["LauncherConfigList"], "id", "launch_library_id"),
    "LauncherConfig": _after(V220["LauncherConfig"], "id", "launch_library_id"),
    "LauncherConfigDetail": _after(
        _without(V220["LauncherConfigDetail"], "active", "reusable", "launch_cost"),
        "id",
        "launch_library_id",
    ),
    "Location": _without(V220["Location"], "timezone_name"),
    "LocationDetail": _without(V220["LocationDetail"], "timezone_name"),
    "Pad": _without(V220["Pad"], "country_code", "orbital_launch_attempt_count"),
    "PadSerializerNoLocation": _without(V220["PadSerializerNoLocation"], "country_code"),
    "Program": _without(V220["Program"], "mission_patches"),
    "Mission": _after(V220["Mission"], "id", "launch_library_id"),
    "LaunchStatus": ["id", "name"],
    "SpacecraftFlightDetailedSerializerForLaunch": _without(
        V220["SpacecraftFlightDetailedSerializerForLaunch"], "landing"
    ),
    "LaunchList": [
        "id", "url", "launch_library_id", "slug", "name", "status", "net", "window_end",
        "window_start", "mission", "mission_type", "pad", "location", "landing", "landing_success",
        "launcher", "orbit", "image", "infographic",
    ],
    "LaunchSerializerCommon": [
        "id", "url", "launch_library_id", "slug", "name", "status", "net", "window_end",
        "window_start", "inhold", "tbdtime", "tbddate", "probability", "holdreason", "failreason",
        "hashtag", "launch_service_provider", "rocket", "mission", "pad", "webcast_live", "image",
        "infographic", "program",
    ],
    "LaunchDetailed": [
        "id", "url", "launch_library_id", "slug", "name", "status", "net", "window_end",
        "window_start", "inhold", "tbdtime", "tbddate", "probability", "holdreason", "failreason",
        "hashtag", "launch_service_provider", "rocket", "mission", "pad", "infoURLs", "vidURLs",
        "webcast_live", "image", "infographic", "program", *LAUNCH_COUNTS,
    ],
}
# fmt: on

# What a component nests: key -> component (a list's items for a list).
NESTED = {
    "AgencySerializerDetailed": {
        "launcher_list": "LauncherConfigDetailSerializerForAgency",
        "spacecraft_list": "SpacecraftConfigurationDetail",
    },
    "LauncherConfig": {"manufacturer": "Agency", "program": "Program"},
    "LauncherConfigDetail": {
        "manufacturer": "AgencySerializerDetailedCommon",
        "program": "Program",
    },
    "SpacecraftConfiguration": {"agency": "Agency"},
    "SpacecraftConfigurationDetail": {"agency": "Agency"},
    "LocationDetail": {"pads": "PadSerializerNoLocation"},
    "Pad": {"location": "Location"},
    "Program": {"agencies": "AgencySerializerMini"},
    "Mission": {"orbit": "Orbit"},
    "RocketSerializerCommon": {"configuration": "LauncherConfigList"},
    "RocketDetailed": {
        "configuration": "LauncherConfigDetail",
        "spacecraft_stage": "SpacecraftFlightDetailedSerializerForLaunch",
    },
    "LaunchList": {"status": "LaunchStatus"},
    "LaunchSerializerCommon": {
        "status": "LaunchStatus",
        "launch_service_provider": "AgencySerializerMini",
        "rocket": "RocketSerializerCommon",
        "mission": "Mission",
        "pad": "Pad",
        "program": "Program",
    },
    "LaunchDetailed": {
        "status": "LaunchStatus",
        "launch_service_provider": "AgencySerializerDetailedCommon",
        "rocket": "RocketDetailed",
        "mission": "Mission",
        "pad": "Pad",
        "program": "Program",
    },
}
NESTED["2.2.0"] = {"LaunchList": {"net_precision": "NetPrecision"}}


def moment(resource):
    return BEFORE_PROGRESS_MS_30 if resource == "launch/upcoming" else LATER


def assert_component(value, version, component, where="$"):
    """`value` lists exactly the component's keys, in order, and so does each object it nests
    (a list's items too)."""
    assert list(value) == COMPONENTS[version][component], f"{where}: {component}"
    nested = {**NESTED.get(component, {}), **NESTED.get(version, {}).get(component, {})}
    for key, inner in nested.items():
        items = value[key] if isinstance(value[key], list) else [value[key]]
        for index, item in enumerate(items):
            if item is not None:
                assert_component(item, version, inner, f"{where}.{key}[{index}]")


@pytest.mark.parametrize(("version", "resource", "mode"), sorted(ROWS))
def test_every_list_and_detail_answers_in_ll2s_component(
    api, frozen, graph, version, resource, mode
):
    with frozen(moment(resource)):
        response = api.get(f"/{version}/{resource}/?mode={mode}&limit=100")
        assert response.status_code == 200
        results = response.json()["results"]
        assert results
        for index, item in enumerate(results):
            assert_component(item, version, LIST[(resource, mode)], f"results[{index}]")
        for item in results:
            response = api.get(f"/{version}/{resource}/{item['id']}/")
            assert response.status_code == 200
            assert_component(response.json(), version, DETAIL[resource], item["id"])


@pytest.mark.parametrize("version", VERSIONS)
def test_nested_objects_are_filled_where_we_hold_them(api, graph, version):
    """The launch, agency, configuration and location the checks above walk into are not all
    null: the key orders of what they nest were checked."""
    launch = api.get(f"/{version}/launch/{PROGRESS_MS_30}/").json()
    assert launch["rocket"]["configuration"]["manufacturer"]["id"] == 63
    assert launch["rocket"]["configuration"]["program"][0]["id"] == 17
    assert launch["rocket"]["spacecraft_stage"]["id"] == 872
    assert launch["rocket"]["launcher_stage"] == []
    assert launch["pad"]["location"]["id"] == 15
    assert launch["program"][0]["agencies"]
    agency = api.get(f"/{version}/agencies/63/").json()
    assert [c["id"] for c in agency["launcher_list"]] == [24]
    # By name, then id, as LL2's agency pages list them (tests/test_list_order.py).
    spacecraft = agency["spacecraft_list"]
    assert [c["id"] for c in spacecraft] == [8, 33, 1, 38]
    assert [c["name"] for c in spacecraft] == sorted(c["name"] for c in spacecraft)
    assert [pad["id"] for pad in api.get(f"/{version}/location/15/").json()["pads"]] == [20]
    [first] = api.get(f"/{version}/launch/?mode=list&id={PROGRESS_MS_30}").json()["results"]
    assert {key: first[key] for key in ("mission", "mission_type", "pad", "location", "orbit")} == {
        "mission": "Progress MS-30 (91P)",
        "mission_type": "Resupply",
        "pad": "31/6",
        "location": "Baikonur Cosmodrome, Republic of Kazakhstan",
        "orbit": "LEO",
    }
    assert first["landing"] is first["landing_success"] is first["launcher"] is None
