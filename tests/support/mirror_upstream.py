"""A scripted LL2 on 127.0.0.1 for the mirror's tests of what docking events reference
(tests/test_sync_references.py): its pages are what our own API serves of the bundled data with
every value filled in and synthetic crews added (tests/support/crewed.py), its answers counted
and its throttle LL2's."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from ingest import references
from spaceflight import models as m
from tests.conftest import BUNDLED
from tests.support.crewed import add_crews
from tests.support.imports import run
from tests.support.linked_pages import fill, flush, get

# What the scripted upstream serves as lists, in the detailed mode a sync asks for.
LISTS = [
    "/2.3.0/docking_events/",
    "/2.2.0/docking_event/",
    "/2.3.0/config/docking_locations/",
    "/2.3.0/space_stations/",
    "/2.3.0/spacecraft_flights/",
    "/2.3.0/spacecraft/",
    "/2.3.0/payload_flights/",
    "/2.3.0/launches/",
    "/2.3.0/agencies/",
    "/2.3.0/astronauts/",
    "/2.2.0/astronaut/",
    "/2.3.0/expeditions/",
    "/2.3.0/spacewalks/",
    "/2.3.0/events/",
]


DETAILS = ["/2.3.0/spacecraft_configurations/", "/2.3.0/launcher_configurations/"]


THROTTLE = {
    "your_request_limit": 15,
    "limit_frequency_secs": 3600,
    "current_use": 1,
    "next_use_secs": 0,
    "ident": "x",
}


class FakeLL2(BaseHTTPRequestHandler):
    """Lists paged by `limit`/`offset` and filtered by `id` (a comma-separated list), detail
    pages by id; 404 for anything else, as LL2."""

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        self.server.seen.append((parts.path, query))
        status, body = self.server.answer(parts.path, query)
        self.send_response(status)
        self.end_headers()
        self.wfile.write(json.dumps(body).encode())

    def log_message(self, *args):
        pass


class Upstream2(ThreadingHTTPServer):
    def __init__(self, lists, details):
        super().__init__(("127.0.0.1", 0), FakeLL2)
        self.lists, self.details, self.seen = lists, details, []
        self.missing = set()  # paths answered 404 as if the upstream had no such endpoint

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server_port}"

    def answer(self, path, query):
        if path in self.missing:
            return 404, {"detail": "Not found."}
        if path == "/2.3.0/api-throttle/":
            return 200, THROTTLE
        if path in self.lists:
            rows = self.lists[path]
            if "id" in query:
                wanted = query["id"].split(",")
                rows = [row for row in rows if str(row["id"]) in wanted]
            offset, limit = int(query.get("offset", 0)), int(query.get("limit", 10))
            more = offset + limit < len(rows)
            link = f"{self.base}{path}?{urlencode({**query, 'offset': offset + limit})}"
            page = {"count": len(rows), "next": link if more else None, "previous": None}
            return 200, {**page, "results": rows[offset : offset + limit]}
        if path in self.details:
            return 200, self.details[path]
        return 404, {"detail": "Not found."}


def capture(api, frozen):
    """What our API serves of the filled bundled data: the upstream's lists and details."""
    lists = {}
    for path in LISTS:
        order = "docking" if "docking_event" in path else "id"
        body = get(api, frozen, f"{path}?mode=detailed&ordering={order}&limit=100")
        assert body["next"] is None
        lists[path] = body["results"]
    details = {}
    for collection, model in zip(DETAILS, (m.SpacecraftConfig, m.LauncherConfig), strict=True):
        for pk in model.objects.values_list("pk", flat=True):
            details[f"{collection}{pk}/"] = get(api, frozen, f"{collection}{pk}/")
    return lists, details


@pytest.fixture
def upstream(api, frozen):
    run(BUNDLED)
    fill()
    add_crews()
    # A configuration of each kind that no agency page lists: asked for by itself.
    craft = m.SpacecraftConfig.objects.filter(pk__in=references.spacecraft_configs()).first()
    craft.agency = None
    craft.save()
    rocket = m.LauncherConfig.objects.filter(pk__in=references.launcher_configs()).first()
    rocket.manufacturer = None
    rocket.save()
    expected = {
        "launches": references.launches(),
        "agencies": references.agencies(),
        "spacecraft_configs": [craft.pk],
        "launcher_configs": [rocket.pk],
    }
    assert references.unlisted_spacecraft_configs() == [craft.pk]
    assert references.unlisted_launcher_configs() == [rocket.pk]
    lists, details = capture(api, frozen)
    flush()
    server = Upstream2(lists, details)
    server.expected = expected
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
