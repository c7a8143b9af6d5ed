import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


class WholeBodies:
    """Django's WSGI application, handing a body it holds whole to the server as a one-item
    list. granian writes a list's bytes to the socket in one piece, where it pulls any other
    iterable chunk by chunk through a channel between threads; the bytes are the cached ones,
    not a copy (api/serving/responses.py). Streamed bodies (files, streaming responses) go as
    Django returns them. Django's end of request (its `request_finished`: connections and
    caches let go) runs before the list is returned, as the server would run it after."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        response = self.application(environ, start_response)
        if getattr(response, "streaming", True):
            return response
        body = response.content
        response.close()
        return [body]


application = WholeBodies(get_wsgi_application())

from config.settings import require_production_secret  # noqa: E402 - after Django is set up

require_production_secret()
