"""The path of a resource is written in two places that may not import each other: the API
serves it (api/resources/, its rows in the shape table) and the importer places LL2's objects
by it (ingest/placing.py). They must agree on every path and on what it holds."""

from api.resources import MODELS, VERSIONS
from api.shapes import SHAPES
from ingest.placing import COLLECTIONS


def test_every_served_path_is_imported_as_the_model_it_serves():
    served = {resource.resource for resources in VERSIONS.values() for resource in resources}
    assert served == set(MODELS)
    for path, model in MODELS.items():
        assert path in COLLECTIONS, f"{path} is served but not imported"
        assert COLLECTIONS[path].kind == model.__name__, path


def test_every_imported_path_is_served():
    assert set(COLLECTIONS) <= set(MODELS)


def test_every_row_of_the_shape_table_is_a_served_resource():
    assert {(version, resource) for version, resource, _ in SHAPES} == {
        (version, resource.resource)
        for version, resources in VERSIONS.items()
        for resource in resources
    }
