from rest_framework.pagination import LimitOffsetPagination


class LimitOffset(LimitOffsetPagination):
    """LL2's envelope and limits: 10 by default, at most 100; a bad limit gives 10."""

    default_limit = 10
    max_limit = 100
