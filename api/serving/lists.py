"""Lists' pages rendered on write: the pages readers ask for are rendered again by each write's
writer, once it has committed, so the first request after a write finds its page made.

A list's page shows rows any write may add, remove, reorder or change, so it depends on every
write (`ANY`, api/rendering/triggers.py): a write marks every kept page stale in its own
transaction, as it does an object's fragments. What a page costs the writer to render again is
that of a response made from its rows' fragments (api/rendering/fragments.py), which the
writer has rendered again first.

- A reader that builds a list's page (no page kept for it, or only a stale one) notes its URL
  (`wanted`): a stale row with no body, which nothing reads. A process builds a page once per
  data generation at most (the response cache keeps it), so it notes it as often.
- After each commit the writer renders again the `RENDERED_LISTS` pages most recently noted,
  among those noted in the last `RENDERED_LISTS_SECONDS`, through their view, in a snapshot,
  and keeps each under its URL (`keep`) unless a write came since that snapshot; the other
  stale pages are deleted. A page asked for all day is noted again once its last note is
  older than that: the first request after the next write builds it.
- Readers answer from a kept page before the view (api/serving/responses.py, `warm_answer`).

Which lists (`keepable`): those whose rows don't change with the clock (not the upcoming and
previous lists, nor a page asked with a filter by the clock, as `is_active`) in a shape kept
always (api/rendering/fragments.py, `kept`), in JSON, asked with no parameter the view doesn't
read (a page per made-up parameter would let any caller choose what writers render) and in
ASCII (a raw UTF-8 query string is not the URL a writer replays). A page is kept by its
absolute URL (scheme, host, path and query as asked): its links are the request's.

What a flood of lists costs: a small row per URL noted, deleted by the next write unless among
the `RENDERED_LISTS` most recent, and at most `RENDERED_LISTS` pages rendered per write,
whoever asked for them."""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone

from api.rendering import fragments
from api.rendering.triggers import ANY

log = logging.getLogger("api.lists")


# What a list's view reads besides its filters: the page, the shape, the format, the search and
# the order.
READ = frozenset({"limit", "offset", "mode", "format", "search", "ordering"})


def keepable(request, filterset):
    """Whether the page `request` asks of a list filtered by `filterset` may be kept whole."""
    if not request.META.get("QUERY_STRING", "").isascii():
        return False
    filters = filterset.base_filters if filterset is not None else {}
    for name in request.GET:
        if name not in READ and name not in filters:
            return False
        if getattr(filters.get(name), "follows_clock", False):
            return False
    return True


def rendering_on_write(request):
    """Whether `request` is a writer's, rendering a page again (`render`): neither counted
    nor limited, nor answered from the response cache."""
    return getattr(getattr(request, "_request", request), "rendered_on_write", False)


def wanted(url):
    """Note that a reader built `url`'s page; never waits for a lock (see fragments.store)."""
    from api.models import Fragment

    now = timezone.now()
    try:
        with fragments.without_waiting():
            Fragment.objects.bulk_create(
                [
                    Fragment(
                        key=fragments.list_key(url),
                        body=b"",
                        stale=True,
                        built=now,
                        url=url,
                        asked=now,
                    )
                ],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["asked"],
            )
    except DatabaseError:
        pass  # locked, or a database not yet migrated this far: the writer doesn't render it


def keep(url, template, read):
    """Keep the page a writer rendered from a snapshot that read the tick `read`."""
    key = fragments.list_key(url)
    fragments.store(
        {key: (template.marked(), {ANY})}, read, urls={key: url}, etags={key: template.etag}
    )


def rebuild_stale():
    """Render again the stale pages readers asked for most recently; delete the others. How
    many were rendered and kept."""
    from api.models import Fragment

    stale = Fragment.objects.filter(stale=True, url__isnull=False)
    since = timezone.now() - timedelta(seconds=settings.RENDERED_LISTS_SECONDS)
    chosen = list(
        stale.filter(asked__gte=since)
        .order_by("-asked", "key")
        .values_list("key", "url")[: settings.RENDERED_LISTS]
    )
    others = stale.exclude(key__in=[key for key, _ in chosen]).values_list("key", flat=True)
    fragments.delete(list(others), stale_only=True)
    for _, url in chosen:
        render(url)
    return Fragment.objects.filter(key__in=[key for key, _ in chosen], stale=False).count()


def render(url):
    """`url`'s page, made through its view as a reader's request would (its host and scheme,
    no credentials), kept by the view (api/serving/responses.py)."""
    parts = urlsplit(url)
    request = RequestFactory().get(
        f"{parts.path}?{parts.query}", HTTP_HOST=parts.netloc, secure=parts.scheme == "https"
    )
    request.rendered_on_write = True
    try:
        match = request.resolver_match = resolve(parts.path)  # the version is its namespace
        match.func(request, *match.args, **match.kwargs)
    except Exception:  # noqa: BLE001 - a page not rendered is built by its next reader
        log.exception("rendering %s again failed", url)
