"""Each foreign key of a docking event is indexed with the docking and departure times after
it, in place of its own index (which the new one serves as well): a station's, a flight's or a
port's events in a time range, and a search by name with a time filter, are counted from the
index alone (spaceflight/models/docking.py). The old indexes are dropped by name, not by
altering the fields: on SQLite that would copy the table seven times."""

import django.db.models.deletion
from django.db import migrations, models

# Each foreign key: its target, its reverse name, the index Django made for it (`db_index`)
# and the name of the one that replaces it.
KEYS = [
    ("docking_location", "dockinglocation", "docking_events", "f9f038fa", "location"),
    ("flight_vehicle_target", "spacecraftflight", "+", "e32b4766", "fv_target"),
    ("space_station_target", "spacestation", "docking_events", "ef4be6b6", "ss_target"),
    ("payload_flight_target", "payloadflight", "+", "fb5d78ab", "pf_target"),
    ("flight_vehicle_chaser", "spacecraftflight", "docking_events", "ac1a53c9", "fv_chaser"),
    ("space_station_chaser", "spacestation", "+", "c25e7984", "ss_chaser"),
    ("payload_flight_chaser", "payloadflight", "docking_events", "fd05dcc4", "pf_chaser"),
]


def unindexed(name, target, related_name):
    return migrations.AlterField(
        model_name="dockingevent",
        name=name,
        field=models.ForeignKey(
            blank=True,
            db_index=False,
            null=True,
            on_delete=django.db.models.deletion.PROTECT,
            related_name=related_name,
            to=f"spaceflight.{target}",
        ),
    )


def drop(name, digest):
    old = f"spaceflight_dockingevent_{name}_id_{digest}"
    return migrations.RunSQL(
        f'DROP INDEX IF EXISTS "{old}"',
        reverse_sql=f'CREATE INDEX "{old}" ON "spaceflight_dockingevent" ("{name}_id")',
    )


class Migration(migrations.Migration):
    dependencies = [
        ("spaceflight", "0012_generation_keys_payload"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[unindexed(name, target, rel) for name, target, rel, _, _ in KEYS],
            database_operations=[drop(name, digest) for name, _, _, digest, _ in KEYS],
        ),
        *(
            migrations.AddIndex(
                model_name="dockingevent",
                index=models.Index(
                    fields=[name, "docking", "departure"], name=f"docking_event_{short}"
                ),
            )
            for name, _, _, _, short in KEYS
        ),
    ]
