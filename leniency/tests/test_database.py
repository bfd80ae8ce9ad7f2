"""After a bulk load the planner knows how many rows there are (leniency/database.py).

With PostgreSQL's statistics saying a table is empty, as autovacuum can leave them between loads, a join over the
736-person study district was planned as nested loops over "one row" each and ran past the suite's 10-minute
timeout in CI. The test makes the statistics say so, loads rows inside the transaction as the demo and the
district do, and checks the planner's estimate before and after.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leniency.audit.models import PersonalDataAccess
from leniency.database import refresh_planner_statistics

ROWS = 2000
TABLE = PersonalDataAccess._meta.db_table


def _estimate(cursor) -> int:
    cursor.execute(f'EXPLAIN SELECT * FROM "{TABLE}"')
    return int(re.search(r"rows=(\d+)", cursor.fetchone()[0]).group(1))


def test_statistics_count_the_rows_a_bulk_load_just_wrote(world):
    now = timezone.now()
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(
            user=world.prosecutor, defendant=world.defendant, fields="particulars", via="page", at=now
        )
        for _ in range(ROWS)
    )
    if connection.vendor != "postgresql":
        with CaptureQueriesContext(connection) as queries:
            refresh_planner_statistics()
        assert len(queries) == 0  # SQLite plans without statistics: nothing is issued
        return
    with connection.cursor() as cursor:
        # What CI found: statistics from an ANALYZE that saw the table empty (pages counted, no rows).
        cursor.execute(
            "UPDATE pg_class SET reltuples = 0, relpages = GREATEST(pg_relation_size(oid) / 8192, 1) "
            "WHERE relname = %s",
            [TABLE],
        )
        assert _estimate(cursor) < 10
        refresh_planner_statistics()
        assert _estimate(cursor) >= ROWS * 0.9
