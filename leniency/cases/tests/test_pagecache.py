"""The case-page cache (leniency/cases/pagecache.py) serves a page again only while nothing it could show
has changed. These tests commit for real (transaction=True): inside a test transaction the cache stands
aside, as it does inside any transaction."""

from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leniency.accounts.models import Region
from leniency.audit.models import PersonalDataAccess
from leniency.cases import pagecache
from leniency.cases import services as case_services
from leniency.cases.models import Case, Defendant
from leniency.cases.stages import Stage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_caches():
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


def _sign_in(client, user):
    """As a browser does: signed in, with the CSRF cookie that the first page it saw set."""
    client.force_login(user)
    client.get(reverse("home"))
    assert settings.CSRF_COOKIE_NAME in client.cookies


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def _reads_defendants(sqls):
    return any('FROM "cases_defendant"' in sql for sql in sqls)


def test_second_view_is_served_from_the_cache_and_still_logs_the_read(client, world):
    _sign_in(client, world.prosecutor)
    url = reverse("case_detail", args=[world.case.pk])
    first, first_sqls = _get(client, url)
    logged = PersonalDataAccess.objects.filter(user=world.prosecutor).count()
    second, second_sqls = _get(client, url)
    assert second == first
    assert len(second_sqls) < len(first_sqls) / 2
    assert not any("recommendations_" in sql or "plea_" in sql for sql in second_sqls)  # no panel was built
    # Both defendants were shown again, so both reads are logged again.
    assert PersonalDataAccess.objects.filter(user=world.prosecutor).count() == logged + 2


@pytest.mark.parametrize("write", ["orm_save", "bulk_update", "raw_sql", "service"])
def test_any_committed_write_ends_the_cached_page(client, world, write):
    _sign_in(client, world.prosecutor)
    url = reverse("case_detail", args=[world.case.pk])
    before, _ = _get(client, url)
    assert "第七号新案由" not in before
    if write == "orm_save":
        world.case.title = "第七号新案由"
        world.case.save()
    elif write == "bulk_update":
        Case.objects.filter(pk=world.case.pk).update(title="第七号新案由")
    elif write == "raw_sql":
        with connection.cursor() as cursor:
            cursor.execute(
                'UPDATE "cases_case" SET "title" = %s WHERE "id" = %s', ["第七号新案由", world.case.pk]
            )
    else:
        case_services.do_add_defendant(
            world.case,
            name="第七号新案由",
            charges=[world.theft],
            acting_user=world.prosecutor,
            stage=Stage.PROSECUTION_REVIEW,
            stage_since=date(2026, 9, 1),
        )
    after, sqls = _get(client, url)
    assert "第七号新案由" in after
    assert _reads_defendants(sqls)  # rendered afresh


def test_a_rolled_back_write_leaves_the_generation_and_a_committed_one_changes_it(world):
    token = pagecache.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        Case.objects.filter(pk=world.case.pk).update(title="撤回的修改")
        raise RuntimeError
    assert pagecache.generation() == token
    with transaction.atomic():
        Case.objects.filter(pk=world.case.pk).update(title="一")
        Defendant.objects.filter(case=world.case).update(name="二")
        assert pagecache.generation() == token  # not before the commit
    assert pagecache.generation() != token


def test_quiet_tables_do_not_change_the_generation(client, world):
    token = pagecache.generation()
    PersonalDataAccess.objects.create(
        user=world.prosecutor, defendant=world.defendant, fields="x", via="page", at=timezone.now()
    )
    session = SessionStore()
    session["anything"] = 1
    session.save()
    assert pagecache.generation() == token
    get_user_model().objects.filter(pk=world.judge.pk).update(display_name="法官乙")
    assert pagecache.generation() != token


def test_each_user_gets_their_own_page(client, world):
    url = reverse("case_detail", args=[world.case.pk])
    _sign_in(client, world.prosecutor)
    prosecutor_page, _ = _get(client, url)
    _sign_in(client, world.lawyer)
    lawyer_page, sqls = _get(client, url)
    assert _reads_defendants(sqls)  # not the prosecutor's page
    assert f"/defendants/{world.co_defendant.pk}/" in prosecutor_page
    assert f"/defendants/{world.co_defendant.pk}/" not in lawyer_page  # the lawyer sees only their client


def test_a_waiting_flash_message_is_shown_not_the_cached_page(client, world, rf):
    _sign_in(client, world.prosecutor)
    url = reverse("case_detail", args=[world.case.pk])
    _get(client, url)
    storage = CookieStorage(rf.get(url))
    client.cookies[storage.cookie_name] = storage._encode([Message(constants.SUCCESS, "第九号提示")])
    shown, _ = _get(client, url)
    assert "第九号提示" in shown
    again, _ = _get(client, url)
    assert "第九号提示" not in again


def test_case_list_is_cached_per_query(client, world):
    _sign_in(client, world.prosecutor)
    first, first_sqls = _get(client, reverse("case_list"))
    again, again_sqls = _get(client, reverse("case_list"))
    assert again == first
    assert any('FROM "cases_case"' in sql for sql in first_sqls)
    assert not any('FROM "cases_case"' in sql for sql in again_sqls)
    _, filtered_sqls = _get(client, reverse("case_list") + "?q=none-such")
    assert any('FROM "cases_case"' in sql for sql in filtered_sqls)  # another query string is another page


def test_an_insert_outside_a_transaction_changes_the_generation_and_is_kept(world):
    # On SQLite an INSERT … RETURNING is still open when the generation changes: both must commit.
    token = pagecache.generation()
    region = Region.objects.create(name="新区", code="990001")
    assert pagecache.generation() != token
    assert Region.objects.filter(pk=region.pk, name="新区").exists()
