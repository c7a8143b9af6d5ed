"""The curator admin: every model editable, searchable by name, relations picked by id."""

from django.apps import apps
from django.contrib import admin
from django.db import models

from spaceflight import models as m


def curator_admin(model, **options):
    """A ModelAdmin for `model`: foreign keys as raw ids (no `<select>` of every row),
    search by name where there is one, newest LL2 ids first."""
    names = {field.name for field in model._meta.get_fields()}
    defaults = {
        "list_display": ["id", "__str__"],
        "search_fields": ["name"] if "name" in names else [],
        "raw_id_fields": [
            f.name for f in model._meta.get_fields() if f.many_to_one and not f.auto_created
        ],
        "ordering": ["-pk"],
        "formfield_overrides": {models.URLField: {"assume_scheme": "https"}},
    }
    return type(f"{model.__name__}Admin", (admin.ModelAdmin,), {**defaults, **options})


class Docked(admin.SimpleListFilter):
    title = "docked"
    parameter_name = "docked"

    def lookups(self, request, model_admin):
        return [("yes", "Still docked"), ("no", "Departed")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(departure__isnull=self.value() == "yes")
        return queryset


class TargetStation(admin.SimpleListFilter):
    """Stations that are the target of some docking event (not every station ever)."""

    title = "target station"
    parameter_name = "station"

    def lookups(self, request, model_admin):
        stations = m.SpaceStation.objects.filter(docking_events__isnull=False).distinct()
        return [(station.pk, station.name) for station in stations.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(space_station_target_id=self.value())
        return queryset


CUSTOM = {
    m.DockingEvent: {
        "list_display": ["id", "docking", "departure", "docking_location", "chaser", "target"],
        "list_filter": [TargetStation, Docked, "docking"],
        "date_hierarchy": "docking",
        "search_fields": [
            "docking_location__name",
            "flight_vehicle_chaser__spacecraft__name",
            "payload_flight_chaser__payload__name",
            "space_station_target__name",
            "payload_flight_target__payload__name",
        ],
        "list_select_related": [
            "docking_location",
            "flight_vehicle_chaser__spacecraft",
            "payload_flight_chaser__payload",
            "space_station_chaser",
            "flight_vehicle_target__spacecraft",
            "payload_flight_target__payload",
            "space_station_target",
        ],
        "ordering": ["-docking", "-id"],
        "chaser": admin.display(description="chaser")(
            lambda self, event: (
                event.flight_vehicle_chaser
                or event.space_station_chaser
                or event.payload_flight_chaser
            )
        ),
        "target": admin.display(description="target")(
            lambda self, event: (
                event.space_station_target
                or event.flight_vehicle_target
                or event.payload_flight_target
            )
        ),
    },
    m.DockingLocation: {
        "list_display": ["id", "name", "spacestation", "spacecraft", "payload"],
        "list_filter": ["spacestation"],
    },
    m.SpacecraftFlight: {
        "list_display": ["id", "spacecraft", "destination", "mission_end"],
        "search_fields": ["spacecraft__name", "destination", "launch__name"],
        "list_select_related": ["spacecraft"],
    },
    m.Spacecraft: {
        "list_display": ["id", "name", "serial_number", "status", "in_space"],
        "list_filter": ["in_space", "status"],
    },
    m.Launch: {
        "list_display": ["id", "name", "net", "status"],
        "list_filter": ["status"],
        "date_hierarchy": "net",
        "ordering": ["-net"],
    },
    m.PayloadFlight: {"search_fields": ["payload__name", "destination"]},
    m.Rocket: {"search_fields": ["configuration__name"]},
    m.Landing: {"search_fields": ["landing_location__name", "description"]},
    m.ImageVariant: {"search_fields": ["image_url"]},
}

for model in apps.get_app_config("spaceflight").get_models():
    admin.site.register(model, curator_admin(model, **CUSTOM.get(model, {})))
