"""The tables `make bench` prints and writes to bench/results.md (tools/bench.py measures)."""

import os
import platform
import statistics
import sys

from tools.bench_load import GRANIAN, QUERIES, slug


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
    lines += [
        "",
        f"The targets' pairs in turns (production stack, warm, keyed; nginx beside it): "
        f"{args.rounds} rounds, each query once per round, req/s:",
        "",
        "| events | query | rounds | median |",
        "|---:|---|---|---:|",
    ]
    for size, run in all_results.items():
        for name, runs in run["turns"].items():
            shown = ", ".join(f"{value:,.0f}" for value in runs)
            lines.append(f"| {size:,} | {name} | {shown} | {statistics.median(runs):,.0f} |")
    lines += [
        "",
        "Knowing the data generation, per request, in-process (spaceflight/changes.py); on "
        "PostgreSQL, a commit's notification from its return to another connection's socket:",
        "",
        "| events | stack | `current()` µs | reading the row µs | notification p50 / p99 µs |",
        "|---:|---|---:|---:|---:|",
    ]
    for size, run in all_results.items():
        for label, timing in run["generation"].items():
            stack = "production" if label == "prod" else "embedded"
            delivery = timing.get("delivery_us")
            shown = f"{delivery['p50']:,.0f} / {delivery['p99']:,.0f}" if delivery else "-"
            lines.append(
                f"| {size:,} | {stack} ({timing['vendor']}) | {timing['current_us']:.1f} "
                f"| {timing['generation_us']:.1f} | {shown} |"
            )
    lines += tail_tables(all_results, args)
    lines += growth_table(all_results)
    lines += ["", "Targets:", ""]
    lines += ["| events | ratio | measured | target | |", "|---:|---|---:|---:|---|"]
    for size, run in all_results.items():
        r = run["results"]

        def rps(label, name, r=r):
            return r[(label, name, "warm")]["rps"]

        detailed = slug("limit=100 detailed")
        turns = {name: statistics.median(runs) for name, runs in run["turns"].items()}
        targets = [
            (
                "constant DRF view, rate-limited with a key / the same view unthrottled "
                "(medians in turns)",
                turns["constant"] / turns["constant-unthrottled"],
                0.85,
            ),
            (
                "warm limit=10, rate-limited with a key / the unthrottled constant view "
                "(medians in turns)",
                turns["limit=10"] / turns["constant-unthrottled"],
                0.75,
            ),
            (
                "warm limit=100 detailed, rate-limited with a key / nginx, same bytes "
                "(medians in turns)",
                turns["limit=100 detailed"] / turns["nginx limit=100 detailed"],
                0.50,
            ),
            (
                "embedded default: warm limit=100 detailed / nginx, same bytes",
                rps("embedded", "limit=100 detailed") / rps("nginx", "limit=100 detailed"),
                0.25,
            ),
        ]
        for label in ("prod", "embedded"):
            tail = run["tail"][label]
            stack = "production stack" if label == "prod" else "embedded default"
            after = tail["after_write"]
            targets += [
                (
                    f"{stack}: each event's page asked once / asked again (medians of "
                    f"{args.rounds})",
                    tail["long_tail"]["once"] / tail["long_tail"]["again"],
                    0.50,
                ),
                *(
                    (
                        f"{stack}: first request after a one-event write / warm: {name}",
                        after[name]["warm"] / after[name]["cold"],
                        target,
                    )
                    for name, target in (
                        ("limit=10", 0.50),
                        ("detail", 0.50),
                        ("limit=100 detailed", 0.25),
                    )
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


def growth_table(all_results):
    """Each query's p50 at the largest size against the smallest, cold and warm, on both
    stacks, judged against 1.5x (nothing when one size was measured)."""
    if len(all_results) < 2:
        return []
    small, large = min(all_results), max(all_results)
    lines = [
        "",
        f"Each query at {large:,} events against {small:,}: p50 at {large:,} / p50 at "
        f"{small:,} (the tables above; the aim: within 1.5x):",
        "",
        "| stack | query | cold p50 ms | ratio | warm p50 ms | ratio | within 1.5x |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for label, stack in (("prod", "production"), ("embedded", "embedded")):
        for name in QUERIES:
            cells, within = [], True
            for mode in ("cold", "warm"):
                before = all_results[small]["results"][(label, name, mode)]["p50"]
                after = all_results[large]["results"][(label, name, mode)]["p50"]
                cells.append(f"{before:.1f} → {after:.1f} | {after / before:.2f}x")
                within = within and after / before <= 1.5
            lines.append(
                f"| {stack} | {name} | {' | '.join(cells)} | {'yes' if within else 'no'} |"
            )
    return lines


def tail_tables(all_results, args):
    """The long tail (tools/bench_tail.py): one client, writes made as a writer makes them."""
    lines = [
        "",
        "**The long tail** (tools/bench_tail.py; one client on one keep-alive connection, "
        "keyed, response cache on): each query's first request after a write that changes one "
        "event it shows (the writer renders again what the write made stale, and the lists' "
        "pages readers asked for, before it returns), against the same request again, back to "
        "back (the targets' ratio) and after a pause as long as the write took, without a write "
        f"(the control: an idle server answers slower, however warm); medians of {args.rounds} "
        "rounds, the queries in turns, ms:",
        "",
        "| events | stack | query | first after a write ms | again ms | ratio "
        "| again after the same pause ms | ratio | in process: again ms | after the pause ms "
        "| ratio |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    stacks = {"prod": "production", "embedded": "embedded"}
    for size, run in all_results.items():
        for label, stack in stacks.items():
            tail = run["tail"][label]
            for name, times in tail["after_write"].items():
                alone = tail["in_process"][name]
                lines.append(
                    f"| {size:,} | {stack} | {name} | {times['cold']:.2f} | {times['warm']:.2f} "
                    f"| {times['warm'] / times['cold']:.0%} | {times['paused']:.2f} "
                    f"| {times['paused'] / times['cold']:.0%} | {alone['again']:.2f} "
                    f"| {alone['paused']:.2f} | {alone['again'] / alone['paused']:.0%} |"
                )
    lines += [
        "",
        "The last three columns are the same warm requests made inside the benchmark's own "
        "process through Django's test client, with no socket, server thread or other process "
        "between: back to back, and after sleeping as long as the write took. What they differ "
        "by is what a pause costs on this machine, whatever the server does.",
    ]
    lines += [
        "",
        "Every event's `{id}/` asked once since the last write, then all asked again by the "
        "same client (req/s); with the fragments kept (`manage.py render_fragments` beforehand, "
        "timed below; of a bigger data set, the events asked, spread over all, each asked once "
        "beforehand), and with none kept (the first visit ever: every page rendered). The "
        "floor: a page no process holds in memory can't be answered without reading its bytes "
        "from a store the processes share; what one read of a kept fragment adds to a request "
        "on this server (the constant reference view with and without it, in turns), and the "
        "ratio a first visit would have that cost nothing else, `again / (again + read)`:",
        "",
        "| events | stack | events asked | fragments kept: once | again | ratio "
        "| one read adds ms | floor ratio | none kept: once | again | ratio |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, run in all_results.items():
        for label, stack in stacks.items():
            tail = run["tail"][label]
            kept, none = tail["long_tail"], tail["long_tail_nothing_kept"]
            again_ms = 1000 / kept["again"]
            lines.append(
                f"| {size:,} | {stack} | {tail['events_asked']:,} "
                f"| {kept['once']:,.0f} | {kept['again']:,.0f} "
                f"| {kept['once'] / kept['again']:.0%} | {kept['read_ms']:.2f} "
                f"| {again_ms / (again_ms + kept['read_ms']):.0%} | {none['once']:,.0f} "
                f"| {none['again']:,.0f} | {none['once'] / none['again']:.0%} |"
            )
    lines += [
        "",
        "What writes cost their writer, commit and rendering again included, and what they "
        "rendered again (of which with new bytes; the rest keep their bytes), and the lists' "
        "pages readers had asked for, rendered again after them:",
        "",
        "| events | stack | write | ms | fragments rendered again | with new bytes "
        "| lists' pages |",
        "|---:|---|---|---:|---:|---:|---:|",
    ]
    for size, run in all_results.items():
        for label, stack in stacks.items():
            for name, cost in run["tail"][label]["writes"].items():
                lines.append(
                    f"| {size:,} | {stack} | {name} | {cost['ms']:,.0f} "
                    f"| {cost['rendered']:,} | {cost['changed']:,} | {cost['lists']:,} |"
                )
    lines += [
        "",
        "| events | stack | `render_fragments` (docking events, every version and mode) "
        "| fragments | MB | dependency rows |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for size, run in all_results.items():
        for label, stack in stacks.items():
            tail = run["tail"][label]
            took = tail["render_fragments_ms"]
            lines.append(
                f"| {size:,} | {stack} | {'not run' if took is None else f'{took / 1000:.1f} s'} "
                f"| {tail['fragments']:,} | {tail['fragment_bytes'] / 1e6:.1f} "
                f"| {tail['dependencies']:,} |"
            )
    return lines
