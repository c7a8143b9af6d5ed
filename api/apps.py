from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "LL2-compatible API"

    def ready(self):
        from api.models import ApiKey
        from spaceflight.changes import on_write

        # Processes trust the keys they looked up until the generation changes
        # (api/serving/throttling.py): a key created, changed or revoked must change it.
        post_save.connect(on_write, sender=ApiKey, dispatch_uid="changes-save-apikey")
        post_delete.connect(on_write, sender=ApiKey, dispatch_uid="changes-delete-apikey")
