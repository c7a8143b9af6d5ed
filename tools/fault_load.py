"""Load for the fault tests: one GET that never raises, and a bounded loop of them that records
every answer with its times."""

import itertools
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field


@dataclass
class Answer:
    url: str
    started: float
    ended: float
    status: int  # 0: no HTTP answer (refused, reset, timed out)
    headers: dict = field(default_factory=dict)  # names in lower case
    body: bytes = b""


def fetch(url, headers=None, timeout=15):
    """One GET, never raising: an `Answer` (times from time.monotonic())."""
    started = time.monotonic()
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, got, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, got, body = error.code, error.headers, error.read()
    except (OSError, urllib.error.URLError) as error:
        status, got, body = 0, {}, repr(error).encode()
    headers = {name.lower(): value for name, value in got.items()}
    return Answer(url, started, time.monotonic(), status, headers, body)


class Load:
    """`threads` threads GET `url_for(i)` for i = 0, 1, 2... (pausing `interval` seconds after
    each) until `seconds` pass, `limit` requests are sent or `stop()`: bounded, it stops by
    itself. `answers` holds them all."""

    def __init__(self, url_for, threads=8, seconds=8.0, limit=20000, headers=None, interval=0.0):
        self.url_for = url_for
        self.interval = interval
        self.threads = threads
        self.seconds = seconds
        self.limit = limit
        self.headers = headers
        self.answers = []
        self._numbers = itertools.count()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = []

    def _run(self):
        deadline = self.started + self.seconds
        while not self._stop.is_set() and time.monotonic() < deadline:
            with self._lock:
                number = next(self._numbers)
            if number >= self.limit:
                return
            answer = fetch(self.url_for(number), self.headers)
            with self._lock:
                self.answers.append(answer)
            if self.interval:
                self._stop.wait(self.interval)

    def start(self):
        self.started = time.monotonic()
        self._workers = [
            threading.Thread(target=self._run, daemon=True) for _ in range(self.threads)
        ]
        for worker in self._workers:
            worker.start()
        return self

    def stop(self):
        self._stop.set()
        self.join()

    def join(self):
        for worker in self._workers:
            worker.join(timeout=self.seconds + 30)
        assert not any(worker.is_alive() for worker in self._workers), "load threads hang"

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def poller(url, interval=0.2, seconds=60.0):
    """One thread GETting `url` every `interval` seconds (at most `seconds`): a `Load`."""
    return Load(lambda _: url, threads=1, seconds=seconds, interval=interval)
