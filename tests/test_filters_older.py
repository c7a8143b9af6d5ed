"""LL2's filters, search and ordering on the 2.0.0 and 2.2.0 resources, as each version had
them: what each query answers (a query the version does not know is ignored), a pad's id
matched as text, `spacecraft=` answering agencies in detail, a location list that is never
detailed; a filter value that cannot be read is a 400, and odd values (wildcards, huge
numbers, long searches, unknown orderings) never fail."""

import pytest

from tests.support import older_versions
from tests.support.older_versions import (
    LATER,
    PROGRESS_MS_30,
    PROGRESS_MS_32,
    SOYUZ_MS_27,
    VERSIONS,
    ids,
)

pytestmark = pytest.mark.django_db

graph = older_versions.graph


FILTERS = [
    # agencies
    ("2.2.0", "agencies", "featured=true", [17, 63]),
    ("2.2.0", "agencies", "agency_type=3", [121, 257]),
    ("2.2.0", "agencies", "country_code=RUS,CHN", [17, 63]),
    ("2.2.0", "agencies", "founding_year=1993", [17]),
    ("2.2.0", "agencies", "founding_year__contains=99", [17, 63]),
    ("2.2.0", "agencies", "abbrev=NASA", [44]),
    ("2.2.0", "agencies", "name__contains=Aerospace", [37]),
    ("2.2.0", "agencies", "total_launch_count__gte=100", [63]),
    ("2.2.0", "agencies", "id__lt=20", [16, 17]),
    ("2.2.0", "agencies", "parent=63", [1000]),
    ("2.2.0", "agencies", "spacecraft=true", [17, 37, 63, 121, 257]),
    ("2.2.0", "agencies", "search=spa", [121]),  # LL2's `^name`: names that start so
    ("2.2.0", "agencies", "ordering=-featured&limit=3", [17, 63, 16]),
    ("2.2.0", "agencies", "ordering=name&limit=3", [16, 17, 1000]),
    ("2.0.0", "agencies", "featured=true", [17, 63]),
    ("2.0.0", "agencies", "country_code=CHN", [17]),
    ("2.0.0", "agencies", "agency_type=2", [27]),
    ("2.0.0", "agencies", "abbrev=NASA&limit=2", [16, 17]),  # not a 2.0.0 filter: ignored
    ("2.0.0", "agencies", "search=china", [17]),
    ("2.0.0", "agencies", "ordering=-id&limit=2", [1000, 257]),
    # launcher configurations
    ("2.2.0", "config/launcher", "name=Soyuz 2.1a", [24]),
    ("2.2.0", "config/launcher", "manufacturer__name=SpaceX", ["falcon"]),
    ("2.2.0", "config/launcher", "manufacturer__name__contains=Russian", [24]),
    ("2.2.0", "config/launcher", "family=Soyuz 2", [24]),
    ("2.2.0", "config/launcher", "family__contains=oyu", [24]),
    ("2.2.0", "config/launcher", "program=17", [24]),
    ("2.2.0", "config/launcher", "full_name__contains=Falcon", ["falcon"]),
    ("2.2.0", "config/launcher", "search=russian", [24]),  # `^manufacturer__name`
    ("2.2.0", "config/launcher", "ordering=-launch_mass", ["falcon", 24]),
    ("2.2.0", "config/launcher", "ordering=-launch_cost", ["falcon", 24]),  # null first
    ("2.0.0", "config/launcher", "manufacturer=121", ["falcon"]),
    ("2.0.0", "config/launcher", "active=true", [24]),
    ("2.0.0", "config/launcher", "reusable=false", [24]),
    ("2.0.0", "config/launcher", "family=Soyuz", [24]),
    ("2.0.0", "config/launcher", "search=falc", ["falcon"]),
    ("2.0.0", "config/launcher", "ordering=name", ["falcon", 24]),
    # spacecraft configurations
    ("2.2.0", "config/spacecraft", "human_rated=true", [2]),
    ("2.2.0", "config/spacecraft", "in_use=false", [1, 8]),
    ("2.2.0", "config/spacecraft", "manufacturer=121", [6, 7]),
    ("2.2.0", "config/spacecraft", "name=Shenzhou", [2]),
    ("2.2.0", "config/spacecraft", "search=dragon", [6, 7]),
    ("2.2.0", "config/spacecraft", "search=roscosmos", [1, 8, 33, 38]),  # the agency's name
    ("2.2.0", "config/spacecraft", "ordering=-name&limit=2", [38, 1]),
    ("2.0.0", "config/spacecraft", "in_use=0&human_rated=0", [1, 8]),
    ("2.0.0", "config/spacecraft", "ordering=name&limit=2", [7, 6]),
    # launches
    ("2.2.0", "launch", "search=2.1a", [PROGRESS_MS_30, SOYUZ_MS_27, PROGRESS_MS_32]),
    (
        "2.2.0",
        "launch",
        "search=2.1a&ordering=-name",
        [SOYUZ_MS_27, PROGRESS_MS_32, PROGRESS_MS_30],
    ),
    ("2.2.0", "launch", f"id={PROGRESS_MS_30},{SOYUZ_MS_27}", [PROGRESS_MS_30, SOYUZ_MS_27]),
    ("2.2.0", "launch", "lsp__id=63", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "lsp__name=SpaceX", []),
    ("2.2.0", "launch", "pad=20", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "location__ids=15,10", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "status=3", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "program=17", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "launcher_config__id=24", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "net__gte=2025-02-01T00:00:00Z", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "window_start__lt=2025-02-01T00:00:00Z", []),
    ("2.2.0", "launch", "orbital_launch_attempt_count__gt=6000", [PROGRESS_MS_30]),
    ("2.2.0", "launch", "mission__orbit__name__icontains=low", [PROGRESS_MS_30]),
    (
        "2.2.0",
        "launch",
        "rocket__spacecraftflight__spacecraft__name=Progress MS-30",
        [PROGRESS_MS_30],
    ),
    ("2.2.0", "launch", "spacecraft_config__ids=38", [SOYUZ_MS_27]),
    ("2.2.0", "launch", "is_crewed=true", []),  # the bundled data has no crews
    ("2.2.0", "launch", "serial_number=B1062", []),  # nor boosters
    ("2.2.0", "launch", "r_spacex_api_id=5eb87d46", []),
    ("2.0.0", "launch", "net__lt=2025-03-01T00:00:00Z", [PROGRESS_MS_30]),
    ("2.0.0", "launch", "rocket__configuration__name=Soyuz 2.1a", [PROGRESS_MS_30]),
    ("2.0.0", "launch", "launch_library_id=1131", []),
    ("2.0.0", "launch", "search=ms-27", [SOYUZ_MS_27]),
    ("2.2.0", "launch/previous", "lsp__id=63", [PROGRESS_MS_30]),
    ("2.2.0", "launch/previous", "search=progress ms-30", [PROGRESS_MS_30]),
    ("2.2.0", "launch/previous", "ordering=name", [PROGRESS_MS_30]),
    ("2.0.0", "launch/previous", "program=17", [PROGRESS_MS_30]),
    ("2.0.0", "launch/previous", "net__lt=2000-01-01T00:00:00Z", [PROGRESS_MS_30]),  # not 2.0.0's
    # locations (LL2 has no ordering here: the order stays ours)
    ("2.2.0", "location", "country_code=KAZ", [15]),
    ("2.2.0", "location", "country_code__contains=Z", [10, 15]),
    ("2.2.0", "location", "name__contains=Baikonur", [15]),
    ("2.2.0", "location", "id__gt=10", [15]),
    ("2.2.0", "location", "total_launch_count__gte=100", [15]),
    ("2.2.0", "location", "total_landing_count=17", [10]),
    ("2.2.0", "location", "launch_library_id=2", []),
    ("2.2.0", "location", "search=kaz", [15]),
    ("2.2.0", "location", "ordering=-id", [10, 15]),
    ("2.0.0", "location", "name=Baikonur Cosmodrome, Republic of Kazakhstan", [15]),
    ("2.0.0", "location", "country_code=NZL", [10]),
    ("2.0.0", "location", "id=10", [10]),
    # pads
    ("2.2.0", "pad", "location__id=15", [20]),
    ("2.2.0", "pad", "location__name__contains=Mahia", ["pad"]),
    ("2.2.0", "pad", "name__contains=Complex", ["pad"]),
    ("2.2.0", "pad", "latitude=45.996034", [20]),
    ("2.2.0", "pad", "longitude__contains=177", ["pad"]),
    ("2.2.0", "pad", "total_launch_count__lt=100", ["pad"]),
    ("2.2.0", "pad", "orbital_launch_attempt_count__gte=1", [20]),
    ("2.2.0", "pad", "agency_id=63", []),  # we show no pad's agency
    ("2.2.0", "pad", "search=baikonur", [20]),
    ("2.2.0", "pad", "ordering=-id", [20, "pad"]),
    ("2.0.0", "pad", "location=10", ["pad"]),
    ("2.0.0", "pad", "name=31/6", [20]),
    ("2.0.0", "pad", "search=complex", ["pad"]),
    # programs: LL2 names no field to search; it orders by id
    ("2.2.0", "program", "ordering=-id", ["artemis", 17]),
    ("2.2.0", "program", "search=artemis", [17, "artemis"]),
    ("2.0.0", "program", "ordering=id", [17, "artemis"]),
]


@pytest.mark.parametrize(("version", "resource", "query", "expected"), FILTERS)
def test_filters_search_and_ordering(api, frozen, graph, version, resource, query, expected):
    with frozen(LATER):
        found = ids(api, f"/{version}/{resource}/?{query}")
    assert found == [graph.get(pk, pk) if isinstance(pk, str) else pk for pk in expected]


def test_a_pads_id_matches_as_text(api, graph):
    pad = graph["pad"]
    assert ids(api, f"/2.2.0/pad/?id__contains={pad}") == [pad]
    assert ids(api, f"/2.2.0/pad/?id__contains={str(pad)[1:]}&location__id=10") == [pad]


def test_spacecraft_true_answers_agencies_in_detail(api, graph):
    for version in VERSIONS:
        body = api.get(f"/{version}/agencies/?spacecraft=true").json()
        assert all("spacecraft_list" in agency for agency in body["results"])
        body = api.get(f"/{version}/agencies/?spacecraft=false").json()
        assert [a["id"] for a in body["results"]] == [16, 27, 31, 44, 1000]
        assert all("spacecraft_list" not in agency for agency in body["results"])


def test_a_location_list_is_never_detailed(api, graph):
    for version in VERSIONS:
        listed = api.get(f"/{version}/location/?mode=detailed").json()["results"]
        assert all("url" in item and "pads" not in item for item in listed)
        assert "pads" in api.get(f"/{version}/location/15/").json()


@pytest.mark.parametrize(
    "path",
    [
        "/2.2.0/agencies/?featured=maybe",
        "/2.2.0/agencies/?agency_type=x",
        "/2.2.0/agencies/?total_launch_count__gte=many",
        "/2.2.0/agencies/?parent=x",
        "/2.0.0/agencies/?spacecraft=perhaps",
        "/2.2.0/config/launcher/?program=x",
        "/2.2.0/config/launcher/?total_launch_count__gt=x",
        "/2.0.0/config/launcher/?manufacturer=x",
        "/2.0.0/config/launcher/?reusable=perhaps",
        "/2.2.0/config/spacecraft/?in_use=perhaps",
        "/2.0.0/config/spacecraft/?manufacturer=x",
        "/2.2.0/launch/?id=not-a-uuid",
        "/2.2.0/launch/?net__gte=yesterday",
        "/2.2.0/launch/?lsp__id=x",
        "/2.2.0/launch/?is_crewed=maybe",
        "/2.2.0/launch/?last_updated__gte=2025-13-01",
        "/2.2.0/launch/upcoming/?hide_recent_previous=maybe",
        "/2.2.0/launch/previous/?status__ids=a,b",
        "/2.0.0/launch/?net__lt=soon",
        "/2.0.0/launch/upcoming/?program=x",
        "/2.2.0/location/?id__gt=x",
        "/2.2.0/location/?total_launch_count=x",
        "/2.0.0/location/?id=x",
        "/2.2.0/pad/?latitude=north",
        "/2.2.0/pad/?location__id=x",
        "/2.0.0/pad/?location=x",
    ],
)
def test_a_bad_filter_value_is_a_400(api, graph, path):
    response = api.get(path)
    assert response.status_code == 400, response.content[:300]
    assert isinstance(response.json(), dict)


@pytest.mark.parametrize(
    "query",
    [
        "founding_year__contains=%25",
        "id__gt=99999999999999999999999",
        "search=%28%5B",
        "search=" + "+".join(f"w{i}" for i in range(30)),
        "ordering=nonsense,-id",
        "name=",
        "limit=abc&offset=-3",
    ],
)
def test_odd_values_never_fail(api, graph, query):
    for version in VERSIONS:
        for resource in ("agencies", "launch", "pad", "location"):
            assert api.get(f"/{version}/{resource}/?{query}").status_code == 200
