"""Throwaway Redis servers for the fault tests, on 127.0.0.1: started, killed, stopped and
started again by this process."""

import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from tools.faults import wait_until
from tools.servers import free_port


class Redis:
    """A redis-server of our own on a free port: `kill()` (SIGKILL), `stop()` (SIGTERM, which
    writes the append-only file out), and `start()` again on the same port and directory."""

    def __init__(self, appendonly=False):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="docking-faults-redis-"))
        self.appendonly = appendonly
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=2, socket_connect_timeout=2)

    def ping(self):
        try:
            with self.client() as client:
                return client.ping()
        except Exception:  # noqa: BLE001 - not up (yet)
            return False

    def start(self):
        assert self.process is None or self.process.poll() is not None
        argv = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        argv += ["--dir", str(self.dir), "--save", "", "--daemonize", "no"]
        argv += ["--appendonly", "yes" if self.appendonly else "no"]
        argv += ["--appendfsync", "everysec"]
        self.process = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.dir
        )
        assert wait_until(self.ping, 10, 0.05) is not None, "redis-server did not start"
        return self

    def _end(self, sig):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=15)

    def kill(self):
        self._end(signal.SIGKILL)

    def stop(self):
        self._end(signal.SIGTERM)

    def keys(self, pattern):
        with self.client() as client:
            return list(client.scan_iter(match=pattern, count=1000))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
