from rest_framework.pagination import LimitOffsetPagination

from api.serving import counts


class LimitOffset(LimitOffsetPagination):
    """LL2's envelope and limits: 10 by default, at most 100; a bad limit gives 10. The count
    is kept for the data generation (api/serving/counts.py)."""

    default_limit = 10
    max_limit = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.view = view
        return super().paginate_queryset(queryset, request, view)

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
