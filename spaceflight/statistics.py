"""Statistics LL2 computes over its whole history (an agency's launch counts, a pad's, a
location's, a celestial body's, a configuration's), derived from our own data where no import
gave them.

A statistic an imported page gave keeps LL2's value (`imported_statistics`, kept by
ingest/upsert.py: an older shape gives some only). Every other one is the count over the
launches, flights and landings we hold, recomputed in the writing transaction of every import,
sync page, generation, migration and curator's edit (`derive()`). An object a curator owns is
left alone, as imports leave it. Counts LL2 keeps of things we hold none of (first stages and
their landings) stay null.
"""

from django.db.models import Count, Q

from spaceflight import models as m
from spaceflight.changes import data_changed
from spaceflight.models.crew import under_way

# LL2's launch status ids: Go, TBD, Success, Failure, Hold, In Flight, Partial Failure, TBC.
SUCCESS = [3]
FAILURE = [4, 7]
PENDING = [1, 2, 5, 8]
SUBORBITAL = Q(mission__orbit__abbrev__iexact="sub")

# The statistics of each model that we derive (and an import of its own page gives).
STATISTICS = {
    m.Agency: [
        "total_launch_count",
        "consecutive_successful_launches",
        "successful_launches",
        "failed_launches",
        "pending_launches",
        "successful_landings_spacecraft",
        "failed_landings_spacecraft",
        "attempted_landings_spacecraft",
    ],
    m.LauncherConfig: [
        "total_launch_count",
        "consecutive_successful_launches",
        "successful_launches",
        "failed_launches",
        "pending_launches",
    ],
    m.Pad: ["total_launch_count", "orbital_launch_attempt_count"],
    m.Location: ["total_launch_count", "total_landing_count"],
    m.CelestialBody: [
        "total_attempted_launches",
        "successful_launches",
        "failed_launches",
        "total_attempted_landings",
        "successful_landings",
        "failed_landings",
    ],
    m.LandingLocation: ["successful_landings", "attempted_landings", "failed_landings"],
    m.SpaceStation: ["onboard_crew"],
    m.SpacecraftConfig: [
        "spacecraft_flown",
        "total_launch_count",
        "successful_launches",
        "failed_launches",
        "attempted_landings",
        "successful_landings",
        "failed_landings",
    ],
}


def _grouped(queryset, owner, **counts):
    """`{owner id: {name: count}}` over `queryset`, grouped by the lookup `owner`."""
    rows = queryset.exclude(**{f"{owner}__isnull": True}).values(owner).annotate(**counts)
    return {row.pop(owner): row for row in rows.order_by()}


def _launches(owner):
    """Launch counts by `owner` (a lookup from a launch): attempted, successful, failed,
    pending, and the run of successes up to the latest attempt."""
    found = _grouped(
        m.Launch.objects.all(),
        owner,
        successful_launches=Count("pk", filter=Q(status__in=SUCCESS)),
        failed_launches=Count("pk", filter=Q(status__in=FAILURE)),
        pending_launches=Count("pk", filter=Q(status__in=PENDING)),
    )
    attempts = (
        m.Launch.objects.filter(status__in=SUCCESS + FAILURE)
        .exclude(**{f"{owner}__isnull": True})
        .order_by(owner, "net", "id")
        .values_list(owner, "status")
    )
    streak = {}
    for pk, status in attempts:
        streak[pk] = streak.get(pk, 0) + 1 if status in SUCCESS else 0
    for pk, counts in found.items():
        counts["total_launch_count"] = counts["successful_launches"] + counts["failed_launches"]
        counts["consecutive_successful_launches"] = streak.get(pk, 0)
    return found


def _outcomes(landing=""):
    """Attempted, successful and failed landings, counted over rows that are (`""`) or have
    (`"landing__"`) a landing."""
    attempt = {f"{landing}attempt": True}
    return {
        "attempted": Count("pk", filter=Q(**attempt)),
        "successful": Count("pk", filter=Q(**attempt, **{f"{landing}success": True})),
        "failed": Count("pk", filter=Q(**attempt, **{f"{landing}success": False})),
    }


LANDINGS = {outcome: f"{outcome}_landings" for outcome in ("attempted", "successful", "failed")}


def _landings(queryset, owner, names, landing=""):
    """Landing outcomes by `owner`, each named as `names` says."""
    counts = _outcomes(landing)
    return _grouped(queryset, owner, **{names[outcome]: counts[outcome] for outcome in counts})


def _merge(*parts):
    merged = {}
    for part in parts:
        for pk, counts in part.items():
            merged.setdefault(pk, {}).update(counts)
    return merged


def _attempted(launch):
    return Q(**{f"{launch}__status__in": SUCCESS + FAILURE})


def _derived():
    """`{model: {id: {statistic: value}}}` over our data."""
    by_body = _launches("pad__location__celestial_body")
    for counts in by_body.values():
        counts["total_attempted_launches"] = counts.pop("total_launch_count")
    return {
        m.Agency: _merge(
            _launches("launch_service_provider"),
            _landings(
                m.SpacecraftFlight.objects.all(),
                "spacecraft__spacecraft_config__agency",
                {outcome: f"{name}_spacecraft" for outcome, name in LANDINGS.items()},
                landing="landing__",
            ),
        ),
        m.LauncherConfig: _launches("rocket__configuration"),
        m.Pad: _merge(
            _launches("pad"),
            _grouped(
                m.Launch.objects.filter(status__in=SUCCESS + FAILURE).exclude(SUBORBITAL),
                "pad",
                orbital_launch_attempt_count=Count("pk"),
            ),
        ),
        m.Location: _merge(
            _launches("pad__location"),
            _grouped(
                m.Landing.objects.filter(attempt=True),
                "landing_location__location",
                total_landing_count=Count("pk"),
            ),
        ),
        m.CelestialBody: _merge(
            by_body,
            _landings(
                m.Landing.objects.all(),
                "landing_location__celestial_body",
                {**LANDINGS, "attempted": "total_attempted_landings"},
            ),
        ),
        m.LandingLocation: _landings(m.Landing.objects.all(), "landing_location", LANDINGS),
        # The people of its expeditions under way, each once (a handover has two).
        m.SpaceStation: _grouped(
            m.Expedition.objects.filter(under_way()),
            "spacestation",
            onboard_crew=Count("crew__astronaut", distinct=True),
        ),
        m.SpacecraftConfig: _grouped(
            m.SpacecraftFlight.objects.all(),
            "spacecraft__spacecraft_config",
            spacecraft_flown=Count("spacecraft", distinct=True),
            total_launch_count=Count("launch", distinct=True, filter=_attempted("launch")),
            successful_launches=Count(
                "launch", distinct=True, filter=Q(launch__status__in=SUCCESS)
            ),
            failed_launches=Count("launch", distinct=True, filter=Q(launch__status__in=FAILURE)),
            **{LANDINGS[outcome]: count for outcome, count in _outcomes("landing__").items()},
        ),
    }


def derive():
    """Give every statistic no import gave the count over our data. Call it inside the writing
    transaction; returns whether anything changed."""
    changed = False
    for model, found in _derived().items():
        names = STATISTICS[model]
        curated = set(
            m.Curated.objects.filter(model=model._meta.label_lower).values_list(
                "object_id", flat=True
            )
        )
        updated = []
        for row in model.objects.only("pk", "imported_statistics", *names):
            if str(row.pk) in curated:
                continue
            counts = found.get(row.pk, {})
            derived = {n: counts.get(n, 0) for n in names if n not in row.imported_statistics}
            if any(getattr(row, name) != value for name, value in derived.items()):
                for name, value in derived.items():
                    setattr(row, name, value)
                updated.append(row)
        if updated:
            model.objects.bulk_update(updated, names, batch_size=500)
            changed = True
    if changed:
        data_changed()
    return changed
