"""What the mirrored docking events reference, read from the database: the launches of their
flights, the agencies those launches, configurations, payloads and stations link to, and the
configurations of their spacecraft and rockets; and the expeditions under way, whose crew and
end may change. `sync_ll2` asks the upstream for these from their own endpoints
(ingest/sync/), each step planned once the steps before it are written.

Sets are subqueries, never lists of ids in Python: a mirror of a large instance must not send
the database an `IN` of every event's flight."""

from django.db.models import Q
from django.utils.dateparse import parse_datetime

from spaceflight import models as m
from spaceflight.models.crew import under_way


def _any_of(model, *columns):
    """The rows of `model` that some docking event names in one of `columns`."""
    events = m.DockingEvent.objects.all()
    condition = Q()
    for column in columns:
        condition |= Q(pk__in=events.values(column))
    return model.objects.filter(condition)


def spacecraft_flights():
    return _any_of(m.SpacecraftFlight, "flight_vehicle_chaser", "flight_vehicle_target")


def payload_flights():
    return _any_of(m.PayloadFlight, "payload_flight_chaser", "payload_flight_target")


def docking_locations():
    return _any_of(m.DockingLocation, "docking_location")


def launched():
    """The launches of the events' flights."""
    return m.Launch.objects.filter(
        Q(pk__in=spacecraft_flights().values("launch"))
        | Q(pk__in=payload_flights().values("launch"))
    )


def launches():
    """The ids of the events' launches, as strings, sorted."""
    return sorted(str(pk) for pk in launched().values_list("pk", flat=True))


def spacecraft_configs():
    """The configurations of the events' spacecraft and of their docking locations."""
    return m.SpacecraftConfig.objects.filter(
        Q(
            pk__in=m.Spacecraft.objects.filter(spacecraftflight__in=spacecraft_flights()).values(
                "spacecraft_config"
            )
        )
        | Q(pk__in=docking_locations().values("spacecraft"))
    )


def launcher_configs():
    """The configurations of the rockets of the events' launches."""
    return m.LauncherConfig.objects.filter(pk__in=launched().values("rocket__configuration"))


def payloads():
    return m.Payload.objects.filter(
        Q(pk__in=payload_flights().values("payload"))
        | Q(pk__in=docking_locations().values("payload"))
    )


def stations():
    return _any_of(m.SpaceStation, "space_station_target", "space_station_chaser") | (
        m.SpaceStation.objects.filter(pk__in=docking_locations().values("spacestation"))
    )


def agencies():
    """Every agency the events' launches (their provider, mission, pad, programs, rocket),
    spacecraft configurations, payloads and stations link to: LL2 ids, sorted."""
    held = m.Agency.objects.filter(id__gt=0)  # a negative id is ours, not LL2's
    launches, configs, carried = launched(), spacecraft_configs(), payloads()
    # One query per link: ORed, their joins would multiply each other's rows.
    links = [
        {"launches__in": launches},
        {"missions__launch__in": launches},
        {"pads__launch__in": launches},
        {"programs__launches__in": launches},
        {"launchers_made__rocket__launch__in": launches},
        {"launcher_families__launcherconfig__rocket__launch__in": launches},
        {"spacecraftconfig__in": configs},
        {"spacecraftconfigfamily__spacecraftconfig__in": configs},
        {"payloads_made__in": carried},
        {"payloads_operated__in": carried},
        {"programs__payloads__in": carried},
        {"stations_owned__in": stations()},
    ]
    found = set()
    for link in links:
        found.update(held.filter(**link).values_list("pk", flat=True))
    return sorted(found)


def unlisted_spacecraft_configs():
    """The events' spacecraft configurations no agency page lists: those without an agency
    (an agency's own page lists its configurations, in their endpoint's detailed shape)."""
    return sorted(spacecraft_configs().filter(agency=None).values_list("pk", flat=True))


def unlisted_launcher_configs():
    """The events' launcher configurations no agency page lists: those without a manufacturer
    (a detailed launch shows its rocket's too, in that endpoint's detailed shape)."""
    return sorted(launcher_configs().filter(manufacturer=None).values_list("pk", flat=True))


def expeditions_under_way(started_before=None):
    """The expeditions the mirror holds as under way (no end, or an end to come), that started
    before `started_before` (an ISO 8601 date-time; those after it are on their own list) or
    at an unknown time: LL2 ids, sorted."""
    found = m.Expedition.objects.filter(under_way())
    if started_before:
        found = found.filter(Q(start__lt=parse_datetime(started_before)) | Q(start=None))
    return sorted(found.values_list("pk", flat=True))
