"""What every request goes through before and around the views: health for load balancers,
clear 4xx answers to requests Django would refuse with a 500 under DEBUG, and 503 (not 500)
while the database can't be reached."""

import logging
import sqlite3

from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.middleware import common
from django.middleware.gzip import GZipMiddleware
from django.utils.http import escape_leading_slashes

from api.serving import encoding
from api.serving.health import health
from api.serving.responses import warm_answer

log = logging.getLogger("api")

# The database (or this host's throttle counters) is down, restarting or locked.
UNAVAILABLE = (OperationalError, InterfaceError, sqlite3.OperationalError)
RETRY_AFTER_SECONDS = 5


class HealthCheck:
    """`/health/` before anything looks at the `Host` header: load balancers often ask by
    IP address, which ALLOWED_HOSTS (rightly) does not list."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/health/":
            return health(request)
        return self.get_response(request)


class RequestGuard:
    """400 in JSON for a `Host` not in ALLOWED_HOSTS (Django answers it with its HTML page, and
    under DEBUG with the debug page and a traceback) and for a query string Django refuses to
    parse (more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters: under DEBUG DRF's error path
    fails on it with a 500). And 503 while the database is unavailable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost as error:
            # Logged as Django logs it; the answer doesn't echo the host back.
            logging.getLogger("django.security.DisallowedHost").warning(str(error))
            return JsonResponse({"detail": "This server does not serve that host."}, status=400)
        try:
            request.GET  # noqa: B018 - parsed here, where a refusal can still be answered
        except TooManyFieldsSent as error:
            return JsonResponse({"detail": str(error)}, status=400)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        log.error("database unavailable: %s: %s", exception.__class__.__name__, exception)
        response = JsonResponse(
            {"detail": "The database is not available right now; try again shortly."},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


class WarmAnswers:
    """The last middleware: an API answer already in the cache is sent from here, without
    resolving the URL or running DRF's view (api/serving/responses.py, `warm_answer`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = warm_answer(request)
        except UNAVAILABLE:
            response = None  # the view answers it: 503, as any request the database can't serve
        return response or self.get_response(request)


class CommonMiddleware(common.CommonMiddleware):
    """Django's, redirecting to the URL with a slash whatever the method and DEBUG. Under
    DEBUG Django raises instead for a POST (the redirect loses a body); this API takes no
    bodies, and `make run` must answer as production does: 301, then 405 at the new URL."""

    def get_full_path_with_slash(self, request):
        return escape_leading_slashes(request.get_full_path(force_append_slash=True))


class GZipPages(GZipMiddleware):
    """Django's gzip, for what api/serving/responses.py doesn't encode itself (the browsable pages),
    refusing where the client does: Django's looks for the word `gzip`, not its `q=0`."""

    def process_response(self, request, response):
        if not encoding.accepts(request, "gzip"):
            return response
        return super().process_response(request, response)
