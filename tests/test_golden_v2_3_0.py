"""2.3.0 responses compared whole with the real LL2 responses they were imported from."""

import pytest

from tests.conftest import as_json, assert_same_json, import_documents, reference, utc

# Served from kept fragments (api/rendering/fragments.py), as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]

# When each page was read from LL2: the detail's chaser is still in space, so its live
# `duration` is (now - launch net); 618's launch net plus its duration gives the moment.
DETAIL_CAPTURED_AT = "2025-04-13T02:53:57.269441Z"
# The list pages show no launch times; any moment works if import and request share it.
LIST_CAPTURED_AT = "2026-04-05T04:17:00Z"


def test_detail_618_is_identical_to_ll2(api, frozen):
    expected = reference("v2.3.0_docking_events_618_detailed.json")
    import_documents(expected)

    with frozen(DETAIL_CAPTURED_AT):
        response = api.get("/2.3.0/docking_events/618/?format=api")

    assert response.status_code == 200
    assert_same_json(as_json(response), expected)


def test_detail_in_json_has_plain_links(api, frozen):
    import_documents(reference("v2.3.0_docking_events_618_detailed.json"))

    with frozen(DETAIL_CAPTURED_AT):
        body = api.get("/2.3.0/docking_events/618/?format=json").json()

    assert body["url"] == "http://testserver/2.3.0/docking_events/618/?format=json"
    assert api.get("/2.3.0/docking_events/618/").json()["url"].endswith("/618/")


@pytest.mark.parametrize(
    "name",
    ["v2.3.0_docking_events_list_offset10_a.json", "v2.3.0_docking_events_list_offset10_b.json"],
)
def test_every_listed_event_is_identical_to_ll2(api, frozen, name):
    page = reference(name)
    with frozen(LIST_CAPTURED_AT):
        import_documents(page, captured_at=utc(LIST_CAPTURED_AT))
        response = api.get("/2.3.0/docking_events/?format=api&limit=100")

    assert response.status_code == 200
    served = {event["id"]: event for event in as_json(response)["results"]}
    assert sorted(served) == sorted(event["id"] for event in page["results"])
    for event in page["results"]:
        assert_same_json(served[event["id"]], event)


def test_browsable_page_shows_ll2_description(api):
    import_documents(reference("v2.3.0_docking_events_list_offset10_b.json"))

    html = api.get("/2.3.0/docking_events/?format=api").content.decode()

    assert "Docking Event List" in html
    assert "Levels of detail in the response" in html
    assert "<code>docked</code>, <code>docking__gt</code>" in html
    assert "Fields searched" in html


def test_response_headers_match_ll2(api):
    import_documents(reference("v2.3.0_docking_events_list_offset10_b.json"))

    response = api.get("/2.3.0/docking_events/?format=json")

    assert response["Allow"] == "GET"
    assert response["Content-Type"] == "application/json"
    # CORS middleware adds `Origin` on the wire, and our compressed bodies `Accept-Encoding`;
    # the page shows the view's own, as LL2's does.
    assert response["Vary"] == "Accept-Encoding, Accept, origin"
    html = api.get("/2.3.0/docking_events/?format=api").content.decode()
    assert '<b>Allow:</b> <span class="lit">GET</span>' in html
    assert '<b>Vary:</b> <span class="lit">Accept</span>' in html
    assert '<b>Content-Type:</b> <span class="lit">application/json</span>' in html
