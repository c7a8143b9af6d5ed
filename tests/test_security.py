"""Production safety: CORS for GET, security headers, and no default secret."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import factories

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).parent.parent
SECRET = "Kq3vZ8-w1xT7_pLm4Rj9sN2bYc6HdE0f"  # 32 characters, all distinct


def test_api_is_open_to_any_origin_for_get(api):
    factories.docking(1)
    response = api.get("/2.3.0/docking_events/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_browsers_may_send_an_api_key_across_origins(api):
    response = api.options(
        "/2.3.0/docking_events/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET"
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_admin_is_not_open_to_other_origins(api):
    response = api.get("/admin/login/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_security_headers(api):
    response = api.get("/2.3.0/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def start_env(**env):
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL")
    }
    clean.update(DJANGO_SETTINGS_MODULE="config.settings", ENV_FILE="/nonexistent/.env")
    return {**clean, **env}


def start_wsgi(**env):
    return subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT,
        env=start_env(**env),
        capture_output=True,
        text=True,
    )


def test_server_refuses_to_start_without_a_secret_key():
    result = start_wsgi()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_server_starts_with_a_secret_key_or_in_debug():
    assert start_wsgi(SECRET_KEY=SECRET).returncode == 0
    assert start_wsgi(DEBUG="1").returncode == 0


def test_settings_are_read_from_the_env_file(tmp_path):
    """What `make run` writes (.env with a secret of its own) lets `manage.py runserver`, the
    server and cron jobs start with the same settings; the environment still wins."""
    env_file = tmp_path / ".env"
    database = tmp_path / "from-env-file.sqlite3"
    env_file.write_text(f"SECRET_KEY={SECRET}\nDATABASE_URL=sqlite:///{database}\n")
    show = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import config.wsgi; {show}"],
        cwd=ROOT,
        env={**start_env(), "ENV_FILE": str(env_file)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(database)
    overridden = start_env(DATABASE_URL="sqlite:////tmp/other.sqlite3", ENV_FILE=str(env_file))
    result = subprocess.run(
        [sys.executable, "-c", f"import config.wsgi; {show}"],
        cwd=ROOT,
        env=overridden,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "/tmp/other.sqlite3"


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", ["/2.3.0/docking_events/", "/admin/login/", "/", "/nowhere"])
def test_a_host_not_served_is_a_json_400_never_the_debug_page(api, settings, debug, path):
    settings.DEBUG = debug
    settings.ALLOWED_HOSTS = ["docking.example.org"]
    response = api.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "This server does not serve that host."}
    assert api.get(path, HTTP_HOST="docking.example.org").status_code != 400
