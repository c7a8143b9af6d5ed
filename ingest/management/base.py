from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


class IngestCommand(BaseCommand):
    """A command that writes the domain tables: on a database that is not migrated it stops
    with one line before touching a table, where Django would only warn."""

    requires_migrations_checks = True

    def check_migrations(self):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "the database is not migrated: run .venv/bin/python manage.py migrate"
            )
