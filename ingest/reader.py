"""Reading LL2 responses from disk, JSON files and raw pages captured from the browsable API,
and importing them: `import_files` is the one call behind `import_ll2` and `load_bundled_data`.

A `.json` file is parsed as a stream (ijson): the results of a list page are built and imported
one at a time, so memory holds one object, not the file. A captured page (`.txt`) is read whole:
it is one page of LL2's browsable API, at most 100 objects.
"""

import codecs
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import ijson
from django.db import transaction

from ingest.fields import InvalidObject
from ingest.models import Capture
from ingest.placing import link_path, top_level
from ingest.upsert import Importer
from spaceflight.changes import data_changed
from spaceflight.statistics import derive

SUFFIXES = {".json", ".txt"}
HEADER = re.compile(r"^(HTTP \d{3} |[A-Za-z-]+: )")
# Where a stream's items are: those of a top-level list, or the `results` of a list page.
STREAMED = {"": ("item", "$"), "results": ("results.item", "$.results")}
# An LL2 response nests about ten levels deep: past this only a broken or hostile document goes.
MAX_DEPTH = 64
# ijson's C parser makes every event of a buffer, each with its prefix, before handing out
# the first: a buffer of nested brackets costs its square. Small buffers keep that cheap.
READ_SIZE = 4096
OPENING, CLOSING = {"start_map", "start_array"}, {"end_map", "end_array"}


class MalformedDocument(ValueError):
    """A file that is not an LL2 response; the message names the file and the place."""


def import_files(paths, captured_at=None, progress=None):
    """Import the LL2 responses in `paths` (files or folders) in one transaction; returns
    `{kind: (created, updated, unchanged, kept)}`. On a bad file it raises MalformedDocument,
    one line naming the file and the place, and nothing is written. `progress(path, objects)`
    is called after each object."""
    files = list(iter_files(paths))
    importer = Importer(captured_at=captured_at)
    with transaction.atomic():
        for path in files:
            try:
                for done, found in enumerate(read_objects(path), 1):
                    importer.import_object(*found)
                    if progress:
                        progress(path, done)
            except InvalidObject as error:
                raise MalformedDocument(f"{path}: {error}") from None
        derive()
        if captured_at is not None:
            Capture.objects.create(captured_at=captured_at)
        data_changed()
    return importer.counts()


def iter_files(paths):
    """Every importable file under the given files and folders, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        elif path.is_file():
            yield path
        else:
            raise MalformedDocument(f"{path}: no such file or folder")


def read_objects(path):
    """`(JSON path, object, page path)` of each top-level object of the file (see `top_level`)."""
    if path.suffix != ".json":
        yield from top_level(*read_captured(path))
        return
    with path.open("rb") as raw:
        yield from streamed(json_events(raw, path))


def json_events(raw, source):
    """ijson's `(prefix, event, value)` events of the bytes `raw` reads; MalformedDocument,
    naming `source` (a file, a URL), for a byte that is not UTF-8, a document that is not JSON,
    or one nested past MAX_DEPTH."""
    depth = 0
    events = ijson.parse(CheckedUtf8(raw, source), buf_size=READ_SIZE, use_float=True)
    try:
        for prefix, event, value in events:
            if event in OPENING:
                depth += 1
                if depth > MAX_DEPTH:
                    raise MalformedDocument(f"{source}: refused: nested deeper than {MAX_DEPTH}")
            elif event in CLOSING:
                depth -= 1
            yield prefix, event, value
    except ijson.JSONError as error:
        raise MalformedDocument(f"{source}: not JSON: {yajl_message(error)}") from None


def streamed(events):
    """`top_level` over ijson's events: each item of a top-level list or of a page's `results`
    is built alone and handed on; the rest (a page's `count`, `next`...) is built as the
    envelope. DRF writes `next` and `previous` before `results`, so the page path is known."""
    envelope = ijson.ObjectBuilder()
    items = where = item = None
    index = 0
    for prefix, event, value in events:
        if item is not None:
            if prefix == items and event in ("end_map", "end_array"):
                yield f"{where}[{index}]", item.value, page_path(envelope.value)
                item, index = None, index + 1
            else:
                item.event(event, value)
        elif items is not None and prefix == items:
            if event in ("start_map", "start_array"):
                item = ijson.ObjectBuilder()
                item.event(event, value)
            else:
                yield f"{where}[{index}]", value, page_path(envelope.value)
                index += 1
        else:
            if event == "start_array" and items is None and prefix in STREAMED:
                items, where = STREAMED[prefix]
            envelope.event(event, value)
    if items is None:
        yield from top_level(envelope.value)


def page_path(envelope):
    return link_path(envelope) if isinstance(envelope, dict) else None


class CheckedUtf8:
    """The file's bytes on their way to the parser, checked as UTF-8, so that a bad byte is
    reported with its offset rather than as a parse error."""

    def __init__(self, raw, path):
        self.raw, self.path = raw, path
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.offset = 0

    def read(self, size=-1):
        chunk = self.raw.read(size)
        pending = self.decoder.getstate()[0]
        try:
            self.decoder.decode(chunk, final=size != 0 and not chunk)
        except UnicodeDecodeError as error:
            seen = pending + chunk
            offset = self.offset - len(pending) + error.start
            raise MalformedDocument(not_utf8(self.path, seen[error.start], offset)) from None
        self.offset += len(chunk)
        return chunk


def not_utf8(path, byte, offset):
    return f"{path}: not UTF-8: byte {byte:#04x} at offset {offset:,}"


def yajl_message(error):
    """yajl's message on one line: what went wrong, and the text around it."""
    message = error.args[0] if error.args else ""
    if isinstance(message, bytes):
        message = message.decode("utf-8", "backslashreplace")
    what, _, context = message.partition("\n")
    what, near = what.strip().rstrip("."), context.split("\n")[0].strip()
    return f"{what}, near {near!r}" if near else what


def read_captured(path):
    """`(document, request path)` of a captured page (or of any JSON file, read whole)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MalformedDocument(not_utf8(path, data[error.start], error.start)) from None
    body, request_path = _captured_body(text)
    try:
        return json.loads(body), request_path
    except json.JSONDecodeError as error:
        raise MalformedDocument(
            f"{path}: not JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise MalformedDocument(f"{path}: nested too deeply to read") from None


def _captured_body(text):
    """The JSON of a page captured from DRF's browsable API, and the path of its request.

    Such a page is the view's description, the request line (`GET /...`), the response
    headers, then the JSON. In some captures the JSON's opening (`{ "id": 618, "url": "`)
    was moved to the end of the line; it is put back in front.
    """
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("GET /")), None)
    if start is None:
        return text, None
    request_path = urlsplit(lines[start].split()[1]).path
    rest = lines[start + 1 :]
    while rest and (not rest[0].strip() or HEADER.match(rest[0])):
        rest = rest[1:]
    body = "\n".join(rest).strip()
    if body.startswith(("{", "[")):
        return body, request_path
    opening = body.rfind("{")
    return (body[opening:] + body[:opening] if opening > 0 else body), request_path
