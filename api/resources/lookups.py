"""The config lookups 2.3.0's shapes embed: a list and `{id}/` each, no filters."""

from api.shapes.v2_3_0.lookups import LOOKUPS as LOOKUP_SHAPES
from api.views import Resource


def lookup(path, model):
    """A config lookup: a list and `{id}/` of its rows, no filters (as LL2)."""
    title = str(model._meta.verbose_name).title()
    return type(
        title.replace(" ", ""),
        (Resource,),
        {"resource": f"config/{path}", "view_title": title, "queryset": model.objects.all()},
    )


LOOKUPS = [lookup(path, model) for path, _, model in LOOKUP_SHAPES]
