from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "LL2-compatible API"

    def ready(self):
        from api import schema, shapes
        from spaceflight.models import DockingEvent, DockingLocation

        for shape in shapes.SHAPES.values():
            schema.mark_nullable(shape, DockingEvent)
        for shape in shapes.DOCKING_LOCATION_SHAPES.values():
            schema.mark_nullable(shape, DockingLocation)
