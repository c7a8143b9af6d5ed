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


urlpatterns = [
    path("2.3.0/", include((v2_3_0(), "api"), namespace="2.3.0")),
]
