"""What the pages and feeds show of a station: its ports and its docking events, each with the
names and the kind it is shown with. A fixed number of queries, whatever the number of events.
Names are shown on one line, without control characters, whatever is stored (imports clean
them; the admin or a shell may not): the timeline is SVG, which XML allows no such character."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from spaceflight import models as m
from spaceflight.text import one_line

KINDS = {
    "crewed": "Crew vehicle",
    "cargo": "Cargo vehicle",
    "payload": "Payload",
    "module": "Station module",
}
# Spacecraft types that carry crews; LL2 files a cargo version under the same type with
# "Cargo" in its name (Cargo Dragon 2 is a "Capsule").
CREW_TYPES = {"Capsule", "Spaceplane"}


@dataclass(frozen=True)
class Port:
    id: int | None  # None: the event's port is not recorded
    name: str


UNRECORDED = Port(None, "Port not recorded")


@dataclass(frozen=True)
class Docking:
    id: int
    vehicle: str
    flight: str
    kind: str
    port: Port
    station_id: int | None  # the target station's
    docking: datetime
    departure: datetime | None

    @property
    def kind_name(self):
        return KINDS[self.kind]


def kind(event):
    """The kind of the vehicle that docked, derived from our data (LL2 has no such field):

    - "module": the chaser is a space station (a module that flew as a station of its own);
    - "payload": the chaser is a payload flight (SpaDEx's satellites);
    - "cargo": a spacecraft flight whose configuration or its type says "cargo" (Progress,
      Cygnus and HTV-X are of type "Cargo Resupply"; Cargo Dragon 2 is named so);
    - "crewed": another spacecraft flight whose configuration is human-rated or of a type that
      carries crews (Soyuz, Crew Dragon, Shenzhou are capsules): the vehicle's kind, so an
      uncrewed test flight of a crew capsule counts as crewed. LL2's 2.3.0 pages leave
      `human_rated` false, hence the type;
    - "cargo" again for any other spacecraft flight: nothing says it carries a crew.
    """
    if event.space_station_chaser_id is not None:
        return "module"
    if event.payload_flight_chaser_id is not None:
        return "payload"
    flight = event.flight_vehicle_chaser
    config = flight and flight.spacecraft and flight.spacecraft.spacecraft_config
    if config is None:
        return "cargo"
    type_name = config.type.name if config.type else ""
    if "cargo" in f"{config.name} {type_name}".lower():
        return "cargo"
    return "crewed" if config.human_rated or type_name in CREW_TYPES else "cargo"


def _vehicle(event):
    if event.flight_vehicle_chaser and event.flight_vehicle_chaser.spacecraft:
        return one_line(event.flight_vehicle_chaser.spacecraft.name)
    if event.payload_flight_chaser and event.payload_flight_chaser.payload:
        return one_line(event.payload_flight_chaser.payload.name)
    if event.space_station_chaser:
        return one_line(event.space_station_chaser.name)
    return "Unknown vehicle"


def _flight(event):
    flight = event.flight_vehicle_chaser or event.payload_flight_chaser
    return one_line(flight.launch.name) if flight and flight.launch else ""


def _port(location):
    return UNRECORDED if location is None else Port(location.id, one_line(location.name))


def dockings(*conditions, **lookups):
    """The docking events that match, oldest first, in one query."""
    events = (
        m.DockingEvent.objects.filter(*conditions, **lookups)
        .select_related(
            "docking_location",
            "flight_vehicle_chaser__spacecraft__spacecraft_config__type",
            "flight_vehicle_chaser__launch",
            "payload_flight_chaser__payload",
            "payload_flight_chaser__launch",
            "space_station_chaser",
        )
        .order_by("docking", "id")
    )
    return [
        Docking(
            id=event.id,
            vehicle=_vehicle(event),
            flight=_flight(event),
            kind=kind(event),
            port=_port(event.docking_location),
            station_id=event.space_station_target_id,
            docking=event.docking,
            departure=event.departure,
        )
        for event in events
    ]


def ports(station):
    """The station's ports and the ports its events used (a port LL2 shows without its
    station, Tianhe forward), by name, in one query."""
    locations = (
        m.DockingLocation.objects.filter(
            Q(spacestation=station) | Q(docking_events__space_station_target=station)
        )
        .distinct()
        .order_by("name", "id")
    )
    return [_port(location) for location in locations]
