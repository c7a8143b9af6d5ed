"""Every hyperlink we print leads somewhere: walked breadth first from every list of every
resource of every version (every mode) over the bundled data, every link answers 200 with the
object its path names."""

import re
from collections import deque

import pytest
from django.core.management import call_command

from api.shapes import SHAPES

pytestmark = pytest.mark.django_db

LINK = re.compile(r"^http://testserver(/(\d\.\d\.\d)/(.+)/([^/]+)/)$")
SERVED = {f"/{version}/{resource}/" for version, resource, _ in SHAPES}


def links(value):
    """Every `url` in a response."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield item
            else:
                yield from links(item)
    elif isinstance(value, list):
        for item in value:
            yield from links(item)


def test_every_link_resolves(api):
    call_command("load_bundled_data")
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
    # (config lookups, celestial bodies, payloads) and the launch lists by time.
    followed = {re.sub(r"[^/]+/$", "", path) for path in seen if "?" not in path}
    not_linked = {
        kind
        for kind in SERVED
        if kind.startswith("/2.3.0/config/")
        or kind.endswith(("/celestial_bodies/", "/payloads/", "/upcoming/", "/previous/"))
    }
    assert followed == SERVED - not_linked
