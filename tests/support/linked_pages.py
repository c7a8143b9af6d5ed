"""What the `import_ll2` tests on the resources a docking event links to
(tests/test_import_*.py) share: the bundled set with every value it lacks filled in (the
`filled` fixture, which each module takes in as `filled = linked_pages.filled`, and
`fill`), an empty domain (`flush`), a page of our API as served at `NOW` (`get`) and as a file
`import_ll2` reads (`write`), and reading a nested key of a served object (`at`,
`first_with`)."""

import contextlib
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps
from django.db import models, transaction

from api.shapes import SHAPES
from ingest.fields import LOCAL
from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.conftest import BUNDLED
from tests.support import datasets
from tests.support.imports import run

# A launch of the bundled data is upcoming then.
NOW = "2025-02-27T12:00:00Z"
RESOURCES = sorted(
    {
        resource
        for version, resource, _ in SHAPES
        if version == "2.3.0"
        and resource
        not in {
            # Covered by test_import.py and test_placing.py.
            "docking_events",
            "config/docking_locations",
            "space_stations",
            "spacecraft_flights",
            "spacecraft",
            "payload_flights",
        }
    }
)


# Filling what the bundled data lacks -------------------------------------------------------


def filler(model, column, index):
    """A value for an empty column, distinct per column and row."""
    name = f"{model.__name__}.{column.name}.{index}"
    if isinstance(column, models.BooleanField):
        return index % 2 == 0
    if isinstance(column, models.IntegerField):  # BigIntegerField included
        return 1000 + index + len(column.name)
    if isinstance(column, models.FloatField):
        return 1.5 + index + len(column.name)
    if isinstance(column, models.DateTimeField):
        return datetime(2001, 2, 3, 4, 5, 6 + index % 50, tzinfo=UTC)
    if isinstance(column, models.DateField):
        return date(2001, 2, 3 + index % 25)
    if isinstance(column, models.DurationField):
        return timedelta(days=index + 1, hours=2, seconds=3)
    if isinstance(column, models.JSONField):
        return [{"id": index, "title": name, "priority": 1}]
    if isinstance(column, models.URLField):
        return f"https://example.com/{name}"
    if isinstance(column, models.SlugField):
        return f"slug-{index}"
    if isinstance(column, models.CharField | models.TextField):
        return name[: column.max_length] if column.max_length else name
    raise TypeError(column)


# Rows whose relations say what is docked where: left as the bundled data has them.
KEPT_AS_THEY_ARE = {m.DockingEvent, m.DockingLocation, m.DataGeneration, m.Curated}


def domain_models():
    return [
        model
        for model in apps.get_app_config("spaceflight").get_models()
        if model not in KEPT_AS_THEY_ARE
    ]


def fill():
    """Give every empty column, foreign key and many-to-many relation of every row a value
    (a row of each lookup the bundled data has none of made first)."""
    for model in domain_models():
        if not model.objects.exists() and issubclass(model, m.Named):
            model.objects.create(id=1, name=f"Some {model._meta.verbose_name}")
    if not m.ImageVariant.objects.exists():
        m.ImageVariant.objects.create(
            id=1,
            image=m.Image.objects.order_by("pk").first(),
            type=m.ImageVariantType.objects.order_by("pk").first(),
            image_url="https://example.com/variant.webp",
        )
    # The rest of what the bundled data has none of (crews, expeditions, spacewalks).
    for model in domain_models():
        if not model.objects.exists() and isinstance(model._meta.pk, models.IntegerField):
            model.objects.create(id=1, **required_text(model))
    for model in domain_models():
        fill_rows(model)
    data_changed()


def required_text(model):
    """A value for each text column a row can't be made without (a name, a role)."""
    return {
        c.name: f"Some {model._meta.verbose_name}"
        for c in model._meta.concrete_fields
        if isinstance(c, models.CharField) and not c.null and c.default is models.NOT_PROVIDED
    }


def fill_rows(model):
    columns = [
        c
        for c in model._meta.concrete_fields
        if not c.primary_key
        and (model.__name__, c.name) not in LOCAL
        # What makes a flight live, and so its duration a moving value.
        and c.name != "mission_end"
    ]
    targets = {
        c.name: list(c.related_model.objects.order_by("pk").values_list("pk", flat=True))
        for c in model._meta.concrete_fields + model._meta.many_to_many
        if c.is_relation
    }
    # A statement per table, not a save per row: the filter tests fill thousands of rows.
    rows, changed = list(model.objects.order_by("pk")), set()
    for index, row in enumerate(rows):
        for column in columns:
            if getattr(row, column.attname) not in (None, "", []):
                continue
            if column.is_relation:
                # Another row than this one: a family is not its own parent.
                choices = [
                    pk
                    for pk in targets[column.name]
                    if column.related_model is not model or pk != row.pk
                ]
                if not choices:
                    continue
                setattr(row, column.attname, choices[index % len(choices)])
            else:
                setattr(row, column.attname, filler(model, column, index))
            changed.add(column.attname)
    if changed:
        model.objects.bulk_update(rows, sorted(changed), batch_size=200)
    for relation in model._meta.many_to_many:
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        linked = set(through.objects.values_list(f"{source}_id", flat=True))
        choices = targets[relation.name]
        if not choices:
            continue
        through.objects.bulk_create(
            [
                through(**{f"{source}_id": row.pk, f"{target}_id": other})
                for index, row in enumerate(rows)
                if row.pk not in linked
                for other in choices[index % len(choices) :][:2]
            ],
            batch_size=500,
        )


@contextlib.contextmanager
def for_the_module(django_db_blocker):
    """Rows a whole module's tests read (made once: none of them writes), written outside any
    test's transaction within the block, and removed after it, the imports' records with them:
    a capture left behind would date the data of every later test in the process (the pages
    count to the data's date when it is over a day old, pages/aboard.py)."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            with transaction.atomic():  # rows refer to each other: checked when all are gone
                flush()
                for model in datasets.records():
                    model.objects.all()._raw_delete(model.objects.db)


def flush():
    """An empty domain: every row of every table, relations' tables included, gone."""
    for model in datasets.domain():
        model.objects.all()._raw_delete(model.objects.db)
    data_changed()


@pytest.fixture
def filled():
    datasets.load("filled", lambda: (run(BUNDLED), fill()))


# Pages -------------------------------------------------------------------------------------


def get(api, frozen, path):
    with frozen(NOW):
        response = api.get(f"{path}{'&' if '?' in path else '?'}format=json")
    assert response.status_code == 200, (path, response.content[:300])
    return json.loads(response.content)


def write(tmp_path, path, body):
    """A page as a file: JSON, or, for objects LL2 shows without a url (placed by the path
    of their page), a page captured from the browsable API, whose request line says it."""
    if has_urls(body):
        page = tmp_path / "page.json"
        page.write_text(json.dumps(body))
    else:
        page = tmp_path / "page.txt"
        page.write_text(f"GET {path}\nHTTP 200 OK\nAllow: GET\n\n{json.dumps(body, indent=4)}")
    return page


def has_urls(body):
    objects = body["results"] if "results" in body else [body]
    return all("url" in item for item in objects)


def at(row, key):
    for part in key.split("."):
        row = row.get(part) if isinstance(row, dict) else None
    return row


def first_with(rows, key):
    return next(index for index, row in enumerate(rows) if at(row, key))


def page_of(*objects, next_url=None):
    return {"count": len(objects), "next": next_url, "previous": None, "results": list(objects)}
