"""The long tail, for `make bench`: one client against a running server, writes made in this
process as a writer makes them (each commit renders again what it made stale,
api/rendering/fragments.py). Prints JSON.

- after a write: for each query, the first request after a write that changes one event it
  shows (the first of its page), against the same request again, back to back and after a
  pause as long as the write; `--rounds` rounds, the queries in turns, medians in
  milliseconds; and the same warm requests made in this process, with no server between,
  back to back and after the same pause (what a pause costs on this machine);
- each detail once: every event's `{id}/`, each asked once after a write (no response cached:
  the write changed the generation), against all of them asked again by the same client;
  with the fragments the writer keeps, and with none kept (the first visit ever); of more
  than `--sample` events, that many spread over all (ids at even steps); and its floor: what
  one read of a kept fragment adds to a request on this server (the constant reference view
  with and without it, tools/bench_views.py), which a page no process holds in memory can't
  be answered without;
- what writes cost the writer: one event, the station most events embed (as the ISS), an
  agency that owns it, and a sync page (100 events, one changed), with what each rendered again.

    python -m tools.bench_tail BASE_URL API_KEY [--rounds 3] [--sample 600]
"""

import argparse
import http.client
import json
import statistics
import tempfile
import time
import urllib.parse
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import Count, Sum  # noqa: E402
from django.test import Client as DjangoClient  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from api.models import Fragment, FragmentDep  # noqa: E402
from api.rendering import fragments  # noqa: E402
from spaceflight.changes import data_changed  # noqa: E402
from spaceflight.models import Agency, DockingEvent, SpaceStation  # noqa: E402
from tools.bench_load import QUERIES  # noqa: E402


class Client:
    """One keep-alive connection, as one client makes its requests."""

    def __init__(self, base, key):
        url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.headers = {"Authorization": f"Token {key}"}

    def get(self, path):
        """The time of one request, in milliseconds."""
        start = time.perf_counter()
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        took = (time.perf_counter() - start) * 1000
        assert response.status == 200, (path, response.status, body[:200])
        return took


def timed(write):
    """Run `write` as a writer does, in its own transaction, then render again what it made
    stale, lists' pages included (what the commit's `fragments.committed` does, called here to
    see its count):
    `(milliseconds, what was rendered again)`."""
    start = time.perf_counter()
    with override_settings(RENDER_FRAGMENTS=False), transaction.atomic():
        write()
    rebuilt = fragments.render_stale()
    return (time.perf_counter() - start) * 1000, rebuilt


def one_event(pk):
    """A write that changes one event: its departure moves by a second, and back."""

    def write():
        event = DockingEvent.objects.get(pk=pk)
        if event.departure is not None:
            event.departure += timedelta(seconds=1 if event.departure.second % 2 == 0 else -1)
        else:
            event.docking += timedelta(seconds=1 if event.docking.second % 2 == 0 else -1)
        event.save()

    return write


def shown(client, path):
    """The first event `path` answers with."""
    client.connection.request("GET", path, headers=client.headers)
    body = json.loads(client.connection.getresponse().read())
    return body["results"][0]["id"] if "results" in body else body["id"]


def after_write(client, paths, rounds):
    """Each query's first request after a write that changes an event it shows; the same
    request again, back to back; and again after a pause as long as the write took, without a
    write (a server left idle that long answers slower however warm its cache: the control)."""
    runs = {name: {"cold": [], "warm": [], "paused": [], "write": []} for name in paths}
    events = {name: shown(client, path) for name, path in paths.items()}
    for _ in range(rounds):
        for name, path in paths.items():
            took, _ = timed(one_event(events[name]))
            runs[name]["write"].append(took)
            runs[name]["cold"].append(client.get(path))
            runs[name]["warm"].append(statistics.median(client.get(path) for _ in range(3)))
            time.sleep(took / 1000)
            runs[name]["paused"].append(client.get(path))
    return {
        name: {side: statistics.median(values) for side, values in run.items()}
        for name, run in runs.items()
    }


def in_process(base, key, paths, pauses, rounds=15):
    """What a pause costs on this machine, whatever the server does: the same warm requests
    made in this process through Django's test client (no socket, no server thread, no other
    process), back to back and after sleeping as long as the query's write took (`pauses`,
    ms). Medians in milliseconds."""
    client = DjangoClient(
        HTTP_HOST=urllib.parse.urlsplit(base).netloc, HTTP_AUTHORIZATION=f"Token {key}"
    )

    def get(path):
        start = time.perf_counter()
        response = client.get(path)
        took = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (path, response.status_code)
        return took

    found = {}
    for name, path in paths.items():
        for _ in range(20):
            get(path)
        again = [get(path) for _ in range(rounds)]
        paused = []
        for _ in range(rounds):
            time.sleep(pauses[name] / 1000)
            paused.append(get(path))
        found[name] = {"again": statistics.median(again), "paused": statistics.median(paused)}
    return found


def per_request(client, paths):
    """Milliseconds per request of asking each of `paths` once."""
    start = time.perf_counter()
    for path in paths:
        client.get(path)
    return (time.perf_counter() - start) * 1000 / len(paths)


def long_tail(client, ids, rounds, keep):
    """`{"once": req/s, "again": req/s}`, medians of `rounds`; with the fragments kept, also
    `"read_ms"`: what reading one of theirs adds to a request (medians, in turns)."""
    pages = [f"/2.3.0/docking_events/{pk}/" for pk in ids]
    with_a_fragment = [
        "/bench/constant-and-a-fragment/?key="
        + urllib.parse.quote(fragments.detail_key(RequestFactory().get(page)))
        for page in pages
    ]
    once, again, read = [], [], []
    for _ in range(rounds):
        if not keep:
            Fragment.objects.all().delete()
            FragmentDep.objects.all().delete()
        timed(data_changed)
        for side in (once, again):
            side.append(1000 / per_request(client, pages))
        if keep:
            constant = per_request(client, ["/bench/constant/"] * len(pages))
            read.append(per_request(client, with_a_fragment) - constant)
    found = {"once": statistics.median(once), "again": statistics.median(again)}
    if keep:
        found["read_ms"] = statistics.median(read)
    return found


def sync_page(client):
    """What a sync page writes: 100 detailed events imported in one transaction (ingest's
    importer, as `sync_ll2` and `import_ll2` write a page), one of them changed since the last
    time (the page is imported once unchanged first)."""
    path = "/2.3.0/docking_events/?limit=100&mode=detailed&format=json"
    client.connection.request("GET", path, headers=client.headers)
    page = json.loads(client.connection.getresponse().read())
    with tempfile.TemporaryDirectory() as directory:
        file = Path(directory) / "page.json"

        def write():
            file.write_text(json.dumps(page))
            call_command("import_ll2", str(file), stdout=StringIO())

        timed(write)
        first = page["results"][0]
        docking = datetime.fromisoformat(first["docking"].replace("Z", "+00:00"))
        first["docking"] = (docking + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        took = timed(write)
        first["docking"] = docking.strftime("%Y-%m-%dT%H:%M:%SZ")
        timed(write)  # as it was, for the next run
        return took


def writes(client):
    busiest = (
        DockingEvent.objects.values("docking_location__spacestation")
        .annotate(events=Count("id"))
        .order_by("-events")
        .first()
    )
    iss = SpaceStation.objects.get(pk=busiest["docking_location__spacestation"])
    agency = iss.owners.order_by("id").first()
    event = DockingEvent.objects.filter(docking_location__spacestation=iss).order_by("id").first()

    def station():
        iss.description = iss.description.rstrip() + ("" if iss.description.endswith(" ") else " ")
        iss.save()

    def owner():
        agency.abbrev = agency.abbrev.swapcase()
        Agency.objects.filter(pk=agency.pk).update(abbrev=agency.abbrev)
        data_changed()

    found = {}
    for name, write in (
        ("one event", one_event(event.pk)),
        (f"the station most events embed ({iss.name})", station),
        (f"an agency that owns it ({agency.name})", owner),
    ):
        took, rebuilt = timed(write)
        found[name] = {
            "ms": took,
            "rendered": rebuilt.rendered,
            "changed": rebuilt.changed,
            "lists": rebuilt.lists,
        }
    took, rebuilt = sync_page(client)
    found["a sync page (100 events, one changed)"] = {
        "ms": took,
        "rendered": rebuilt.rendered,
        "changed": rebuilt.changed,
        "lists": rebuilt.lists,
    }
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("key")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=600)
    args = parser.parse_args()
    every = list(DockingEvent.objects.order_by("id").values_list("pk", flat=True))
    middle = DockingEvent.objects.order_by("docking", "id")[len(every) // 2].pk
    paths = {name: path.format(middle=middle) for name, path in QUERIES.items()}
    client = Client(args.base, args.key)
    # From a known state: no fragment of another release, no list noted by an earlier run's
    # server (on another port: another URL).
    Fragment.objects.all().delete()
    FragmentDep.objects.all().delete()
    if len(every) <= args.sample:
        ids = every
        start = time.perf_counter()
        call_command("render_fragments", stdout=StringIO())
        rendered_ms = (time.perf_counter() - start) * 1000
    else:
        # Every version and mode of every event would be gigabytes (README, Performance): the
        # long tail is that of `--sample` events spread over all, their fragments kept by
        # asking each page once, as readers keep them.
        ids = every[:: len(every) // args.sample][: args.sample]
        for pk in ids:
            client.get(f"/2.3.0/docking_events/{pk}/")
        rendered_ms = None
    kept = Fragment.objects.aggregate(size=Sum("size"))["size"] or 0
    written = after_write(client, paths, args.rounds)
    pauses = {name: times["write"] for name, times in written.items()}
    result = {
        "render_fragments_ms": rendered_ms,
        "events_asked": len(ids),
        "fragments": Fragment.objects.count(),
        "fragment_bytes": kept,
        "dependencies": FragmentDep.objects.count(),
        "after_write": written,
        "in_process": in_process(args.base, args.key, paths, pauses),
        "long_tail": long_tail(client, ids, args.rounds, keep=True),
        "writes": writes(client),
        "long_tail_nothing_kept": long_tail(client, ids, 1, keep=False),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
