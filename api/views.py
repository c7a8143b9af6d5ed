"""The views: one generic read-only viewset that every resource configures (api/resources/),
the throttle status, each version's OpenAPI schema, and the JSON 404 of a path that names
nothing."""

import hashlib
import threading
from datetime import timedelta
from textwrap import dedent

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, views, viewsets
from rest_framework.response import Response

from api.descriptions import describe
from api.rendering import from_fragments, render
from api.rendering.fragments import kept
from api.schema import ResourceSchema
from api.serving import lists
from api.serving.responses import respond, snapshot
from api.serving.throttling import usage
from api.shapes import SHAPES, APIThrottle, modes


class Resource(viewsets.ReadOnlyModelViewSet):
    """A resource's list and `{id}/`, filtered, searched, ordered and rendered in the shape of
    the request's version and mode. A subclass says which resource (`resource`, its path under
    a version, which names its rows in the shape table api/shapes/), its rows (`queryset`),
    `filterset_class`, `search_fields` and `ordering_fields`, its title, and the example
    queries its description shows (`examples`, api/descriptions.py)."""

    resource = ""
    view_title = ""
    http_method_names = ["get"]
    schema = ResourceSchema()
    filterset_class = None
    search_fields = []
    ordering_fields = ["id"]
    # LL2 leaves the default order undefined; ours is fixed, so that offset pages are stable.
    ordering = ["id"]
    examples = {}
    # A resource whose rows change with the clock (upcoming launches) is built again every
    # `period` seconds, besides after every write (api/serving/responses.py).
    period = None

    def get_view_name(self):
        return f"{self.view_title} {self.suffix}" if self.suffix else self.view_title

    def describe(self):
        """The description LL2's page shows, as markdown (also our OpenAPI's)."""
        return describe(self)

    def get_view_description(self, html=False):
        self.description = self.describe()
        return super().get_view_description(html)

    # Where LL2's list answers in fewer shapes than its `{id}/` (a 2.2.0 location's list is
    # never detailed): the modes a list answers in.
    list_modes = None

    @property
    def modes(self):
        available = modes(self.request.version, self.resource)
        if self.list_modes is None or self.action == "retrieve":
            return available
        return [mode for mode in available if mode in self.list_modes]

    @property
    def mode(self):
        """`{id}/` is detailed; a list as `?mode=` says, else normal (or its only mode)."""
        available = self.modes
        default = "normal" if "normal" in available else available[0]
        if self.action == "retrieve":
            return "detailed" if "detailed" in available else default
        asked = self.request.query_params.get("mode")
        return asked if asked in available else default

    def get_serializer_class(self):
        return SHAPES[(self.request.version, self.resource, self.mode)]

    def render(self, rows, live=False):
        """Rows in the request's shape (api/rendering/): the same JSON as DRF's serializer."""
        return render(self.request, rows, self.get_serializer_class(), live)

    def answer(self, request, build, listed=False):
        """JSON through the response cache (api/serving/responses.py); the browsable page as
        DRF's."""
        if request.accepted_renderer.format == "json":
            return respond(request, build, period=self.period, listed=listed)
        with snapshot():
            return Response(build(live=False))

    def list(self, request, *args, **kwargs):
        def build(live):
            rows = self.filter_queryset(self.get_queryset())
            if from_fragments(self.get_serializer_class(), live) and not rows.query.annotations:
                # Objects made from their fragments need only the page's ids: the database
                # orders them from an index alone where one holds the keys (SQLite reads no
                # row of the 8,107 that `search=ISS` finds at 100,000 events).
                rows = rows.only("pk")
            page = self.paginate_queryset(rows)
            return self.get_paginated_response(self.render(page, live)).data

        # Rendered again by writers (api/serving/lists.py) where its rows don't follow the clock.
        listed = (
            self.period is None
            and bool(self.modes)
            and kept(self.get_serializer_class()) == "always"
            and lists.keepable(request, self.filterset_class)
        )
        return self.answer(request, build, listed)

    def retrieve(self, request, *args, **kwargs):
        return self.answer(request, lambda live: self.render([self.get_object()], live)[0])


class Upcoming:
    """A resource's list by the clock (`clock`: its date-time column): what is to come and what
    came in the last 24 hours, as LL2's upcoming lists. It changes with the clock, not only
    with the data: the cached pages are built again every `period` seconds."""

    period = 60

    def get_queryset(self):
        since = timezone.now() - timedelta(hours=24)
        return super().get_queryset().filter(**{f"{self.clock}__gte": since})


class Previous:
    """What is already past, newest first; built again with the clock, as upcoming lists."""

    period = 60

    @property
    def ordering(self):
        return [f"-{self.clock}"]

    def get_queryset(self):
        return super().get_queryset().filter(**{f"{self.clock}__lt": timezone.now()})


class Legacy(Resource):
    """2.0.0 and 2.2.0 share their resources; the version picks the shapes. Their pages show
    LL2's docstrings of the time, the version in their examples."""

    def describe(self):
        return dedent(self.__class__.__doc__).strip().replace("{version}", self.request.version)


class ThrottleStatusView(views.APIView):
    """
    API endpoint that allows API Throttle information to be viewed.

    GET:
    Returns a range of information about your API access
    """

    http_method_names = ["get"]
    throttle_classes = []  # asking how much is left does not use any of it

    def get_view_name(self):
        return "API Throttle"

    @extend_schema(responses=APIThrottle)
    def get(self, request, *args, **kwargs):
        return Response(usage(request).as_ll2())


class SchemaView(SpectacularAPIView):
    """A version's OpenAPI schema. It changes only with the code, so it is generated once per
    process and version, rendered once per format, and served from memory with an ETag.
    Generating is serialised too: drf-spectacular's inspectors belong to the view classes
    (one `ResourceSchema` each), so two generations at once would describe one endpoint with
    another's view, or with none."""

    throttle_classes = []
    generating = threading.Lock()
    rendered = {}

    def _get_schema_response(self, request):
        renderer = request.accepted_renderer
        key = (self.api_version, renderer.media_type)
        found = self.rendered.get(key)
        if found is None:
            with self.generating:
                found = self.rendered.get(key)
                if found is None:
                    found = self.rendered[key] = self._render(request, renderer)
        body, etag = found
        response = get_conditional_response(request, etag=etag)
        if response is None:
            response = HttpResponse(body, content_type=renderer.media_type)
            filename = self._get_filename(request, self.api_version)
            response["Content-Disposition"] = f'inline; filename="{filename}"'
        response["ETag"] = etag
        return response

    def _render(self, request, renderer):
        generator = self.generator_class(urlconf=self.urlconf, api_version=self.api_version)
        document = generator.get_schema(request=request, public=self.serve_public)
        body = renderer.render(document, renderer_context={"request": request})
        return body, f'"{hashlib.sha256(body).hexdigest()[:32]}"'


class NotFoundView(views.APIView):
    """Any path under a version that names nothing: DRF's 404, in JSON or the browsable page."""

    http_method_names = ["get"]
    schema = None

    def get(self, request, *args, **kwargs):
        raise exceptions.NotFound()
