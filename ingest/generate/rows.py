"""Writing many rows without holding them all: the people's and the events' tables."""

from itertools import islice


def write(model, rows, size=1000):
    """`rows` (an iterator) written `size` at a time."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        model.objects.bulk_create(chunk)


def link(relation, pairs):
    """Rows of a many-to-many `relation` (`m.Expedition.crew`) for `(row id, other id)` pairs."""
    through, column = relation.through, relation.field
    source, target = column.m2m_column_name(), column.m2m_reverse_name()
    write(through, (through(**{source: a, target: b}) for a, b in pairs))
