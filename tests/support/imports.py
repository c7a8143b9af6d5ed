"""What the import tests share: `import_ll2` run as a command, and every row of the domain to
compare before and after."""

from io import StringIO

from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from spaceflight.models import DataGeneration


def database_dump():
    """Every row of the domain (the data generation token aside: it is not data)."""
    models = [m for m in apps.get_app_config("spaceflight").get_models() if m is not DataGeneration]
    return serializers.serialize(
        "json", [o for model in models for o in model.objects.order_by("pk")]
    )


def run(*args):
    out = StringIO()
    call_command("import_ll2", *map(str, args), stdout=out)
    return out.getvalue()
