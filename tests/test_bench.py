"""`make bench`'s report, from made-up measurements (the benchmark itself needs root and
minutes: tools/bench.py; the report is tools/bench_report.py)."""

import argparse
from itertools import count

from tools import bench


def test_the_report_has_every_table_and_judges_every_target(monkeypatch):
    monkeypatch.setitem(bench.GRANIAN, "WEB_CONCURRENCY", "2")
    monkeypatch.setitem(bench.GRANIAN, "WEB_THREADS", "4")
    numbers = count(100)

    def result():
        return {"rps": float(next(numbers)), "p50": 1.0, "p99": 2.0}

    results = {}
    for label in ("prod", "embedded", "open"):
        for name in bench.QUERIES:
            for mode in ("cold", "warm"):
                results[(label, name, mode)] = result()
    for name in bench.QUERIES:
        results[("nginx", name, "warm")] = result()
    for label in ("prod", "open"):
        for view in ("constant", "constant-unthrottled"):
            results[(label, view, "warm")] = result()
    for server in ("granian", "gunicorn sync", "gunicorn gthread"):
        for name in ("constant", "limit=10", "limit=100 detailed"):
            results[(server, name, "warm")] = result()
        results[(server, "holds 200 idle", "")] = server == "granian"
    sizes = {bench.slug(name): 1000 for name in bench.QUERIES}
    run = {
        "results": results,
        "build": {"build_ms": 40.0, "orjson_ms": 0.5, "drf_ms": 90.0},
        "sizes": sizes,
        "gzipped": {name: 70 for name in sizes},
    }
    args = argparse.Namespace(
        connections=16, seconds=3, repeat=2, sync_workers=5, gthread_workers=3
    )

    text = bench.report({600: run}, args)

    assert "granian x2 (4 threads each)" in text
    assert "| 600 | gunicorn sync x5 |" in text and "| no |" in text and "| yes |" in text
    assert text.count("| >= ") == 4
    assert "gzip-encoded limit=100 detailed / plain size | 7.0% | < 33.3% | met |" in text
