"""The data generation's row gains the keys token (spaceflight/changes.py, `keys_changed`), and
on PostgreSQL its notification carries the row as the statement left it, "token changed_at
keys" (nothing when there is no row), so a listening process knows the new generation without
reading it."""

from importlib import import_module

from django.db import migrations, models

notify = import_module("spaceflight.migrations.0011_generation_notify")

NOTIFY_ROW = """
    CREATE OR REPLACE FUNCTION spaceflight_generation_notify() RETURNS trigger AS $$
    BEGIN
        PERFORM pg_notify('data_generation', coalesce((
            SELECT token || ' '
                || to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                || ' ' || keys_token
            FROM spaceflight_datageneration WHERE id = 1), ''));
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
"""


class Migration(migrations.Migration):
    dependencies = [("spaceflight", "0011_generation_notify")]

    operations = [
        migrations.AddField(
            model_name="datageneration",
            name="keys_token",
            field=models.CharField(default="initial", max_length=32),
        ),
        migrations.RunPython(notify.run([NOTIFY_ROW]), notify.run(notify.CREATE[:1]), elidable=False),
    ]
