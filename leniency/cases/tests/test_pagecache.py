"""The case-page cache (leniency/cases/pagecache.py) serves a page again only while its case has had no
change (no new audit event of the case). These tests commit for real (transaction=True): inside a test
transaction the cache stands aside, as it does inside any transaction."""

from datetime import date

import pytest
from django.conf import settings
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Max
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leniency.audit.models import AuditEvent, PersonalDataAccess
from leniency.cases import pagecache
from leniency.cases import services as case_services
from leniency.cases.stages import Stage
from leniency.errors import DomainError
from leniency.plea.taxonomy import WithdrawalReason
from leniency.plea.withdrawals import do_record_withdrawal

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


def _add_defendant(world, case, name, day=1):
    """A change of `case` through its service: a new defendant, one audit event."""
    case_services.do_add_defendant(
        case,
        name=name,
        charges=[world.theft],
        acting_user=world.prosecutor,
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=date(2026, 9, day),
    )


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


def test_a_withdrawal_appears_on_the_next_view(client, world):
    _sign_in(client, world.prosecutor)
    url = reverse("case_detail", args=[world.case.pk])
    before, _ = _get(client, url)
    _, cached_sqls = _get(client, url)
    assert not _reads_defendants(cached_sqls)  # served from the cache
    do_record_withdrawal(
        world.defendant,
        acting_user=world.prosecutor,
        initiated_by="defendant",
        reasons=[WithdrawalReason.TOO_HEAVY],
        occurred_at=timezone.now(),
        statement="第七号反悔陈述",
    )
    after, sqls = _get(client, url)
    assert _reads_defendants(sqls)  # rendered afresh
    assert after != before
    assert str(WithdrawalReason.TOO_HEAVY.label) in after
    assert str(WithdrawalReason.TOO_HEAVY.label) not in before


def test_on_the_database_store_a_view_reads_its_version_and_its_page_in_one_statement(client, world):
    """Production's store (pagecache_backend.PageDatabaseCache): the case's version and the stored page come back
    together; a page stored at an older version is a miss."""
    store = {
        "BACKEND": "leniency.cases.pagecache_backend.PageDatabaseCache",
        "LOCATION": "test_pages_read_once",
    }
    with override_settings(CACHES={**settings.CACHES, "pages": store}):
        call_command("createcachetable", "test_pages_read_once", verbosity=0)
        _sign_in(client, world.prosecutor)
        url = reverse("case_detail", args=[world.case.pk])
        first, _ = _get(client, url)
        again, sqls = _get(client, url)
        assert again == first and not _reads_defendants(sqls)
        (read,) = [sql for sql in sqls if "test_pages_read_once" in sql]
        # the version is read with the page, not before it
        assert "audit_auditevent" in read and not any("MAX" in sql for sql in sqls if sql != read)
        _add_defendant(world, world.case, "第八号新被告")
        after, sqls = _get(client, url)
        # stored at the older version: rendered again
        assert "第八号新被告" in after and _reads_defendants(sqls)


def test_a_new_defendant_appears_on_the_next_view(client, world):
    _sign_in(client, world.prosecutor)
    url = reverse("case_detail", args=[world.case.pk])
    before, _ = _get(client, url)
    assert "第七号新被告" not in before
    _add_defendant(world, world.case, "第七号新被告")
    after, sqls = _get(client, url)
    assert "第七号新被告" in after
    assert _reads_defendants(sqls)


def test_a_change_to_another_case_leaves_this_page_cached(client, world):
    _sign_in(client, world.prosecutor)
    url = reverse("case_detail", args=[world.case.pk])
    first, _ = _get(client, url)
    other = case_services.do_open_case(
        number="东检刑诉〔2026〕2号",
        title="另案",
        region=world.region,
        procuratorate=world.procuratorate,
        court=world.court,
        prosecutor=world.prosecutor,
        received_on=date(2026, 9, 2),
        acting_user=world.case_manager,
    )
    _add_defendant(world, other, "另案被告", day=2)
    again, sqls = _get(client, url)
    assert again == first
    assert not _reads_defendants(sqls)  # still the cached page
    # The list of cases shows the other case: it is rendered afresh.
    listed, _ = _get(client, reverse("case_list"))
    assert "另案" in listed


def test_a_rolled_back_change_leaves_the_version_and_a_committed_one_moves_it(world):
    version = pagecache.case_version(None, world.case.pk)
    with pytest.raises(DomainError), transaction.atomic():
        _add_defendant(world, world.case, "回滚")
        raise DomainError("回滚")
    assert pagecache.case_version(None, world.case.pk) == version
    _add_defendant(world, world.case, "提交")
    assert pagecache.case_version(None, world.case.pk) > version
    assert pagecache.trail_version(None) >= pagecache.case_version(None, world.case.pk)


def test_the_versions_are_the_latest_events_numbers_of_the_case_and_of_the_trail(world):
    # Read by one statement (pagecache._latest_seq), the ORM's aggregate's answer.
    latest = AuditEvent.objects.filter(case_id=world.case.pk).aggregate(seq=Max("seq"))["seq"]
    assert latest and pagecache.case_version(None, world.case.pk) == latest
    assert pagecache.trail_version(None) == AuditEvent.objects.aggregate(seq=Max("seq"))["seq"] >= latest
    assert pagecache.case_version(None, world.case.pk + 1000) == 0  # no such case: no events
    assert pagecache.case_version(None, "x") == 0


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
