"""Live durations in rendered bodies: a flight still in space is rendered with a marker where
its `duration` goes (`live_marker`), and a `Template` fills the markers in with the duration
at the moment of each response, so a body can be cached and still count live."""

import hashlib
import re
from datetime import UTC, datetime, timedelta

import isodate
from django.utils import timezone

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
LIVE = re.compile(rb'"\\u0000live:(-?\d+)"')


def live_marker(start):
    """What the renderer writes for a live duration: the start, in whole microseconds."""
    return f"\x00live:{(start - EPOCH) // MICROSECOND}"


class Template:
    """A rendered body cut at its live durations: `parts[0] start parts[1] start ...`."""

    def __init__(self, body, etag=None):
        """`etag`: of a body known to have no live value (a list's page kept with its ETag):
        neither cut nor hashed again."""
        pieces = [body] if etag else LIVE.split(body)
        self.parts = pieces[0::2]
        self.size = len(body)
        self.starts = [EPOCH + int(us) * MICROSECOND for us in pieces[1::2]]
        self.etag = etag or (None if self.starts else f'"{hashlib.sha1(body).hexdigest()}"')
        # The body in content codings, made once per coding (api/serving/responses.py).
        self.encoded = {}

    def marked(self):
        """The body as rendered, its markers in place."""
        out = [self.parts[0]]
        for start, part in zip(self.starts, self.parts[1:], strict=True):
            out.append(b'"\\u0000live:%d"' % ((start - EPOCH) // MICROSECOND))
            out.append(part)
        return b"".join(out)

    def fill(self):
        if not self.starts:
            return self.parts[0]
        now = timezone.now()
        out = [self.parts[0]]
        for start, part in zip(self.starts, self.parts[1:], strict=True):
            out.append(b'"' + isodate.duration_isoformat(now - start).encode() + b'"')
            out.append(part)
        return b"".join(out)
