"""The page cache's store (CACHES["pages"] in settings): Django's DatabaseCache, writing a page in one statement.

Django's DatabaseCache writes an entry with five statements: `SELECT COUNT(*)` of the whole table (to decide
whether to cull it), then in a transaction a SELECT of the key, an INSERT or an UPDATE, and the COMMIT. Every cold
case page is such a write (leniency/cases/pagecache.py), and the count grows with the table: on PostgreSQL it reads
every entry, on SQLite a whole index. Here a write is one upsert (`INSERT … ON CONFLICT (cache_key) DO UPDATE`,
which SQLite and PostgreSQL both understand; other databases get Django's write), and the table is counted and
culled as Django culls it (expired entries first, then 1/CULL_FREQUENCY of the rest) only on one write in
OPTIONS["CULL_EVERY"] (default 100) of this process. So the table can hold up to MAX_ENTRIES plus CULL_EVERY
entries per app server between culls: a bound, not the exact one Django keeps, for a table of pages that each
expire after an hour anyway.

A page is read together with the version it must have been rendered at (`get_after`): the version's statement and the
page's lookup go to the database as one SELECT of two scalar subqueries, one round trip instead of two on every view
of a case page, cached or not.
"""

from __future__ import annotations

import base64
import pickle
from datetime import UTC, datetime
from itertools import count

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone

UPSERT_VENDORS = {"sqlite", "postgresql"}


class PageDatabaseCache(DatabaseCache):
    def __init__(self, table, params):
        super().__init__(table, params)
        self.cull_every = max(1, int(params.get("OPTIONS", {}).get("CULL_EVERY", 100)))
        self._writes = count(1)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in UPSERT_VENDORS:
            return super().set(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        quote = connection.ops.quote_name
        table, key_column, value_column, expires_column = map(
            quote, (self._table, "cache_key", "value", "expires")
        )
        with connection.cursor() as cursor:
            if next(self._writes) % self.cull_every == 0:
                self.cull(cursor, db)
            cursor.execute(
                f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) VALUES (%s, %s, %s) "
                f"ON CONFLICT ({key_column}) DO UPDATE SET {value_column} = EXCLUDED.{value_column}, "
                f"{expires_column} = EXCLUDED.{expires_column}",
                [key, encoded, expires],
            )

    def cull(self, cursor, db: str) -> None:
        """Django's cull, when the table holds more than MAX_ENTRIES."""
        cursor.execute(f"SELECT COUNT(*) FROM {connections[db].ops.quote_name(self._table)}")
        entries = cursor.fetchone()[0]
        if entries > self._max_entries:
            # The cache's own clock, real time as its expiry times are (Django's cull), not leniency.clock's.
            now = datetime.now(UTC if settings.USE_TZ else None).replace(microsecond=0)
            self._cull(db, cursor, now, entries)

    def get_after(self, key, statement: tuple[str, str, list], version=None) -> tuple[object, object]:
        """(the answer of `statement`, the value stored under `key` or None): `statement` is (database alias, SQL
        of one value, parameters), read in the same statement as the value where both live in one database."""
        alias, sql, params = statement
        db = router.db_for_read(self.cache_model_class)
        connection = connections[db]
        if alias != db or connection.vendor not in UPSERT_VENDORS:
            with connections[alias].cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchone()[0], self.get(key, version=version)
        key = self.make_and_validate_key(key, version=version)
        quote = connection.ops.quote_name
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT ({sql}), (SELECT {quote('value')} FROM {quote(self._table)} "
                f"WHERE {quote('cache_key')} = %s AND {quote('expires')} > %s)",
                [*params, key, now],
            )
            answer, value = cursor.fetchone()
        # none, or expired (left for the cull, as Django's cull removes expired entries first)
        if value is None:
            return answer, None
        return answer, pickle.loads(base64.b64decode(connection.ops.process_clob(value).encode()))
