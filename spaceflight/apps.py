from django.apps import AppConfig


class SpaceflightConfig(AppConfig):
    name = "spaceflight"
    verbose_name = "Spaceflight data"
