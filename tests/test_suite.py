"""The suite itself: the production-stack pass runs the modules tests/conftest.py names, so a
renamed or removed module must not silently leave that pass."""

from pathlib import Path

from tests.conftest import ALONE, BOTH_DATABASES, SHARED_REDIS


def test_every_module_run_on_both_databases_exists():
    modules = {path.stem for path in Path(__file__).parent.glob("test_*.py")}
    named = BOTH_DATABASES | ALONE | SHARED_REDIS
    assert named <= modules, named - modules
