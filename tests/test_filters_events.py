"""Events' filters, search and ordering (2.3.0's `events/`, the older versions' `event/`),
with the upcoming and previous lists, by the rows they return (tests/support/rows.py). The
lists are read at a frozen moment, and their rows are what LL2 says they are: upcoming, a
date at most 24 hours ago; previous, a date already past."""

from datetime import UTC

import pytest

from api.resources.events import (
    Events,
    LegacyEvents,
    LegacyPreviousEvents,
    LegacyUpcomingEvents,
    PreviousEvents,
    UpcomingEvents,
)
from spaceflight import models as m
from tests.support.clock import ByClock
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

CLOCK = ByClock(m.Event, "date")
BOOLEAN = ["true", "false", "1", "0"]
PROGRAMS = {}


@pytest.fixture(scope="module")
def programs(rows, django_db_blocker):
    with django_db_blocker.unblock():
        PROGRAMS.update(leaves(m.Event, "programs__id"))
    yield
    PROGRAMS.clear()


def years():
    """Two years the data holds, one alone, and one it does not."""
    held = sorted(
        {
            d.astimezone(UTC).year
            for d in m.Event.objects.exclude(date=None).values_list("date", flat=True)
        }
    )
    return [f"{held[0]},{held[len(held) // 2]}", str(held[-1]), "2200"]


def has_video(event, value):
    """A video link of the event has one of the comma-separated URLs as its `url`."""
    return any(link.get("url") in value.split(",") for link in event.vid_urls)


def videos():
    """Video URLs the data holds (a filled-in link has none), and one it does not."""
    held = m.Event.objects.values_list("vid_urls", flat=True)
    urls = sorted(link["url"] for links in held for link in links if "url" in link)
    return [urls[0], f"{urls[len(urls) // 2]},{urls[-1]}", "https://example.com/none"]


def in_programs(event, value):
    """LL2 declares `program` repeated (`program=1&program=4`): in any of them."""
    wanted = {int(pk) for pk in value.split("&program=")}
    return bool(wanted & set(PROGRAMS.get(event.pk, [])))


# Names that are not paths of ours; `date__gt__lt` is LL2's name for "date is less than".
MEANINGS = {
    "agency__ids": Meaning("agencies__id", "in"),
    "date__gt__lt": Meaning("date", "lt"),
    "day": Meaning(keep=CLOCK.on("day"), values=["3,20", "22", "31"]),
    "month": Meaning(keep=CLOCK.on("month"), values=["2,11", "6"]),
    "year": Meaning(keep=CLOCK.on("year"), values=years),
    "id": Meaning("id", "in"),
    "program": Meaning(keep=in_programs, values=["2", "1&program=4"]),
    "type": Meaning("type__id"),
    "type__ids": Meaning("type__id", "in"),
    "video_url": Meaning(keep=has_video, values=videos),
}

LISTS = [
    ("/2.3.0/events/", Events, "all"),
    ("/2.3.0/events/upcoming/", UpcomingEvents, "upcoming"),
    ("/2.3.0/events/previous/", PreviousEvents, "previous"),
    ("/2.2.0/event/", LegacyEvents, "all"),
    ("/2.2.0/event/upcoming/", LegacyUpcomingEvents, "upcoming"),
    ("/2.2.0/event/previous/", LegacyPreviousEvents, "previous"),
]
# 2.2.0's `id` is one id, 2.3.0's a list of them.
LEGACY = {name: meaning for name, meaning in MEANINGS.items() if name != "id"}


@pytest.mark.parametrize(("url", "resource", "when"), LISTS)
def test_filters(api, subtests, frozen, programs, url, resource, when):
    now = CLOCK.moment()
    meanings = {
        **(MEANINGS if url.startswith("/2.3.0/") else LEGACY),
        "hide_recent_previous": Meaning(keep=CLOCK.hides_recent(now), values=BOOLEAN),
    }
    with frozen(now.isoformat()):
        base = CLOCK.within(when, now)
        assert as_text(served(api, url, "mode=list")) == as_text(base)
        check_filters(api, subtests, url, resource, meanings, base=base)


@pytest.mark.parametrize(("url", "resource", "when"), LISTS)
def test_search_and_ordering(api, subtests, frozen, programs, url, resource, when):
    now = CLOCK.moment()
    with frozen(now.isoformat()):
        base = CLOCK.within(when, now)
        check_search(api, subtests, url, resource, base=base)
        check_ordering(api, subtests, url, resource, base=base)
