from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from api import views
from api.resources import VERSIONS


def common(version):
    """What every version has besides its resources: throttle status and its schema."""
    return [
        path("api-throttle/", views.ThrottleStatusView.as_view(), name="api-throttle"),
        path(
            "schema/",
            views.SchemaView.as_view(api_version=version),
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


def version_urls(version):
    """A version's resources, their API root (the router's), and what every version has."""
    router = DefaultRouter()
    for resource in VERSIONS[version]:
        router.register(resource.resource, resource, basename=resource.resource)
    return router.urls + common(version)


urlpatterns = [
    *(
        path(f"{version}/", include((version_urls(version), "api"), namespace=version))
        for version in VERSIONS
    ),
    re_path(r"^\d+\.\d+\.\d+/.*/$", views.NotFoundView.as_view()),
]
