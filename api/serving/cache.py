"""The response store: rendered bodies kept by key, in this process's memory and, with Redis,
shared between processes and hosts (`CACHE_REDIS_URL`, a server of its own: config/settings.py).
Keys carry the data generation (api/serving/responses.py), so an entry is never read after a write.
What Redis keeps of a large body is compressed (`Compressed`).
Redis is a speed-up, not a dependency: when it fails, the store is simply empty
(api/serving/degrade.py)."""

import threading
from collections import OrderedDict

import zstandard
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient, RedisSerializer

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

# What Redis keeps of a body from this size on is compressed: a page of 100 detailed events is
# 1.2 MB pickled and 47 KB in zstd at level 1, made in 0.7 ms by its writer, and a reader
# after a write spent more moving the 1.2 MB from Redis's process to its own than the
# compressed page costs it to move and decompress (README, Performance).
COMPRESS_FROM = 16 * 1024
ZSTD_FRAME = b"\x28\xb5\x2f\xfd"


class _Zstd(threading.local):
    """A zstd context does one thing at a time: one of each per thread."""

    def __init__(self):
        self.compressor = zstandard.ZstdCompressor(level=1)
        self.decompressor = zstandard.ZstdDecompressor()


class Compressed(RedisSerializer):
    """Django's pickles, the large ones in zstd."""

    zstd = _Zstd()

    def dumps(self, obj):
        data = super().dumps(obj)
        if isinstance(data, bytes) and len(data) >= COMPRESS_FROM:
            return self.zstd.compressor.compress(data)
        return data

    def loads(self, data):
        if data[:4] == ZSTD_FRAME:
            data = self.zstd.decompressor.decompress(data)
        return super().loads(data)


class RedisClient(RedisCacheClient):
    """Django's, keeping the redis-py client it makes for a pool: it made one per command,
    which costs 60-150 µs, as much as a command. Django's caches are per thread, and so is
    this."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # By the pool itself: with several servers a read draws one at random.
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisStore(RedisCache):
    """The shared response store's backend (`CACHES`): Django's Redis cache, with the client
    above and the bodies compressed."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {"serializer": Compressed, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = RedisClient


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
