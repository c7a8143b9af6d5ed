"""A lighter form of the same objects erases nothing: a list or normal 2.3.0 page imported
after the detailed page of the same objects leaves every row as the detailed page left it
(what only the detailed form shows, an agency's statistics among them, is kept)."""

import pytest

from api.shapes import modes
from spaceflight import models as m
from tests.support import linked_pages
from tests.support.imports import database_dump, run
from tests.support.linked_pages import NOW, RESOURCES, flush, get, write

pytestmark = pytest.mark.django_db

filled = linked_pages.filled

# (resource, its richest mode, a lighter one): launches/upcoming and /previous serve launches'
# shapes, covered by launches.
LIGHTER = [
    (resource, modes("2.3.0", resource)[-1], mode)
    for resource in RESOURCES
    if not resource.startswith("launches/")
    for mode in modes("2.3.0", resource)[:-1]
]


@pytest.mark.parametrize(("resource", "richest", "mode"), LIGHTER)
def test_a_lighter_form_erases_nothing_a_detailed_page_brought(
    api, frozen, tmp_path, filled, resource, richest, mode
):
    """What only the detailed form shows (an agency's launch counts, a configuration's
    capacities, a location's pads) is kept when a list or normal page of the same objects
    is imported after it: a key a shape does not show is left alone."""
    detailed = get(api, frozen, f"/2.3.0/{resource}/?mode={richest}&limit=100")
    lighter = get(api, frozen, f"/2.3.0/{resource}/?mode={mode}&limit=100")
    flush()
    (tmp_path / "detailed").mkdir()
    (tmp_path / "lighter").mkdir()
    with frozen(NOW):
        run(write(tmp_path / "detailed", f"/2.3.0/{resource}/", detailed))
    before = database_dump()

    with frozen(NOW):
        run(write(tmp_path / "lighter", f"/2.3.0/{resource}/", lighter))

    assert database_dump() == before


def test_statistics_stay_after_a_list_page(api, frozen, tmp_path, filled):
    detailed = get(api, frozen, "/2.3.0/agencies/?mode=detailed&limit=100")
    listed = get(api, frozen, "/2.3.0/agencies/?mode=list&limit=100")
    assert "total_launch_count" not in listed["results"][0]
    flush()
    run(write(tmp_path, "/2.3.0/agencies/", detailed))
    counts = dict(m.Agency.objects.values_list("pk", "total_launch_count"))
    assert all(count is not None for count in counts.values())

    run(write(tmp_path, "/2.3.0/agencies/", listed))

    assert dict(m.Agency.objects.values_list("pk", "total_launch_count")) == counts
