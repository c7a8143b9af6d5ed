"""The response store: rendered bodies kept by key, in this process's memory and, with Redis,
shared between processes and hosts (`CACHE_REDIS_URL`, a server of its own: config/settings.py).
Keys carry the data generation (api/serving/responses.py), so an entry is never read after a write.
Redis is a speed-up, not a dependency: when it fails, the store is simply empty
(api/serving/degrade.py)."""

from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

from api.serving.degrade import cache_guard


class Recent:
    """The last responses this process served, by key, within a memory budget in bytes."""

    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self.items = OrderedDict()

    def get(self, key):
        item = self.items.get(key)
        if item is not None:
            self.items.move_to_end(key)
        return item

    def clear(self):
        self.items.clear()
        self.used = 0

    def put(self, key, template):
        if key in self.items:
            self.used -= self.items.pop(key).size
        self.items[key] = template
        self.used += template.size
        while self.used > self.budget and self.items:
            self.used -= self.items.popitem(last=False)[1].size


recent = Recent(budget=settings.RESPONSE_MEMORY_BYTES)


def get(key):
    """The body stored under `key`, or None."""
    template = recent.get(key)
    if template is None and settings.CACHE_REDIS_URL:
        template = cache_guard.call(lambda: caches["default"].get(key), lambda: None)
        if template is not None:
            recent.put(key, template)
    return template


def put(key, template):
    recent.put(key, template)
    if settings.CACHE_REDIS_URL:
        timeout = settings.RESPONSE_CACHE_SECONDS
        cache_guard.call(lambda: caches["default"].set(key, template, timeout), lambda: None)
