"""A station's occupancy timeline, as SVG made on the server.

One lane per port; each docking is a bar from its docking to its departure, open-ended (up to
now, with an arrowhead) while still docked. Bars are filled by kind with a colour and a pattern
of their own, so that colour is not the only cue; a bar's <title> names the vehicle on hover
(and to screen readers, as the name of its link), and the bar links to the event in the API.
The markup is built with ElementTree, so names are escaped and the result is well-formed XML.
"""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

WIDTH = 960
LEFT = 170  # the lanes' names
RIGHT = 30  # half a tick label, and an open bar's arrowhead
TOP = 34  # the time axis
BAR = 20
PAD = 5  # above and below a lane's bars
GAP = 4  # between overlapping bars of a lane
BOTTOM = 20  # the "now" label
PLOT = WIDTH - LEFT - RIGHT
NAME_CHARS = 24  # longer port names are cut, in full in their <title>
CHAR_WIDTH = 6.6  # of the bars' labels (11px), to tell whether a name fits inside its bar
STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)  # months between ticks
MAX_TICKS = 10

# A kind's colour, and its pattern: the tile's size, what it draws over the colour, and how
# the tile is turned.
FILLS = {
    "crewed": ("#2b6cb0", 8, [], ""),
    "cargo": (
        "#b7471a",
        8,
        [("rect", {"width": "3", "height": "8", "fill": "#fbd38d"})],
        "rotate(45)",
    ),
    "payload": (
        "#2f7d4f",
        6,
        [("circle", {"cx": "3", "cy": "3", "r": "1.4", "fill": "#c6f6d5"})],
        "",
    ),
    "module": ("#6b46c1", 6, [("path", {"d": "M0 .5H6M.5 0V6", "stroke": "#e9d8fd"})], ""),
}
# A bar's label: dark on a light halo, readable over any fill.
LABEL = {
    "font-size": "11",
    "dominant-baseline": "middle",
    "fill": "#111",
    "stroke": "#fff",
    "stroke-width": "3",
    "stroke-linejoin": "round",
    "paint-order": "stroke",
}
PATTERN_WORDS = {
    "crewed": "solid blue",
    "cargo": "striped orange",
    "payload": "dotted green",
    "module": "gridded purple",
}


def timeline(*, title, ports, dockings, start, end, now, link):
    """The SVG markup: `ports` in lane order (a docking's port missing from them gets a lane
    after them), `dockings` (pages/occupancy.py) within [start, end), `link(docking)` its URL."""
    lanes = list(dict.fromkeys([*ports, *(d.port for d in dockings)]))
    placed = [_tracks([d for d in dockings if d.port == port], now) for port in lanes]
    height = TOP + sum(_lane_height(tracks) for _, tracks in placed) + BOTTOM
    still_docked = sum(d.departure is None for d in dockings)
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "class": "timeline",
            "aria-labelledby": "timeline-title timeline-desc",
            "font-family": "system-ui, sans-serif",
            "font-size": "12",
        },
    )
    ET.SubElement(svg, "title", id="timeline-title").text = title
    ET.SubElement(svg, "desc", id="timeline-desc").text = (
        f"From {start:%Y-%m-%d} to {end:%Y-%m-%d}: dockings {len(dockings)}, ports "
        f"{len(lanes)}, still docked {still_docked}. One lane per port; each bar runs from "
        "docking to departure and links to the event in the API. Kinds: "
        + ", ".join(f"{PATTERN_WORDS[k]} {k}" for k in FILLS)
        + "."
    )
    _patterns(ET.SubElement(svg, "defs"))

    def x(moment):
        share = (moment - start) / (end - start)
        return LEFT + PLOT * min(max(share, 0.0), 1.0)

    _axis(svg, start, end, x, height)
    y = TOP
    for index, (port, (bars, tracks)) in enumerate(zip(lanes, placed, strict=True)):
        lane_height = _lane_height(tracks)
        lane = ET.SubElement(svg, "g", {"class": "lane", "data-lane": str(index)})
        name = ET.SubElement(
            lane,
            "text",
            {
                "class": "lane-name",
                "x": str(LEFT - 8),
                "y": str(y + lane_height / 2),
                "text-anchor": "end",
                "dominant-baseline": "middle",
            },
        )
        name.text = port.name if len(port.name) <= NAME_CHARS else port.name[: NAME_CHARS - 1] + "…"
        if name.text != port.name:
            ET.SubElement(name, "title").text = port.name
        rule = {"x1": "0", "x2": str(WIDTH), "y1": str(y + lane_height), "y2": str(y + lane_height)}
        ET.SubElement(lane, "line", {**rule, "stroke": "#e2e2e2"})
        for docking, track in bars:
            top = y + PAD + track * (BAR + GAP)
            _bar(lane, docking, x(docking.docking), x(docking.departure or now), top, link)
        y += lane_height
    if start <= now <= end:
        _now(svg, x(now), height)
    return ET.tostring(svg, encoding="unicode")


def _tracks(dockings, now):
    """`([(docking, track)], tracks)`: dockings that overlap in a lane (a departure not
    recorded yet leaves a vehicle docked for ever) go one under another, in tracks."""
    ends, placed = [], []
    for docking in dockings:
        end = docking.departure or max(now, docking.docking)
        track = next((i for i, free_from in enumerate(ends) if free_from <= docking.docking), None)
        if track is None:
            track = len(ends)
            ends.append(end)
        ends[track] = end
        placed.append((docking, track))
    return placed, max(len(ends), 1)


def _lane_height(tracks):
    return 2 * PAD + tracks * BAR + (tracks - 1) * GAP


def _patterns(defs):
    for kind, (colour, size, marks, turn) in FILLS.items():
        pattern = ET.SubElement(
            defs,
            "pattern",
            {
                "id": f"kind-{kind}",
                "width": str(size),
                "height": str(size),
                "patternUnits": "userSpaceOnUse",
            },
        )
        if turn:
            pattern.set("patternTransform", turn)
        ET.SubElement(pattern, "rect", width=str(size), height=str(size), fill=colour)
        for tag, attributes in marks:
            ET.SubElement(pattern, tag, attributes)


def _bar(lane, docking, left, right, top, link):
    open_ended = docking.departure is None
    departed = "still docked" if open_ended else f"departed {docking.departure:%Y-%m-%d %H:%M} UTC"
    anchor = ET.SubElement(
        lane,
        "a",
        {
            "href": link(docking),
            "class": f"bar {docking.kind}",
            "data-event": str(docking.id),
            "data-kind": docking.kind,
            "data-open": "true" if open_ended else "false",
        },
    )
    ET.SubElement(anchor, "title").text = (
        f"{docking.vehicle} ({docking.kind_name.lower()}) at {docking.port.name}: "
        f"docked {docking.docking:%Y-%m-%d %H:%M} UTC, {departed}"
    )
    width = max(right - left, 2.0)
    ET.SubElement(
        anchor,
        "rect",
        {
            "x": f"{left:.1f}",
            "y": f"{top:.1f}",
            "width": f"{width:.1f}",
            "height": str(BAR),
            "fill": f"url(#kind-{docking.kind})",
        },
    )
    if open_ended:
        end = left + width
        ET.SubElement(
            anchor,
            "path",
            {
                "class": "open-end",
                "d": f"M{end:.1f} {top - 3:.1f}l9 {BAR / 2 + 3:.1f}l-9 {BAR / 2 + 3:.1f}z",
                "fill": FILLS[docking.kind][0],
            },
        )
    if len(docking.vehicle) * CHAR_WIDTH + 8 <= width:
        label = ET.SubElement(anchor, "text", {"x": f"{left + 4:.1f}", "y": f"{top + BAR / 2:.1f}"})
        label.attrib.update(LABEL)
        label.text = docking.vehicle


def _axis(svg, start, end, x, height):
    axis = ET.SubElement(svg, "g", {"class": "axis", "text-anchor": "middle", "fill": "#444"})
    first, last = _months(start), _months(end)
    step = next((s for s in STEPS if (last - first) / s <= MAX_TICKS), STEPS[-1])
    for index, months in enumerate(range(-(-first // step) * step, last + 1, step)):
        moment = datetime(months // 12, months % 12 + 1, 1, tzinfo=UTC)
        if step >= 12:
            text = f"{moment:%Y}"
        else:
            text = f"{moment:%b %Y}" if index == 0 or moment.month == 1 else f"{moment:%b}"
        at = f"{x(moment):.1f}"
        tick = {"x1": at, "x2": at, "y1": str(TOP - 6), "y2": str(height - BOTTOM)}
        ET.SubElement(axis, "line", {**tick, "stroke": "#d0d0d0"})
        ET.SubElement(axis, "text", {"x": at, "y": str(TOP - 12)}).text = text


def _months(moment):
    return moment.year * 12 + moment.month - 1


def _now(svg, at, height):
    now = ET.SubElement(svg, "g", {"class": "now", "fill": "#b00020", "text-anchor": "middle"})
    line = {"x1": f"{at:.1f}", "x2": f"{at:.1f}", "y1": str(TOP - 6), "y2": str(height - BOTTOM)}
    ET.SubElement(now, "line", {**line, "stroke": "#b00020", "stroke-dasharray": "4 3"})
    ET.SubElement(now, "text", {"x": f"{at:.1f}", "y": str(height - 6)}).text = "now"
