"""The link walk: every list of every resource of every version (every mode), then every
object their links lead to, breadth first."""

import re
from collections import deque

from api.shapes import SHAPES

LINK = re.compile(r"^http://testserver(/(\d\.\d\.\d)/(.+)/([^/]+)/)$")


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


def lists():
    return [f"/{v}/{r}/?mode={m}&limit=100" for v, r, m in sorted(SHAPES)]


def walk(api):
    """`{path: body}` of every page the walk reaches (each answering 200)."""
    queue = deque(lists())
    bodies = {}
    seen = set(queue)
    while queue:
        path = queue.popleft()
        response = api.get(path)
        assert response.status_code == 200, path
        bodies[path] = response.content
        for url in links(response.json()):
            match = LINK.match(url)
            if match and match.group(1) not in seen:
                seen.add(match.group(1))
                queue.append(match.group(1))
    return bodies
