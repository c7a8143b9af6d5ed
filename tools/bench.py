"""`make bench`: the API against nginx serving the same bytes and against DRF at its cheapest.

Sets up what it needs (wrk and nginx from Debian's packages, PostgreSQL and Redis through
scripts/services, a generated database per size), serves the app as production does
(gunicorn with gunicorn.conf.py, PostgreSQL, Redis), and measures with wrk, in one run:
- five queries, cold (response cache off) and warm (on), at each size;
- nginx serving each query's exact response bytes;
- a DRF view returning a constant dict under the same gunicorn (api/bench.py);
- in-process, the time to build 100 detailed events from the database next to the time
  `orjson.dumps` takes to write them.
It prints a table of results and ratios, and writes it to bench/results.md.

    .venv/bin/python -m tools.bench [--sizes 600 100000] [--seconds 5] [--connections 16]
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dj_database_url

from tools.servers import ROOT, free_port, get, manage, running, server_env

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
    return urls["DATABASE_URL"], urls["REDIS_URL"]


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
            with psycopg.connect(dsn.replace(f"dbname={server['NAME']}", f"dbname={name}")) as db:
                try:
                    count = db.execute("SELECT count(*) FROM spaceflight_dockingevent").fetchone()
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


def wrk(url, seconds, connections, repeat=1):
    """`{rps, p50, p99}` (milliseconds): the best of `repeat` wrk runs after a warm-up. The
    best, because on a shared 2-core machine a run can only be slowed by others."""
    sh("wrk", "-t2", f"-c{connections}", "-d1s", "--timeout", "10s", url)
    runs = [_wrk_once(url, seconds, connections) for _ in range(repeat)]
    return max(runs, key=lambda run: run["rps"])


def _wrk_once(url, seconds, connections):
    out = sh(
        "wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url
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


def measure_size(size, base_database, redis, args):
    database = database_for(size, base_database)
    env = server_env(
        DATABASE_URL=database,
        REDIS_URL=redis,
        CACHE_KEY_PREFIX=f"bench{size}",
        THROTTLE_ANON_RATE="",
        DJANGO_SETTINGS_MODULE="tools.bench_settings",
        GUNICORN_WORKER_CLASS=args.worker_class,
        GUNICORN_THREADS=str(args.threads),
        WEB_CONCURRENCY=str(args.workers),
    )
    middle = json.loads(
        sh(
            sys.executable,
            "-c",
            "import django;django.setup();from spaceflight.models import DockingEvent as E;"
            "n=E.objects.count();print(E.objects.order_by('docking','id')[n//2].pk)",
            cwd=ROOT,
            env=env,
        )
    )
    paths = {name: path.format(middle=middle) for name, path in QUERIES.items()}
    results = {}
    bodies = {}
    for mode, cache in (("cold", "0"), ("warm", "1")):
        with running({**env, "RESPONSE_CACHE": cache}, server="gunicorn") as (base,):
            if mode == "warm":
                results[("constant DRF view", "warm")] = wrk(
                    base + "/bench/constant/", args.seconds, args.connections, args.repeat
                )
            for name, path in paths.items():
                status, _ = get(base + path)
                assert status == 200, (path, status)
                repeat = args.repeat if mode == "warm" else 1
                results[(name, mode)] = wrk(base + path, args.seconds, args.connections, repeat)
                if mode == "warm":
                    request = subprocess.run(
                        ["curl", "-s", base + path], capture_output=True, check=True
                    )
                    bodies[slug(name)] = request.stdout
    for name, result in nginx(bodies, args.seconds, args.connections, args.repeat).items():
        original = next(n for n in paths if slug(n) == name)
        results[(original, "nginx")] = result
    build = json.loads(sh(sys.executable, "-m", "tools.build_timing", cwd=ROOT, env=env))
    return results, build, {name: len(body) for name, body in bodies.items()}


def report(all_results, args):
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; gunicorn {args.worker_class} x{args.workers} "
        f"({args.threads} thread(s) each), "
        f"PostgreSQL + Redis; wrk -t2 -c{args.connections} -d{args.seconds}s, warm and "
        f"reference figures the best of {args.repeat} runs.",
        "",
        "| events | query | bytes | cold req/s | cold p50 / p99 ms | warm req/s "
        "| warm p50 / p99 ms | nginx req/s | warm / nginx |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, (results, _build, sizes) in all_results.items():
        for name in QUERIES:
            cold, warm, ref = (
                results[(name, "cold")],
                results[(name, "warm")],
                results[(name, "nginx")],
            )
            lines.append(
                f"| {size:,} | {name} | {sizes[slug(name)]:,} | {cold['rps']:,.0f} "
                f"| {cold['p50']:.1f} / {cold['p99']:.1f} | {warm['rps']:,.0f} "
                f"| {warm['p50']:.2f} / {warm['p99']:.2f} | {ref['rps']:,.0f} "
                f"| {warm['rps'] / ref['rps']:.0%} |"
            )
    first = all_results[args.sizes[0]][0]
    constant = first[("constant DRF view", "warm")]
    lines += [""] + [
        f"Constant-dict DRF view under the same gunicorn, {size:,} events' server: "
        f"{results[('constant DRF view', 'warm')]['rps']:,.0f} req/s "
        f"(p50 {results[('constant DRF view', 'warm')]['p50']:.2f} ms)."
        for size, (results, _build, _sizes) in all_results.items()
    ]
    lines += [
        "",
        "| events | build 100 detailed events (load + render) | orjson.dumps of them "
        "| ratio | DRF serializers on the same rows | ratio |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size, (_, build, _sizes) in all_results.items():
        lines.append(
            f"| {size:,} | {build['build_ms']:.1f} ms | {build['orjson_ms']:.2f} ms "
            f"| {build['build_ms'] / build['orjson_ms']:.1f}x | {build['drf_ms']:.1f} ms "
            f"| {build['drf_ms'] / build['orjson_ms']:.1f}x |"
        )
    small, large = args.sizes[0], args.sizes[-1]
    warm_10 = first[("limit=10", "warm")]["rps"]
    warm_100d = first[("limit=100 detailed", "warm")]["rps"]
    nginx_100d = first[("limit=100 detailed", "nginx")]["rps"]
    p50_small = all_results[small][0][("limit=100 detailed", "cold")]["p50"]
    p50_large = all_results[large][0][("limit=100 detailed", "cold")]["p50"]
    build = all_results[small][1]
    lines += [
        "",
        "Targets:",
        f"- warm limit=100 detailed vs nginx: {warm_100d / nginx_100d:.0%} (target >= 50%)",
        f"- warm limit=10 vs constant DRF view: {warm_10 / constant['rps']:.0%} (target >= 75%)",
        f"- cold build / orjson.dumps: {build['build_ms'] / build['orjson_ms']:.1f}x "
        "(target <= 10x)",
        f"- cold p50 limit=100 detailed, {large:,} vs {small:,} events: "
        f"{p50_large / p50_small:.2f}x (target <= 1.5x)",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[600, 100_000])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="wrk runs per warm measurement")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    database, redis = ensure_tools()
    all_results = {size: measure_size(size, database, redis, args) for size in args.sizes}
    text = report(all_results, args)
    print(text)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
