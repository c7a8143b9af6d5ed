"""`make bench`'s pages and feeds: the busiest station's page and feeds at 20,000 generated
events, uncached and cached, and what a flood of junk-parameter page requests costs the API.

The embedded default as `make serve` runs it (granian, SQLite, rate limits on, counters in the
host's file). The page and feed limits are set high enough not to refuse the measuring client
(they are still counted); the API is asked with a key, as in tools/bench.py. Writes
bench/pages.md.

    .venv/bin/python -m tools.bench_pages [--events 20000] [--seconds 8]
"""

import argparse
import concurrent.futures
import sqlite3
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from tools.servers import ROOT, get, manage, running, server_env

HIGH = "100000000/hour"


def timed(url, headers=None):
    started = time.perf_counter()
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=120) as response:
        size = len(response.read())
        status = response.status
    return (time.perf_counter() - started) * 1000, size, status


def median_of(url, count, headers=None):
    answers = [timed(url, headers) for _ in range(count)]
    assert {status for *_, status in answers} == {200}, answers
    return statistics.median(ms for ms, *_ in answers), answers[0][1]


def busiest_station(database):
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT space_station_target_id, COUNT(*) FROM spaceflight_dockingevent "
            "WHERE space_station_target_id IS NOT NULL "
            "GROUP BY space_station_target_id ORDER BY 2 DESC LIMIT 1"
        ).fetchone()


def api_latencies(url, headers, seconds):
    found, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        found.append(timed(url, headers)[0])
    return found


def flood(base, station, seconds):
    """Eight clients asking for the station's feed with a new junk parameter each time."""
    stop, sent = threading.Event(), []

    def client(number):
        count = 0
        while not stop.is_set():
            get(f"{base}/stations/{station}/dockings.ics?x={number}-{count}")
            count += 1
        sent.append(count)

    pool = concurrent.futures.ThreadPoolExecutor(8)
    futures = [pool.submit(client, number) for number in range(8)]
    time.sleep(seconds)
    stop.set()
    for future in futures:
        future.result()
    pool.shutdown()
    return sum(sent)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "pages.md")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    database = scratch / "db.sqlite3"
    env = server_env(
        DATABASE_URL=f"sqlite:///{database}",
        THROTTLE_COUNTER_FILE=str(scratch / "counters.sqlite3"),
        THROTTLE_PAGE_RATE=HIGH,
        THROTTLE_FEED_RATE=HIGH,
        WEB_CONCURRENCY="2",
    )
    manage(env, "migrate", "--no-input")
    manage(env, "generate_data", "--events", str(args.events), "--seed", "1")
    key = manage(env, "create_api_key", "bench", "--rate", HIGH).splitlines()[0]
    auth = {"Authorization": f"Token {key}"}
    station, events = busiest_station(database)
    with sqlite3.connect(database) as connection:
        first, last = connection.execute(
            "SELECT MIN(strftime('%Y', docking)), MAX(strftime('%Y', docking)) "
            "FROM spaceflight_dockingevent WHERE space_station_target_id = ?",
            (station,),
        ).fetchone()
    paths = {
        "station page (last years)": f"/stations/{station}/",
        "station page (whole life)": f"/stations/{station}/?from={first}&to={last}",
        "dockings.ics (newest)": f"/stations/{station}/dockings.ics",
        "dockings.atom (newest)": f"/stations/{station}/dockings.atom",
        "dockings.ics (whole life)": f"/stations/{station}/dockings.ics?from={first}&to={last}",
    }
    rows = []
    with running({**env, "RESPONSE_CACHE": "0"}) as (base,):
        for name, path in paths.items():
            rows.append([name, *median_of(base + path, 5)])
    with running(env) as (base,):
        for row, path in zip(rows, paths.values(), strict=True):
            timed(base + path)
            row.append(median_of(base + path, 50)[0])
        api = f"{base}/2.3.0/docking_events/?limit=10"
        timed(api, auth)
        quiet = api_latencies(api, auth, args.seconds)
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            during = pool.submit(api_latencies, api, auth, args.seconds)
            flooded = flood(base, station, args.seconds)
            loud = during.result()
    lines = [
        f"Pages and feeds: `python -m tools.bench_pages --events {args.events}` (embedded "
        f"default: granian x2, SQLite, limits on); the busiest station has {events:,} events "
        f"({first}-{last}).",
        "",
        "| what | bytes | uncached p50 ms | cached p50 ms |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {size:,} | {cold:.1f} | {warm:.2f} |" for name, cold, size, warm in rows),
        "",
        f"A flood of junk-parameter feed requests (8 clients, {args.seconds:.0f} s, "
        f"{flooded:,} requests, each a cache hit): the API's warm keyed `limit=10` answered "
        f"in {statistics.median(quiet):.2f} ms (p50) alone and "
        f"{statistics.median(loud):.2f} ms during the flood "
        f"({len(quiet):,} and {len(loud):,} requests).",
        "",
    ]
    args.out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
