"""Settings no process may run with, refused before anything starts, each in one line."""

import sys

from django.core.exceptions import ImproperlyConfigured

from api.rates import parse_rate

DEVELOPMENT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"
# .env.example's: a copy that kept it signs sessions with a key anyone can read.
PLACEHOLDER_SECRET_KEY = "change-me-to-a-long-random-string"
MIN_SECRET_LENGTH = 32
MIN_SECRET_CHARACTERS = 10
MAKE_A_SECRET = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"


def refuse_bad_rates(**rates):
    """Called by the settings themselves: a rate the throttle can't read would make every
    request a 500, so no manage.py command, test run or server starts with one."""
    for name, rate in rates.items():
        try:
            parse_rate(rate)
        except ValueError as error:
            sys.exit(f"{name} is {error}; leave it empty for no limit.")


def secret_key_problem(key):
    if key == DEVELOPMENT_SECRET_KEY:
        return "SECRET_KEY is not set"
    if key == PLACEHOLDER_SECRET_KEY:
        return "SECRET_KEY is .env.example's placeholder"
    if len(key) < MIN_SECRET_LENGTH or len(set(key)) < MIN_SECRET_CHARACTERS:
        return (
            f"SECRET_KEY is too weak ({len(key)} characters, {len(set(key))} distinct; at "
            f"least {MIN_SECRET_LENGTH} and {MIN_SECRET_CHARACTERS} are needed)"
        )
    return None


def require_production_secret():
    """Called where a server starts (config/wsgi.py, `python -m config.serve --check`):
    outside DEBUG, a secret of this server's own."""
    from django.conf import settings

    problem = None if settings.DEBUG else secret_key_problem(settings.SECRET_KEY)
    if problem:
        raise ImproperlyConfigured(
            f"{problem}. Outside DEBUG the server refuses to start without a random secret "
            f"of its own: set SECRET_KEY to the output of {MAKE_A_SECRET} (see .env.example), "
            f"or set DEBUG=1 for local development."
        )
