"""What a top-level object is: its `url` says (or, for objects LL2 shows without one, the path
of the page that holds them), through `COLLECTIONS`, never its keys: an LL2 space station and
a docking location both have an id and a name."""

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from ingest.fields import KINDS, InvalidObject


class Resource(NamedTuple):
    name: str
    kind: str | None = None  # None: not imported yet
    # LL2 shows these objects without a `url`: only they are placed by their page's path (an
    # object without one on a page of stations is not a station: a station has a url).
    without_url: bool = False


# Each LL2 collection by its path after the version, whether 2.3.0's or an older one's: what
# its objects are, and the kind they are imported as. The resources the docking-event shapes
# link to are listed so that a page of one is refused by name; importing one is giving it a kind.
COLLECTIONS = {
    "docking_events": Resource("docking event", "DockingEvent"),
    "docking_event": Resource("docking event", "DockingEvent"),
    "config/docking_locations": Resource("docking location", "DockingLocation", without_url=True),
    "space_stations": Resource("space station", "SpaceStation"),
    "spacestation": Resource("space station", "SpaceStation"),
    "spacecraft_flights": Resource("spacecraft flight", "SpacecraftFlight"),
    "spacecraft/flight": Resource("spacecraft flight", "SpacecraftFlight"),
    "spacecraft": Resource("spacecraft", "Spacecraft"),
    "spacecraft_configurations": Resource("spacecraft configuration"),
    "config/spacecraft": Resource("spacecraft configuration"),
    "payload_flights": Resource("payload flight", "PayloadFlight"),
    "payloads": Resource("payload"),
    "launches": Resource("launch"),
    "launch": Resource("launch"),
    "launcher_configurations": Resource("launcher configuration"),
    "config/launcher": Resource("launcher configuration"),
    "agencies": Resource("agency"),
    "landings": Resource("landing"),
    "pads": Resource("pad"),
    "pad": Resource("pad"),
    "locations": Resource("location"),
    "location": Resource("location"),
    "programs": Resource("program"),
    "program": Resource("program"),
}
_READ = list(
    dict.fromkeys(
        str(KINDS[r.kind].model._meta.verbose_name_plural) for r in COLLECTIONS.values() if r.kind
    )
)
READS = f"import_ll2 reads {', '.join(_READ[:-1])} and {_READ[-1]}"
# The collection in an LL2 path: what follows the version, less the id of a detail path.
COLLECTION = re.compile(
    r"/\d+\.\d+\.\d+/(.+?)(?:/(?:\d+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}))?/?$"
)


def kind_of(data, path, page_path):
    """The kind a top-level object is imported as, from its `url`, or from the path of its page
    for objects LL2 shows without one (docking locations)."""
    url = data.get("url")
    if url is not None:
        if not isinstance(url, str):
            raise InvalidObject(f"{path}.url", f"expected a string, got {url!r}")
        source = urlsplit(url).path
    elif page_path is not None:
        source = page_path
    else:
        raise InvalidObject(path, f"no url and no known page path: cannot tell what it is; {READS}")
    match = COLLECTION.search(source)
    resource = COLLECTIONS.get(match.group(1)) if match else None
    what = source if url is not None else f"an object without url on {source}"
    if resource is None:
        raise InvalidObject(path, f"{what} is not a resource this import knows; {READS}")
    if resource.kind is None:
        article = "an" if resource.name[0] in "aeiou" else "a"
        raise InvalidObject(path, f"{what} is {article} {resource.name}; {READS}")
    if url is None and not resource.without_url:
        raise InvalidObject(path, f"{what}: its {resource.name}s have one; {READS}")
    return resource.kind


def top_level(document, request_path=None):
    """`(JSON path, object, page path)` of each top-level object of a parsed document: the
    results of a list page, the items of a list, or the document itself. The page path is the
    request's, or that of a list page's `next` or `previous` link; None when neither is known."""
    if isinstance(document, dict) and "results" in document:
        results = document["results"]
        if not isinstance(results, list):
            raise InvalidObject("$.results", "expected a list")
        page_path = request_path or link_path(document)
        for index, item in enumerate(results):
            yield f"$.results[{index}]", item, page_path
    elif isinstance(document, list):
        for index, item in enumerate(document):
            yield f"$[{index}]", item, request_path
    else:
        yield "$", document, request_path


def link_path(page):
    """The path a list page was read from, as its `next` or `previous` link shows it."""
    for key in ("next", "previous"):
        if isinstance(page.get(key), str):
            return urlsplit(page[key]).path
    return None
