"""`__contains` as LL2's PostgreSQL means it on every database."""

from django.db.models import Field, lookups


@Field.register_lookup
class CaseSensitiveContains(lookups.Contains):
    """PostgreSQL's LIKE tells case apart, so LL2's `name__contains=ISS` does not find "Iss";
    SQLite's LIKE ignores the case of ASCII letters. On SQLite the text is looked for with
    `instr`, which compares bytes, as PostgreSQL does."""

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # The value as it is, not made a LIKE pattern (`%value%`, escaped) by PatternLookup.
        rhs, rhs_params = lookups.Lookup.process_rhs(self, compiler, connection)
        return f"instr({lhs}, {rhs}) > 0", (*lhs_params, *rhs_params)
