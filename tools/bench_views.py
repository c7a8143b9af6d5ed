"""The benchmark's URLs (tools/bench_settings.py): the product's, and a reference view, DRF at
its cheapest, a constant dict through the same settings, middleware and app server as the real
endpoints."""

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView


class ConstantView(APIView):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return Response({"id": 1, "name": "constant", "docked": True})


urlpatterns = [
    path("bench/constant/", ConstantView.as_view()),
    path("", include("config.urls")),
]
