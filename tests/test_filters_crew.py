"""Astronauts', expeditions' and spacewalks' filters, search and ordering (2.3.0, and 2.2.0's
`astronaut/`, `expedition/` and `spacewalks/`), by the rows they return (tests/support/rows.py),
at a frozen moment: the birthday of a living astronaut, whose age changes that day, as LL2
computes an age on the day asked."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from api.resources.crew import (
    Astronauts,
    Expeditions,
    LegacyAstronauts,
    LegacyExpeditions,
    LegacySpacewalks,
    Spacewalks,
)
from spaceflight import models as m
from tests.support.rows import (
    BOOLEANS,
    Meaning,
    check_filters,
    check_ordering,
    check_search,
    leaves,
    rows,
)

pytestmark = pytest.mark.django_db
rows = rows

BOOLEAN = ["true", "false", "1", "0"]
# LL2's astronaut type of mannequins and the like (/config/astronaut_types/).
NON_HUMAN = "Non-Human"
TYPES = {}


def yes(value):
    return BOOLEANS[value.lower()]


def age(astronaut):
    """Whole years from birth to death, or to today (LL2's `age`); None without a birth."""
    born = astronaut.date_of_birth
    if born is None:
        return None
    end = astronaut.date_of_death or timezone.now().date()
    years = end.year - born.year
    return years - 1 if (end.month, end.day) < (born.month, born.day) else years


def birthday_person():
    """A living astronaut, born on a day any year has."""
    living = m.Astronaut.objects.filter(date_of_death=None).exclude(date_of_birth=None)
    return next(
        a for a in living.order_by("pk") if (a.date_of_birth.month, a.date_of_birth.day) != (2, 29)
    )


def moment():
    """Noon on the birthday person's birthday, the year after the last flight."""
    born = birthday_person().date_of_birth
    year = m.Astronaut.objects.exclude(last_flight=None).latest("last_flight").last_flight.year + 1
    return datetime(year, born.month, born.day, 12, tzinfo=UTC)


def ages():
    """The birthday person's age today and the day before, the youngest and the oldest."""
    known = sorted({age(a) for a in m.Astronaut.objects.all()} - {None})
    today = age(birthday_person())
    return [str(v) for v in dict.fromkeys([today, today - 1, known[0], known[-1]])]


def aged(compare):
    def keep(astronaut, value):
        years = age(astronaut)
        return years is not None and compare(years, int(value))

    return Meaning(keep=keep, values=ages)


def has_flown(astronaut, value):
    """A flight on LL2's record: a count above 0, or a first flight where the count is unknown."""
    flown = (astronaut.flights_count or 0) > 0 or (
        astronaut.flights_count is None and astronaut.first_flight is not None
    )
    return flown == yes(value)


def is_human(astronaut, value):
    """Not of the Non-Human type: an astronaut of no type is human."""
    return (TYPES.get(astronaut.type_id) != NON_HUMAN) == yes(value)


def is_active(expedition, value):
    """Under way: no end, or an end still to come (LL2 2.4.0's `is_active`)."""
    return (expedition.end is None or expedition.end > timezone.now()) == yes(value)


def on_start(part):
    """`day`, `month`, `year`: the start (UTC) falls on any of the comma-separated."""
    return lambda walk, value: (
        walk.start is not None
        and str(getattr(walk.start.astimezone(UTC), part)) in value.split(",")
    )


ASTRONAUTS = {
    "age": aged(lambda a, b: a == b),
    "age__gt": aged(lambda a, b: a > b),
    "age__gte": aged(lambda a, b: a >= b),
    "age__lt": aged(lambda a, b: a < b),
    "age__lte": aged(lambda a, b: a <= b),
    "agency_ids": Meaning("agency__id", "in"),
    "has_flown": Meaning(keep=has_flown, values=BOOLEAN),
    "is_human": Meaning(keep=is_human, values=BOOLEAN),
    # LL2 says "Nationality": one of the astronaut's, as its list names them.
    "nationality": Meaning("nationality__nationality_name"),
    "status_ids": Meaning("status__id", "in"),
}


def written_nationality(astronaut, value):
    """2.2.0's nationality: as a 2.2.0 page wrote it, else one of its countries'."""
    if astronaut.legacy_nationality:
        return astronaut.legacy_nationality == value
    return value in {country.nationality_name for country in astronaut.nationality.all()}


def nationalities():
    """Two nationalities as 2.2.0 pages wrote them, two of the countries', and none held."""
    written = m.Astronaut.objects.exclude(legacy_nationality="").values_list("legacy_nationality")
    held = m.Country.objects.filter(astronauts__isnull=False).values_list("nationality_name")
    names = [sorted({name for (name,) in found}) for found in (written, held)]
    return [*dict.fromkeys([*names[0][:2], *names[1][:2]]), "Martian"]


LEGACY_ASTRONAUTS = {
    **ASTRONAUTS,
    "nationality": Meaning(keep=written_nationality, values=nationalities),
    "status": Meaning("status__id"),
}
EXPEDITIONS = {
    "is_active": Meaning(keep=is_active, values=BOOLEAN),
    "space_station": Meaning("spacestation__id"),
}
SPACEWALKS = {
    "astronaut__ids": Meaning("crew__astronaut__id", "in"),
    "day": Meaning(keep=on_start("day"), values=["3,20", "22", "31"]),
    "month": Meaning(keep=on_start("month"), values=["2,11", "6"]),
    "year": Meaning(keep=on_start("year"), values=lambda: years_of(m.Spacewalk, "start")),
    "event__ids": Meaning("event__id", "in"),
    "ids": Meaning("id", "in"),
    "launch__ids": Meaning("spacecraft_flight__launch__id", "in"),
    "owner__ids": Meaning("spacestation__owners__id", "in"),
    "program__ids": Meaning("programs__id", "in"),
    "program__name": Meaning("programs__name"),
    "program__name__contains": Meaning("programs__name", "contains"),
    "spacestation__ids": Meaning("spacestation__id", "in"),
}


def years_of(model, path):
    """Two years the data holds, one alone, and one it does not."""
    held = sorted({v.astimezone(UTC).year for vs in leaves(model, path).values() for v in vs if v})
    return [f"{held[0]},{held[len(held) // 2]}", str(held[-1]), "2200"]


LISTS = [
    ("/2.3.0/astronauts/", Astronauts, ASTRONAUTS, {"age": age}),
    ("/2.3.0/expeditions/", Expeditions, EXPEDITIONS, {}),
    ("/2.3.0/spacewalks/", Spacewalks, SPACEWALKS, {}),
    ("/2.2.0/astronaut/", LegacyAstronauts, LEGACY_ASTRONAUTS, {"age": age}),
    ("/2.2.0/expedition/", LegacyExpeditions, EXPEDITIONS, {}),
    ("/2.2.0/spacewalks/", LegacySpacewalks, SPACEWALKS, {}),
]


@pytest.fixture(scope="module")
def types(rows, django_db_blocker):
    with django_db_blocker.unblock():
        TYPES.update(m.AstronautType.objects.values_list("pk", "name"))
        assert NON_HUMAN in TYPES.values()
    yield
    TYPES.clear()


@pytest.mark.parametrize(("url", "resource", "meanings", "computed"), LISTS)
def test_filters(api, subtests, frozen, types, url, resource, meanings, computed):
    with frozen(moment().isoformat()):
        check_filters(api, subtests, url, resource, meanings)


@pytest.mark.parametrize(("url", "resource", "meanings", "computed"), LISTS)
def test_search_and_ordering(api, subtests, frozen, types, url, resource, meanings, computed):
    with frozen(moment().isoformat()):
        check_search(api, subtests, url, resource)
        check_ordering(api, subtests, url, resource, computed)
