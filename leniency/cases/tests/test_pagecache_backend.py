"""The page cache's store (leniency/cases/pagecache_backend.py): one statement per write, the table culled only on
one write in CULL_EVERY, and Django's DatabaseCache behaviour otherwise (an expired entry is a miss)."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from leniency.cases import pagecache

pytestmark = pytest.mark.django_db

TABLE = "test_page_cache"


def _pages(max_entries=5000, cull_every=100):
    settings = override_settings(
        CACHES={
            "pages": {
                "BACKEND": "leniency.cases.pagecache_backend.PageDatabaseCache",
                "LOCATION": TABLE,
                "OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_EVERY": cull_every, "CULL_FREQUENCY": 2},
            }
        }
    )
    settings.enable()
    call_command("createcachetable", TABLE, verbosity=0)
    return settings, caches["pages"]


@pytest.fixture
def store():
    settings, pages = _pages()
    yield pages
    settings.disable()


@pytest.fixture
def small_store():
    settings, pages = _pages(max_entries=4, cull_every=3)
    yield pages
    settings.disable()


def _rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
        return cursor.fetchone()[0]


def test_a_page_is_written_with_one_statement_and_read_back(store):
    with CaptureQueriesContext(connection) as queries:
        store.set("case:1", (b"<html>1</html>", [7]), 3600)
    assert len(queries) == 1
    assert "ON CONFLICT" in queries[0]["sql"]
    assert store.get("case:1") == (b"<html>1</html>", [7])


def test_writing_a_key_again_replaces_its_page(store):
    store.set("case:1", b"old", 3600)
    store.set("case:1", b"new", 3600)
    assert store.get("case:1") == b"new"
    assert _rows() == 1


def test_an_expired_page_is_a_miss(store):
    store.set("case:1", b"page", 0)  # Django's timeout 0: expired at once
    assert store.get("case:1") is None


def test_the_table_is_counted_and_culled_only_on_every_cull_every_th_write(small_store):
    counted = []
    for n in range(12):
        with CaptureQueriesContext(connection) as queries:
            small_store.set(f"case:{n}", b"page", 3600)
        counted.append(any("COUNT(*)" in q["sql"] for q in queries))
        assert _rows() <= 4 + 3  # MAX_ENTRIES, plus the writes between two culls
    assert counted == [n % 3 == 2 for n in range(12)]
    assert _rows() < 12


def test_backups_keep_the_page_tables_schema_without_its_pages(store):
    """Rendered pages carry personal data and expire within the hour: pg_dump keeps their table empty."""
    from leniency.ops.postgres import not_kept_tables

    assert TABLE in not_kept_tables()


def test_a_version_and_a_page_are_read_in_one_statement(store):
    store.set("case:1", (3, b"<html>1</html>", None), 3600)
    statement = pagecache.trail_version.statement(None)
    with CaptureQueriesContext(connection) as queries:
        answer, page = store.get_after("case:1", statement)
    assert len(queries) == 1
    assert (answer or 0) == pagecache.trail_version(None)
    assert page == (3, b"<html>1</html>", None)
    assert store.get_after("case:2", statement)[1] is None


def test_an_expired_page_read_with_its_version_is_a_miss(store):
    store.set("case:1", b"page", 0)  # Django's timeout 0: expired at once
    assert store.get_after("case:1", pagecache.case_version.statement(None, 1))[1] is None
