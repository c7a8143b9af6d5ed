"""The data generation: a token in the shared cache that every committed write replaces.

Readers that keep derived copies (the API's response cache) key them by the token, so a copy
made before a write is never used after it. Saves, deletes and many-to-many changes of any
domain model replace it through signals (once per transaction, after it commits); code that
writes in bulk (`bulk_create`, `update`) calls `data_changed()` itself when it is done.
"""

import uuid

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.utils import timezone

KEY = "data-generation"


class Token:
    """The token, `"hex:timestamp"`, in the default cache. Every API response reads it, so
    with Redis it is read by one Redis client kept per cache connection: Django's cache makes
    a new client (and its table of reply callbacks) on every call."""

    def __init__(self):
        self.cache = caches["default"]
        self.client = None
        if isinstance(self.cache, RedisCache):
            if "_generation_client" not in self.cache.__dict__:
                self.cache._generation_client = self.cache._cache.get_client(KEY, write=True)
            self.client = self.cache._generation_client
            self.key = self.cache.make_and_validate_key(KEY)

    def get(self):
        if self.client is None:
            return self.cache.get(KEY)
        value = self.client.get(self.key)
        return None if value is None else value.decode()

    def set(self, value, only_if_missing=False):
        if self.client is not None:
            self.client.set(self.key, value, nx=only_if_missing)
        elif only_if_missing:
            self.cache.add(KEY, value, timeout=None)
        else:
            self.cache.set(KEY, value, timeout=None)


def _new_value():
    return f"{uuid.uuid4().hex}:{timezone.now().timestamp()}"


def generation():
    """`(token, time of the last write as a timestamp)`, made once if the cache has none."""
    token = Token()
    value = token.get()
    if value is None:
        token.set(_new_value(), only_if_missing=True)
        value = token.get()
    hexdigits, changed_at = value.split(":")
    return hexdigits, float(changed_at)


def data_changed():
    Token().set(_new_value())


def on_write(**kwargs):
    """Signal receiver: replace the token when the current transaction commits (once)."""
    if not connection.in_atomic_block:
        data_changed()
    elif not any(callback is data_changed for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(data_changed)
