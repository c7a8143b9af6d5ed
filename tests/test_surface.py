"""What a client sees besides the responses, pinned so that moving code can't change it: each
version's API root, and each version's schema (its operations in order, with their tags,
parameters, descriptions and responses, and every component, compared whole by digest).
`UPDATE_SURFACE=1 make test` writes the snapshot again, for a change meant to be seen."""

import hashlib
import json
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).parent / "snapshots" / "surface.json"
VERSIONS = ["2.0.0", "2.2.0", "2.3.0"]


def digest(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]


def surface(api, version):
    root = api.get(f"/{version}/?format=json").json()
    schema = api.get(f"/{version}/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operations = [
        {
            "path": path,
            "method": method,
            "id": operation["operationId"],
            "tags": operation.get("tags"),
            "parameters": [parameter["name"] for parameter in operation.get("parameters", [])],
            "description": operation.get("description"),
            "responses": digest(operation["responses"]),
        }
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
    return {
        "root": root,
        "info": schema["info"],
        "tags": schema.get("tags"),
        "operations": operations,
        "components": {name: digest(c) for name, c in schema["components"]["schemas"].items()},
    }


def test_the_api_roots_and_schemas_are_as_pinned(api):
    found = {version: surface(api, version) for version in VERSIONS}
    if os.environ.get("UPDATE_SURFACE"):
        SNAPSHOT.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
    expected = json.loads(SNAPSHOT.read_text())
    for version in VERSIONS:
        for part in ("root", "info", "tags", "components"):
            assert found[version][part] == expected[version][part], (version, part)
        assert [op["id"] for op in found[version]["operations"]] == [
            op["id"] for op in expected[version]["operations"]
        ]
        assert found[version]["operations"] == expected[version]["operations"], version
