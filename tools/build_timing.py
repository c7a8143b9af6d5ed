"""In-process timing for the benchmark: build 100 detailed events from the database (page
query, loader, compiled shape) and write them with `orjson.dumps`; DRF's serializers on the
same loaded rows for comparison. Prints JSON: best of several runs, in milliseconds."""

import json
import time

import django

django.setup()

import orjson  # noqa: E402
from rest_framework.request import Request  # noqa: E402
from rest_framework.test import APIRequestFactory  # noqa: E402

from api.rendering import loader  # noqa: E402
from api.rendering.compile import Context, compile_shape  # noqa: E402
from api.rendering.links import Links  # noqa: E402
from api.shapes import SHAPES  # noqa: E402
from spaceflight.models import DockingEvent  # noqa: E402

RUNS = 15


def best(function):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def main():
    request = Request(
        APIRequestFactory().get(
            "/2.3.0/docking_events/?mode=detailed&limit=100", SERVER_NAME="127.0.0.1"
        )
    )
    request.version = "2.3.0"
    shape = SHAPES[("2.3.0", "docking_events", "detailed")]
    render = compile_shape(shape)

    def build():
        rows = list(DockingEvent.objects.order_by("docking", "id")[:100])
        loader.load(rows, shape)
        context = Context(Links(request))
        return rows, [render(row, context) for row in rows]

    build_ms, (rows, data) = best(build)
    orjson_ms, _ = best(lambda: orjson.dumps(data))
    drf_ms, _ = best(lambda: shape(rows, many=True, context={"links": Links(request)}).data)
    print(json.dumps({"build_ms": build_ms, "orjson_ms": orjson_ms, "drf_ms": drf_ms}))


if __name__ == "__main__":
    main()
