"""The data generation: a token in the shared cache that every committed write replaces.

Readers that keep derived copies (the API's response cache) key them by the token, so a copy
made before a write is never used after it. Saves, deletes and many-to-many changes of any
domain model replace it through signals (once per transaction, after it commits); code that
writes in bulk (`bulk_create`, `update`) calls `data_changed()` itself when it is done.
"""

import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

KEY = "data-generation"


def generation():
    """`(token, time of the last write as a timestamp)`, made once if the cache has none."""
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, (uuid.uuid4().hex, timezone.now().timestamp()), timeout=None)
        value = cache.get(KEY)
    return value


def data_changed():
    cache.set(KEY, (uuid.uuid4().hex, timezone.now().timestamp()), timeout=None)


def on_write(**kwargs):
    """Signal receiver: replace the token when the current transaction commits (once)."""
    if not connection.in_atomic_block:
        data_changed()
    elif not any(callback is data_changed for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(data_changed)
