"""The test run: the same settings, a fast password hasher, nothing from the environment needed."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
