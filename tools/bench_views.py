"""The benchmark's URLs (tools/bench_settings.py): the product's, and two reference views, DRF
at its cheapest, a constant dict through the same settings, middleware and app server as the
real endpoints: `bench/constant/` with the product's authentication and rate limits (LL2's),
`bench/constant-unthrottled/` with neither."""

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView


class ConstantView(APIView):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return Response({"id": 1, "name": "constant", "docked": True})


class UnthrottledConstantView(ConstantView):
    authentication_classes = []
    throttle_classes = []


urlpatterns = [
    path("bench/constant/", ConstantView.as_view()),
    path("bench/constant-unthrottled/", UnthrottledConstantView.as_view()),
    path("", include("config.urls")),
]
