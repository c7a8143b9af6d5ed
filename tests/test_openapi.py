"""The OpenAPI 3 schema of each version: valid, complete, and true to the responses."""

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from api.resources import VERSIONS as VIEWS
from api.shapes import SHAPES, modes
from tests.support import crewed as crew_data
from tests.support import datasets

# Served from kept fragments (api/rendering/fragments.py), as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]

crewed = crew_data.crewed
VERSIONS = ["2.0.0", "2.2.0", "2.3.0"]
RESOURCES = sorted({(version, resource) for version, resource, _ in SHAPES})


def schema(api, version):
    response = api.get(f"/{version}/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("version", VERSIONS)
def test_schema_validates_as_openapi_3(api, version):
    document = schema(api, version)
    assert document["openapi"].startswith("3.")
    validate(document)
    assert all(path.startswith(f"/{version}/") for path in document["paths"])


def test_every_filter_is_described(api):
    parameters = schema(api, "2.3.0")["paths"]["/2.3.0/docking_events/"]["get"]["parameters"]
    described = {p["name"]: p for p in parameters}
    assert set(described) == {
        "docked",
        "docking__gt",
        "docking__gte",
        "docking__lt",
        "docking__lte",
        "docking_location__id",
        "flight_vehicle_chaser__id",
        "space_station_target__id",
        "limit",
        "offset",
        "ordering",
        "search",
        "mode",
    }
    assert described["docked"]["schema"]["type"] == "boolean"
    assert described["docking__gt"]["schema"]["format"] == "date-time"
    assert sorted(described["mode"]["schema"]["enum"]) == ["detailed", "normal"]
    legacy = schema(api, "2.2.0")["paths"]["/2.2.0/docking_event/"]["get"]["parameters"]
    assert {"flight_vehicle__id", "space_station__id"} <= {p["name"] for p in legacy}


def validator_for(document, component):
    """A validator of one component, resolving references within the document."""
    wrapped = {"$ref": f"#/components/schemas/{component}", **document}
    return OAS31Validator(wrapped)


def component(document, path):
    """The validator of the 200 answer of `GET path` (as the document spells the path)."""
    schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return validator_for(document, schema["schema"]["$ref"].split("/")[-1])


def test_every_resource_is_described(api):
    for version in VERSIONS:
        paths = schema(api, version)["paths"]
        served = {resource for v, resource in RESOURCES if v == version}
        described = {path.split("/", 2)[2].rsplit("/", 2)[0] for path in paths if "{id}" in path}
        assert described == served
        for view in VIEWS[version]:
            resource = view.resource
            parameters = paths[f"/{version}/{resource}/"]["get"]["parameters"]
            mode = next((p for p in parameters if p["name"] == "mode"), None)
            # A list may answer in fewer shapes than its `{id}/` (a 2.2.0 location's).
            listed = [m for m in modes(version, resource) if m in (view.list_modes or [m])]
            if len(listed) > 1:
                assert sorted(mode["schema"]["enum"]) == sorted(listed)
            else:
                assert mode is None


# The bundled data has no image variants, no station status, no launch to come, and no
# spacewalks, events, astronaut roles or event types (`crewed` has them).
EMPTY_IN_BUNDLED_DATA = {
    "config/image_variant_types",
    "config/space_station_statuses",
    "launches/upcoming",
    "launch/upcoming",
    "spacewalks",
    "events",
    "events/upcoming",
    "events/previous",
    "config/astronaut_roles",
    "config/event_types",
    "event",
    "event/upcoming",
    "event/previous",
    "config/astronautrole",
    "config/eventtype",
}
# People and events, and what embeds them (a station its expeditions under way, a flight its
# crews, a launch its flights, a landing its flight).
CREWS = [
    "astronauts",
    "expeditions",
    "spacewalks",
    "events",
    "events/upcoming",
    "events/previous",
    "config/astronaut_roles",
    "config/astronaut_statuses",
    "config/astronaut_types",
    "config/event_types",
    "space_stations",
    "spacecraft_flights",
    "launches",
    "landings",
]


def assert_matches_the_schema(api, version, resource, may_be_empty=False):
    document = schema(api, version)
    page = component(document, f"/{version}/{resource}/")
    detail = component(document, f"/{version}/{resource}/{{id}}/")

    ids = set()
    for mode in modes(version, resource):
        body = api.get(f"/{version}/{resource}/?mode={mode}&limit=100").json()
        assert body["results"] or may_be_empty
        page.validate(body)
        ids |= {item["id"] for item in body["results"]}
    for pk in sorted(ids):
        detail.validate(api.get(f"/{version}/{resource}/{pk}/").json())


@pytest.mark.parametrize(("version", "resource"), RESOURCES)
def test_every_bundled_response_matches_the_schema(api, version, resource):
    """Nulls included: the schema marks nullable every field that really is null somewhere."""
    datasets.bundled()
    assert_matches_the_schema(api, version, resource, resource in EMPTY_IN_BUNDLED_DATA)


# The same in the older versions' paths (2.0.0 had no spacewalks and no lookups of them).
OLDER_CREWS = [
    "astronaut",
    "expedition",
    "spacewalks",
    "event",
    "event/upcoming",
    "event/previous",
    "config/astronautrole",
    "config/astronautstatus",
    "config/astronauttype",
    "config/eventtype",
    "spacestation",
    "spacecraft/flight",
    "launch",
]
CREWED_PATHS = [("2.3.0", resource) for resource in CREWS] + [
    (version, resource)
    for version in ("2.2.0", "2.0.0")
    for resource in OLDER_CREWS
    if (version, resource) in RESOURCES
]


@pytest.mark.parametrize(("version", "resource"), CREWED_PATHS)
def test_every_crewed_response_matches_the_schema(api, crewed, version, resource):
    """Crews, expeditions under way, events, and rows known only from smaller forms."""
    assert_matches_the_schema(api, version, resource)


def test_swagger_ui_is_served_without_external_assets(api):
    response = api.get("/2.3.0/swagger/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/2.3.0/schema/" in html
    assert "cdn.jsdelivr.net" not in html


def test_the_schema_is_served_from_memory_with_an_etag(api):
    first = api.get("/2.3.0/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    again = api.get(
        "/2.3.0/schema/",
        HTTP_ACCEPT="application/vnd.oai.openapi+json",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )
    yaml = api.get("/2.3.0/schema/")
    assert first.status_code == 200 and again.status_code == 304
    assert yaml.status_code == 200 and yaml["ETag"] != first["ETag"]
    assert yaml.content.startswith(b"openapi: 3.")


@pytest.mark.parametrize("version", VERSIONS)
def test_operations_are_tagged_by_family_docking_events_first(api, version):
    document = schema(api, version)
    names = [tag["name"] for tag in document["tags"]]
    assert names[0] == "Docking events" and names[-1] == "Rate limits"
    events = "/2.3.0/docking_events/" if version == "2.3.0" else f"/{version}/docking_event/"
    assert document["paths"][events]["get"]["tags"] == ["Docking events"]
    used = {op["tags"][0] for path in document["paths"].values() for op in path.values()}
    assert used == set(names)
    assert "stations, spacecraft" in document["info"]["description"]
