"""The data sets tests start from (tests/support/datasets.py): a copy is the data set its code
makes, row for row, and the database takes new rows after it as after the code's own load."""

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from ingest.models import Capture
from spaceflight import models as m
from spaceflight.changes import current
from tests.support import datasets
from tests.support.imports import database_dump
from tests.support.linked_pages import flush, for_the_module

pytestmark = pytest.mark.django_db


def bundled():
    call_command("load_bundled_data")


def copied(name, make):
    """The data set `name` as a copy: made (or copied) once so that it is kept, the domain
    emptied, then copied (asserted: its code not run). The imports' records it added, and
    the generation token before it."""
    datasets.load(name, make)
    flush()
    recorded, token = Capture.objects.count(), current().token
    runs = []
    datasets.load(name, lambda: runs.append(make()))
    assert not runs
    return Capture.objects.count() - recorded, token


def test_a_copy_of_the_bundled_data_is_what_loading_it_makes():
    before = Capture.objects.count()  # left by modules that loaded outside a test's transaction
    bundled()
    loaded, captures = database_dump(), Capture.objects.count() - before
    flush()
    recorded, token = copied("bundled", bundled)
    assert database_dump() == loaded
    assert recorded == captures > 0  # recorded again, as a load records its pages' dates
    assert current().token != token  # a copy is a write: no response cached before is served


def test_a_copy_returns_what_its_code_returned_and_is_not_made_again():
    made = []

    def make():
        m.Country.objects.create(id=1, name="Ruritania", alpha_2_code="RU")
        made.append(1)
        return {"country": 1}

    datasets._kept.pop(datasets.kept("one-country"), None)
    assert datasets.load("one-country", make) == {"country": 1}
    flush()
    assert datasets.load("one-country", make) == {"country": 1}
    assert made == [1]
    assert list(m.Country.objects.values_list("name", "alpha_2_code")) == [("Ruritania", "RU")]


def test_rows_added_after_a_copy_take_new_ids():
    """Many-to-many rows carry ids of their own, counted by a sequence that `manage.py flush`
    starts again (test_generate's): a copy moves it past the copied ids."""
    through = m.Agency.countries.through
    datasets.load("bundled", bundled)
    flush()
    with connection.cursor() as cursor:
        table = {"table": through._meta.db_table, "column": "id"}
        for sql in connection.ops.sequence_reset_by_name_sql(no_style(), [table]):
            cursor.execute(sql)
    datasets.load("bundled", bundled)
    taken = set(through.objects.values_list("id", flat=True))
    agency = m.Agency.objects.filter(countries__isnull=False).first()
    other = m.Country.objects.create(id=999_999, name="Elbonia")
    agency.countries.add(other)
    assert taken
    assert through.objects.get(agency=agency, country=other).id not in taken


def test_a_domain_that_holds_rows_is_neither_copied_into_nor_kept():
    """Made by its code instead: a copy's rows would collide with those there, and rows made
    beside others are not the data set's alone."""
    country = {"id": 1, "name": "Ruritania"}
    datasets.load("held", lambda: m.Country.objects.create(**country))  # kept, or copied
    m.Country.objects.filter(pk=1).update(name="Renamed")  # the domain holds a row
    runs = []
    again = {"id": 1, "defaults": {"name": "Ruritania"}}
    datasets.load("held", lambda: runs.append(m.Country.objects.update_or_create(**again)))
    assert runs and m.Country.objects.get(pk=1).name == "Ruritania"

    datasets._kept.pop(datasets.kept("unkept"), None)
    datasets.load("unkept", lambda: m.Country.objects.create(id=2, name="Elbonia"))
    assert datasets.kept("unkept") not in datasets._kept


def test_a_data_set_made_under_another_clock_is_made_again(frozen):
    """Some are made around the clock's moment (events to come tomorrow): one made in real
    time is not copied under a clock frozen elsewhere."""
    datasets.load("clocked", lambda: m.Country.objects.create(id=1, name="Now"))
    flush()
    runs = []
    with frozen("2025-02-27T12:00:00Z"):
        datasets.load("clocked", lambda: runs.append(m.Country.objects.create(id=1, name="Then")))
    assert runs and m.Country.objects.get(pk=1).name == "Then"


def test_what_a_module_wrote_for_its_tests_is_gone_after_it(django_db_blocker):
    """The imports' records too: a capture left behind would date the data of every later test
    in the process."""
    with for_the_module(django_db_blocker):
        bundled()
        assert Capture.objects.exists()
    assert not any(model.objects.exists() for model in datasets.records())
    assert not any(model.objects.exists() for model in datasets.domain())
