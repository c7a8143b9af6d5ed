"""Every bad input gets a clear 4xx answer in JSON, never a 500."""

import pytest

from tests.support import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return factories.docking(1)


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("docking__gt=yesterday", {"docking__gt": ["Enter a valid date/time."]}),
        ("docking__lte=2025-13-45", {"docking__lte": ["Enter a valid date/time."]}),
        ("docking_location__id=abc", {"docking_location__id": ["Enter a number."]}),
        ("flight_vehicle_chaser__id=1.5x", {"flight_vehicle_chaser__id": ["Enter a number."]}),
        ("space_station_target__id=four", {"space_station_target__id": ["Enter a number."]}),
        ("docked=maybe", {"docked": ["Must be a valid boolean: true, false, 1 or 0."]}),
    ],
)
def test_invalid_filter_value_gives_400_with_field_error(api, event, query, errors):
    response = api.get(f"/2.3.0/docking_events/?{query}")
    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/2.3.0/docking_events/999999/", "No DockingEvent matches the given query."),
        ("/2.3.0/docking_events/abc/", "Not found."),
    ],
)
def test_unknown_id_gives_json_404(api, event, path, detail):
    response = api.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "head"])
@pytest.mark.parametrize(
    "path",
    [
        "/2.3.0/docking_events/",
        "/2.3.0/docking_events/{pk}/",
        "/2.3.0/config/docking_locations/",
        "/2.2.0/docking_event/",
        "/2.2.0/docking_event/{pk}/",
        "/2.0.0/docking_event/{pk}/",
    ],
)
def test_only_get_is_allowed(api, event, method, path):
    before = event.__class__.objects.count()
    response = getattr(api, method)(path.format(pk=event.pk), {"docking": "x"}, format="json")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert event.__class__.objects.count() == before


def test_unknown_mode_falls_back_to_normal(api, event):
    body = api.get("/2.3.0/docking_events/?mode=everything").json()
    assert body["results"][0]["response_mode"] == "normal"
    detailed = api.get("/2.3.0/docking_events/?mode=detailed").json()
    assert detailed["results"][0]["response_mode"] == "detailed"


def test_detail_is_always_detailed(api, event):
    body = api.get(f"/2.3.0/docking_events/{event.pk}/?mode=normal").json()
    assert body["response_mode"] == "detailed"
    for version in ("2.0.0", "2.2.0"):
        assert "space_station" in api.get(f"/{version}/docking_event/{event.pk}/").json()


def test_legacy_unknown_id_gives_json_404(api, event):
    response = api.get("/2.2.0/docking_event/999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No DockingEvent matches the given query."}


def test_unserved_version_is_a_404(api, event):
    assert api.get("/2.1.0/docking_event/").status_code == 404


@pytest.mark.parametrize("path", ["/2.3.0/nothing/", "/2.2.0/spacecraft/x/y/", "/2.9.0/thing/"])
def test_unknown_api_paths_answer_json(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("debug", [False, True])
def test_a_path_without_its_slash_is_redirected_whatever_the_method(api, settings, debug):
    settings.DEBUG = debug
    for method in ("get", "post"):
        response = getattr(api, method)("/2.3.0/docking_events")
        assert response.status_code == 301
        assert response["Location"] == "/2.3.0/docking_events/"


@pytest.mark.parametrize("endpoint", ["/2.3.0/docking_events/", "/2.2.0/docking_event/"])
def test_search_words_are_bounded(api, event, endpoint):
    assert api.get(endpoint, {"search": " ".join(["ISS"] * 1500)}).status_code == 200
    words = " ".join(f"w{i}" for i in range(1500))
    response = api.get(endpoint, {"search": words})
    assert response.status_code == 400
    assert response.json() == {"search": ["Search for at most 32 words."]}
    assert api.get(endpoint, {"search": " ".join(f"w{i}" for i in range(32))}).status_code == 200


@pytest.mark.parametrize("debug", [False, True])
def test_too_many_query_parameters_is_a_400(api, settings, event, debug):
    settings.DEBUG = debug
    query = "&".join(f"p{i}=1" for i in range(1200))
    response = api.get(f"/2.3.0/docking_events/?{query}")
    assert response.status_code == 400
    assert "exceeded" in response.json()["detail"]


@pytest.mark.parametrize(
    "moment",
    ["4675-11-08T18:08:28+23:30", "9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00"],
)
@pytest.mark.parametrize("path", ["/2.3.0/docking_events/", "/2.2.0/docking_event/"])
def test_date_times_at_the_edges_are_answers_not_errors(api, event, path, moment):
    response = api.get(path, {"docking__lte": moment})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json() == {"docking__lte": ["Enter a valid date/time."]}
