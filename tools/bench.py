"""`make bench`: the API as people run it, against nginx serving the same bytes and against DRF
at its cheapest.

Sets up what it needs (wrk and nginx from Debian's packages, PostgreSQL and Redis through
scripts/services, a generated database per size), and measures with wrk, in one run:
- the production stack, as `make serve` runs it (granian, config/serve.py: a worker per core,
  4 threads each, access log on) on PostgreSQL + Redis, with LL2's rate limits on. An
  anonymous address may make 15 requests an hour, too few to measure: wrk sends an API key
  made with a rate of 100,000,000 an hour (`create_api_key bench --rate 100000000/hour`), so
  every request is authenticated and counted, and none is refused. Five queries, cold
  (response cache off) and warm (on), and nginx serving each query's exact bytes;
- the embedded default, `make serve`'s settings with nothing else: SQLite, no Redis (counters
  in the host's file), the same key;
- the same production stack with no rate limits (no key, no limits): the earlier table;
- two reference views under the same server: a constant dict through DRF with the key and
  rate limits, and without either (tools/bench_views.py);
- the same throttled workload under gunicorn sync, gunicorn gthread and granian, and whether
  each still answers within a second while 200 idle connections are open;
- in-process, the time to build 100 detailed events from the database next to the time
  `orjson.dumps` takes to write them.
It prints tables of results and ratios, and writes them to bench/results.md.

    .venv/bin/python -m tools.bench [--sizes 600 100000] [--seconds 4] [--connections 16]
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dj_database_url

from tools.servers import ROOT, free_port, manage, running, server_env

QUERIES = {
    "limit=10": "/2.3.0/docking_events/?limit=10",
    "limit=100": "/2.3.0/docking_events/?limit=100",
    "limit=100 detailed": "/2.3.0/docking_events/?limit=100&mode=detailed",
    "detail": "/2.3.0/docking_events/{middle}/",
    "filter+search+order": (
        "/2.3.0/docking_events/?docking__gte=1990-01-01T00:00:00Z&docked=false"
        "&search=ISS&ordering=-departure&limit=10"
    ),
}


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def ensure_tools():
    missing = [name for name in ("wrk", "nginx") if not shutil.which(name)]
    if missing:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        sh("apt-get", "update", "-q", env=env)
        sh("apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env)
    urls = dict(line.split("=", 1) for line in sh(str(ROOT / "scripts" / "services")).split())
    return urls["DATABASE_URL"], (urls["REDIS_URL"], urls["CACHE_REDIS_URL"])


def database_for(size, base_url):
    """A PostgreSQL database with `size` generated events (made once, reused by later runs)."""
    import psycopg

    server = dj_database_url.parse(base_url)
    dsn = (
        f"host={server['HOST']} port={server['PORT'] or 5432} user={server['USER']} "
        f"password={server['PASSWORD']} dbname={server['NAME']}"
    )
    name = f"docking_bench_{size}"
    url = base_url.rsplit("/", 1)[0] + f"/{name}"
    env = server_env(DATABASE_URL=url)
    with psycopg.connect(dsn, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            try:
                # A database left by an earlier version holds rows that version's code made.
                manage(env, "migrate", "--check")
                current = True
            except subprocess.CalledProcessError:
                current = False
            if current:
                bench_dsn = dsn.replace(f"dbname={server['NAME']}", f"dbname={name}")
                with psycopg.connect(bench_dsn) as db:
                    try:
                        count = db.execute(
                            "SELECT count(*) FROM spaceflight_dockingevent"
                        ).fetchone()
                    except psycopg.Error:
                        count = (None,)
                if count[0] == size:
                    return url
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    print(f"generating {size} events...", file=sys.stderr, flush=True)
    manage(env, "migrate", "--no-input")
    manage(env, "generate_data", "--events", str(size), "--seed", "1")
    return url


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url, seconds, connections, repeat=1, key=None):
    """`{rps, p50, p99}` (milliseconds): the best of `repeat` wrk runs after a warm-up. The
    best, because on a shared 2-core machine a run can only be slowed by others. With `key`,
    every request sends it (`Authorization: Token <key>`)."""
    headers = ["-H", f"Authorization: Token {key}"] if key else []
    sh("wrk", "-t2", f"-c{connections}", "-d1s", "--timeout", "10s", *headers, url)
    runs = [_wrk_once(url, seconds, connections, headers) for _ in range(repeat)]
    return max(runs, key=lambda run: run["rps"])


def _wrk_once(url, seconds, connections, headers):
    out = sh(
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        *headers,
        url,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = {
        p: float(v) * UNITS[unit]
        for p, v, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses:\n{out}")
    return {"rps": rps, "p50": percentiles["50"], "p99": percentiles["99"]}


def nginx(files, seconds, connections, repeat):
    """wrk against nginx serving each file: `{name: result}`."""
    root = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    root.chmod(0o755)  # nginx's workers do not run as the user who made it
    for name, body in files.items():
        (root / f"{name}.json").write_bytes(body)
        (root / f"{name}.json").chmod(0o644)
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(
        f"""worker_processes auto; daemon off; pid {root}/nginx.pid; error_log stderr error;
events {{ worker_connections 1024; }}
http {{ access_log off; default_type application/json; sendfile on; tcp_nopush on;
  keepalive_requests 100000;
  server {{ listen 127.0.0.1:{port}; root {root}; }} }}
"""
    )
    process = subprocess.Popen(["nginx", "-c", str(conf)], stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        return {
            name: wrk(f"http://127.0.0.1:{port}/{name}.json", seconds, connections, repeat)
            for name in files
        }
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(root)


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name)


def sqlite_database(size, directory):
    """The embedded default's database: SQLite, `size` generated events."""
    url = f"sqlite:///{directory / f'bench-{size}.sqlite3'}"
    env = server_env(DATABASE_URL=url, THROTTLE_COUNTER_FILE=str(directory / "counters.sqlite3"))
    print(f"generating {size} events into SQLite...", file=sys.stderr, flush=True)
    manage(env, "migrate", "--no-input")
    manage(env, "generate_data", "--events", str(size), "--seed", "1")
    return env


def bench_key(env):
    """A key with a rate no benchmark reaches (earlier runs' keys removed)."""
    manage(
        env,
        "shell",
        "-c",
        "from api.models import ApiKey; ApiKey.objects.filter(name='bench').delete()",
    )
    return manage(env, "create_api_key", "bench", "--rate", "100000000/hour")


def holds_idle(base, count=200):
    """Does the server answer within a second while `count` idle connections are open?"""
    port = int(base.rsplit(":", 1)[1].split("/")[0])
    idle = []
    try:
        for _ in range(count):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        time.sleep(0.5)
        start = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
                sock.sendall(
                    b"GET /health/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                )
                answered = sock.recv(64).startswith(b"HTTP/1.1 200")
        except OSError:
            answered = False
        return answered and time.monotonic() - start < 1.0
    except OSError:
        return False
    finally:
        for sock in idle:
            sock.close()


def fetch(base, path, key, coding=None):
    headers = {"Authorization": f"Token {key}"} if key else {}
    if coding:
        headers["Accept-Encoding"] = coding
    args = ["curl", "-sf", base + path]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    return subprocess.run(args, capture_output=True, check=True).stdout


def run_queries(base, paths, args, key, mode, results, label):
    repeat = args.repeat if mode == "warm" else 1
    for name, path in paths.items():
        fetch(base, path, key)
        results[(label, name, mode)] = wrk(base + path, args.seconds, args.connections, repeat, key)


GRANIAN = {}  # set in main: make serve's workers and threads


def measure_size(size, base_database, redis, args, scratch):
    database = database_for(size, base_database)
    production = server_env(
        DATABASE_URL=database,
        REDIS_URL=redis[0],
        CACHE_REDIS_URL=redis[1],
        CACHE_KEY_PREFIX=f"bench{size}",
        DJANGO_SETTINGS_MODULE="tools.bench_settings",
        ACCESS_LOG="1",
        **GRANIAN,
    )
    key = bench_key(production)
    middle = json.loads(
        sh(
            sys.executable,
            "-c",
            "import django;django.setup();from spaceflight.models import DockingEvent as E;"
            "n=E.objects.count();print(E.objects.order_by('docking','id')[n//2].pk)",
            cwd=ROOT,
            env=production,
        )
    )
    paths = {name: path.format(middle=middle) for name, path in QUERIES.items()}
    results, bodies, gzipped = {}, {}, {}
    unthrottled = {**production, "THROTTLE_ANON_RATE": "", "THROTTLE_KEY_RATE": ""}
    print(f"{size}: production stack...", file=sys.stderr, flush=True)
    for label, env, with_key in (("prod", production, key), ("open", unthrottled, None)):
        for mode, cache in (("cold", "0"), ("warm", "1")):
            with running({**env, "RESPONSE_CACHE": cache}) as (base,):
                if mode == "warm":
                    for view in ("constant", "constant-unthrottled"):
                        results[(label, view, "warm")] = wrk(
                            f"{base}/bench/{view}/",
                            args.seconds,
                            args.connections,
                            args.repeat,
                            with_key,
                        )
                run_queries(base, paths, args, with_key, mode, results, label)
                if mode == "warm" and label == "prod":
                    for name, path in paths.items():
                        bodies[slug(name)] = fetch(base, path, key)
                        gzipped[slug(name)] = len(fetch(base, path, key, "gzip"))
    for name, result in nginx(bodies, args.seconds, args.connections, args.repeat).items():
        original = next(n for n in paths if slug(n) == name)
        results[("nginx", original, "warm")] = result

    print(f"{size}: embedded default...", file=sys.stderr, flush=True)
    embedded = sqlite_database(size, scratch)
    embedded.update(DJANGO_SETTINGS_MODULE="tools.bench_settings", ACCESS_LOG="1", **GRANIAN)
    embedded_key = bench_key(embedded)
    for mode, cache in (("cold", "0"), ("warm", "1")):
        with running({**embedded, "RESPONSE_CACHE": cache}) as (base,):
            run_queries(base, paths, args, embedded_key, mode, results, "embedded")
            if mode == "warm":
                body = fetch(base, paths["limit=100 detailed"], embedded_key)
                assert len(body) == len(bodies["limit-100-detailed"]), "not the same bytes"

    print(f"{size}: app servers...", file=sys.stderr, flush=True)
    servers = {
        "granian": ("granian", GRANIAN),
        "gunicorn sync": (
            "gunicorn",
            {"GUNICORN_WORKER_CLASS": "sync", "WEB_CONCURRENCY": str(args.sync_workers)},
        ),
        "gunicorn gthread": (
            "gunicorn",
            {
                "GUNICORN_WORKER_CLASS": "gthread",
                "GUNICORN_THREADS": "4",
                "WEB_CONCURRENCY": str(args.gthread_workers),
            },
        ),
    }
    for label, (server, extra) in servers.items():
        env = {**production, **extra, "RESPONSE_CACHE": "1"}
        with running(env, server=server) as (base,):
            results[(label, "constant", "warm")] = wrk(
                base + "/bench/constant/", args.seconds, args.connections, args.repeat, key
            )
            for name in ("limit=10", "limit=100 detailed"):
                fetch(base, paths[name], key)
                results[(label, name, "warm")] = wrk(
                    base + paths[name], args.seconds, args.connections, args.repeat, key
                )
            results[(label, "holds 200 idle", "")] = holds_idle(base)

    build = json.loads(sh(sys.executable, "-m", "tools.build_timing", cwd=ROOT, env=production))
    sizes = {name: len(body) for name, body in bodies.items()}
    return {"results": results, "build": build, "sizes": sizes, "gzipped": gzipped}


def ms(result):
    return f"{result['p50']:.2f} / {result['p99']:.2f}"


def query_table(all_results, label, reference=True):
    lines = [
        "| events | query | bytes | gzip bytes | cold req/s | cold p50 / p99 ms | warm req/s "
        "| warm p50 / p99 ms" + (" | nginx req/s | warm / nginx |" if reference else " |"),
        "|---:|---|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if reference else ""),
    ]
    for size, run in all_results.items():
        results = run["results"]
        for name in QUERIES:
            cold, warm = results[(label, name, "cold")], results[(label, name, "warm")]
            line = (
                f"| {size:,} | {name} | {run['sizes'][slug(name)]:,} "
                f"| {run['gzipped'][slug(name)]:,} | {cold['rps']:,.0f} | {ms(cold)} "
                f"| {warm['rps']:,.0f} | {ms(warm)} |"
            )
            if reference:
                ref = results[("nginx", name, "warm")]
                line += f" {ref['rps']:,.0f} | {warm['rps'] / ref['rps']:.0%} |"
            lines.append(line)
    return lines


def report(all_results, args):
    command = " ".join(["python -m tools.bench", *sys.argv[1:]]) if sys.argv[1:] else "make bench"
    granian = f"granian x{GRANIAN['WEB_CONCURRENCY']} ({GRANIAN['WEB_THREADS']} threads each)"
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; wrk -t2 -c{args.connections} -d{args.seconds}s, warm "
        f"and reference figures the best of {args.repeat} runs. One run of `{command}`.",
        "",
        f"**Production stack, as `make serve` runs it:** {granian}, access log on, "
        "PostgreSQL + Redis, LL2's rate limits on. wrk sends an API key with a rate of "
        "100,000,000 requests an hour (`create_api_key bench --rate 100000000/hour`): the "
        "anonymous 15 an hour is too few to measure. Every request is authenticated and "
        "counted.",
        "",
        *query_table(all_results, "prod"),
        "",
        "**Embedded default** (`make serve`'s settings and nothing else: SQLite, no Redis, "
        "rate-limit counters in the host's file), same server, same key:",
        "",
        *query_table(all_results, "embedded"),
        "",
        "**No rate limits** (production stack, `THROTTLE_ANON_RATE` and `THROTTLE_KEY_RATE` "
        "empty, no key):",
        "",
        *query_table(all_results, "open", reference=False),
        "",
        "Reference views under the production server (a constant dict through DRF):",
        "",
        "| events | keyed, rate-limited | no authentication, no rate limit | ratio "
        "| server with no rate limits, no key |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size, run in all_results.items():
        r = run["results"]
        keyed = r[("prod", "constant", "warm")]["rps"]
        bare = r[("prod", "constant-unthrottled", "warm")]["rps"]
        off = r[("open", "constant", "warm")]["rps"]
        lines.append(
            f"| {size:,} | {keyed:,.0f} req/s | {bare:,.0f} req/s | {keyed / bare:.0%} "
            f"| {off:,.0f} req/s |"
        )
    lines += [
        "",
        "App servers on the same throttled, keyed workload (production stack, warm):",
        "",
        "| events | server | constant view req/s | warm limit=10 req/s (p99 ms) "
        "| warm limit=100 detailed req/s (p99 ms) | answers within 1 s with 200 idle "
        "connections open |",
        "|---:|---|---:|---:|---:|---|",
    ]
    names = {
        "granian": granian,
        "gunicorn sync": f"gunicorn sync x{args.sync_workers}",
        "gunicorn gthread": f"gunicorn gthread x{args.gthread_workers} (4 threads each)",
    }
    for size, run in all_results.items():
        r = run["results"]
        for label, shown in names.items():
            lines.append(
                f"| {size:,} | {shown} | {r[(label, 'constant', 'warm')]['rps']:,.0f} "
                f"| {r[(label, 'limit=10', 'warm')]['rps']:,.0f} "
                f"({r[(label, 'limit=10', 'warm')]['p99']:.1f}) "
                f"| {r[(label, 'limit=100 detailed', 'warm')]['rps']:,.0f} "
                f"({r[(label, 'limit=100 detailed', 'warm')]['p99']:.1f}) "
                f"| {'yes' if r[(label, 'holds 200 idle', '')] else 'no'} |"
            )
    lines += [
        "",
        "| events | build 100 detailed events (load + render) | orjson.dumps of them "
        "| ratio | DRF serializers on the same rows | ratio |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size, run in all_results.items():
        build = run["build"]
        lines.append(
            f"| {size:,} | {build['build_ms']:.1f} ms | {build['orjson_ms']:.2f} ms "
            f"| {build['build_ms'] / build['orjson_ms']:.1f}x | {build['drf_ms']:.1f} ms "
            f"| {build['drf_ms'] / build['orjson_ms']:.1f}x |"
        )
    lines += ["", "Targets:", ""]
    lines += ["| events | ratio | measured | target | |", "|---:|---|---:|---:|---|"]
    for size, run in all_results.items():
        r = run["results"]

        def rps(label, name, r=r):
            return r[(label, name, "warm")]["rps"]

        detailed = slug("limit=100 detailed")
        targets = [
            (
                "constant DRF view, rate-limited with a key / the same view unthrottled",
                rps("prod", "constant") / rps("prod", "constant-unthrottled"),
                0.85,
            ),
            (
                "warm limit=10, rate-limited with a key / the unthrottled constant view",
                rps("prod", "limit=10") / rps("prod", "constant-unthrottled"),
                0.75,
            ),
            (
                "warm limit=100 detailed, rate-limited with a key / nginx, same bytes",
                rps("prod", "limit=100 detailed") / rps("nginx", "limit=100 detailed"),
                0.50,
            ),
            (
                "embedded default: warm limit=100 detailed / nginx, same bytes",
                rps("embedded", "limit=100 detailed") / rps("nginx", "limit=100 detailed"),
                0.25,
            ),
        ]
        for text, value, target in targets:
            met = "met" if value >= target else f"missed by {target - value:.0%} points"
            lines.append(f"| {size:,} | {text} | {value:.0%} | >= {target:.0%} | {met} |")
        ratio = run["gzipped"][detailed] / run["sizes"][detailed]
        met = "met" if ratio < 1 / 3 else "missed"
        lines.append(
            f"| {size:,} | gzip-encoded limit=100 detailed / plain size | {ratio:.1%} "
            f"| < 33.3% | {met} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[600, 100_000])
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=2, help="wrk runs per warm measurement")
    parser.add_argument("--sync-workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--gthread-workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    GRANIAN.update(WEB_CONCURRENCY=str(os.cpu_count() or 1), WEB_THREADS="4")
    database, redis = ensure_tools()
    scratch = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        all_results = {
            size: measure_size(size, database, redis, args, scratch) for size in args.sizes
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    text = report(all_results, args)
    print(text)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
