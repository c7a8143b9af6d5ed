"""The hyperlinks of one response."""


class Links:
    """Builds the hyperlinks of one response: absolute, under the request's version, with the
    request's `?format=` kept (DRF's own `reverse` keeps it the same way)."""

    def __init__(self, request):
        self.root = request.build_absolute_uri(f"/{request.version}/")
        fmt = request.query_params.get("format")
        self.query = f"?format={fmt}" if fmt else ""

    def url(self, collection, pk):
        return f"{self.root}{collection}/{pk}/{self.query}"
