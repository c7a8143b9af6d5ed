"""Every hyperlink we print leads somewhere: walked breadth first from every list of every
resource of every version (every mode) over the bundled data, every link answers 200 with the
object its path names."""

import re
from collections import deque

import pytest

from api.shapes import SHAPES
from api.shapes.v2_3_0.lookups import LEGACY_LOOKUPS
from tests.support import datasets, linked_pages
from tests.support.walk import LINK, links

# Served from kept fragments (api/rendering/fragments.py), as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]

SERVED = {f"/{version}/{resource}/" for version, resource, _ in SHAPES}


@pytest.mark.parametrize("data", ["bundled", "filled"])
def test_every_link_resolves(api, data):
    """Over the real bundled data, and over it with every empty column and relation filled
    (the bundled data has no spacewalks or events, and no crews)."""
    datasets.bundled()
    if data == "filled":
        linked_pages.fill()
    queue = deque((f"/{v}/{r}/?mode={m}&limit=100", None) for v, r, m in sorted(SHAPES))
    seen = {path for path, _ in queue}
    while queue:
        path, pk = queue.popleft()
        response = api.get(path)
        assert response.status_code == 200, path
        body = response.json()
        assert pk is None or str(body["id"]) == pk, path
        for url in links(body):
            match = LINK.match(url)
            assert match, url
            path, version, collection, pk = match.groups()
            assert f"/{version}/{collection}/" in SERVED, url
            if path not in seen:
                seen.add(path)
                queue.append((path, pk))
    # Every kind served was linked to and followed, but those LL2 shows without a `url`
    # (config lookups, celestial bodies, payloads), the launch and event lists by time, and
    # what the bundled data has none of.
    followed = {re.sub(r"[^/]+/$", "", path) for path in seen if "?" not in path}
    none_bundled = ("/spacewalks/", "/events/", "/event/") if data == "bundled" else ()
    lookups = {f"/2.2.0/config/{path}/" for path, _, _ in LEGACY_LOOKUPS}
    not_linked = {
        kind
        for kind in SERVED
        if kind.startswith("/2.3.0/config/")
        or kind in lookups
        or kind.endswith(("/celestial_bodies/", "/payloads/", "/upcoming/", "/previous/"))
        or kind.endswith(none_bundled)
    }
    assert followed == SERVED - not_linked
