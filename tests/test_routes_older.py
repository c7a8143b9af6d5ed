"""The launch routes of 2.0.0 and 2.2.0 and their browsable pages: `launch/upcoming/` and
`launch/previous/` follow the clock (a launch flown within the last 24 hours on both, unless
hidden), a launch path is routed past those two words, and the pages show LL2's descriptions
of the endpoints."""

import pytest

from tests.support import older_versions
from tests.support.older_versions import BEFORE_PROGRESS_MS_30, LATER, PROGRESS_MS_30, VERSIONS, ids

pytestmark = pytest.mark.django_db

graph = older_versions.graph


def test_upcoming_and_previous_follow_the_clock(api, frozen, graph):
    for version in VERSIONS:
        with frozen(BEFORE_PROGRESS_MS_30):
            assert ids(api, f"/{version}/launch/upcoming/") == [PROGRESS_MS_30]
            assert ids(api, f"/{version}/launch/previous/") == []
            assert api.get(f"/{version}/launch/upcoming/{PROGRESS_MS_30}/").status_code == 200
            assert api.get(f"/{version}/launch/previous/{PROGRESS_MS_30}/").status_code == 404
        with frozen("2025-02-28T12:00:00Z"):  # flown, within the last 24 hours
            assert ids(api, f"/{version}/launch/upcoming/") == [PROGRESS_MS_30]
            assert ids(api, f"/{version}/launch/previous/") == [PROGRESS_MS_30]
        with frozen(LATER):
            assert ids(api, f"/{version}/launch/upcoming/") == []
            assert api.get(f"/{version}/launch/upcoming/{PROGRESS_MS_30}/").status_code == 404
    with frozen("2025-02-28T12:00:00Z"):
        assert ids(api, "/2.2.0/launch/upcoming/?hide_recent_previous=true") == []
        assert ids(api, "/2.2.0/launch/upcoming/?hide_recent_previous=false") == [PROGRESS_MS_30]
        assert ids(api, "/2.2.0/launch/upcoming/?lsp__id=63&mode=list") == [PROGRESS_MS_30]
        assert ids(api, "/2.0.0/launch/upcoming/?program=17") == [PROGRESS_MS_30]


def test_pages_show_ll2s_descriptions(api, graph):
    for version in VERSIONS:
        html = api.get(f"/{version}/agencies/?format=api").content.decode()
        assert "API endpoint that allows Agencies to be viewed." in html
        assert f"/{version}/agencies/?search=nasa" in html
        html = api.get(f"/{version}/launch/upcoming/?format=api").content.decode()
        assert "launches from the last twenty-four hours" in html
        html = api.get(f"/{version}/pad/?format=api").content.decode()
        assert "API endpoint that allows Location instances to be viewed." in html


def test_launch_paths_route_past_upcoming_and_previous(api, graph):
    for version in VERSIONS:
        assert api.get(f"/{version}/launch/upcoming/").status_code == 200
        assert api.get(f"/{version}/launch/not-a-uuid/").status_code == 404
        assert api.get(f"/{version}/launch/{PROGRESS_MS_30}/").json()["id"] == PROGRESS_MS_30
