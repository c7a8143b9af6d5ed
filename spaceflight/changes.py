"""The data generation: a token that every write replaces, kept beside the data.

Readers that keep derived copies (the API's response cache) key them by the token, so a copy
made before a write is never used after it. The token is a row of the database
(`DataGeneration`) replaced in the same transaction as the write: it commits, or rolls back,
with the data, and a reader that reads it in the snapshot it reads the data from
(api/serving/responses.py) always pairs a token with the data it stands for. Nothing is left to
do after a commit, so a commit can't be followed by a failed invalidation.

Saves, deletes and many-to-many changes of any domain model replace it through signals (once
per transaction); code that writes in bulk (`bulk_create`, `update`) calls `data_changed()`
itself, inside its transaction.
"""

import uuid
from datetime import UTC, datetime

from django.db import connection, transaction
from django.utils import timezone

# The generation of a database no write has gone through yet (just migrated, or flushed).
INITIAL = ("initial", datetime(2000, 1, 1, tzinfo=UTC))


def generation():
    """`(token, time of the last write)`. Every request reads it: one plain query, as the
    ORM's would cost fifteen times as much as the read itself."""
    from spaceflight.models import DataGeneration

    table = connection.ops.quote_name(DataGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token, changed_at FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        return INITIAL
    token, changed_at = row
    if isinstance(changed_at, str):
        changed_at = datetime.fromisoformat(changed_at)
    # Stored in UTC; SQLite hands it back without its zone.
    return token, changed_at if changed_at.tzinfo else changed_at.replace(tzinfo=UTC)


def data_changed():
    from spaceflight.models import DataGeneration

    DataGeneration.objects.update_or_create(
        pk=1, defaults={"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    )


def _replaced_in_this_transaction():
    """A marker in the transaction's commit callbacks: Django drops it with the transaction
    (or the savepoint) it was registered in, so a rolled-back replacement is done again."""


def on_write(**kwargs):
    """Signal receiver: replace the token in the writing transaction (once per transaction)."""
    if not connection.in_atomic_block:
        data_changed()
    elif not any(cb is _replaced_in_this_transaction for _, cb, _ in connection.run_on_commit):
        data_changed()
        transaction.on_commit(_replaced_in_this_transaction)
