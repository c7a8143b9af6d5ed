"""`sync_ll2`'s full run fetches what the mirrored docking events reference from its own
endpoints: their launches (by LL2's `id` list filter, a page per `page_size`), the agencies
linked to them (one request each) and the configurations no agency page lists (one detail
request each); then who is aboard (astronauts, expeditions, spacewalks, events). Against a
scripted LL2 on 127.0.0.1 whose pages are what our own API serves of the bundled data with
every value filled in and synthetic crews: the requests, the budget, resuming, and that the
mirror then serves those resources as its upstream does."""

import math

import pytest

from ingest.models import SyncState
from ingest.sync import Mirror, SyncStopped, Upstream
from spaceflight import models as m
from tests.support import mirror_upstream
from tests.support.linked_pages import NOW, get

pytestmark = pytest.mark.django_db

upstream = mirror_upstream.upstream
CREW = [
    "/2.2.0/astronaut/",
    "/2.3.0/astronauts/",
    "/2.3.0/expeditions/",
    "/2.3.0/spacewalks/",
    "/2.3.0/events/",
]


def mirror(server, page_size=100, **options):
    return Mirror(Upstream(server.base, sleep=lambda s: None, **options), page_size=page_size)


def asked(server):
    """The pages asked for, throttle reads aside: `(path, query)`."""
    return [(path, query) for path, query in server.seen if path != "/2.3.0/api-throttle/"]


def referenced_requests(server, page_size):
    """What a full run asks for after the docking events, stations, flights and spacecraft."""
    launches = server.expected["launches"]
    return [
        *(
            ("/2.3.0/launches/", {"id": ",".join(launches[at : at + page_size])})
            for at in range(0, len(launches), page_size)
        ),
        *(("/2.3.0/agencies/", {"id": str(pk)}) for pk in server.expected["agencies"]),
        *(
            (f"/2.3.0/spacecraft_configurations/{pk}/", {})
            for pk in server.expected["spacecraft_configs"]
        ),
        *(
            (f"/2.3.0/launcher_configurations/{pk}/", {})
            for pk in server.expected["launcher_configs"]
        ),
    ]


def graph_part(requests):
    """The requests of the referenced steps, without the paging parameters and the mode."""
    return [
        (path, {k: v for k, v in query.items() if k not in ("limit", "offset", "mode")})
        for path, query in requests
        if path.startswith(
            (
                "/2.3.0/launches/",
                "/2.3.0/agencies/",
                "/2.3.0/spacecraft_configurations/",
                "/2.3.0/launcher_configurations/",
            )
        )
    ]


@pytest.mark.parametrize("page_size", [100, 5])
def test_a_full_run_asks_for_what_the_events_reference(upstream, frozen, page_size):
    with frozen(NOW):
        mirror(upstream, page_size=page_size).run()

    requests = asked(upstream)
    assert len(upstream.expected["launches"]) > 5  # so that 5 a page takes several
    assert len(upstream.expected["agencies"]) > 1
    assert graph_part(requests) == referenced_requests(upstream, page_size)
    # Each in its detailed shape; a detail path is always detailed.
    for path, query in requests:
        if path in ("/2.3.0/launches/", "/2.3.0/agencies/"):
            assert query["mode"] == "detailed"
            assert query["limit"] == str(page_size)
    # The steps come after what the events' own pages bring, in this order.
    order = [path for path, _ in requests]
    assert order.index("/2.3.0/launches/") > order.index("/2.3.0/payload_flights/")
    # Then who is aboard: every astronaut, expedition, spacewalk and event, detailed.
    assert [path for path in order if path in CREW] == crew_pages(upstream, page_size)
    assert order.index(CREW[0]) > max(i for i, path in enumerate(order) if "config" in path)
    assert all(q["mode"] == "detailed" for path, q in requests if path in CREW)
    # A throttle read before each page, as before every other page.
    assert len(upstream.seen) == 2 * len(requests)
    assert not SyncState.objects.get().in_progress


def crew_pages(server, page_size):
    """The pages of each crew list a full run asks for, in order."""
    return [path for path in CREW for _ in range(math.ceil(len(server.lists[path]) / page_size))]


def linked(value, collection):
    """The ids of every `collection` object a response links to."""
    if isinstance(value, dict):
        url = value.get("url")
        if isinstance(url, str) and f"/2.3.0/{collection}/" in url:
            yield url.split(f"/{collection}/")[1].split("/")[0]
        for item in value.values():
            yield from linked(item, collection)
    elif isinstance(value, list):
        for item in value:
            yield from linked(item, collection)


def test_what_the_events_link_to_is_asked_for(upstream):
    """Every launch and agency the docking events print a link to is in the run's plan."""
    events = upstream.lists["/2.3.0/docking_events/"]
    launches = set(linked(events, "launches"))
    agencies = set(linked(events, "agencies"))
    assert launches and agencies
    assert launches <= set(upstream.expected["launches"])
    assert agencies <= set(map(str, upstream.expected["agencies"]))


def test_the_referenced_resources_land_as_the_upstream_serves_them(api, upstream, frozen):
    with frozen(NOW):
        mirror(upstream).run()

    for path in ("/2.3.0/launches/", "/2.3.0/agencies/"):
        theirs = {str(row["id"]): row for row in upstream.lists[path]}
        ours = get(api, frozen, f"{path}?mode=detailed&limit=100")["results"]
        wanted = upstream.expected["launches" if "launches" in path else "agencies"]
        ours = {str(row["id"]): row for row in ours if str(row["id"]) in map(str, wanted)}
        assert len(ours) == len(wanted)
        for key, row in ours.items():
            assert row == theirs[key], f"{path}{key}/"
    for path, theirs in upstream.details.items():
        pk = int(path.rstrip("/").rsplit("/", 1)[1])
        if pk in upstream.expected["spacecraft_configs"] + upstream.expected["launcher_configs"]:
            assert get(api, frozen, path) == theirs, path


def test_a_detailed_launch_brings_its_statistics_and_link_lists(upstream, frozen):
    with frozen(NOW):
        mirror(upstream).run()

    launch = m.Launch.objects.exclude(rocket=None).first()
    assert launch.flightclub_url and launch.pad_turnaround and launch.updates
    config = launch.rocket.configuration
    assert config.total_launch_count is not None and config.leo_capacity is not None
    agency = m.Agency.objects.get(pk=upstream.expected["agencies"][0])
    assert agency.total_launch_count is not None


def test_the_budget_counts_every_request_and_a_stopped_run_resumes(upstream, frozen):
    """Stopped by a budget of 7 requests again and again, the runs ask, all told, what one
    run asks: each page once, nothing skipped, nothing twice."""
    runs, planned = 0, []
    with frozen(NOW):
        while True:
            runs += 1
            sent_before = len(upstream.seen)
            sync_run = mirror(upstream, page_size=5, max_requests=7)
            try:
                sync_run.run()
            except SyncStopped as stop:
                assert "budget of 7 requests" in str(stop)
                assert len(upstream.seen) - sent_before == 7
                continue
            finally:
                planned.append(sync_run.planned)
            break
    interrupted = asked(upstream)

    assert runs > 3
    # Each run says what it asks and its least cost before asking, past its budget here.
    assert planned[0][0].startswith("the plan: a full run, 16 queries: at least 24 requests")
    assert all("more than this run's budget of 7" in said[0] for said in planned[:-1])
    assert all(said[0].startswith("resuming the full run at query") for said in planned[1:])
    steps = [line for said in planned for line in said if " asks " in line]
    launch_pages = math.ceil(len(upstream.expected["launches"]) / 5)
    assert steps[0].startswith(f"/2.3.0/launches/: the step launches asks {launch_pages} queries")
    assert graph_part(interrupted) == referenced_requests(upstream, 5)
    assert [path for path, _ in interrupted if path in CREW] == crew_pages(upstream, 5)
    assert len(set(map(repr, interrupted))) == len(interrupted)
    assert m.Launch.objects.filter(pk__in=upstream.expected["launches"]).count() == len(
        upstream.expected["launches"]
    )
    models = (m.Astronaut, m.Astronaut, m.Expedition, m.Spacewalk, m.Event)
    for model, path in zip(models, CREW, strict=True):
        assert model.objects.count() == len(upstream.lists[path])
    state = SyncState.objects.get()
    assert not state.in_progress and state.last_completed


def test_an_upstream_without_these_endpoints_skips_them_with_a_note(upstream, frozen):
    """An older instance of this server serves docking events but no launches, agencies or
    people: each step is skipped after one 404, the rest of the run goes on."""
    upstream.missing = {"/2.3.0/launches/", "/2.3.0/agencies/", *CREW}
    sync_run = mirror(upstream, page_size=5)
    with frozen(NOW):
        sync_run.run()

    requests = graph_part(asked(upstream))
    assert [path for path, _ in requests[:2]] == ["/2.3.0/launches/", "/2.3.0/agencies/"]
    assert sync_run.notes[:2] == [
        "the upstream has no /2.3.0/launches/: that step was skipped",
        "the upstream has no /2.3.0/agencies/: that step was skipped",
    ]
    assert [path for path, _ in asked(upstream) if path in CREW] == CREW
    assert sync_run.notes[-5:] == [
        f"the upstream has no {path}: that step was skipped" for path in CREW
    ]
    assert not SyncState.objects.get().in_progress


def test_a_configuration_the_upstream_no_longer_has_is_skipped(upstream, frozen):
    gone = f"/2.3.0/spacecraft_configurations/{upstream.expected['spacecraft_configs'][0]}/"
    del upstream.details[gone]
    sync_run = mirror(upstream)
    with frozen(NOW):
        sync_run.run()

    assert f"the upstream has no {gone}: skipped" in sync_run.notes
    assert not SyncState.objects.get().in_progress


def test_a_bad_launch_page_stops_the_run_and_writes_nothing_of_it(upstream, frozen):
    upstream.lists["/2.3.0/launches/"][0]["pad_turnaround"] = "soon"
    sync_run = mirror(upstream)
    with frozen(NOW), pytest.raises(SyncStopped) as stop:
        sync_run.run()

    assert "/2.3.0/launches/?id=" in str(stop.value)
    assert "$.results[0].pad_turnaround: expected an ISO 8601 duration" in str(stop.value)
    assert "nothing of this page was written" in str(stop.value)
    assert not m.Launch.objects.exclude(flightclub_url=None).exists()
    assert SyncState.objects.get().in_progress
