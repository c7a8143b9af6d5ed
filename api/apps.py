from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "LL2-compatible API"

    def ready(self):
        from api.models import ApiKey
        from api.rendering import fragments, triggers
        from spaceflight.changes import generation_committed, keys_changed

        # Processes trust the keys they looked up until the keys token changes
        # (api/serving/throttling.py): a key created, changed or revoked must change it.
        post_save.connect(keys_changed, sender=ApiKey, dispatch_uid="changes-save-apikey")
        post_delete.connect(keys_changed, sender=ApiKey, dispatch_uid="changes-delete-apikey")

        # The database marks fragments stale as it is written; the writer renders them again.
        post_migrate.connect(triggers.install, sender=self, dispatch_uid="fragment-triggers")
        generation_committed.connect(fragments.committed, dispatch_uid="fragments-rebuild")
