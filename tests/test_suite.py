"""The suite itself: the production-stack pass runs the modules tests/conftest.py names, so a
renamed or removed module must not silently leave that pass."""

from pathlib import Path

from tests.conftest import ALONE, BOTH_DATABASES, SHARED_REDIS, pytest_ignore_collect


def test_every_module_run_on_both_databases_exists():
    modules = {path.stem for path in Path(__file__).parent.glob("test_*.py")}
    named = BOTH_DATABASES | ALONE | SHARED_REDIS
    assert named <= modules, named - modules


class Options:
    def __init__(self, expression):
        self.expression = expression

    def getoption(self, name):
        assert name == "markexpr"
        return self.expression


def ignored(expression):
    """The test modules a pass chosen by `expression` does not collect."""
    return {
        path.stem
        for path in Path(__file__).parent.glob("test_*.py")
        if pytest_ignore_collect(path, Options(expression))
    }


def test_a_pass_chosen_by_these_marks_collects_only_the_modules_it_runs():
    modules = {path.stem for path in Path(__file__).parent.glob("test_*.py")}
    assert ignored("databases and not alone") == modules - (BOTH_DATABASES - ALONE)
    assert ignored("alone") == modules - ALONE
    assert ignored("not alone") == ALONE
    # Any other mark may be a test's own, and a mistaken expression is pytest's to report.
    assert ignored("databases and slow") == ignored("django_db") == set()
    assert ignored("databases and (") == ignored("") == set()
