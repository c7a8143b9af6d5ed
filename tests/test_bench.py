"""`make bench`'s report, from made-up measurements (the benchmark itself needs root and
minutes: tools/bench.py; the report is tools/bench_report.py)."""

import argparse
from itertools import count

from tools import bench, bench_report


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
    turns = {
        "constant": [900.0, 860.0, 880.0],
        "constant-unthrottled": [1000.0, 1000.0, 1000.0],
        "limit=10": [700.0, 740.0, 760.0],
        "limit=100 detailed": [400.0, 420.0, 380.0],
        "nginx limit=100 detailed": [1000.0, 900.0, 800.0],
    }
    generation = {
        "prod": {
            "vendor": "postgresql",
            "current_us": 4.0,
            "generation_us": 90.0,
            "delivery_us": {"p50": 120.0, "p99": 400.0},
        },
        "embedded": {"vendor": "sqlite", "current_us": 6.0, "generation_us": 22.0},
    }
    tail = {
        "render_fragments_ms": 4400.0,
        "events_asked": 600,
        "fragments": 3600,
        "fragment_bytes": 13_000_000,
        "dependencies": 106_000,
        "after_write": {
            name: {"cold": 4.0, "warm": 1.0, "paused": 4.4, "write": 110.0}
            for name in bench.QUERIES
        },
        "in_process": {name: {"again": 0.25, "paused": 1.0} for name in bench.QUERIES},
        "long_tail": {"once": 600.0, "again": 1200.0, "read_ms": 0.25},
        "long_tail_nothing_kept": {"once": 20.0, "again": 1400.0},
        "writes": {"one event": {"ms": 110.0, "rendered": 6, "changed": 6, "lists": 4}},
    }
    run = {
        "results": results,
        "turns": turns,
        "tail": {
            "prod": tail,
            "embedded": {**tail, "long_tail": {"once": 300, "again": 1200, "read_ms": 0.25}},
        },
        "generation": generation,
        "build": {"build_ms": 40.0, "orjson_ms": 0.5, "drf_ms": 90.0},
        "sizes": sizes,
        "gzipped": {name: 70 for name in sizes},
    }
    args = argparse.Namespace(
        connections=16, seconds=3, repeat=2, rounds=3, sync_workers=5, gthread_workers=3
    )

    text = bench.report({600: run}, args)

    assert "granian x2 (4 threads each)" in text
    assert "| 600 | gunicorn sync x5 |" in text and "| no |" in text and "| yes |" in text
    assert text.count("| >= ") == 12
    assert "| 600 | production | limit=10 | 4.00 | 1.00 | 25% |" in text
    assert "| 600 | embedded | 600 | 600 | 1,200 | 50% | 0.25 | 77% | 20 | 1,400 | 1% |" not in text
    # Beside the long tail, its floor: again (0.83 ms) against again and one read (0.25 ms).
    assert "| 600 | production | 600 | 600 | 1,200 | 50% | 0.25 | 77% | 20 | 1,400 | 1% |" in text
    assert "| 600 | production | one event | 110 | 6 | 6 |" in text
    assert "| 600 | production | 4.4 s | 3,600 | 13.0 | 106,000 |" in text
    assert (
        "production stack: each event's page asked once / asked again (medians of 3) | 50% "
        "| >= 50% | met |" in text
    )
    assert (
        "embedded default: each event's page asked once / asked again (medians of 3) | 25% "
        "| >= 50% | missed by 25% points |" in text
    )
    assert "after a one-event write / warm: limit=100 detailed | 25% | >= 25% | met |" in text
    # The control beside it: the same request after a pause as long as the write.
    # And what the same pause costs with no server between (the benchmark's own process).
    assert (
        "| 600 | production | limit=10 | 4.00 | 1.00 | 25% | 4.40 | 110% | 0.25 | 1.00 | 25% |"
        in text
    )
    assert "| 600 | production | one event | 110 | 6 | 6 | 4 |" in text
    # The first three targets are judged by the medians of the runs in turns.
    assert "| 600 | constant | 900, 860, 880 | 880 |" in text
    assert "unthrottled (medians in turns) | 88% | >= 85% | met |" in text
    assert "constant view (medians in turns) | 74% | >= 75% | missed by 1% points |" in text
    assert "nginx, same bytes (medians in turns) | 44% | >= 50% | missed by 6% points |" in text
    assert "| 600 | production (postgresql) | 4.0 | 90.0 | 120 / 400 |" in text
    assert "| 600 | embedded (sqlite) | 6.0 | 22.0 | - |" in text
    assert "gzip-encoded limit=100 detailed / plain size | 7.0% | < 33.3% | met |" in text

    # Of a bigger data set the long tail asks a sample, whose fragments readers kept: every
    # version and mode of every event is not rendered beforehand (gigabytes).
    sampled = {**tail, "render_fragments_ms": None}
    big = {**run, "tail": {"prod": sampled, "embedded": sampled}}
    text = "\n".join(bench_report.tail_tables({100_000: big}, args))
    assert "| 100,000 | production | 600 | 600 | 1,200 | 50% | 0.25 | 77% | 20 | 1,400 | 1% |" in (
        text
    )
    assert "| 100,000 | production | not run | 3,600 | 13.0 | 106,000 |" in text

    # Two sizes: each query's p50 at the larger against the smaller, judged against 1.5x.
    assert "within 1.5x" not in bench.report({600: run}, args)
    slower = {key: {**value, "p50": 1.6} for key, value in results.items() if key[2] == "cold"}
    large = {**run, "results": {**results, **slower}}
    text = "\n".join(bench_report.growth_table({600: run, 100_000: large}))
    assert "| production | limit=10 | 1.0 → 1.6 | 1.60x | 1.0 → 1.0 | 1.00x | no |" in text
    assert text.count("| no |") == 2 * len(bench.QUERIES)
    text = "\n".join(bench_report.growth_table({600: run, 100_000: run}))
    assert text.count("| yes |") == 2 * len(bench.QUERIES)
