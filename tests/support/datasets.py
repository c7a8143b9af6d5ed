"""The data sets many tests start from (the bundled pages, generated events with crews), made
once per test process and copied in after that.

A data set is made by its own code the first time a process asks for it (`load`): the
importer reads the bundled pages in about a second, hundreds of times a run. Its rows, every
table of the domain and the imports' records, are then kept in memory, and each later test
that asks for it gets them back in one bulk insert per table, in its own transaction, with
the data generation replaced as a write replaces it and PostgreSQL's id sequences moved past
them. The rows are the same rows: the tests that check what loading does (the commands', the
importer's own tests) call it themselves, not this.

A data set is kept only when it was made into an empty domain (otherwise its rows would carry
what was there before), and copied only into an empty domain; into one that holds rows, it is
made again by its own code."""

import time
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from spaceflight.changes import data_changed
from spaceflight.models import DataGeneration

_kept = {}


def domain():
    """The models of the domain, many-to-many tables included (the generation token is not
    data: a copy replaces it)."""
    found = apps.get_app_config("spaceflight").get_models(include_auto_created=True)
    return [model for model in found if model is not DataGeneration]


def records():
    """The imports' records (when pages were captured...): copied as new rows, as a load
    records them again beside the ones before."""
    return list(apps.get_app_config("ingest").get_models())


def _empty():
    return not any(model.objects.exists() for model in domain())


def _last_records():
    """The last id of each table of records: what a data set adds comes after it."""
    return {model: model.objects.aggregate(last=Max("pk"))["last"] or 0 for model in records()}


def _rows(last_records):
    kept = {}
    for model in domain():
        names = [field.attname for field in model._meta.concrete_fields]
        kept[model] = (names, list(model.objects.order_by("pk").values_list(*names)))
    for model in records():
        names = [field.attname for field in model._meta.concrete_fields if not field.primary_key]
        added = model.objects.filter(pk__gt=last_records[model]).order_by("pk")
        kept[model] = (names, list(added.values_list(*names)))
    return kept


def _copy(rows):
    with transaction.atomic():  # rows refer to each other: checked once all are in
        for model, (names, values) in rows.items():
            if values:
                model.objects.bulk_create(
                    [model(**dict(zip(names, row, strict=True))) for row in values],
                    batch_size=500,
                )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(rows)):
                    cursor.execute(sql)
        data_changed()


def kept(name):
    """The key a data set is kept under: its name and the hour. Some are made around the
    clock's moment (events to come tomorrow, expeditions under way since some days): one
    made under a frozen clock, or hours before, is not the one the code would make now."""
    return name, int(time.time() // 3600)


def load(name, make):
    """The data set `name`, made by `make()` the first time in this process (and hour);
    what `make()` returned."""
    if not _empty():
        return make()
    key = kept(name)
    if key in _kept:
        rows, made = _kept[key]
        _copy(rows)
        return made
    last_records = _last_records()
    made = make()
    _kept[key] = (_rows(last_records), made)
    return made


def bundled():
    """The bundled data, as `manage.py load_bundled_data` loads it."""
    load("bundled", lambda: call_command("load_bundled_data", stdout=StringIO()))


def generated(events, seed):
    """`manage.py generate_data --events events --seed seed`."""
    load(
        f"generated-{events}-{seed}",
        lambda: call_command(
            "generate_data", "--events", str(events), "--seed", str(seed), stdout=StringIO()
        ),
    )
