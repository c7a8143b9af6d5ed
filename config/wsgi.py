import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from config.settings import require_production_secret  # noqa: E402 - after Django is set up

require_production_secret()

# What a server process loads to serve (the views and the shapes they import, with the URLs)
# stays for its whole life: frozen, it is left out of the collector's full passes, each of
# which would otherwise walk all of it (65 ms at 600 events, the process's threads stopped)
# as responses kept in memory pile up.
import_module(settings.ROOT_URLCONF)
gc.collect()  # what loading left unreachable is freed, not frozen
gc.freeze()
