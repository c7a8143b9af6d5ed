"""Request rates (`15/hour`): one grammar for the settings, the admin and `create_api_key`.

A rate the throttle can't read would turn every request it applies to into a 500, and a count
below 1 would refuse them all forever; both are refused where a rate is written.
"""

import re
from functools import lru_cache

from django.core.exceptions import ValidationError

DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# DRF's periods (read by their first letter), spelled out; a count from 1 to 10^9 - 1.
RATE = re.compile(r"([1-9][0-9]{0,8})/(s|sec|second|m|min|minute|h|hour|d|day)s?")


# Read per request (a key's rate): the few rates in use are parsed once.
@lru_cache(maxsize=1024)
def parse_rate(rate):
    """`"15/hour"` → `(15, 3600)`; an empty rate means no limit. ValueError if it isn't one."""
    if not rate:
        return None, None
    match = RATE.fullmatch(rate.strip())
    if match is None:
        raise ValueError(
            f"not a rate like 1000/hour (1 or more requests per second, minute, hour or "
            f"day): {rate!r}"
        )
    count, period = match.groups()
    return int(count), DURATIONS[period[0]]


def validate_rate(value):
    """Django validator (model and form fields, `create_api_key`): ValidationError if `value`
    is neither empty nor a rate."""
    try:
        parse_rate(value)
    except ValueError as error:
        raise ValidationError(str(error), code="invalid_rate") from None
