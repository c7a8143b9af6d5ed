"""Limits for pages and feeds, per address, on the API's shared counters
(api/serving/throttling.py), in windows of their own: browsing pages does not spend the API's 15
an hour, nor the API the pages'. Feeds have a higher limit than pages: calendar services and
feed readers poll from a few shared addresses for many people. An answer of 304 (nothing
changed) is not counted, so a reader that sends its validators costs its address almost nothing.

A request is checked before its work and counted after it, once its status is known:
requests of one address that run at the same moment can pass the limit by their number."""

from functools import wraps

from django.conf import settings

from api.rates import parse_rate
from api.serving.throttling import Usage, client_address, measure

RATES = {"page": "THROTTLE_PAGE_RATE", "feed": "THROTTLE_FEED_RATE"}


def _usage(request, kind, count):
    rate = getattr(settings, RATES[kind])
    return measure(Usage(f"{kind}:{client_address(request)}", *parse_rate(rate)), count)


def limited(kind, refuse):
    """A view within the `kind` limit; past it, `refuse(seconds)` answers (a 429)."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            found = _usage(request, kind, count=False)
            if found.limit is not None and found.current_use >= found.limit:
                return refuse(found.next_use_secs)
            response = view(request, *args, **kwargs)
            if response.status_code != 304:
                _usage(request, kind, count=True)
            return response

        return checked

    return decorate
