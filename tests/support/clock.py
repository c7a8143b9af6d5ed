"""What the filter checks of the lists by the clock share (launches and events: upcoming, the
last 24 hours and after; previous, already past): the moment they are read at, and their rows
and filters at that moment, by the model's date field."""

from datetime import UTC, timedelta

from tests.support.rows import BOOLEANS


def yes(value):
    return BOOLEANS[value.lower()]


class ByClock:
    """The rows of `model` by its date-time `field` (`net`, `date`)."""

    def __init__(self, model, field):
        self.model = model
        self.field = field

    def moment(self):
        """Ten minutes short of a day after the middle row: both lists hold rows, and upcoming
        one of the last 24 hours, which `hide_recent_previous` hides."""
        dates = self.model.objects.exclude(**{self.field: None})
        dates = sorted(dates.values_list(self.field, flat=True))
        return dates[len(dates) // 2] + timedelta(hours=23, minutes=50)

    def within(self, when, now):
        """LL2's rows of the list: every row, or those upcoming or previous at `now`."""
        dates = self.model.objects.values_list("pk", self.field)
        if when == "upcoming":
            since = now - timedelta(hours=24)
            return {pk for pk, at in dates if at is not None and at >= since}
        if when == "previous":
            return {pk for pk, at in dates if at is not None and at < now}
        return {pk for pk, _ in dates}

    def on(self, part):
        """`day`, `month`, `year`: the date (UTC) falls on any of the comma-separated."""

        def keep(row, value):
            at = getattr(row, self.field)
            return at is not None and str(getattr(at.astimezone(UTC), part)) in value.split(",")

        return keep

    def hides_recent(self, now):
        """`hide_recent_previous`: true leaves out what is already past at `now`."""

        def keep(row, value):
            at = getattr(row, self.field)
            return not yes(value) or (at is not None and at >= now)

        return keep
