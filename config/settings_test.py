"""The test run: the same settings, a fast password hasher, no rate limit unless a test sets one."""

from config.settings import *  # noqa: F403
from config.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
THROTTLE_ANON_RATE = ""
THROTTLE_KEY_RATE = ""
# No collectstatic before tests: serve the apps' static files unhashed, from the apps.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None
