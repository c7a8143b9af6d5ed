"""In-process timing for the benchmark (spaceflight/changes.py): what a request pays to know the
data generation, `current()` against reading the row (`generation()`), and on PostgreSQL how
long a commit's notification takes to reach a listening connection: the time during which
another process may still answer from the generation before (the README's bound). Prints
JSON, microseconds."""

import json
import select
import statistics
import time

import django

django.setup()

from django.db import connection  # noqa: E402

from spaceflight.changes import current, data_changed, generation, listener  # noqa: E402

CALLS = 5000
COMMITS = 200


def per_call(function):
    function()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(CALLS):
            function()
        best = min(best, (time.perf_counter() - start) / CALLS)
    return best * 1e6


def delivery():
    """Commit on Django's connection; wait for the listener's socket (another connection)."""
    current()
    waits = []
    for _ in range(COMMITS):
        data_changed()  # autocommit: committed when it returns
        committed = time.perf_counter()
        assert select.select([listener.conn.pgconn.socket], [], [], 5)[0]
        waits.append((time.perf_counter() - committed) * 1e6)
        current()
    waits.sort()
    return {"p50": statistics.median(waits), "p99": waits[int(len(waits) * 0.99) - 1]}


def main():
    data_changed()
    result = {
        "vendor": connection.vendor,
        "current_us": per_call(current),
        "generation_us": per_call(generation),
    }
    if connection.vendor == "postgresql":
        result["delivery_us"] = delivery()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
