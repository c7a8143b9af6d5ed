"""Trigram indexes for `?search=` on SQLite (spaceflight/search.py), as 0005 made on PostgreSQL.
Made again after every migrate (post_migrate): this migration makes them on an upgrade."""

from django.db import migrations


def create(apps, schema_editor):
    from spaceflight import search

    search.install(connection=schema_editor.connection)


def drop(apps, schema_editor):
    from spaceflight import search

    search.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("spaceflight", "0012_generation_keys_payload")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
