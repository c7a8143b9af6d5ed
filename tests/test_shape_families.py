"""The shapes are grouped by resource family (api/shapes/v2_3_0/, api/shapes/v2_2_0/): each
version's package names every shape its families declare, and no `Later` placeholder is left
once the packages are imported."""

import importlib
import pkgutil

import pytest
from rest_framework import serializers

from api.shapes import base, v2_2_0, v2_3_0


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def test_no_shape_keeps_a_later_placeholder():
    left = [
        f"{shape.__module__}.{shape.__name__}.{name}"
        for shape in _subclasses(base.Shape)
        for name, field in shape._declared_fields.items()
        if isinstance(field, base.Later)
    ]
    assert not left


def test_a_resolved_field_keeps_its_place_and_is_inherited():
    keys = list(v2_3_0.SpacecraftFlightDetailed._declared_fields)
    assert keys[-4:] == ["launch_crew", "onboard_crew", "landing_crew", "docking_events"]
    field = v2_3_0.SpacecraftFlightDetailed._declared_fields["docking_events"]
    assert isinstance(field, base.Subset)
    assert type(field.child) is v2_3_0.DockingEventForChaserNormal
    inherited = v2_3_0.SpacecraftFlightDetailedSerializerNoLanding._declared_fields
    assert inherited["docking_events"] is field


@pytest.mark.parametrize("package", [v2_3_0, v2_2_0], ids=lambda package: package.__name__)
def test_the_version_package_names_every_shape_of_its_families(package):
    families = [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]
    assert len(families) > 5
    for family in families:
        for name, value in vars(family).items():
            if (
                isinstance(value, type)
                and issubclass(value, serializers.Field)
                and value is not getattr(base, name, None)
            ):
                assert getattr(package, name, None) is value, f"{family.__name__}.{name}"
