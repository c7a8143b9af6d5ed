"""Trigram indexes for `?search=` on PostgreSQL (api/filters.py, BoundedSearch).

Django's `icontains` on PostgreSQL is `UPPER(col::text) LIKE UPPER('%word%')`: a GIN index of
pg_trgm on that same expression serves it, at any position in the name. pg_trgm is a trusted
extension since PostgreSQL 13: the database's owner may create it. Nothing on SQLite, whose
searched tables are scanned (they are small; the events are reached by foreign-key indexes).
"""

from django.db import migrations

# The name columns the docking events' search reaches (through foreign keys).
TABLES = [
    "spaceflight_dockinglocation",
    "spaceflight_spacecraft",
    "spaceflight_payload",
    "spaceflight_spacestation",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{table}_name_trgm" ON "{table}" '
            '\nUSING gin ((UPPER("name"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_name_trgm"')


class Migration(migrations.Migration):
    dependencies = [("spaceflight", "0004_station_and_configuration_details")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
