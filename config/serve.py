"""The production server (`make serve`): granian, serving config.wsgi.

granian reads requests in its own (Rust) event loop and hands only complete requests to the
Python threads, so idle and slow clients cost a socket, not a worker: a few hundred idle
connections don't delay anyone (tests/test_serve.py). gunicorn's sync and gthread workers
give each new connection a worker or thread until it sends its request.

    python -m config.serve           # serve
    python -m config.serve --check   # refuse at once, in one line, what can't be served
"""

import multiprocessing
import os
import sys

from granian import Granian
from granian.constants import Interfaces


def check():
    """Outside DEBUG, a secret of this server's own, and rates the throttle can read (the
    settings refuse bad ones): said before anything is migrated or loaded."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    django.setup()
    from config.startup import require_production_secret

    try:
        require_production_secret()
    except ImproperlyConfigured as error:
        sys.exit(f"make serve: {error}")


def serve():
    Granian(
        "config.wsgi:application",
        interface=Interfaces.WSGI,
        address=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
        workers=int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count())),
        blocking_threads=int(os.environ.get("WEB_THREADS", "4")),
        backlog=int(os.environ.get("WEB_BACKLOG", "1024")),
        log_access=os.environ.get("ACCESS_LOG", "1") == "1",
        respawn_failed_workers=True,
    ).serve()


if __name__ == "__main__":
    check()
    if "--check" not in sys.argv[1:]:
        serve()
