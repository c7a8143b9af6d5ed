"""What the sync tests share: `sync_ll2` run as a command, and fake upstreams on 127.0.0.1
whose answers a test writes as it likes (loops, stalls, trickles, huge bodies, redirects)."""

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

from django.core.management import call_command

from tests.conftest import reference

EVENTS = reference("v2.3.0_docking_events_list_offset10_b.json")["results"]
THROTTLE = "/2.3.0/api-throttle/"


def sync(*args, log=None):
    """The summary `sync_ll2` prints; its waits go to `log` when one is given."""
    out = StringIO()
    call_command("sync_ll2", *args, stdout=out, stderr=log or StringIO())
    return out.getvalue()


def page(events, next_link=None):
    return json.dumps(
        {"count": len(events), "next": next_link, "previous": None, "results": events}
    )


def respond(handler, status, body=b"", headers=None):
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def empty_lists(handler):
    """An upstream that has every list empty, and no throttle endpoint or detail page."""
    path = handler.path.split("?")[0]
    if path == THROTTLE or path.rstrip("/").rsplit("/", 1)[-1].isdigit():
        respond(handler, 404, b'{"detail": "Not found."}')
    else:
        respond(handler, 200, page([]).encode())


class Answering(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.seen.append((self.path, self.headers.get("Authorization")))
        answer = self.server.paths.get(self.path.split("?")[0], self.server.otherwise)
        try:
            answer(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on this answer, as it should have

    def log_message(self, *args):
        pass


@contextmanager
def fake_upstream(paths=None, otherwise=empty_lists):
    """A server on 127.0.0.1 answering each path with `paths[path](handler)`, any other with
    `otherwise(handler)`; it notes `(path, Authorization)` of each request in `.seen`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answering)
    server.daemon_threads = True
    server.seen, server.paths, server.otherwise = [], dict(paths or {}), otherwise
    server.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
