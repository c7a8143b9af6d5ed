import orjson
from rest_framework.renderers import JSONRenderer


class ORJSONRenderer(JSONRenderer):
    """DRF's JSON renderer, written by orjson (several times faster on large pages).
    Numbers keep their value; a float may be spelled differently (`5.972168e24`)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type or "", renderer_context or {})
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0)
