"""The config lookups 2.3.0's shapes embed, and those 2.2.0 served of its crews and events: a
list and `{id}/` each, no filters."""

from api.shapes.v2_3_0.lookups import LEGACY_LOOKUPS as LEGACY_LOOKUP_SHAPES
from api.shapes.v2_3_0.lookups import LOOKUPS as LOOKUP_SHAPES
from api.views import Resource


def lookup(path, model, prefix=""):
    """A config lookup: a list and `{id}/` of its rows, no filters (as LL2)."""
    title = str(model._meta.verbose_name).title()
    return type(
        prefix + title.replace(" ", ""),
        (Resource,),
        {"resource": f"config/{path}", "view_title": title, "queryset": model.objects.all()},
    )


LOOKUPS = [lookup(path, model) for path, _, model in LOOKUP_SHAPES]
LEGACY_LOOKUPS = [lookup(path, model, "Legacy") for path, _, model in LEGACY_LOOKUP_SHAPES]
