"""HTTP to the upstream (httpx): where requests may go (its origin alone: the API key is never
sent elsewhere), how many a run sends, how long each may take and how large its answer may be,
retries, and waiting as the upstream asks, as long as a run may wait."""

import ipaddress
import math
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

import httpx
from django.utils import timezone

from ingest.reader import MalformedDocument, json_events
from ingest.sync.body import MB, Deadline, Exchange, document
from ingest.sync.errors import BudgetSpent, Misconfigured, SyncStopped, WaitTooLong
from ingest.sync.plan import THROTTLE

# A full first mirror of the public LL2 is a few hundred requests, throttle reads included.
DEFAULT_MAX_REQUESTS = 1000
# LL2's limits reset within the hour: a longer wait is a broken or hostile upstream.
DEFAULT_MAX_WAIT = 3600
DEFAULT_TIMEOUT = 60
# A page of 100 detailed LL2 objects weighs a few MB at most.
DEFAULT_MAX_PAGE_MB = 20
MAX_REDIRECTS = 5
PORTS = {"http": 80, "https": 443}
# Names that only resolve on a local network, where plain HTTP is the rule.
LOCAL_SUFFIXES = (".localhost", ".local", ".lan", ".internal", ".home.arpa")


@dataclass
class Upstream:
    """The upstream at `base_url`: `answer` reads one within the run's bounds."""

    base_url: str
    api_key: str = ""
    max_requests: int = DEFAULT_MAX_REQUESTS
    retries: int = 5
    timeout: float = DEFAULT_TIMEOUT
    max_wait: float = DEFAULT_MAX_WAIT
    max_page_mb: float = DEFAULT_MAX_PAGE_MB
    sleep: object = time.sleep
    requests_used: int = 0
    slept: float = 0
    throttle_supported: bool = True
    # Called with each line worth showing an operator at once (a wait, a change of plan).
    say: object = None

    def __post_init__(self):
        parts = urllib.parse.urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Misconfigured(
                f"the base URL {self.base_url!r} is not an http(s) URL: "
                f"try {with_scheme(self.base_url)}"
            )
        self.origin = origin(httpx.URL(self.base_url))
        self.headers = {"Accept": "application/json", "Accept-Encoding": "identity"}
        if self.api_key:
            self.headers["Authorization"] = f"Token {self.api_key}"
        self.client = httpx.Client(
            timeout=self.timeout,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            event_hooks={"request": [self.stay_at_origin]},
        )

    def close(self):
        self.client.close()

    def stay_at_origin(self, request):
        """Refuse a redirect to another origin before it is sent: with the key it would give
        the key away, without it the answer would be another server's."""
        if origin(request.url) != self.origin:
            raise Misconfigured(
                f"{self.base_url} redirects to {request.url}, another origin: not followed (the "
                "API key goes to the base URL's origin alone); if that is the server to "
                "mirror, make it the --base-url"
            )

    def tell(self, line):
        if self.say:
            self.say(line)

    def url(self, path, params=None):
        query = f"?{urllib.parse.urlencode(sorted(params.items()))}" if params else ""
        return f"{self.base_url.rstrip('/')}{path}{query}"

    def obey(self, seconds, why):
        """Wait as the upstream asks; past `max_wait` the run stops and says when to resume."""
        if seconds > self.max_wait:
            later = timezone.now() + timedelta(seconds=min(seconds, 10**10))
            raise WaitTooLong(
                f"{why}: the upstream asks for a wait of {seconds:.0f} s, more than --max-wait "
                f"({self.max_wait:.0f} s): run again after {later:%Y-%m-%d %H:%M} UTC"
            )
        self.wait(seconds, why)

    def wait(self, seconds, why):
        self.tell(f"waiting {seconds:.0f} s: {why}")
        self.sleep(seconds)
        self.slept += seconds

    def spend(self):
        if self.requests_used >= self.max_requests:
            raise BudgetSpent(
                f"the budget of {self.max_requests} requests (--max-requests) is spent"
            )
        self.requests_used += 1

    @contextmanager
    def answer(self, path, params=None):
        """ijson's events of the JSON answer at `path`; SyncStopped, naming the URL, if it is
        not JSON, not UTF-8 or nested too deeply."""
        url = self.url(path, params)
        with self.download(url) as body:
            try:
                yield json_events(body, url)
            except MalformedDocument as error:
                raise SyncStopped(str(error)) from None

    def download(self, url):
        """The body of a 200 at `url`, in a file. A 429 waits as told; 5xx, timeouts and
        broken connections are retried with backoff; other answers are refusals."""
        failures = 0
        while True:
            self.spend()
            try:
                exchange = Exchange(self.client, url, self.headers, self.timeout, self.max_bytes)
                with exchange:
                    response = exchange.open()
                    status = response.status_code
                    if status == 200:
                        return exchange.save()
                    if status == 429:
                        self.obey(
                            retry_after(response.headers.get("Retry-After", "")), f"429 {url}"
                        )
                        continue
                    if status < 500:
                        raise Misconfigured(self.refusal(url, status, exchange.read(300)), status)
                    problem = f"HTTP {status}"
            except (httpx.TransportError, Deadline) as error:
                problem = f"{error.__class__.__name__}: {error}"
            except httpx.HTTPError as error:
                raise Misconfigured(f"{url}: {error}") from None
            failures += 1
            if failures > self.retries:
                raise SyncStopped(f"{url}: {problem}, {failures} times: giving up for now")
            self.wait(2 ** (failures - 1), f"{problem} on {url}")

    @property
    def max_bytes(self):
        return int(self.max_page_mb * MB)

    def refusal(self, url, status, head):
        if status in (401, 403):
            if self.api_key:
                return f"{url}: HTTP {status}: the upstream refused the API key"
            return f"{url}: HTTP {status}: the upstream wants an API key (--api-key)"
        if status == 404:
            return f"{url}: HTTP 404: the upstream has no such path; is the base URL right?"
        return f"{url}: HTTP {status}: {head!r}"

    def respect_limit(self):
        """Ask the upstream how much of its limit is left; wait when none is."""
        if not self.throttle_supported:
            return
        try:
            with self.answer(THROTTLE) as events:
                status = document(events)
        except Misconfigured as error:
            # An upstream without a throttle endpoint (an older server): 429s still pace us.
            if error.status != 404:
                raise
            self.throttle_supported = False
            return
        try:
            limit, used, wait = throttle_status(status)
        except ValueError as error:
            raise SyncStopped(f"{self.url(THROTTLE)}: not a throttle status: {error}") from None
        if limit is not None and used >= limit and wait > 0:
            self.obey(wait, f"{used} of {limit} requests used upstream")


def throttle_status(status):
    """`(limit, used, seconds to wait)` of an api-throttle answer; ValueError says what is
    wrong with it. A limit of None is no limit."""
    if not isinstance(status, dict):
        raise ValueError(f"expected an object, got {type(status).__name__}")
    limit = status.get("your_request_limit")
    values = (limit, status.get("current_use", 0), status.get("next_use_secs", 0))
    names = ("your_request_limit", "current_use", "next_use_secs")
    for name, value in zip(names, values, strict=True):
        if value is None and name == "your_request_limit":
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value < math.inf
        ):
            raise ValueError(f"{name} is {value!r:.40}, not a number from 0 up")
    return values


def retry_after(value):
    """The seconds a 429's `Retry-After` asks for; 60 when it gives no number."""
    return int(value) if value.strip().isdigit() else 60


def origin(url):
    return url.scheme, url.host, url.port or PORTS.get(url.scheme)


def with_scheme(base_url):
    """`base_url` with the scheme it most likely needs: plain HTTP for this machine and for
    private networks (a local server seldom has TLS), HTTPS for the rest."""
    rest = base_url.split("://")[-1]
    host = urllib.parse.urlsplit(f"//{rest}").hostname or rest
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        local = host == "localhost" or host.endswith(LOCAL_SUFFIXES) or "." not in host
    else:
        local = address.is_private or address.is_loopback or address.is_link_local
    return f"{'http' if local else 'https'}://{rest}"
