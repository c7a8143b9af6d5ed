"""Who the admin's login throttle (django-axes, AXES_CLIENT_IP_CALLABLE) counts failures for."""

import ipaddress

from api.serving.throttling import client_address


def login_address(request):
    """The address the rate limits read, when it is one: axes keeps it in an IP address column,
    which PostgreSQL checks. Callers without one (no REMOTE_ADDR, an X-Forwarded-For entry that
    isn't an address) share a lockout, as they share a rate-limit window."""
    try:
        return str(ipaddress.ip_address(client_address(request)))
    except ValueError:
        return None
