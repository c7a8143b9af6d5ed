"""One answer of the upstream, read within bounds (an overall deadline, a size cap, a nesting
cap) so that no answer holds a run for ever or fills the memory: downloaded into a spooled
file (memory up to SPOOL, disk past it), then parsed from it as a stream, as `import_ll2`
parses a file, so that no page's transaction waits on the network."""

import queue
import tempfile
import threading
import time

import ijson

from ingest.reader import READ_SIZE
from ingest.sync.errors import SyncStopped

MB = 1_000_000
SPOOL = 512 * 1024
# Chunks held between the network and the parser: a slow import makes the reading wait.
AHEAD = 16


class Deadline(Exception):
    """No complete answer in time: retried, as a timeout is."""


class Exchange:
    """A GET read in a thread of its own, so that the reader can hold it to an overall deadline:
    httpx's timeouts bound each read, and an upstream that trickles a byte (or a header line)
    now and then passes every one of them for ever. The reader takes the response (`open`),
    then its body (`read`); past the deadline it raises Deadline and the thread is told to
    stop (it does at its next chunk, or when httpx's read timeout ends a silent one)."""

    def __init__(self, client, url, headers, timeout, max_bytes):
        self.url, self.timeout, self.max_bytes = url, timeout, max_bytes
        self.deadline = time.monotonic() + timeout
        self.items = queue.Queue(maxsize=AHEAD)
        self.stopped = threading.Event()
        self.pending, self.received, self.ended = b"", 0, False
        worker = threading.Thread(target=self.pump, args=(client, headers), daemon=True)
        worker.start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stopped.set()

    def pump(self, client, headers):
        try:
            with client.stream("GET", self.url, headers=headers) as response:
                if not self.hand(response):
                    return
                for chunk in response.iter_raw(READ_SIZE):
                    if not self.hand(chunk):
                        return
            self.hand(b"")
        except Exception as error:  # raised again by the reader, in its own thread
            self.hand(error)

    def hand(self, item):
        """Queue `item` for the reader; False once the reader gave up on this answer."""
        while not self.stopped.is_set():
            try:
                self.items.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def take(self):
        try:
            item = self.items.get(timeout=max(self.deadline - time.monotonic(), 0))
        except queue.Empty:
            self.stopped.set()
            raise Deadline(f"no complete answer within {self.timeout:g} s (--timeout)") from None
        if isinstance(item, Exception):
            raise item
        return item

    def open(self):
        """The response, its body not read yet: refused when it will not fit, or is
        compressed though the request asked for it plain (a compressed body's size says
        nothing of what it unpacks to)."""
        response = self.take()
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise SyncStopped(self.too_large(f"{int(length):,} bytes announced"))
        coding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if coding not in ("", "identity"):
            raise SyncStopped(f"{self.url}: refused: a body compressed ({coding}), not asked for")
        return response

    def read(self, size=-1):
        """Up to `size` bytes of the body; b"" at its end."""
        while not self.pending and not self.ended:
            chunk = self.take()
            self.received += len(chunk)
            if self.received > self.max_bytes:
                self.stopped.set()
                raise SyncStopped(self.too_large(f"over {self.received:,} bytes read"))
            self.pending, self.ended = chunk, not chunk
        size = len(self.pending) if size < 0 else size
        data, self.pending = self.pending[:size], self.pending[size:]
        return data

    def save(self):
        """The whole body, in a spooled file read from its start."""
        body = tempfile.SpooledTemporaryFile(max_size=SPOOL)
        try:
            while chunk := self.read():
                body.write(chunk)
        except BaseException:
            body.close()
            raise
        body.seek(0)
        return body

    def too_large(self, what):
        cap = self.max_bytes / MB
        return f"{self.url}: refused: the answer is larger than {cap:g} MB (--max-page-mb): {what}"


def document(events):
    """The whole JSON document of `events` (for small answers: a throttle status)."""
    builder = ijson.ObjectBuilder()
    for _, event, value in events:
        builder.event(event, value)
    return builder.value
