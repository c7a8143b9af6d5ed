"""Content codings of response bodies: brotli or gzip, as the client's `Accept-Encoding` allows.

A cached body is compressed once per data generation and coding (api/serving/responses.py keeps the
result beside the plain bytes); a body with live durations changes every moment, so it is
compressed per response.
"""

import gzip

import brotli

COMPRESS = {
    "br": lambda data: brotli.compress(data, quality=5),
    "gzip": lambda data: gzip.compress(data, compresslevel=6, mtime=0),
}
# Django's GZipMiddleware leaves smaller bodies alone too: compressing them gains nothing.
MIN_SIZE = 200


def accepts(request, coding):
    """Does the client take `coding` (a weight above 0 for it, or for `*`)?"""
    weights = {}
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = item.strip().lower().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if name:
            weights[name] = weight
    return weights.get(coding, weights.get("*", 0.0)) > 0


def chosen(request, size):
    """The coding to answer with (`"br"`, `"gzip"`), or None for the plain body."""
    if size < MIN_SIZE:
        return None
    return next((coding for coding in COMPRESS if accepts(request, coding)), None)
