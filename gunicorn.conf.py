"""gunicorn, for the benchmark's comparison of app servers (tools/bench.py): `make serve` runs
granian (config/serve.py), because gunicorn's sync and gthread workers let idle connections
take the server offline. Settings from the environment, workers from the core count."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
preload_app = True
# Several instances may run on one host (and in the tests): no shared control socket.
control_socket_disable = True
