"""`collectstatic`, skipped when nothing it would collect has changed since the last run.

whitenoise compresses every file (gzip and Brotli) and names it by its hash, which takes most
of a restart; the files only change with the code or the installed packages. The fingerprint
of what the finders find (each file's path and content) is kept beside the collected files, and
a start whose fingerprint matches, with the manifest in place, collects nothing.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand

MANIFEST = "staticfiles.json"
FINGERPRINT = ".collected-fingerprint"


def fingerprint():
    digest = hashlib.sha256(settings.STATIC_URL.encode())
    found = {}
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            found.setdefault(path, storage)  # the first finder's file is the one collected
    for path in sorted(found):
        digest.update(path.encode() + b"\0")
        with found[path].open(path) as file:
            for chunk in iter(lambda f=file: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Collect (and compress) static files unless they are unchanged since the last run."

    def handle(self, *args, **options):
        root = Path(settings.STATIC_ROOT)
        stamp = root / FINGERPRINT
        current = fingerprint()
        if (root / MANIFEST).is_file() and stamp.is_file() and stamp.read_text() == current:
            self.stdout.write("Static files unchanged: nothing collected.")
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp.write_text(current)
        self.stdout.write("Static files collected.")
