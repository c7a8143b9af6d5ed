from django.apps import AppConfig
from django.apps import apps as global_apps
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class SpaceflightConfig(AppConfig):
    name = "spaceflight"
    verbose_name = "Spaceflight data"

    def ready(self):
        from spaceflight import (
            lookups,  # noqa: F401  (registers `__contains` as LL2 means it)
            search,
        )

        post_migrate.connect(derive_after_migrating, sender=self)
        post_migrate.connect(search.install, sender=self, dispatch_uid="name-search")
        from spaceflight.changes import on_write
        from spaceflight.models import Curated, DataGeneration

        # What the API serves; the generation row itself and curators' marks are not.
        served = [m for m in self.get_models() if m not in (DataGeneration, Curated)]
        for model in served:
            post_save.connect(on_write, sender=model, dispatch_uid=f"changes-save-{model}")
            post_delete.connect(on_write, sender=model, dispatch_uid=f"changes-delete-{model}")
        for model in served:
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    on_write, sender=field.remote_field.through, dispatch_uid=f"changes-{field}"
                )


def migrated_all_the_way(connection):
    """Whether `connection`'s database has every migration applied: on one migrated part of
    the way, tables may not be as the models say."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def derive_after_migrating(using, apps=global_apps, **kwargs):
    """A database upgraded to statistics derived from our data gets them at once (not one
    migrated part of the way, which may not have their columns yet)."""
    from spaceflight.statistics import derive

    try:
        apps.get_model("spaceflight", "Agency")._meta.get_field("imported_statistics")
    except (LookupError, FieldDoesNotExist):
        return
    with transaction.atomic(using=using):
        derive()
