"""Rows into JSON: what a shape shows is loaded table by table (loader.py), rendered by the
shape compiled into plain functions (compile.py), with the request's hyperlinks (links.py) and
live durations as markers a cached body fills in per response (live.py). A JSON response's
objects are rendered once per write, not per read (fragments.py)."""

from django.conf import settings

from api.rendering import fragments
from api.rendering.compile import Context, compile_shape
from api.rendering.links import Links
from api.rendering.live import Template
from api.rendering.loader import load
from api.serving.renderers import ORJSONRenderer


def from_fragments(shape, live):
    """Whether `render` makes `shape`'s objects from their kept fragments: then only the rows'
    ids are needed (fragments.py reads whole those it renders)."""
    return live and settings.RENDER_FRAGMENTS and fragments.kept(shape) is not None


def render(request, rows, shape, live=False):
    """`rows` (instances of one model) in `shape`, as the JSON-ready dicts DRF's serializer
    would give; with `live`, live durations are markers (see live.py), and the objects are
    orjson fragments, kept from a read to the next write (see fragments.py)."""
    if from_fragments(shape, live):
        return fragments.render(request, rows, shape)
    load(rows, shape)
    to_dict, context = compile_shape(shape), Context(Links(request), live)
    return [to_dict(row, context) for row in rows]


def body(data):
    """The rendered JSON body of `data`, as a Template (live markers located)."""
    return Template(ORJSONRenderer().render(data))
