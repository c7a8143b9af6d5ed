"""A restart of unchanged code collects no static files: whitenoise's compression of every
file took most of `make serve`'s start, again on every start."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

MANIFEST = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}


def collect():
    out = StringIO()
    call_command("collectstatic_once", stdout=out)
    return out.getvalue().strip()


def mtimes(root):
    return {path: path.stat().st_mtime_ns for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def static(tmp_path, settings):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "ours.css").write_text("body { color: black }")
    root = tmp_path / "collected"
    storages = {**settings.STORAGES, "staticfiles": MANIFEST}
    with override_settings(STATIC_ROOT=root, STATICFILES_DIRS=[sources], STORAGES=storages):
        yield sources, root


def test_a_second_start_collects_nothing_until_a_file_changes(static):
    sources, root = static
    assert collect() == "Static files collected."
    before = mtimes(root)
    assert any(path.name.startswith("ours.") and path.name != "ours.css" for path in before)

    assert collect() == "Static files unchanged: nothing collected."
    assert mtimes(root) == before

    (sources / "ours.css").write_text("body { color: white }")
    assert collect() == "Static files collected."
    assert mtimes(root) != before


def test_collected_files_removed_are_collected_again(static):
    _, root = static
    collect()
    os.remove(root / "staticfiles.json")
    assert collect() == "Static files collected."


def test_source_maps_are_collected_but_not_compressed(static, settings):
    sources, root = static
    (sources / "ours.js").write_text("let x = 1;" * 100)
    (sources / "ours.js.map").write_text('{"version": 3}' * 100)
    compressed = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    with override_settings(
        STORAGES={**settings.STORAGES, "staticfiles": compressed},
        # Ours alone: the apps' files compressed would take most of a minute.
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        collect()
    names = {path.name for path in root.iterdir()}
    assert "ours.js.map" in names and "ours.js.gz" in names
    assert not any(
        name.startswith("ours.js.") and name.endswith((".map.gz", ".map.br")) for name in names
    )
