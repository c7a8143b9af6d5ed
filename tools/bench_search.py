"""Search at scale: time `?search=` on docking events (response cache off, counts not kept)
and show how PostgreSQL runs its queries (EXPLAIN ANALYZE of those that search).

    DATABASE_URL=postgres://.../docking_bench_100000 .venv/bin/python -m tools.bench_search
"""

import json
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

SEARCHES = [
    "/2.3.0/docking_events/?docking__gte=1990-01-01T00:00:00Z&docked=false&search=ISS"
    "&ordering=-departure&limit=10",
    "/2.3.0/docking_events/?search=Soyuz&limit=10",
    "/2.3.0/docking_events/?search=Dragon%20Harmony&limit=10",
    "/2.3.0/docking_events/?search=zzzz-nothing&limit=10",
]
RUNS = 5


def main(explain="--explain" in sys.argv):
    client = Client()
    results = {}
    # Every run counts, as the first request after a write does (counts are kept per write).
    with override_settings(
        RESPONSE_CACHE=False, KEPT_COUNTS=0, THROTTLE_ANON_RATE="", ALLOWED_HOSTS=["*"]
    ):
        for url in SEARCHES:
            times = []
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            results[url] = {"best_ms": round(min(times), 1), "count": response.json()["count"]}
            if explain and connection.vendor == "postgresql":
                for query in queries.captured_queries:
                    if "LIKE UPPER" in query["sql"]:
                        with connection.cursor() as cursor:
                            cursor.execute("EXPLAIN ANALYZE " + query["sql"])
                            plan = "\n".join(row[0] for row in cursor.fetchall())
                        print(f"-- {url}\n{query['sql']}\n{plan}\n", file=sys.stderr)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
