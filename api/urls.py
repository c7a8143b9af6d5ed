from django.urls import include, path
from rest_framework.routers import DefaultRouter

from api import views


def v2_3_0():
    router = DefaultRouter()
    router.register("docking_events", views.DockingEventViewSet, basename="docking_events")
    router.register(
        "config/docking_locations", views.DockingLocationViewSet, basename="docking_locations"
    )
    return router.urls


def legacy():
    """2.0.0 and 2.2.0 share their paths; the version picks the shapes."""
    router = DefaultRouter()
    router.register("docking_event", views.LegacyDockingEventViewSet, basename="docking_event")
    return router.urls


urlpatterns = [
    path("2.0.0/", include((legacy(), "api"), namespace="2.0.0")),
    path("2.2.0/", include((legacy(), "api"), namespace="2.2.0")),
    path("2.3.0/", include((v2_3_0(), "api"), namespace="2.3.0")),
]
