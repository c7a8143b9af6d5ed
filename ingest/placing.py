"""What a top-level object is: its `url` says (or, for objects LL2 shows without one, the path
of the page that holds them), through `COLLECTIONS`, never its keys: an LL2 space station and
a docking location both have an id and a name."""

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from ingest.fields import KINDS, InvalidObject


class Resource(NamedTuple):
    kind: str
    # LL2 shows these objects without a `url`: only they are placed by their page's path (an
    # object without one on a page of stations is not a station: a station has a url).
    without_url: bool = False


# Each LL2 collection by its path after the version, whether 2.3.0's or an older one's: what
# its objects are, and the kind they are imported as. One we hold nothing for (2.3.0's
# `updates`) is "not a resource this import knows"; `without_url` collections place their
# objects by the page's path.
COLLECTIONS = {
    "docking_events": Resource("DockingEvent"),
    "docking_event": Resource("DockingEvent"),
    "config/docking_locations": Resource("DockingLocation", without_url=True),
    "space_stations": Resource("SpaceStation"),
    "spacestation": Resource("SpaceStation"),
    "spacecraft_flights": Resource("SpacecraftFlight"),
    "spacecraft/flight": Resource("SpacecraftFlight"),
    "spacecraft": Resource("Spacecraft"),
    "spacecraft_configurations": Resource("SpacecraftConfig"),
    "config/spacecraft": Resource("SpacecraftConfig"),
    "payload_flights": Resource("PayloadFlight"),
    # LL2 shows payloads and celestial bodies without a url, in every mode.
    "payloads": Resource("Payload", without_url=True),
    "celestial_bodies": Resource("CelestialBody", without_url=True),
    "launches": Resource("Launch"),
    "launches/upcoming": Resource("Launch"),
    "launches/previous": Resource("Launch"),
    "launch": Resource("Launch"),
    "launch/upcoming": Resource("Launch"),
    "launch/previous": Resource("Launch"),
    "launcher_configurations": Resource("LauncherConfig"),
    "config/launcher": Resource("LauncherConfig"),
    "agencies": Resource("Agency"),
    "landings": Resource("Landing"),
    "pads": Resource("Pad"),
    "pad": Resource("Pad"),
    "locations": Resource("Location"),
    # 2.2.0's and 2.0.0's `location/{id}/` (LocationDetail) has no url, its list items do.
    "location": Resource("Location", without_url=True),
    "programs": Resource("Program"),
    "program": Resource("Program"),
    "astronauts": Resource("Astronaut"),
    "astronaut": Resource("Astronaut"),
    "expeditions": Resource("Expedition"),
    "expedition": Resource("Expedition"),
    "spacewalks": Resource("Spacewalk"),
    "events": Resource("Event"),
    "events/upcoming": Resource("Event"),
    "events/previous": Resource("Event"),
    "event": Resource("Event"),
    "event/upcoming": Resource("Event"),
    "event/previous": Resource("Event"),
    # The config lookups we hold: LL2 shows them without a url.
    **{
        f"config/{path}": Resource(kind, without_url=True)
        for path, kind in [
            ("agency_types", "AgencyType"),
            ("astronautrole", "AstronautRole"),
            ("astronautstatus", "AstronautStatus"),
            ("astronauttype", "AstronautType"),
            ("eventtype", "EventType"),
            ("astronaut_roles", "AstronautRole"),
            ("astronaut_statuses", "AstronautStatus"),
            ("astronaut_types", "AstronautType"),
            ("event_types", "EventType"),
            ("celestial_body_types", "CelestialBodyType"),
            ("countries", "Country"),
            ("image_licenses", "ImageLicense"),
            ("image_variant_types", "ImageVariantType"),
            ("landing_locations", "LandingLocation"),
            ("landing_types", "LandingType"),
            ("launch_statuses", "LaunchStatus"),
            ("net_precisions", "NetPrecision"),
            ("orbits", "Orbit"),
            ("payload_types", "PayloadType"),
            ("program_types", "ProgramType"),
            ("space_station_statuses", "SpaceStationStatus"),
            ("spacecraft_configuration_types", "SpacecraftConfigType"),
            ("spacecraft_statuses", "SpacecraftStatus"),
        ]
    },
}
_READ = list(
    dict.fromkeys(str(KINDS[r.kind].model._meta.verbose_name_plural) for r in COLLECTIONS.values())
)
READS = f"import_ll2 reads {', '.join(_READ[:-1])} and {_READ[-1]}"
# The collection in an LL2 path: what follows the version, less the id of a detail path.
COLLECTION = re.compile(
    r"/\d+\.\d+\.\d+/(.+?)(?:/(?:-?\d+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}))?/?$"
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
    if url is None and not resource.without_url:
        plural = KINDS[resource.kind].model._meta.verbose_name_plural
        raise InvalidObject(path, f"{what}: its {plural} have one; {READS}")
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
