"""The shape table's rows for the 2.0.0 and 2.2.0 resources a legacy docking event links to
(agencies, configurations, launches, pads, locations, programs), merged into api/shapes/.

The modes are LL2's: a launch in `list`, `normal` or `detailed`; a launcher configuration in
`list` too (LL2 serves it, though its page names only the other two); agencies and spacecraft
configurations `normal` or `detailed`; a location's `{id}/` in its detailed shape, its list
always normal (api/resources/places.py); pads and programs in one shape."""

from api.shapes import v2_0_0, v2_2_0

LAUNCHES = ("launch", "launch/upcoming", "launch/previous")


def _rows(version, shapes):
    rows = {
        (version, "agencies", "normal"): shapes.AgencyDetailed,
        (version, "agencies", "detailed"): shapes.AgencySerializerDetailed,
        (version, "config/launcher", "list"): shapes.LauncherConfigList,
        (version, "config/launcher", "normal"): shapes.LauncherConfig,
        (version, "config/launcher", "detailed"): shapes.LauncherConfigDetail,
        (version, "config/spacecraft", "normal"): shapes.SpacecraftConfiguration,
        (version, "config/spacecraft", "detailed"): shapes.SpacecraftConfigDetailed,
    }
    for launches in LAUNCHES:
        rows[(version, launches, "list")] = shapes.LaunchList
        rows[(version, launches, "normal")] = shapes.LaunchSerializerCommon
        rows[(version, launches, "detailed")] = shapes.LaunchDetailed
    rows[(version, "location", "normal")] = shapes.Location
    rows[(version, "location", "detailed")] = shapes.LocationDetail
    rows[(version, "pad", "normal")] = shapes.Pad
    rows[(version, "program", "normal")] = shapes.Program
    return rows


ROWS = {**_rows("2.0.0", v2_0_0), **_rows("2.2.0", v2_2_0)}
