"""Which shape answers a request: one row per (version, mode). A new version is a new module
and its rows here (and its URL module in api/urls.py)."""

from api.shapes import v2_0_0, v2_2_0, v2_3_0
from spaceflight import models as m

SHAPES = {
    ("2.0.0", "normal"): v2_0_0.DockingEventNormal,
    ("2.0.0", "detailed"): v2_0_0.DockingEventDetailed,
    ("2.2.0", "normal"): v2_2_0.DockingEventNormal,
    ("2.2.0", "detailed"): v2_2_0.DockingEventDetailed,
    ("2.3.0", "normal"): v2_3_0.DockingEventNormal,
    ("2.3.0", "detailed"): v2_3_0.DockingEventDetailed,
}

DOCKING_LOCATION_SHAPES = {
    "2.3.0": v2_3_0.DockingLocation,
}

APIThrottle = v2_3_0.APIThrottle

# Every top-level shape with the model it renders (api/schema.py reads nullability off it).
ROOTS = tuple(
    [(shape, m.DockingEvent) for shape in SHAPES.values()]
    + [(shape, m.DockingLocation) for shape in DOCKING_LOCATION_SHAPES.values()]
)
