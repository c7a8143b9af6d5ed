"""What the sync tests share: `sync_ll2` run as a command."""

from io import StringIO

from django.core.management import call_command


def sync(*args, log=None):
    """The summary `sync_ll2` prints; its waits go to `log` when one is given."""
    out = StringIO()
    call_command("sync_ll2", *args, stdout=out, stderr=log or StringIO())
    return out.getvalue()
