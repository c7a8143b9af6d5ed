"""Redis is a speed-up, never a dependency: when it fails, answer without it.

The response cache then builds from the database, and the rate limits count in the host's
own counter file (api/serving/throttling.py). After a failure Redis is left alone for a few seconds,
so an outage costs one failed call per process every few seconds, not one per request; each
such failure is logged, and `/health/` reports the service as degraded meanwhile.
"""

import logging
import time

from redis.exceptions import RedisError

log = logging.getLogger("api.serving.degrade")

RETRY_AFTER_SECONDS = 5.0


class Guard:
    def __init__(self, name):
        self.name = name
        self.down_until = 0.0

    @property
    def degraded(self):
        return time.monotonic() < self.down_until

    def call(self, operation, fallback):
        """`operation()`, or `fallback()` while the service is down or when it fails."""
        if self.degraded:
            return fallback()
        try:
            return operation()
        except (RedisError, OSError) as error:
            self.down_until = time.monotonic() + RETRY_AFTER_SECONDS
            log.warning(
                "%s unavailable (%s: %s); serving without it for %.0f s",
                self.name,
                error.__class__.__name__,
                error,
                RETRY_AFTER_SECONDS,
            )
            return fallback()


redis_guard = Guard("Redis (rate-limit counters)")
cache_guard = Guard("Redis (response cache)")
