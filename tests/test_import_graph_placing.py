"""How `import_ll2` places the objects of these resources: those LL2 shows without a url
(payloads, celestial bodies) by the link to their page's next page, a launch without its url is
refused rather than taken for one, and each collection of the resources has a kind."""

import json

import pytest
from django.core.management import CommandError

from ingest.placing import COLLECTION, COLLECTIONS
from spaceflight import models as m
from tests import import_graph_helpers
from tests.import_graph_helpers import flush, get, page_of
from tests.import_helpers import database_dump, run

pytestmark = pytest.mark.django_db

filled = import_graph_helpers.filled


@pytest.mark.parametrize(
    ("resource", "model"), [("payloads", m.Payload), ("celestial_bodies", m.CelestialBody)]
)
def test_objects_without_url_are_placed_by_their_page_link(
    api, frozen, tmp_path, filled, resource, model
):
    rows = get(api, frozen, f"/2.3.0/{resource}/?mode=detailed&limit=1")["results"]
    assert "url" not in rows[0]
    flush()
    link = f"https://ll.thespacedevs.com/2.3.0/{resource}/?limit=1&offset=1"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page_of(*rows, next_url=link)))

    run(path)

    assert model.objects.filter(pk=rows[0]["id"]).exists()


def test_a_launch_without_url_is_not_taken_for_one(api, frozen, tmp_path, filled):
    row = get(api, frozen, "/2.3.0/launches/?limit=1")["results"][0]
    del row["url"]
    link = "https://ll.thespacedevs.com/2.3.0/launches/?limit=1&offset=1"
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page_of(row, next_url=link)))
    before = database_dump()

    with pytest.raises(CommandError, match="on /2.3.0/launches/: its launches have one"):
        run(path)

    assert database_dump() == before


@pytest.mark.parametrize(
    "url",
    [
        "/2.3.0/launches/upcoming/",
        "/2.3.0/agencies/63/",
        "/2.2.0/config/launcher/1/",
        "/2.0.0/launch/previous/",
    ],
)
def test_each_collection_of_these_resources_has_a_kind(url):
    assert COLLECTIONS[COLLECTION.search(url).group(1)].kind
