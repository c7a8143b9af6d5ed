from django.db import models


class SyncState(models.Model):
    """Where the mirror of one upstream got to, so a run can resume and the next one only asks
    for what may have changed."""

    base_url = models.URLField(unique=True)
    # The run under way: its plan of queries, the one being read and the offset reached.
    # Empty when the last run finished.
    queries = models.JSONField(default=list, blank=True)
    query_index = models.IntegerField(default=0)
    offset = models.IntegerField(default=0)
    run_started = models.DateTimeField(null=True, blank=True)
    # What finished runs established: the latest docking seen, where the next incremental
    # run starts from (less a margin).
    high_water = models.DateTimeField(null=True, blank=True)
    last_completed = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.base_url

    @property
    def in_progress(self):
        return bool(self.queries)


class Capture(models.Model):
    """When the pages an import read were captured from LL2 (`import_ll2 --captured-at`, the
    bundled data's dates): with the mirror's last finished run, what the pages' "data as of"
    says (pages/aboard.py)."""

    captured_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.captured_at.isoformat()
