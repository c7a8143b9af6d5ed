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


# Set on a query whose page SQLite finds by walking its order (api/serving/pages.py).
WALKS_ORDER = "walks_order"


class InSubquery(lookups.Lookup):
    """`lhs IN (subquery)`, written for PostgreSQL as `lhs = ANY(ARRAY(subquery))`: under an OR
    PostgreSQL tests an `IN (subquery)` against every row of the table (a hashed subplan in a
    sequential scan); an array's subquery runs once, before, and each arm of the OR walks its
    column's index (a BitmapOr). Used as an expression: `InSubquery(F("station"), queryset)`.
    The rows are the same: the subquery's values are primary keys, never NULL."""

    lookup_name = "in_subquery"
    prepare_rhs = False

    def as_sql(self, compiler, connection, template="{lhs} IN {rhs}"):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return template.format(lhs=lhs, rhs=rhs), (*lhs_params, *rhs_params)

    def as_postgresql(self, compiler, connection):
        return self.as_sql(compiler, connection, template="{lhs} = ANY(ARRAY{rhs})")

    def as_sqlite(self, compiler, connection):
        if getattr(compiler.query, WALKS_ORDER, False):
            # SQLite reads no index for a term on `+column`: it walks the order's index and
            # tests each row (api/serving/pages.py).
            return self.as_sql(compiler, connection, template="+{lhs} IN {rhs}")
        return self.as_sql(compiler, connection)
