from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from spaceflight.apps import migrated_all_the_way


class IngestCommand(BaseCommand):
    """A command that writes the domain tables: on a database that is not migrated it stops
    with one line before touching a table, where Django would only warn."""

    requires_migrations_checks = True

    def check_migrations(self):
        if not migrated_all_the_way(connections[DEFAULT_DB_ALIAS]):
            raise CommandError(
                "the database is not migrated: run .venv/bin/python manage.py migrate"
            )
