from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from api import views


def common(version):
    """What every version has besides its docking events: throttle status and its schema."""
    return [
        path("api-throttle/", views.ThrottleStatusView.as_view(), name="api-throttle"),
        path(
            "schema/",
            SpectacularAPIView.as_view(api_version=version, throttle_classes=[]),
            name="schema",
        ),
        path(
            "swagger/",
            SpectacularSwaggerView.as_view(url_name=f"{version}:schema", throttle_classes=[]),
            name="swagger",
        ),
        # Last: any other path under a version is DRF's JSON 404, not Django's HTML page.
        re_path(r"^.*/$", views.NotFoundView.as_view()),
    ]


def v2_3_0():
    router = DefaultRouter()
    router.register("docking_events", views.DockingEventViewSet, basename="docking_events")
    router.register(
        "config/docking_locations", views.DockingLocationViewSet, basename="docking_locations"
    )
    return router.urls + common("2.3.0")


def legacy(version):
    """2.0.0 and 2.2.0 share their paths; the version picks the shapes."""
    router = DefaultRouter()
    router.register("docking_event", views.LegacyDockingEventViewSet, basename="docking_event")
    return router.urls + common(version)


urlpatterns = [
    path("2.0.0/", include((legacy("2.0.0"), "api"), namespace="2.0.0")),
    path("2.2.0/", include((legacy("2.2.0"), "api"), namespace="2.2.0")),
    path("2.3.0/", include((v2_3_0(), "api"), namespace="2.3.0")),
    re_path(r"^\d+\.\d+\.\d+/.*/$", views.NotFoundView.as_view()),
]
