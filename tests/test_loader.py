"""The loader (api/rendering/loader.py) reads every table as the ORM does: its queries are
compiled once and run with any number of values, on both databases."""

import gc
import threading
import weakref

import pytest
from django.apps import apps
from django.db import connections
from django.db.models import ManyToOneRel

from api.rendering import loader

pytestmark = pytest.mark.django_db


def fields(row):
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def test_every_table_reads_as_the_orm_reads_it(bundled_and_full):
    """The rows, the values (of the same types) and the order the ORM's queries give: every
    table by id, every many-to-many's pairs, every reverse foreign key's rows."""
    read = 0
    for model in apps.get_app_config("spaceflight").get_models():
        pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
        asked = [*pks, None, *pks[:1]]  # no id twice, no None, as the ORM's `__in`
        mine = loader.rows_in(model, model._meta.pk, asked, ordered=False)
        theirs = model.objects.filter(pk__in=pks).order_by()
        assert sorted(map(fields, mine), key=str) == sorted(map(fields, theirs), key=str)
        read += bool(mine)
        for field in model._meta.many_to_many:
            through, source = field.remote_field.through, field.m2m_field_name()
            columns = (f"{source}_id", f"{field.m2m_reverse_field_name()}_id")
            mine = loader.rows_in(through, through._meta.get_field(source), pks, columns)
            theirs = through.objects.filter(**{f"{source}_id__in": pks}).values_list(*columns)
            assert mine == list(theirs), field
        for relation in model._meta.related_objects:
            if type(relation) is ManyToOneRel:
                child, key = relation.related_model, relation.field
                mine = loader.rows_in(child, key, pks)
                theirs = child.objects.filter(**{f"{key.attname}__in": pks})
                assert list(map(fields, mine)) == list(map(fields, theirs)), relation
    assert read >= 45  # of the 49 tables, those the data fills


def test_nothing_asked_is_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        agency = apps.get_model("spaceflight", "Agency")
        assert loader.rows_in(agency, agency._meta.pk, [None]) == []


def test_a_thread_s_connection_goes_with_the_thread():
    """The compiled queries hold their connection: kept by the thread, not past it (granian
    ends the threads it added once idle, and a connection kept open by nothing would stay open
    until the database refuses new clients)."""
    agency = apps.get_model("spaceflight", "Agency")
    held = []

    def read():
        loader.rows_in(agency, agency._meta.pk, [1])
        held.append(weakref.ref(connections["default"]))
        connections["default"].close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    gc.collect()
    assert held and held[0]() is None
