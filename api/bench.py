"""The benchmark's reference view (`BENCH_VIEWS=1` only): DRF at its cheapest, a constant dict
through the same settings, middleware and app server as the real endpoints."""

from rest_framework.response import Response
from rest_framework.views import APIView


class ConstantView(APIView):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        return Response({"id": 1, "name": "constant", "docked": True})
