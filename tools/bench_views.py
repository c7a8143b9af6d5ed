"""The benchmark's URLs (tools/bench_settings.py): the product's, and reference views, DRF at
its cheapest, a constant dict through the same settings, middleware and app server as the real
endpoints: `bench/constant/` with the product's authentication and rate limits (LL2's),
`bench/constant-unthrottled/` with neither, and `bench/constant-and-a-fragment/?key=` as the
first, after reading one kept fragment from the database (the long tail's floor,
tools/bench_tail.py)."""

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from api.rendering import fragments


class ConstantView(APIView):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return Response({"id": 1, "name": "constant", "docked": True})


class UnthrottledConstantView(ConstantView):
    authentication_classes = []
    throttle_classes = []


class ConstantAndAFragmentView(ConstantView):
    """What a page no process holds in memory can't be answered without: one read of its
    fragment from the database."""

    def get(self, request, *args, **kwargs):
        fragments.stored([request.GET["key"]])
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("bench/constant/", ConstantView.as_view()),
    path("bench/constant-unthrottled/", UnthrottledConstantView.as_view()),
    path("bench/constant-and-a-fragment/", ConstantAndAFragmentView.as_view()),
    path("", include("config.urls")),
]
