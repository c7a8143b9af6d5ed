"""Which shape answers a request: one row per (version, mode)."""

from api import v2_3_0

SHAPES = {
    ("2.3.0", "normal"): v2_3_0.DockingEventNormal,
    ("2.3.0", "detailed"): v2_3_0.DockingEventDetailed,
}

DOCKING_LOCATION_SHAPES = {
    "2.3.0": v2_3_0.DockingLocation,
}
