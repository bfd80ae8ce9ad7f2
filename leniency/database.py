"""Database upkeep that the ORM leaves to us."""

from django.db import connection


def refresh_planner_statistics() -> None:
    """ANALYZE on PostgreSQL, at the end of a bulk load (the demo, the withdrawal-study district, a corpus import).

    The planner sizes tables from the statistics autovacuum last gathered, and right after a bulk load those can
    still say a table is empty: a join over thousands of rows is then planned as nested loops over "one row" each
    and runs for minutes instead of milliseconds (seen in CI, a query over the 736-person district). ANALYZE inside
    the loading transaction counts the transaction's own new rows. SQLite plans without statistics until ANALYZE
    is first run, so it is left as it is.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
