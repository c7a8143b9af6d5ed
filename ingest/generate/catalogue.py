"""The fixed catalogue the generator draws from: agencies, stations, spacecraft configurations."""

from datetime import UTC, datetime
from typing import NamedTuple

START = datetime(1971, 4, 23, tzinfo=UTC)

AGENCIES = [
    "ROSCOSMOS",
    "SpaceX",
    "Northrop Grumman",
    "JAXA",
    "CNSA",
    "Boeing",
    "Sierra Space",
    "NASA",
    "ESA",
    "Axiom Space",
]

STATION_TYPES = ["Government", "Multinational", "Commercial"]
# Every generated station receives dockings up to the latest event, so all are active.
STATION_STATUSES = ["Active"]


class Station(NamedTuple):
    name: str
    type: str
    owners: tuple


STATIONS = [
    Station("ISS", "Multinational", ("NASA", "ROSCOSMOS", "JAXA", "ESA")),
    Station("Tiangong", "Government", ("CNSA",)),
    Station("Mir", "Government", ("ROSCOSMOS",)),
    Station("Salyut 6", "Government", ("ROSCOSMOS",)),
    Station("Salyut 7", "Government", ("ROSCOSMOS",)),
    Station("Skylab", "Government", ("NASA",)),
    Station("Gateway", "Multinational", ("NASA", "ESA", "JAXA")),
    Station("Axiom", "Commercial", ("Axiom Space",)),
]
PORTS = ["forward", "aft", "zenith", "nadir", "port", "starboard"]

CONFIG_TYPES = ["Capsule", "Cargo Resupply", "Spaceplane"]
CRAFT_STATUSES = ["Active", "Single Use", "Retired"]
LANDING_TYPES = ["Ocean", "Ground Pad", "Destructive Reentry"]


class Config(NamedTuple):
    """A spacecraft configuration. `life`: the most flights one spacecraft makes (1: a new
    spacecraft every flight); `turnaround`: the fewest days from a mission's end to the same
    spacecraft's next launch; `landing`: how its flights end (an index in LANDING_TYPES)."""

    name: str
    type: str
    crewed: bool
    agency: str
    life: int
    turnaround: int
    landing: int

    @property
    def reusable(self):
        return self.life > 1


# The lives are real fleets' records: Dragon capsules about six flights, Starliner and Dream
# Chaser are rated for 10 and 15, a Shuttle orbiter flew up to 39 times (Discovery).
CONFIGS = [
    Config("Soyuz", "Capsule", True, "ROSCOSMOS", 1, 0, 1),
    Config("Progress", "Cargo Resupply", False, "ROSCOSMOS", 1, 0, 2),
    Config("Crew Dragon", "Capsule", True, "SpaceX", 6, 120, 0),
    Config("Cargo Dragon", "Cargo Resupply", False, "SpaceX", 5, 150, 0),
    Config("Cygnus", "Cargo Resupply", False, "Northrop Grumman", 1, 0, 2),
    Config("HTV", "Cargo Resupply", False, "JAXA", 1, 0, 2),
    Config("Shenzhou", "Capsule", True, "CNSA", 1, 0, 1),
    Config("Tianzhou", "Cargo Resupply", False, "CNSA", 1, 0, 2),
    Config("Starliner", "Capsule", True, "Boeing", 10, 180, 1),
    Config("Dream Chaser", "Spaceplane", False, "Sierra Space", 15, 90, 1),
    Config("Space Shuttle", "Spaceplane", True, "NASA", 39, 55, 1),
]
MAX_FLIGHTS = max(config.life for config in CONFIGS)

# The people's lookups, with LL2's ids and names (LL2's /config/astronaut_statuses/,
# /config/astronaut_types/, /config/astronaut_roles/ and /config/event_types/).
ASTRONAUT_STATUSES = {"Active": 1, "Retired": 2, "In-Training": 3, "Deceased": 11}
ASTRONAUT_TYPES = {"Government": 2, "Private": 3, "Non-Human": 6}
# LL2 gives every role the same priority.
ROLES = {
    "Commander": 1,
    "Pilot": 2,
    "Flight Engineer": 3,
    "Mission Specialist": 7,
    "Spaceflight Participant": 10,
    "Anthropomorphic Test Device": 19,
}
EVENT_TYPES = {"Docking": 2, "EVA": 3, "Undocking": 8, "Press Event": 20}

# The agency of each seat of a crewed configuration's flight: its length is the crew's size.
SEATS = {
    "Soyuz": ("ROSCOSMOS", "ROSCOSMOS", "NASA"),
    "Crew Dragon": ("NASA", "NASA", "JAXA", "Axiom Space"),
    "Shenzhou": ("CNSA", "CNSA", "CNSA"),
    "Starliner": ("NASA", "NASA"),
    "Space Shuttle": ("NASA", "NASA", "NASA", "ESA", "JAXA"),
}
# Flying for a company, not a government: an astronaut of the Private type.
PRIVATE = {"Axiom Space"}
