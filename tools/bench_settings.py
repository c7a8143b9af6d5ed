"""The benchmark server's settings: the product's, plus a reference view (tools/bench_views.py)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "tools.bench_views"
