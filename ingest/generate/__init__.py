"""Deterministic, realistic scale data: the same `(events, seed)` always gives the same rows.

Stations with ports, a status, a type and owners; spacecraft configurations crewed and cargo,
expendable (a new spacecraft each flight) or reusable (the same spacecraft flown again after
its mission ended and a turnaround, a few dozen times at most: `fleet`); a launch with its
full nested data (status, rocket, mission with orbit and agencies, pad with location,
programs) for every flight; payload-to-payload dockings; the latest events still docked.
The people: the crews of the crewed flights (synthetic astronauts, "Astronaut 17"), each
station's expeditions, the last one under way where crews are still docked, spacewalks, and
events (`crew`, `people`, `happenings`). Rows are written with `bulk_create` in chunks, so
100,000 events take a few minutes.

`catalogue` holds the fixed names and configurations, `reference` writes the rows every
event refers to, `generator` the events.
"""

from ingest.generate.generator import Generator

__all__ = ["Generator"]
