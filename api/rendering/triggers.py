"""The database marks fragments stale (api/rendering/fragments.py) in the writing transaction.

Every table the API shows gets triggers that, for each row inserted, deleted, or updated with
a value that differs, mark stale every fragment that depends on the row
(`table:pk`) or on a list the row belongs to (`table.column:value`, for each of its foreign
keys, old and new), and every one that depends on any write (`ANY`: a list's page, whose
rows any write may change, api/serving/lists.py). A stale fragment is never read again; the
writer renders it again after its commit (`rebuild_stale`). Being triggers, they see every
write: the ORM's, `bulk_create`, `update()`, raw SQL, `psql`; a TRUNCATE (PostgreSQL) makes
every fragment stale.

They are made again after every `migrate` (`install`, on post_migrate) from the models as they
are then, so a column added later is compared too; and every fragment is dropped, as a
migration comes with code whose shapes may render differently.

Every writing statement also moves a tick (`api.FragmentClock`, per statement on PostgreSQL,
per row on SQLite) in its own transaction, and on PostgreSQL takes an exclusive advisory lock
(`LOCK`) until it commits. A reader storing fragments tries the lock shared, then checks that
the tick is still the one its snapshot read: a fragment built before a commit is never stored
after it, whatever that write did or did not do to the data generation."""

from django.apps import apps

# pg_advisory_xact_lock's key for writes against fragment stores (any constant of our own).
LOCK = 0x646F636B696E67  # "docking"
TRIGGER = "fragments_stale"
# The dependency every write matches.
ANY = "*"


def shown_tables():
    """`[(table, pk column, [foreign key columns], [all columns])]` of the tables the API shows:
    the domain's models and their many-to-many tables, but the data generation and curators'
    marks."""
    from spaceflight.models import Curated, DataGeneration

    tables = []
    for model in apps.get_app_config("spaceflight").get_models(include_auto_created=True):
        if model in (DataGeneration, Curated):
            continue
        fields = model._meta.concrete_fields
        foreign = [f.column for f in fields if f.is_relation]
        columns = [f.column for f in fields]
        tables.append((model._meta.db_table, model._meta.pk.column, foreign, columns))
    return tables


def install(using="default", **kwargs):
    """Make the triggers and arm the fragments, on a database migrated all the way; on one
    migrated part of the way (the tables they write may not be there, or not be as the models
    say), drop them and disarm: no fragment is read or stored without its triggers. Either way
    every fragment is dropped, in the same transaction: a migration comes with new code, whose
    shapes may render differently."""
    from django.db import connections, transaction

    from spaceflight.apps import migrated_all_the_way

    connection = connections[using]
    armed = migrated_all_the_way(connection)
    tables = set(connection.introspection.table_names())
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if armed:
            statements = _postgresql() if connection.vendor == "postgresql" else _sqlite()
            for statement in statements:
                cursor.execute(statement)
        else:
            drop(connection)
        if "api_fragmentclock" in tables:
            # The tick moves on, never back: a fragment built before can't match it again.
            cursor.execute(
                "UPDATE api_fragmentclock SET tick = tick + 1, armed = %s WHERE id = 1", [armed]
            )
            if cursor.rowcount == 0:
                cursor.execute(
                    "INSERT INTO api_fragmentclock (id, tick, armed) VALUES (1, 1, %s)", [armed]
                )
        for table in ("api_fragmentdep", "api_fragment"):
            if table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - our own table names


def drop(connection):
    """Drop every trigger `install` made."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE %s",
                [f"{TRIGGER}%"],
            )
            statements = [
                f'DROP TRIGGER "{name}" ON "{table}"' for name, table in cursor.fetchall()
            ]
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{TRIGGER}%"],
            )
            statements = [f'DROP TRIGGER "{name}"' for (name,) in cursor.fetchall()]
        for statement in statements:
            cursor.execute(statement)


def dropped(apps, schema_editor):
    """For the migration that makes the fragments' tables, run backwards: no trigger may write
    to them once they are gone."""
    drop(schema_editor.connection)


TICK = "UPDATE api_fragmentclock SET tick = tick + 1 WHERE id = 1"
STALE = (
    "UPDATE api_fragment SET stale = TRUE WHERE NOT stale AND key IN "
    "(SELECT key FROM api_fragmentdep WHERE dep {match})"
)


def _postgresql():
    yield f"""
        CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            deps text[] := ARRAY['{ANY}'];
            version jsonb;
            versions jsonb[];
        BEGIN
            PERFORM pg_advisory_xact_lock({LOCK});
            IF TG_OP = 'INSERT' THEN versions := ARRAY[to_jsonb(NEW)];
            ELSIF TG_OP = 'DELETE' THEN versions := ARRAY[to_jsonb(OLD)];
            ELSE versions := ARRAY[to_jsonb(OLD), to_jsonb(NEW)];
            END IF;
            FOREACH version IN ARRAY versions LOOP
                deps := deps || (TG_TABLE_NAME || ':' || replace(version->>TG_ARGV[0], '-', ''));
                FOR i IN 1 .. TG_NARGS - 1 LOOP
                    IF version->>TG_ARGV[i] IS NOT NULL THEN
                        deps := deps || (TG_TABLE_NAME || '.' || TG_ARGV[i] || ':'
                            || replace(version->>TG_ARGV[i], '-', ''));
                    END IF;
                END LOOP;
            END LOOP;
            {STALE.format(match="= ANY(deps)")};
            RETURN NULL;
        END $$"""
    yield f"""
        CREATE OR REPLACE FUNCTION {TRIGGER}_tick() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({LOCK});
            {TICK};
            RETURN NULL;
        END $$"""
    yield f"""
        CREATE OR REPLACE FUNCTION {TRIGGER}_all() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({LOCK});
            UPDATE api_fragment SET stale = TRUE WHERE NOT stale;
            RETURN NULL;
        END $$"""
    for table, pk, foreign, _ in shown_tables():
        arguments = ", ".join(f"'{column}'" for column in [pk, *foreign])
        for name in (TRIGGER, f"{TRIGGER}_update", f"{TRIGGER}_truncate", f"{TRIGGER}_tick"):
            yield f'DROP TRIGGER IF EXISTS {name} ON "{table}"'
        yield (
            f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}({arguments})"
        )
        yield (
            f'CREATE TRIGGER {TRIGGER}_update AFTER UPDATE ON "{table}" FOR EACH ROW '
            f"WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION {TRIGGER}({arguments})"
        )
        yield (
            f'CREATE TRIGGER {TRIGGER}_truncate AFTER TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}_all()"
        )
        yield (
            f"CREATE TRIGGER {TRIGGER}_tick AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}_tick()'
        )


def _sqlite():
    # SQLite writes one transaction at a time: no lock to take.
    def deps(row, table, pk, foreign):
        values = [f"'{table}:' || replace({row}.\"{pk}\", '-', '')"]
        values += [f"'{table}.{c}:' || replace({row}.\"{c}\", '-', '')" for c in foreign]
        return values

    for table, pk, foreign, columns in shown_tables():
        operations = (("INSERT", ["NEW"]), ("DELETE", ["OLD"]), ("UPDATE", ["OLD", "NEW"]))
        for operation, rows in operations:
            name = f"{TRIGGER}_{table}_{operation.lower()}"
            yield f'DROP TRIGGER IF EXISTS "{name}"'
            when = ""
            if operation == "UPDATE":
                when = "WHEN " + " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
            matched = ", ".join(
                [f"'{ANY}'", *(value for row in rows for value in deps(row, table, pk, foreign))]
            )
            yield (
                f'CREATE TRIGGER "{name}" AFTER {operation} ON "{table}" FOR EACH ROW {when} '
                f"BEGIN {STALE.format(match=f'IN ({matched})')}; {TICK}; END"
            )
