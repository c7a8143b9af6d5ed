"""Settings come from the environment, and from `.env` beside manage.py for what the
environment doesn't set (see .env.example); the defaults run a local SQLite server."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from environs import Env
from whitenoise.compress import Compressor

from config.startup import (  # noqa: F401 - config/wsgi.py imports require_production_secret here
    DEVELOPMENT_SECRET_KEY,
    refuse_bad_rates,
    require_production_secret,
)

BASE_DIR = Path(__file__).resolve().parent.parent

# The server, manage.py commands (the README's cron line for sync_ll2) and the tests read the
# same file, so they use the same database. Variables already set win over the file.
env = Env()
env.read_env(os.environ.get("ENV_FILE", BASE_DIR / ".env"), recurse=False)

DEBUG = env.bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", "") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])


INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "spaceflight",
    "api",
    "ingest",
    "pages",
    "axes",
]

MIDDLEWARE = [
    "api.serving.middleware.HealthCheck",
    "api.serving.middleware.RequestGuard",
    # The browsable pages; JSON bodies are compressed (once per generation) by
    # api/serving/responses.py.
    "api.serving.middleware.GZipPages",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "api.serving.middleware.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "api.serving.middleware.WarmAnswers",
]

# The admin's login throttle (django-axes): an address with this many failed logins in a row is
# refused, right password or not, until it has tried nothing for the cool-off (or
# `manage.py axes_reset_ip ADDRESS`). By address only: a lockout by user name would let anyone
# lock the curator out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "api.admin_login.login_address"
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOGIN_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = "Too many failed logins from your address: try again later."

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", "") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # A new connection costs a request some 8 ms on PostgreSQL: kept for ten minutes.
        conn_max_age=env.int("DB_CONN_MAX_AGE", 600),
        # A connection a database restart broke is replaced at the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers never wait for a writer (an import), and a writer waits for another
    # writer up to the timeout instead of failing at once. The file is read through a memory
    # map (SQLITE_MMAP_BYTES of it), not a read per 4 KB page: a kept page of 100 detailed
    # events (1.2 MB) is read in 0.08 ms instead of 1.3-1.9.
    SQLITE_MMAP_BYTES = env.int("SQLITE_MMAP_BYTES", 1024**3)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA mmap_size={SQLITE_MMAP_BYTES};"
        ),
        "timeout": 20,
    }
# Each PostgreSQL connection prepares the read of a kept fragment once, planned no more (it was a
# third of the read's time: api/rendering/fragments.py). Off behind a pooler that hands one
# server connection to several clients (PgBouncer in transaction or statement mode, whatever
# its version: it keeps the protocol's prepared statements, not SQL's `PREPARE`).
DB_PREPARED_STATEMENTS = env.bool("DB_PREPARED_STATEMENTS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis in production, two servers: REDIS_URL holds the rate-limit counters (persistent, never
# evicted), CACHE_REDIS_URL the responses every process shares (no persistence, a memory limit
# with eviction): a flood of cached responses can't evict a counter or fill the counters' disk.
# Without CACHE_REDIS_URL each process caches in its own memory only. Short timeouts: when
# either fails, requests are answered without it (api/serving/degrade.py).
REDIS_URL = env.str("REDIS_URL", "")
CACHE_REDIS_URL = env.str("CACHE_REDIS_URL", "")
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", "docking")
CACHES = {
    "default": (
        {
            "BACKEND": "api.serving.cache.RedisStore",
            "LOCATION": CACHE_REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
            # What Redis keeps is compressed (api/serving/cache.py, `Compressed`): a process
            # of an earlier release, during a rolling deploy, reads other keys than this
            # release's, never a value it can't read.
            "VERSION": 2,
        }
        if CACHE_REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The response cache (api/serving/responses.py) is keyed by the data generation, a row of the
# database, so it is never stale whichever process wrote: each process keeps its recent responses in
# memory, and with Redis they are shared too.
RESPONSE_CACHE = env.bool("RESPONSE_CACHE", True)
RESPONSE_CACHE_SECONDS = env.int("RESPONSE_CACHE_SECONDS", 3600)
# Each object's JSON kept in the database from a read to the next write that changes it, and
# rendered again by that write (api/rendering/fragments.py), within FRAGMENT_BYTES in all.
RENDER_FRAGMENTS = env.bool("RENDER_FRAGMENTS", True)
FRAGMENT_BYTES = env.int("FRAGMENT_BYTES", 2 * 1024**3)
# After each write, its writer renders again the list pages readers asked for in the last
# RENDERED_LISTS_SECONDS, the RENDERED_LISTS most recently asked (api/serving/lists.py).
RENDERED_LISTS = env.int("RENDERED_LISTS", 32)
RENDERED_LISTS_SECONDS = env.int("RENDERED_LISTS_SECONDS", 3600)
RESPONSE_MEMORY_BYTES = env.int("RESPONSE_MEMORY_BYTES", 64 * 1024 * 1024)
# Each process keeps the last KEPT_COUNTS lists' counts for the data generation they were
# counted in (api/serving/counts.py); 0: every page counts its rows.
KEPT_COUNTS = env.int("KEPT_COUNTS", 10000)
# On PostgreSQL each process LISTENs for new generations (spaceflight/changes.py) instead of
# reading the generation per request. Off behind a pooler that can't hold a LISTEN (PgBouncer in
# transaction mode): then one query per request.
GENERATION_LISTEN = env.bool("GENERATION_LISTEN", True)


def counter_file(database):
    """The default counter file of a database: counters belong to one deployment, so two
    servers started from one checkout on different databases don't share their windows."""
    where = "|".join(str(database.get(part, "")) for part in ("ENGINE", "HOST", "PORT", "NAME"))
    return BASE_DIR / f"throttle-counters-{hashlib.sha256(where.encode()).hexdigest()[:12]}.sqlite3"


# Rate-limit counters without Redis, or while it is down: a SQLite file every process of this
# host shares (api/serving/throttling.py).
THROTTLE_COUNTER_FILE = env.path("THROTTLE_COUNTER_FILE", counter_file(DATABASES["default"]))

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Without collectstatic (runserver, tests), serve the apps' static files as they are.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False
# Source maps, fetched only by a browser's developer tools, are served as they are: the API
# docs' bundles carry 7 MB of them, whose compression was half of every collectstatic.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# The API is public and read-only: any origin may GET it (as LL2's).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/2\.\d+\.\d+/.*$"
CORS_ALLOW_METHODS = ["GET"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 0)
# Browsers send secure cookies back over HTTPS only: over plain HTTP (`make serve` without a TLS
# proxy) the admin's login would fail with them, so they follow TLS unless SECURE_COOKIES says.
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", BEHIND_TLS_PROXY)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True

REST_FRAMEWORK = {
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.NamespaceVersioning",
    "ALLOWED_VERSIONS": ["2.0.0", "2.2.0", "2.3.0"],
    "DEFAULT_RENDERER_CLASSES": [
        "api.serving.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.serving.throttling.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["api.serving.throttling.LL2Throttle"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "api.serving.pagination.LimitOffset",
    "DEFAULT_FILTER_BACKENDS": [
        "api.filters.AskedFilters",
        "api.filters.BoundedSearch",
        "api.filters.NullsLikePostgresOrdering",
    ],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ReadOnlySchema",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%SZ",
    # Client addresses come from X-Forwarded-For behind this many proxies (0: REMOTE_ADDR).
    "NUM_PROXIES": env.int("NUM_PROXIES", 0),
}

# LL2's free tier: 15 requests an hour for an anonymous address; API keys carry their own rate.
THROTTLE_ANON_RATE = env.str("THROTTLE_ANON_RATE", "15/hour")
THROTTLE_KEY_RATE = env.str("THROTTLE_KEY_RATE", "1000/hour")
# Pages and feeds, per address, in windows of their own (pages/limits.py): a person browsing,
# and calendar services and feed readers polling from shared addresses (a 304 is not counted).
THROTTLE_PAGE_RATE = env.str("THROTTLE_PAGE_RATE", "600/hour")
THROTTLE_FEED_RATE = env.str("THROTTLE_FEED_RATE", "3600/hour")
refuse_bad_rates(
    THROTTLE_ANON_RATE=THROTTLE_ANON_RATE,
    THROTTLE_KEY_RATE=THROTTLE_KEY_RATE,
    THROTTLE_PAGE_RATE=THROTTLE_PAGE_RATE,
    THROTTLE_FEED_RATE=THROTTLE_FEED_RATE,
)
# A key allowed this many requests per window or more counts in leases taken from Redis
# (api/serving/throttling.py): never past its limit, possibly refused a few leases early.
THROTTLE_LEASE_FROM = env.int("THROTTLE_LEASE_FROM", 10_000)
# Cold builds of pages and feeds at once per process (more wait, up to PAGE_BUILD_WAIT
# seconds, then 503): a flood of different pages leaves the other threads to the API.
PAGE_BUILDS = env.int("PAGE_BUILDS", 1)
PAGE_BUILD_WAIT = env.float("PAGE_BUILD_WAIT", 10.0)

SPECTACULAR_SETTINGS = {
    "TITLE": "Docking events API (Launch Library 2 compatible)",
    "DESCRIPTION": (
        "Launch Library 2's docking events, and the stations, spacecraft, flights, payloads, "
        "launches, agencies and places they lead to, in LL2's 2.0.0, 2.2.0 and 2.3.0 shapes, "
        "served from a local copy."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # 3.1 writes a nullable object as `oneOf: [{$ref}, {type: null}]`, which validators
    # understand; 3.0's `nullable` beside an `allOf` is read as not nullable by most.
    "OAS_VERSION": "3.1.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Keep enums inline (every shape's `response_mode` is its own one-value enum); tags by
    # resource family.
    "POSTPROCESSING_HOOKS": ["api.schema.family_tags"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "WARNING")},
}
