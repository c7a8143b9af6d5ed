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
  `orjson.dumps` takes to write them;
- the targets' pairs in turns (`--rounds` times each, nginx running beside the server), whose
  medians the targets are judged by;
- the long tail, on both stacks (tools/bench_tail.py): each query's first request after a
  write that changes one event it shows, against the same again; every event's page asked
  once, against all asked again by the same client; what writes cost their writer;
- in-process, what knowing the data generation costs a request, and how long a commit's
  notification takes to reach another connection.
It prints tables of results and ratios, and writes them to bench/results.md.

    .venv/bin/python -m tools.bench [--sizes 600 100000] [--seconds 4] [--connections 16]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import dj_database_url

from tools.bench_load import (
    GRANIAN,
    QUERIES,
    fetch,
    holds_idle,
    nginx,
    nginx_serving,
    sh,
    slug,
    wrk,
)
from tools.bench_report import report
from tools.fault_postgres import drop_database
from tools.servers import ROOT, manage, running, server_env


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
            drop_database(connection, name)
        connection.execute(f'CREATE DATABASE "{name}"')
    print(f"generating {size} events...", file=sys.stderr, flush=True)
    manage(env, "migrate", "--no-input")
    manage(env, "generate_data", "--events", str(size), "--seed", "1")
    return url


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


def run_queries(base, paths, args, key, mode, results, label):
    repeat = args.repeat if mode == "warm" else 1
    for name, path in paths.items():
        fetch(base, path, key)
        results[(label, name, mode)] = wrk(base + path, args.seconds, args.connections, repeat, key)


def in_turns(base, paths, key, detailed, args):
    """The targets' pairs, each measured once per round, in turns, `args.rounds` rounds, so
    that a slow minute on a shared machine falls on both sides of a ratio: `{name: [req/s]}`."""
    with nginx_serving({"detailed": detailed}) as reference:
        urls = {
            "constant": (f"{base}/bench/constant/", key),
            "constant-unthrottled": (f"{base}/bench/constant-unthrottled/", None),
            "limit=10": (base + paths["limit=10"], key),
            "limit=100 detailed": (base + paths["limit=100 detailed"], key),
            "nginx limit=100 detailed": (f"{reference}/detailed.json", None),
        }
        runs = {name: [] for name in urls}
        for _ in range(args.rounds):
            for name, (url, with_key) in urls.items():
                runs[name].append(wrk(url, args.seconds, args.connections, 1, with_key)["rps"])
    return runs


def long_tail(base, key, env, args):
    """tools/bench_tail.py against the running server: writes, then first requests."""
    command = [sys.executable, "-m", "tools.bench_tail", base, key, "--rounds", str(args.rounds)]
    return json.loads(sh(*command, cwd=ROOT, env=env))


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
                    print(f"{size}: the targets' pairs in turns...", file=sys.stderr, flush=True)
                    turns = in_turns(base, paths, key, bodies["limit-100-detailed"], args)
                    print(f"{size}: the long tail...", file=sys.stderr, flush=True)
                    tail = {"prod": long_tail(base, key, production, args)}
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
                tail["embedded"] = long_tail(base, embedded_key, embedded, args)

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
    generation = {
        label: json.loads(sh(sys.executable, "-m", "tools.generation_timing", cwd=ROOT, env=env))
        for label, env in (("prod", production), ("embedded", embedded))
    }
    sizes = {name: len(body) for name, body in bodies.items()}
    return {
        "results": results,
        "turns": turns,
        "tail": tail,
        "build": build,
        "generation": generation,
        "sizes": sizes,
        "gzipped": gzipped,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[600, 100_000])
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=2, help="wrk runs per warm measurement")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the targets' pairs")
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
