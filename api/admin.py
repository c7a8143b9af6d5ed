from django.contrib import admin

from api.models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Keys are created with `manage.py create_api_key` (the key is shown once); here they are
    listed, rated and switched off."""

    list_display = ["name", "prefix", "rate", "active", "created"]
    list_filter = ["active"]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created"]

    def has_add_permission(self, request):
        return False
