"""The data the filter tests read (tests/support/rows.py): 600 generated docking events and
their graph (the people and events included), every empty column filled but those whose
emptiness means something (MEANINGFULLY_EMPTY), several values where the generator holds
one, then every nullable column emptied on one row in seven, so nulls are at the edges too."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models

from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support import datasets
from tests.support.linked_pages import KEPT_AS_THEY_ARE, domain_models, fill, for_the_module


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    """The module's data, made once for all its tests, and removed after them."""
    with for_the_module(django_db_blocker):
        datasets.load("rows", make)
        yield


def make():
    call_command("generate_data", events=600, seed=20, stdout=StringIO())
    empty = {(model, c): empty_rows(model, c) for model, c in MEANINGFULLY_EMPTY}
    fill()
    for (model, column), pks in empty.items():
        model.objects.filter(pk__in=pks).update(**{column: None})
    vary()
    empty_some()
    data_changed()


# Columns whose emptiness the generator means: age counts to the day asked for the living, a
# candidate has no flights, an expedition under way may have no end.
MEANINGFULLY_EMPTY = [
    (m.Astronaut, "date_of_death"),
    (m.Astronaut, "first_flight"),
    (m.Astronaut, "last_flight"),
    (m.Expedition, "end"),
]


def empty_rows(model, column):
    return list(model.objects.filter(**{column: None}).values_list("pk", flat=True))


def vary():
    """Several values where the generated data holds one or two (a statistic, a flag), and
    agencies that name another as their parent, so that every filter can tell rows apart."""
    kinds = (models.IntegerField, models.FloatField, models.BooleanField)
    for model in domain_models():
        rows = list(model.objects.order_by("pk"))
        columns = [
            c
            for c in model._meta.concrete_fields
            if isinstance(c, kinds)
            and not (c.primary_key or c.is_relation)
            and len({getattr(row, c.attname) for row in rows} - {None}) < 3
        ]
        for index, row in enumerate(rows):
            for c in columns:
                boolean = isinstance(c, models.BooleanField)
                setattr(row, c.attname, index % 2 == 0 if boolean else index * 7 % 11)
        if rows and columns:
            model.objects.bulk_update(rows, [c.attname for c in columns], batch_size=200)
    agencies = list(m.Agency.objects.order_by("pk"))
    for child, parent in zip(agencies[1::3], agencies[::3], strict=False):
        child.parent = parent.name
    m.Agency.objects.bulk_update(agencies, ["parent"])


def empty_some():
    for model in domain_models():
        if model in KEPT_AS_THEY_ARE:
            continue
        nullable = [c.attname for c in model._meta.concrete_fields if c.null and not c.primary_key]
        if nullable:
            pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
            model.objects.filter(pk__in=pks[3::7]).update(**dict.fromkeys(nullable))
