from rest_framework.pagination import LimitOffsetPagination

from api.serving import counts, pages


class LimitOffset(LimitOffsetPagination):
    """LL2's envelope and limits: 10 by default, at most 100; a bad limit gives 10. The count
    is kept for the data generation (api/serving/counts.py); a searched page may be found by
    walking the list's order (api/serving/pages.py)."""

    default_limit = 10
    max_limit = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.view = view
        self.request = request
        self.limit = self.get_limit(request)
        if self.limit is None:
            return None
        self.count = self.get_count(queryset)
        self.offset = self.get_offset(request)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        if self.count == 0 or self.offset > self.count:
            return []
        return pages.page(
            queryset, self.offset, self.limit, self.count, lambda: self.shape(request)
        )

    def shape(self, request):
        """What decides a page's plan: the path and the parameters, but the page's place and
        the words searched for."""
        return counts.digest(request, {self.limit_query_param, self.offset_query_param, "search"})

    def get_count(self, queryset):
        return counts.count(queryset, self.request, self.view)

    def get_paginated_response_schema(self, schema):
        link = {"type": ["string", "null"], "format": "uri"}  # OpenAPI 3.1's nullable
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 515},
                "next": {**link, "example": "https://example.org/2.3.0/docking_events/?offset=20"},
                "previous": link,
                "results": schema,
            },
        }
