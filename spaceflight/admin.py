"""The curator admin: every model editable, searchable by name, relations picked by id.

An object a curator saves is marked `Curated`: imports and the mirror leave its values alone
until the mark is removed ("Release to the mirror", on its list or on the curated list).
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from spaceflight import models as m
from spaceflight.statistics import derive


def marked_ids(model, pks=None):
    """The primary keys (as text) of `model`'s curated objects, among `pks` if given."""
    marks = m.Curated.objects.filter(model=model._meta.label_lower)
    if pks is not None:
        marks = marks.filter(object_id__in=[str(pk) for pk in pks])
    return set(marks.values_list("object_id", flat=True))


def released_message(count):
    return f"{count} object(s) released: the next import or sync restores LL2's values."


class CuratedMarks(ChangeList):
    """Rows that know whether they are curated: one query per page, not one per row."""

    def get_results(self, request):
        super().get_results(request)
        marked = marked_ids(self.model, [row.pk for row in self.result_list])
        for row in self.result_list:
            row.is_curated = str(row.pk) in marked


class IsCurated(admin.SimpleListFilter):
    title = "curated"
    parameter_name = "curated"

    def lookups(self, request, model_admin):
        return [("yes", "Curated"), ("no", "Mirrored")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=marked_ids(queryset.model))
        if self.value() == "no":
            return queryset.exclude(pk__in=marked_ids(queryset.model))
        return queryset


class MirroredAdmin(admin.ModelAdmin):
    """The admin of a model the importer writes: a curator's save marks the object curated."""

    actions = ["release"]

    def get_changelist(self, request, **kwargs):
        return CuratedMarks

    def get_list_display(self, request):
        return [*super().get_list_display(request), "curated"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), IsCurated]

    @admin.display(boolean=True, description="curated")
    def curated(self, obj):
        return obj.is_curated

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        m.Curated.objects.update_or_create(
            model=obj._meta.label_lower, object_id=str(obj.pk), defaults={}
        )

    # The statistics counted over our data follow a curator's edit (spaceflight/statistics.py).
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        derive()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        derive()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        derive()

    @admin.action(description="Release to the mirror")
    def release(self, request, queryset):
        label = queryset.model._meta.label_lower
        pks = [str(pk) for pk in queryset.values_list("pk", flat=True)]
        released, _ = m.Curated.objects.filter(model=label, object_id__in=pks).delete()
        derive()
        self.message_user(request, released_message(released))


class CuratedAdmin(admin.ModelAdmin):
    list_display = ["model", "object_id", "object_link", "marked_at"]
    list_filter = ["model"]
    search_fields = ["object_id"]
    ordering = ["-marked_at"]
    actions = ["release"]

    @admin.display(description="object")
    def object_link(self, mark):
        app_label, _, model_name = mark.model.partition(".")
        try:
            url = reverse(f"admin:{app_label}_{model_name}_change", args=[mark.object_id])
        except NoReverseMatch:
            return "-"
        return format_html('<a href="{}">{}</a>', url, mark)

    @admin.action(description="Release to the mirror")
    def release(self, request, queryset):
        released, _ = queryset.delete()
        self.message_user(request, released_message(released))


def curator_admin(model, base=MirroredAdmin, **options):
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
    return type(f"{model.__name__}Admin", (base,), {**defaults, **options})


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

admin.site.register(m.Curated, CuratedAdmin)
admin.site.register(m.DataGeneration, curator_admin(m.DataGeneration, base=admin.ModelAdmin))
for model in apps.get_app_config("spaceflight").get_models():
    if model not in (m.Curated, m.DataGeneration):
        admin.site.register(model, curator_admin(model, **CUSTOM.get(model, {})))
