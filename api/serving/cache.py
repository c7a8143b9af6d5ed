"""The response store: rendered bodies kept by key, in this process's memory and, with Redis,
shared between processes and hosts (`CACHE_REDIS_URL`, a server of its own: config/settings.py).
Keys carry the data generation (api/serving/responses.py), so an entry is never read after a write.
Redis is a speed-up, not a dependency: when it fails, the store is simply empty
(api/serving/degrade.py)."""

import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

from api.serving.degrade import cache_guard


class Recent:
    """The last items this process used, by key, within a budget: of bytes for responses
    (each its body's `size`), or of items (`size` one each). The threads of a process share it:
    one evicting while another reads the same key must not fail the reader."""

    def __init__(self, budget, size=lambda template: template.size):
        self.budget = budget
        self.size = size
        self.used = 0
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            item = self.items.get(key)
            if item is not None:
                self.items.move_to_end(key)
            return item

    def clear(self):
        with self.lock:
            self.items.clear()
            self.used = 0

    def put(self, key, item):
        with self.lock:
            if key in self.items:
                self.used -= self.size(self.items.pop(key))
            self.items[key] = item
            self.used += self.size(item)
            while self.used > self.budget and self.items:
                self.used -= self.size(self.items.popitem(last=False)[1])


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
