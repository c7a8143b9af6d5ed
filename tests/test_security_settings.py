"""The operator's settings: refused at start-up, in one line, when no server should run with
them (a placeholder or weak secret, a rate the throttle can't read), and the deploy check
clean behind TLS."""

import re
import secrets
import shutil
import subprocess
import sys

import pytest

from tests.test_security import ROOT, SECRET, start_env


def run(*args, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=start_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def refusal(result):
    """The one line a refused start printed."""
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def env_example_secret():
    (line,) = [
        x for x in (ROOT / ".env.example").read_text().splitlines() if x.startswith("SECRET_KEY=")
    ]
    return line.split("=", 1)[1]


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        (env_example_secret(), "SECRET_KEY is .env.example's placeholder"),
        ("x", "SECRET_KEY is too weak (1 characters, 1 distinct"),
        ("ab" * 25, "SECRET_KEY is too weak (50 characters, 2 distinct"),
        (SECRET[:31], "SECRET_KEY is too weak (31 characters, 31 distinct"),
        ("012345678" * 4, "SECRET_KEY is too weak (36 characters, 9 distinct"),
    ],
)
def test_serve_check_refuses_a_placeholder_or_weak_secret(secret, problem):
    line = refusal(run("-m", "config.serve", "--check", SECRET_KEY=secret))
    assert line.startswith(f"make serve: {problem}")
    assert "secrets.token_urlsafe" in line


def test_a_strong_secret_passes_and_debug_needs_none():
    assert run("-m", "config.serve", "--check", SECRET_KEY=SECRET).returncode == 0
    assert run("-m", "config.serve", "--check", SECRET_KEY="0123456789" * 4).returncode == 0
    assert run("-m", "config.serve", "--check", SECRET_KEY="x", DEBUG="1").returncode == 0


def test_the_wsgi_server_refuses_the_placeholder_too():
    result = run("-c", "import config.wsgi", SECRET_KEY=env_example_secret())
    assert result.returncode != 0
    assert "SECRET_KEY is .env.example's placeholder" in result.stderr


def test_the_env_file_make_writes_passes_the_check(tmp_path):
    """`make run` writes .env from .env.example with a random secret: `make serve` accepts it."""
    shutil.copy(ROOT / ".env.example", tmp_path / ".env.example")
    make = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "-C", str(tmp_path), ".env"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert make.returncode == 0, make.stderr
    assert env_example_secret() not in (tmp_path / ".env").read_text()
    result = subprocess.run(
        [sys.executable, "-m", "config.serve", "--check"],
        cwd=ROOT,
        env={**start_env(), "ENV_FILE": str(tmp_path / ".env")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "rate"),
    [
        ("THROTTLE_ANON_RATE", "abc"),
        ("THROTTLE_ANON_RATE", "10/x"),
        ("THROTTLE_KEY_RATE", "1e3/hour"),
        ("THROTTLE_KEY_RATE", "-1/hour"),
        ("THROTTLE_ANON_RATE", "0/hour"),
    ],
)
def test_a_bad_rate_setting_stops_manage_py_before_it_migrates(tmp_path, name, rate):
    database = tmp_path / "never.sqlite3"
    result = run("manage.py", "migrate", DATABASE_URL=f"sqlite:///{database}", **{name: rate})
    assert refusal(result).startswith(f"{name} is not a rate like 1000/hour")
    assert repr(rate) in result.stderr
    assert not database.exists()


def test_a_bad_rate_setting_stops_the_server():
    result = run("-m", "config.serve", "--check", SECRET_KEY=SECRET, THROTTLE_ANON_RATE="15/hr")
    assert refusal(result).startswith("THROTTLE_ANON_RATE is not a rate like 1000/hour")


def deploy_warnings(**env):
    result = run("manage.py", "check", "--deploy", SECRET_KEY=secrets.token_urlsafe(50), **env)
    assert result.returncode == 0, result.stderr
    return set(re.findall(r"\((security\.W\d+)\)", result.stdout + result.stderr))


def test_the_deploy_check_behind_tls():
    """Behind a TLS proxy: secure cookies, HTTPS redirect, the proxy's scheme trusted. What
    remains is the operator's choice for the whole domain (README, Production): HSTS for its
    subdomains (W005) and on browsers' preload list (W021)."""
    tls = deploy_warnings(
        BEHIND_TLS_PROXY="1", SECURE_HSTS_SECONDS="31536000", ALLOWED_HOSTS="docking.example.org"
    )
    assert tls == {"security.W005", "security.W021"}


def test_over_plain_http_cookies_stay_usable():
    """Without TLS (`make serve` alone) a secure cookie would never come back: no admin login."""
    plain = deploy_warnings(ALLOWED_HOSTS="docking.example.org")
    assert {"security.W012", "security.W016"} <= plain
    assert "security.W012" not in deploy_warnings(SECURE_COOKIES="1")
