"""The compiled shapes (api/rendering/) render exactly what DRF renders from the same shapes."""

import json

import pytest
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.rendering import loader
from api.rendering.compile import Context, compile_shape
from api.rendering.links import Links
from api.resources import VERSIONS
from api.shapes import SHAPES
from tests.support import factories

pytestmark = pytest.mark.django_db


def links(version):
    request = Request(APIRequestFactory().get("/", {"format": "json"}))
    request.version = version
    return Links(request)


def both_ways(shape, rows, version):
    loader.load(rows, shape)
    drf = shape(rows, many=True, context={"links": links(version)}).data
    render, context = compile_shape(shape), Context(links(version))
    compiled = [render(row, context) for row in rows]
    text = json.dumps(compiled, separators=(",", ":"), ensure_ascii=False)
    return JSONRenderer().render(drf), text.encode()


# The rows each resource serves: its view's queryset (a station's `docked_vehicles` is counted
# there).
ROWS = {
    (version, view.resource): view.queryset for version, views in VERSIONS.items() for view in views
}


@pytest.mark.parametrize(("version", "resource", "mode"), sorted(SHAPES))
def test_compiled_shapes_render_like_drf(bundled_and_full, version, resource, mode, frozen):
    rows = list(ROWS[(version, resource)].order_by("pk"))
    assert rows

    with frozen("2026-01-01T00:00:00Z"):  # the same live durations both ways
        drf, compiled = both_ways(SHAPES[(version, resource, mode)], rows, version)

    assert json.loads(compiled) == json.loads(drf)
    assert compiled == drf


def test_an_object_met_twice_is_rendered_once():
    station = factories.station("ISS")
    rows = [factories.docking(day, target=station) for day in range(3)]
    shape = SHAPES[("2.3.0", "docking_events", "normal")]
    loader.load(rows, shape)
    render, context = compile_shape(shape), Context(links("2.3.0"))
    first, second, _ = (render(row, context) for row in rows)
    assert first["space_station_target"] is second["space_station_target"]


def test_insert_after_places_a_class_s_own_fields_only():
    """A subclass of a shape that sets `insert_after` adds its fields last, where they read."""
    from rest_framework import serializers as s

    from api.shapes.base import Shape

    class Parent(Shape):
        id = s.IntegerField()
        name = s.CharField()

    class Placed(Parent):
        insert_after = "id"
        url = s.CharField()

    class Child(Placed):
        extra = s.CharField()

    assert list(Placed._declared_fields) == ["id", "url", "name"]
    assert list(Child._declared_fields) == ["id", "url", "name", "extra"]
