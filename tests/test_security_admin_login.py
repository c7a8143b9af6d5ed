"""The admin's login throttle (django-axes): failures lock out an address, not a user, and the
address is read as the rate limits read it (NUM_PROXIES)."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "the-right-password"


@pytest.fixture(autouse=True)
def curator(settings):
    settings.AXES_FAILURE_LIMIT = 5
    return User.objects.create_superuser("curator", "c@example.org", PASSWORD)


def log_in(password, **meta):
    """`(status, logged in)` of one login from a fresh browser."""
    client = Client(**meta)
    response = client.post(LOGIN, {"username": "curator", "password": password})
    return response.status_code, "_auth_user_id" in client.session


def fail(times, **meta):
    return [log_in("wrong", **meta)[0] for _ in range(times)]


def test_failures_lock_out_their_address_even_for_the_right_password():
    assert fail(6, REMOTE_ADDR="198.51.100.7") == [200] * 4 + [429] * 2

    assert log_in(PASSWORD, REMOTE_ADDR="198.51.100.7") == (429, False)
    # The curator, elsewhere, is not locked out by someone else's guesses.
    assert log_in(PASSWORD, REMOTE_ADDR="198.51.100.8") == (302, True)


def test_the_lockout_ends_after_the_cool_off(settings, frozen):
    with frozen("2025-01-01T00:00:00Z"):
        fail(5, REMOTE_ADDR="198.51.100.7")
    # 15 minutes by default, restarted by any try during the lockout (here until 00:29).
    with frozen("2025-01-01T00:14:00Z"):
        assert log_in(PASSWORD, REMOTE_ADDR="198.51.100.7") == (429, False)
    with frozen("2025-01-01T00:29:01Z"):
        assert log_in(PASSWORD, REMOTE_ADDR="198.51.100.7") == (302, True)


def test_axes_reset_ip_lets_the_curator_back_in_at_once():
    fail(5, REMOTE_ADDR="198.51.100.7")
    call_command("axes_reset_ip", "198.51.100.7", stdout=StringIO())
    assert log_in(PASSWORD, REMOTE_ADDR="198.51.100.7") == (302, True)


def test_a_success_forgets_the_failures_before_it():
    fail(4, REMOTE_ADDR="198.51.100.7")
    assert log_in(PASSWORD, REMOTE_ADDR="198.51.100.7") == (302, True)
    assert fail(5, REMOTE_ADDR="198.51.100.7") == [200] * 4 + [429]


def test_behind_proxies_the_client_is_read_from_x_forwarded_for(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    # What the client puts before the proxy's entry is not trusted: still one address.
    for forged in range(5):
        fail(1, **proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{forged}, 198.51.100.7")

    assert log_in(PASSWORD, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.7") == (429, False)
    # Another client through the same proxy is not locked out.
    assert log_in(PASSWORD, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.8") == (302, True)


@pytest.mark.parametrize("forwarded", ["unknown", "198.51.100.7:4711", ""])
def test_a_client_without_a_readable_address_shares_a_lockout(settings, forwarded):
    """Stored as no address (PostgreSQL checks the column): never a 500, and still throttled."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}
    assert fail(6, **proxy) == [200] * 4 + [429] * 2
    assert log_in(PASSWORD, **proxy) == (429, False)
    assert log_in(PASSWORD, REMOTE_ADDR="10.0.0.1") == (302, True)
