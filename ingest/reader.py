"""Reading LL2 responses from disk: JSON files, and raw pages captured from the browsable API."""

import json
import re
from pathlib import Path

SUFFIXES = {".json", ".txt"}
HEADER = re.compile(r"^(HTTP \d{3} |[A-Za-z-]+: )")


class MalformedDocument(ValueError):
    """A file that is not an LL2 response; the message names the file and the place."""


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


def read_document(path):
    text = Path(path).read_text(encoding="utf-8")
    body = text if path.suffix == ".json" else _captured_body(text)
    try:
        return json.loads(body)
    except json.JSONDecodeError as error:
        raise MalformedDocument(
            f"{path}: not JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None


def _captured_body(text):
    """The JSON of a page captured from DRF's browsable API.

    Such a page is the view's description, the request line (`GET /...`), the response
    headers, then the JSON. In some captures the JSON's opening (`{ "id": 618, "url": "`)
    was moved to the end of the line; it is put back in front.
    """
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("GET /")), None)
    if start is None:
        return text
    rest = lines[start + 1 :]
    while rest and (not rest[0].strip() or HEADER.match(rest[0])):
        rest = rest[1:]
    body = "\n".join(rest).strip()
    if body.startswith(("{", "[")):
        return body
    opening = body.rfind("{")
    return body[opening:] + body[:opening] if opening > 0 else body
