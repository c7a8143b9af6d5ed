"""The test run: the same settings, a fast password hasher, no rate limit unless a test sets one."""

import atexit
import shutil
import tempfile
from pathlib import Path

from config.settings import *  # noqa: F403
from config.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
THROTTLE_ANON_RATE = ""
THROTTLE_KEY_RATE = ""
THROTTLE_PAGE_RATE = ""
THROTTLE_FEED_RATE = ""
# No collectstatic before tests: serve the apps' static files unhashed, from the apps.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None
# Tests roll their writes back instead of committing them, so a write would never replace the
# data generation: responses are cached only where a test asks for it (tests/test_cache.py).
RESPONSE_CACHE = False
# The same for lists' counts (on in tests/test_pagination.py).
KEPT_COUNTS = 0
# The same for fragments (on for the golden, link and fragment tests: tests/test_fragments.py).
RENDER_FRAGMENTS = False
# Each test run counts rate limits in a file of its own (tests/test_throttle.py: one per test),
# in a folder removed when the process ends (pytest and each of its xdist workers make one).
counters = Path(tempfile.mkdtemp(prefix="docking-tests-"))
atexit.register(shutil.rmtree, counters, ignore_errors=True)
THROTTLE_COUNTER_FILE = counters / "throttle.sqlite3"
