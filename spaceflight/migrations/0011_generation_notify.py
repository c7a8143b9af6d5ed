"""On PostgreSQL, every commit that touches the data generation's row NOTIFYs the processes
listening on `data_generation` (spaceflight/changes.py): updates, deletes and TRUNCATE (a
flush) alike, whoever writes them. SQLite needs nothing: its readers ask `PRAGMA data_version`."""

from django.db import migrations

CREATE = [
    """
    CREATE OR REPLACE FUNCTION spaceflight_generation_notify() RETURNS trigger AS $$
    BEGIN
        PERFORM pg_notify('data_generation', '');
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER spaceflight_generation_notify
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON spaceflight_datageneration
        FOR EACH STATEMENT EXECUTE FUNCTION spaceflight_generation_notify()
    """,
]
DROP = [
    "DROP TRIGGER IF EXISTS spaceflight_generation_notify ON spaceflight_datageneration",
    "DROP FUNCTION IF EXISTS spaceflight_generation_notify()",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("spaceflight", "0010_astronaut_legacy_text")]

    operations = [migrations.RunPython(run(CREATE), run(DROP), elidable=False)]
