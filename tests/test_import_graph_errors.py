"""A bad value on a 2.3.0 page of the resources a docking event links to (a duration, a UUID,
a list, a date, an integer, at the top of an object or nested in it) stops `import_ll2` with
one line naming the file and the JSON path of the value, and writes nothing."""

import pytest
from django.core.management import CommandError

from tests import import_graph_helpers
from tests.conftest import BUNDLED
from tests.import_graph_helpers import first_with, flush, get, write
from tests.import_helpers import database_dump, run

pytestmark = pytest.mark.django_db

filled = import_graph_helpers.filled

BAD = {
    "pad_turnaround": (
        "launches",
        lambda rows: (0, "pad_turnaround", "soon"),
        "expected an ISO 8601 duration, got 'soon'",
    ),
    "id": ("launches", lambda rows: (0, "id", "nope"), "expected a UUID, got 'nope'"),
    "updates": ("launches", lambda rows: (0, "updates", "none"), "expected a list, got 'none'"),
    "spacecraft_stage": (
        "launches",
        lambda rows: (
            first_with(rows, "rocket.spacecraft_stage"),
            "rocket.spacecraft_stage[0].mission_end",
            "later",
        ),
        "expected an ISO 8601 date-time, got 'later'",
    ),
    "configuration": (
        "launches",
        lambda rows: (
            first_with(rows, "rocket.configuration"),
            "rocket.configuration.maiden_flight",
            "yesterday",
        ),
        "expected an ISO 8601 date, got 'yesterday'",
    ),
    "launcher_list": (
        "agencies",
        lambda rows: (
            first_with(rows, "launcher_list"),
            "launcher_list[0].launch_cost",
            "lots",
        ),
        "expected an integer, got 'lots'",
    ),
    "pads": (
        "locations",
        lambda rows: (first_with(rows, "pads"), "pads", "many"),
        "expected a list, got 'many'",
    ),
    "spacecraftflight": (
        "landings",
        lambda rows: (first_with(rows, "spacecraftflight"), "spacecraftflight.id", "x"),
        "expected an integer, got 'x'",
    ),
    "length_of_day": (
        "celestial_bodies",
        lambda rows: (0, "length_of_day", "a day"),
        "expected a duration like '1 00:00:00', got 'a day'",
    ),
}


def set_at(row, key, value):
    """Set `a.b[0].c` in a parsed object."""
    parts = key.replace("[", ".[").split(".")
    for part in parts[:-1]:
        row = row[int(part[1:-1])] if part.startswith("[") else row[part]
    row[parts[-1]] = value


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_value_is_one_line_naming_file_and_path_and_writes_nothing(
    api, frozen, tmp_path, filled, case
):
    resource, where, expected = BAD[case]
    page = get(api, frozen, f"/2.3.0/{resource}/?mode=detailed&limit=100")
    index, key, value = where(page["results"])
    set_at(page["results"][index], key, value)
    flush()
    run(BUNDLED)
    before = database_dump()
    bad = write(tmp_path, f"/2.3.0/{resource}/", page)

    with pytest.raises(CommandError) as error:
        run(bad)

    message = str(error.value)
    assert message.startswith(f"{bad}: $.results[{index}].{key}: {expected}")
    assert "\n" not in message
    assert database_dump() == before
