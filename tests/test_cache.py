"""The response cache is never stale, keeps live durations live, answers conditional GETs, and
compresses bodies for clients that accept it."""

import gzip
import json
import pickle
from datetime import UTC, datetime
from io import StringIO

import brotli
import isodate
import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisSerializer
from django.core.management import call_command

from api.rendering.live import Template
from api.serving import cache as store
from api.views import Resource
from spaceflight.changes import current
from spaceflight.models import DockingLocation
from tests.conftest import REFERENCE
from tests.support import factories

# Real commits: invalidation happens when a write commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/2.3.0/docking_events/?format=json"


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.RESPONSE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ended(frozen):
    """An event whose flight has ended: no live value in its responses."""
    flight = factories.spacecraft_flight(mission_end=datetime(2025, 3, 1, tzinfo=UTC))
    return factories.docking(1, departure_day=40, chaser=flight)


def test_a_repeated_request_makes_no_query(api, ended, django_assert_num_queries):
    # The generation is known without reading its row (spaceflight/changes.py, `current`).
    first = api.get(LIST)
    with django_assert_num_queries(0):
        again = api.get(LIST)
    assert again.content == first.content


def test_an_admin_style_save_invalidates_at_once(api, ended):
    api.get(LIST)
    location = ended.docking_location
    location.name = "Harmony zenith"
    location.save()
    assert api.get(LIST).json()["results"][0]["docking_location"]["name"] == "Harmony zenith"


def test_a_many_to_many_change_invalidates(api):
    event = factories.full_event(1)
    url = f"/2.3.0/docking_events/{event.pk}/?format=json"
    assert len(api.get(url).json()["flight_vehicle_chaser"]["launch"]["program"]) == 1
    event.flight_vehicle_chaser.launch.programs.clear()
    assert api.get(url).json()["flight_vehicle_chaser"]["launch"]["program"] == []


def test_an_import_invalidates(api, ended):
    assert api.get(LIST).json()["count"] == 1
    call_command(
        "import_ll2", str(REFERENCE / "v2.3.0_docking_events_618_detailed.json"), stdout=StringIO()
    )
    assert api.get(LIST).json()["count"] == 2


def test_a_bulk_update_reported_by_its_writer_invalidates(api, ended):
    from spaceflight.changes import data_changed

    api.get(LIST)
    DockingLocation.objects.update(name="Unity nadir")
    data_changed()
    assert api.get(LIST).json()["results"][0]["docking_location"]["name"] == "Unity nadir"


def test_live_durations_stay_live_in_cached_responses(api, frozen, django_assert_num_queries):
    still_in_space = factories.spacecraft_flight()
    factories.docking(1, chaser=still_in_space)

    with frozen("2025-03-01T00:00:00Z"):
        first = api.get(LIST)
    with frozen("2025-03-02T00:00:01.5Z"), django_assert_num_queries(0):
        later = api.get(LIST)

    durations = [
        isodate.parse_duration(r.json()["results"][0]["flight_vehicle_chaser"]["duration"])
        for r in (first, later)
    ]
    assert durations[0] == isodate.parse_duration("P59D")
    assert durations[1] - durations[0] == isodate.parse_duration("P1DT1.5S")
    assert "ETag" not in later and "Last-Modified" not in later


def test_conditional_get(api, ended):
    first = api.get(LIST)
    etag, modified = first["ETag"], first["Last-Modified"]

    assert api.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert api.get(LIST, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert api.get(LIST, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    # A proxy that compresses (nginx with gzip) makes the tag weak; it still matches.
    assert api.get(LIST, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert api.get(LIST, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304

    location = ended.docking_location
    location.name = "Renamed"
    location.save()
    changed = api.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_links_follow_the_host_asked(api, ended, settings):
    settings.ALLOWED_HOSTS = ["one.example.org", "two.example.org"]
    one = api.get(LIST, HTTP_HOST="one.example.org").json()["results"][0]["url"]
    two = api.get(LIST, HTTP_HOST="two.example.org").json()["results"][0]["url"]
    assert one.startswith("http://one.example.org/") and two.startswith("http://two.example.org/")


def test_browsable_page_is_not_cached_and_still_works(api, ended):
    assert api.get("/2.3.0/docking_events/?format=api").status_code == 200
    assert api.get("/2.3.0/docking_events/?format=api").status_code == 200


def test_each_process_keeps_recent_responses_within_a_memory_budget():
    from api.rendering.live import Template
    from api.serving.cache import Recent

    recent = Recent(budget=100)
    for key in "abc":
        recent.put(key, Template(b"x" * 40))
    assert list(recent.items) == ["b", "c"]
    assert recent.used == 80
    recent.get("b")
    recent.put("d", Template(b"y" * 40))
    assert list(recent.items) == ["b", "d"]


@pytest.mark.parametrize(
    ("coding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_compressed_bodies_decode_to_the_plain_bytes(api, ended, coding, decode):
    plain = api.get(LIST)
    packed = api.get(LIST, HTTP_ACCEPT_ENCODING=f"{coding}, identity")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == coding
    assert decode(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]


def test_each_coding_has_its_own_etag_and_conditional_get(api, ended):
    tags = {
        accept: api.get(LIST, HTTP_ACCEPT_ENCODING=accept)["ETag"] for accept in ("", "gzip", "br")
    }
    assert len(set(tags.values())) == 3
    for accept, etag in tags.items():
        assert (
            api.get(LIST, HTTP_ACCEPT_ENCODING=accept, HTTP_IF_NONE_MATCH=etag).status_code == 304
        )
    assert (
        api.get(LIST, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=tags[""]).status_code == 200
    )


def test_a_coding_refused_or_unknown_gives_the_plain_body(api, ended):
    for accept in ("gzip;q=0, br;q=0", "compress", "identity"):
        assert "Content-Encoding" not in api.get(LIST, HTTP_ACCEPT_ENCODING=accept)
    assert api.get(LIST, HTTP_ACCEPT_ENCODING="*")["Content-Encoding"] == "br"
    assert api.get(LIST, HTTP_ACCEPT_ENCODING="br;q=0, *")["Content-Encoding"] == "gzip"


def test_a_live_body_is_compressed_per_response(api, frozen):
    factories.docking(1, chaser=factories.spacecraft_flight())
    with frozen("2025-03-01T00:00:00Z"):
        first = gzip.decompress(api.get(LIST, HTTP_ACCEPT_ENCODING="gzip").content)
    with frozen("2025-03-02T00:00:00Z"):
        later = gzip.decompress(api.get(LIST, HTTP_ACCEPT_ENCODING="gzip").content)
    durations = [
        json.loads(body)["results"][0]["flight_vehicle_chaser"]["duration"]
        for body in (first, later)
    ]
    assert durations == ["P59D", "P60D"]


def test_the_browsable_page_is_compressed_too(api, ended):
    page = api.get("/2.3.0/docking_events/?format=api", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    assert b"Docking Event" in gzip.decompress(page.content)


def no_view(*args, **kwargs):
    raise AssertionError("answered by the view, not before it")


def test_a_warm_answer_is_the_views_answer_byte_for_byte(
    api, ended, django_assert_num_queries, monkeypatch
):
    """The second request is answered before DRF (api/serving/middleware.py, WarmAnswers)."""
    url = "/2.3.0/docking_events/?limit=10"
    cold = api.get(url)
    monkeypatch.setattr("api.views.Resource.answer", no_view)
    with django_assert_num_queries(0):
        warm = api.get(url)
    assert warm.content == cold.content
    assert list(warm.items()) == list(cold.items())
    assert list(warm.items())[:5] == [
        ("Content-Type", "application/json"),
        ("ETag", cold["ETag"]),
        ("Last-Modified", cold["Last-Modified"]),
        ("Vary", "Accept-Encoding, Accept, origin"),
        ("Allow", "GET"),
    ]
    assert api.get(url, HTTP_IF_NONE_MATCH=cold["ETag"]).status_code == 304


@pytest.mark.parametrize(
    "query, headers",
    [
        ("", {"HTTP_ACCEPT": "text/html"}),  # a browser
        ("format=api", {}),
    ],
)
def test_the_browsable_page_is_the_views_even_when_the_json_is_cached(
    api, ended, query, headers, monkeypatch
):
    url = "/2.3.0/docking_events/"
    api.get(url)
    seen = []
    answer = Resource.answer
    monkeypatch.setattr(
        "api.views.Resource.answer", lambda *args: seen.append(True) or answer(*args)
    )
    page = api.get(f"{url}?{query}", **headers)
    assert page.status_code == 200 and seen
    assert page["Content-Type"].startswith("text/html")


def test_a_bad_key_is_refused_by_drf_even_when_the_json_is_cached(api, ended):
    url = "/2.3.0/docking_events/"
    api.get(url)
    refused = api.get(url, HTTP_AUTHORIZATION="Token not-a-key")
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Invalid token."}


def test_a_warm_body_is_the_cached_bytes_themselves(api, ended):
    """No copy in Python between the cache and the server (the server copies once into its
    own buffer): the body handed over is the very bytes object the cache holds."""
    api.get(LIST)
    key = f"response:{current()[0]}:http://testserver{LIST}"
    assert api.get(LIST).content is store.recent.get(key).parts[0]
    gzipped = api.get(LIST, HTTP_ACCEPT_ENCODING="gzip").content
    assert api.get(LIST, HTTP_ACCEPT_ENCODING="gzip").content is gzipped


def test_redis_replies_are_parsed_in_c():
    """A page another process made comes out of Redis four times faster with hiredis (README,
    Performance): redis-py falls back to its own parser, silently, when it is missing."""
    from redis.connection import DefaultParser

    assert DefaultParser.__name__ == "_HiredisParser"


def test_large_bodies_are_kept_compressed_in_redis_small_ones_as_django_keeps_them():
    """A page another process made is read from Redis compressed (api/serving/cache.py):
    1.2 MB of 100 detailed events is 47 KB in zstd, LL2's page of ten events 55 KB and 5."""
    serializer = store.Compressed()
    page = Template((REFERENCE / "v2.3.0_docking_events_list_offset10_b.json").read_bytes())
    stored = serializer.dumps(page)
    assert stored.startswith(store.ZSTD_FRAME)
    assert len(stored) < len(pickle.dumps(page)) / 5
    back = serializer.loads(stored)
    assert (back.parts, back.starts, back.etag) == (page.parts, page.starts, page.etag)

    small = Template(b'{"id": 1}')
    assert serializer.dumps(small) == RedisSerializer().dumps(small)
    assert serializer.loads(serializer.dumps(small)).parts == small.parts
    # Integers stay integers, which Redis's INCR reads (Django's `incr`).
    assert serializer.dumps(5) == 5 and serializer.loads(b"5") == 5


def test_the_redis_client_is_made_once_per_pool_not_per_command():
    client = store.RedisClient(["redis://127.0.0.1:1/0"])  # makes no connection
    assert client.get_client("a") is client.get_client("b") is client.get_client(write=True)
    # With several servers a read draws one of the others: each has its pool's client.
    servers = store.RedisClient([f"redis://127.0.0.1:{port}/0" for port in (1, 2, 3)])
    by_port = {}
    for _ in range(40):
        made = servers.get_client()
        assert by_port.setdefault(made.connection_pool.connection_kwargs["port"], made) is made
    assert sorted(by_port) == [2, 3]


@pytest.mark.skipif(not settings.CACHE_REDIS_URL, reason="the production-stack pass: Redis")
def test_what_redis_keeps_of_a_large_body_is_compressed():
    page = Template((REFERENCE / "v2.3.0_docking_events_list_offset10_b.json").read_bytes())
    store.put("compressed", page)
    server = redis.Redis.from_url(settings.CACHE_REDIS_URL)
    raw = server.get(cache.make_and_validate_key("compressed"))
    assert raw.startswith(store.ZSTD_FRAME) and len(raw) < page.size / 5
    # A process of the release before, which stored pickles as they are, reads other keys.
    assert server.get(cache.make_and_validate_key("compressed", version=1)) is None
    store.recent.clear()
    assert store.get("compressed").parts == page.parts
