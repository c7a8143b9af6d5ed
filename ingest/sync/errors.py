"""How a run stops: for now (it resumes), at the upstream's or the budget's word (it resumes,
and that is no failure), or for good until an option or the upstream changes."""


class SyncStopped(Exception):
    """The run stopped before the end; its progress is saved and the next run resumes."""


class Deferred(SyncStopped):
    """The run stopped as planned: the budget is spent, or the upstream asks for a longer wait
    than a run may make. Not a failure: the next run resumes."""


class BudgetSpent(Deferred):
    pass


class WaitTooLong(Deferred):
    pass


class Misconfigured(Exception):
    """An option or an answer that asking again will not change (a base URL without a scheme,
    a refused API key, a path the upstream does not have, a redirect to another origin): the
    run stops, `--loop` too."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status
