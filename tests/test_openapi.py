"""The OpenAPI 3 schema of each version: valid, complete, and true to the responses."""

import pytest
from django.core.management import call_command
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from spaceflight.models import DockingEvent

pytestmark = pytest.mark.django_db

VERSIONS = ["2.0.0", "2.2.0", "2.3.0"]
EVENTS = {"2.0.0": "docking_event", "2.2.0": "docking_event", "2.3.0": "docking_events"}


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


@pytest.mark.parametrize("version", VERSIONS)
def test_every_bundled_response_matches_the_schema(api, version):
    """Nulls included: the schema marks nullable every field that really is null somewhere."""
    call_command("load_bundled_data")
    document = schema(api, version)
    responses = document["paths"][f"/{version}/{EVENTS[version]}/"]["get"]["responses"]
    page = validator_for(
        document, responses["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    )
    detail_ref = document["paths"][f"/{version}/{EVENTS[version]}/{{id}}/"]["get"]["responses"][
        "200"
    ]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    detail = validator_for(document, detail_ref)

    for mode in ("normal", "detailed"):
        body = api.get(f"/{version}/{EVENTS[version]}/?mode={mode}&limit=100").json()
        page.validate(body)
    for pk in DockingEvent.objects.exclude(flight_vehicle_chaser=None).values_list("pk", flat=True):
        detail.validate(api.get(f"/{version}/{EVENTS[version]}/{pk}/").json())


def test_swagger_ui_is_served_without_external_assets(api):
    response = api.get("/2.3.0/swagger/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/2.3.0/schema/" in html
    assert "cdn.jsdelivr.net" not in html
