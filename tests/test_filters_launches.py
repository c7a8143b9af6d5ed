"""Launches' and programs' filters, search and ordering, in every version, by the rows they
return (tests/support/rows.py). The upcoming and previous lists are read at a frozen moment,
and their rows are what LL2 says they are: upcoming, a `net` at most 24 hours ago; previous,
a `net` already past."""

import pytest

from api.resources import launches as r
from spaceflight import models as m
from spaceflight.changes import data_changed
from tests.support.clock import ByClock, yes
from tests.support.rows import (
    Meaning,
    as_text,
    check_filters,
    check_ordering,
    check_search,
    leaves,
    rows,
    served,
)

pytestmark = pytest.mark.django_db
rows = rows

CLOCK = ByClock(m.Launch, "net")
BOOLEAN = ["true", "false", "1", "0"]
VIDEO = "https://example.com/vidéo/{}"


# Each launch's values the predicates below read, once (the `launches` fixture).
READ = {
    "orbit": "mission__orbit__name",
    "provider": "launch_service_provider__id",
    "parent": "launch_service_provider__parent",
    "programs": "programs__id",
    "crew": "spacecraftflight__launch_crew__id",
}
FACTS = {}


@pytest.fixture(scope="module")
def launches(rows, django_db_blocker):
    """What the generated data lacks for some filters to select anything: suborbital
    missions, video links with a `url`, several statuses in each list (agencies name their
    parents in tests/support/generated.py)."""
    with django_db_blocker.unblock():
        suborbital = m.Orbit.objects.create(id=900, name="Suborbital", abbrev="Sub")
        missions = m.Mission.objects.order_by("pk").values_list("pk", flat=True)
        m.Mission.objects.filter(pk__in=list(missions[::5])).update(orbit=suborbital)
        statuses = list(m.LaunchStatus.objects.order_by("pk"))
        for index, launch in enumerate(m.Launch.objects.order_by("pk")):
            # Another launch's video link as this one's image: a `url` only is a video link.
            launch.vid_urls = [
                {"url": VIDEO.format(index), "feature_image": VIDEO.format(index + 1)}
            ]
            # Every status among upcoming launches and among previous ones.
            launch.status = statuses[index % len(statuses)]
            launch.save(update_fields=["vid_urls", "status"])
        data_changed()
        for name, path in READ.items():
            FACTS[name] = leaves(m.Launch, path)
        FACTS["agencies"] = list(m.Agency.objects.values_list("pk", "name"))
    yield
    FACTS.clear()


def includes_suborbital(launch, value):
    # LL2 names a suborbital flight's orbit "Suborbital".
    return yes(value) or "Suborbital" not in FACTS["orbit"][launch.pk]


def crewed(launch, value):
    """A flight of the launch carried a crew up."""
    return yes(value) == any(pk is not None for pk in FACTS["crew"][launch.pk])


def related(launch, agencies):
    """The provider is one of the agencies, or a child of one (its parent names one)."""
    provider, parent = FACTS["provider"][launch.pk][0], FACTS["parent"][launch.pk][0]
    return any(provider == pk or parent == name for pk, name in agencies)


def related_ids(launch, value):
    ids = value.split(",")
    return related(launch, [(pk, name) for pk, name in FACTS["agencies"] if str(pk) in ids])


def related_names(launch, value):
    names = value.split(",")
    return related(launch, [(pk, name) for pk, name in FACTS["agencies"] if name in names])


def has_video(launch, value):
    return any(link.get("url") in value.split(",") for link in launch.vid_urls)


def in_programs(launch, value):
    wanted = {int(pk) for pk in value.split("&program=")}
    return bool(wanted & set(FACTS["programs"][launch.pk]))


def nothing(launch, value):  # what we hold none of (boosters, other catalogues' ids)
    return False


# Names that are not paths of ours. LL2 reads `rocket__spacecraftflight__...` through the
# rocket; our flights belong to the launch. Chosen where LL2 leaves it unsaid: a related
# agency is the provider or its child.
MEANINGS = {
    "id": Meaning("id", "in"),
    "day": Meaning(keep=CLOCK.on("day"), values=["3,20", "22", "31"]),
    "month": Meaning(keep=CLOCK.on("month"), values=["2,11", "6"]),
    "year": Meaning(keep=CLOCK.on("year"), values=["1975,2001", "1999", "2100"]),
    "include_suborbital": Meaning(keep=includes_suborbital, values=BOOLEAN),
    "is_crewed": Meaning(keep=crewed, values=BOOLEAN),
    "launch_designator": Meaning("launch_designator", "in"),
    "launcher_config__id": Meaning("rocket__configuration__id", "in"),
    "location__ids": Meaning("pad__location__id", "in"),
    "lsp__id": Meaning("launch_service_provider__id", "in"),
    "lsp__name": Meaning("launch_service_provider__name", "in"),
    "program": Meaning(keep=in_programs, values=["2", "1&program=4"]),
    "related_lsp__id": Meaning(keep=related_ids, values=["1", "3,5"]),
    "related_lsp__name": Meaning(keep=related_names, values=["ROSCOSMOS", "JAXA,SpaceX"]),
    "rocket__spacecraftflight__spacecraft__id": Meaning("spacecraftflight__spacecraft__id"),
    "rocket__spacecraftflight__spacecraft__name": Meaning("spacecraftflight__spacecraft__name"),
    "rocket__spacecraftflight__spacecraft__name__icontains": Meaning(
        "spacecraftflight__spacecraft__name", "icontains"
    ),
    "serial_number": Meaning(keep=nothing, values=["B1062", "1"], held=False),
    "spacecraft_config__ids": Meaning("spacecraftflight__spacecraft__spacecraft_config__id", "in"),
    "status__ids": Meaning("status__id", "in"),
    "video_url": Meaning(
        keep=has_video, values=[VIDEO.format(5), f"{VIDEO.format(9)},{VIDEO.format(70)}"]
    ),
}
# 2.2.0 and 2.0.0: one provider id (`lsp__id`), several (`lsp__ids`), pads by id.
OLDER = {
    **MEANINGS,
    "lsp__id": Meaning("launch_service_provider__id"),
    "lsp__ids": Meaning("launch_service_provider__id", "in"),
    "pad__ids": Meaning("pad__id", "in"),
    "r_spacex_api_id": Meaning(keep=nothing, values=["5eb87d46"], held=False),
    "launch_library_id": Meaning(keep=nothing, values=["1131"], held=False),
}

LISTS = [
    ("/2.3.0/launches/", r.Launches, MEANINGS, "all"),
    ("/2.3.0/launches/upcoming/", r.UpcomingLaunches, MEANINGS, "upcoming"),
    ("/2.3.0/launches/previous/", r.PreviousLaunches, MEANINGS, "previous"),
    ("/2.2.0/launch/", r.LegacyLaunches, OLDER, "all"),
    ("/2.2.0/launch/upcoming/", r.LegacyUpcomingLaunches, OLDER, "upcoming"),
    ("/2.2.0/launch/previous/", r.LegacyPreviousLaunches, OLDER, "previous"),
    ("/2.0.0/launch/", r.LegacyLaunches200, OLDER, "all"),
    ("/2.0.0/launch/upcoming/", r.LegacyUpcomingLaunches200, OLDER, "upcoming"),
    ("/2.0.0/launch/previous/", r.LegacyPreviousLaunches200, OLDER, "previous"),
]


@pytest.mark.parametrize(("url", "resource", "meanings", "when"), LISTS)
def test_filters(api, subtests, frozen, launches, url, resource, meanings, when):
    now = CLOCK.moment()
    meanings = {
        **meanings,
        "hide_recent_previous": Meaning(keep=CLOCK.hides_recent(now), values=BOOLEAN),
    }
    with frozen(now.isoformat()):
        base = CLOCK.within(when, now)
        assert as_text(served(api, url, "mode=list")) == as_text(base)
        check_filters(api, subtests, url, resource, meanings, base=base)


@pytest.mark.parametrize(("url", "resource", "when"), [(u, c, w) for u, c, _, w in LISTS])
def test_search_and_ordering(api, subtests, frozen, launches, url, resource, when):
    now = CLOCK.moment()
    with frozen(now.isoformat()):
        base = CLOCK.within(when, now)
        check_search(api, subtests, url, resource, base=base)
        check_ordering(api, subtests, url, resource, base=base)


@pytest.mark.parametrize(
    ("url", "resource"),
    [
        ("/2.3.0/programs/", r.Programs),
        ("/2.2.0/program/", r.LegacyPrograms),
        ("/2.0.0/program/", r.LegacyPrograms),
    ],
)
def test_programs(api, subtests, launches, url, resource):
    """LL2 lists no filters or search fields of programs: `search` is accepted and ignored."""
    every = set(m.Program.objects.values_list("pk", flat=True))
    assert set(served(api, url, "search=zz-nothing-zz")) == every
    check_ordering(api, subtests, url, resource)
