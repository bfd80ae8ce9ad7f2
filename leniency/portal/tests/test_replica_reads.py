"""The public portal's reads on the read replica (leniency/database_routers.py, issue 21 item 4).

The tests mirror "replica" onto the default database (settings_test.py), so the replica holds the same rows, and
count the queries on each connection. Transactional: a read on another connection sees only committed rows,
as a real standby does (and the router never reads from the replica inside a transaction on "default")."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leniency import clock
from leniency.database_routers import public_reads
from leniency.portal.models import TransparencyReport
from leniency.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])

PUBLIC_PAGES = ("portal:index", "portal:cases", "portal:reports")


def _report(period="2026-Q2"):
    return TransparencyReport.objects.create(
        period=period,
        generated_at=clock.now(),
        html_file=f"report-{period}.html",
        pdf_file=f"report-{period}.pdf",
        pdf_sha256="0" * 64,
        pdf_size=1,
    )


def _queries(client, url):
    """The SQL each connection ran while `client` fetched `url`."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in primary.captured_queries], [q["sql"] for q in replica.captured_queries]


def _writes(queries):
    return [sql for sql in queries if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_a_public_page_reads_from_the_replica_for_a_visitor_not_logged_in_and_without_the_setting_from_the_primary(
    client, world, settings
):
    assert settings.READ_REPLICA is None  # the tests' default: no replica
    settings.READ_REPLICA = "replica"
    _report()
    for name in PUBLIC_PAGES:
        primary, replica = _queries(client, reverse(name))
        assert any("portal_" in sql for sql in replica), name
        assert not any("portal_" in sql for sql in primary), (name, primary)
        assert _writes(replica) == []
    assert "2026-Q2" in client.get(reverse("portal:reports")).content.decode()
    settings.READ_REPLICA = None
    cache.clear()
    for name in PUBLIC_PAGES:
        primary, replica = _queries(client, reverse(name))
        assert replica == [] and any("portal_" in sql for sql in primary), name


def test_a_logged_in_user_and_the_staff_pages_read_and_write_on_the_primary(client, world, settings):
    """Staff who just wrote read it back: the replica could lag behind what they published."""
    settings.READ_REPLICA = "replica"
    client.login(username=world.admin.username, password=PASSWORD)
    for name in (*PUBLIC_PAGES, "portal:manage"):
        primary, replica = _queries(client, reverse(name))
        assert replica == [] and primary, name
    with CaptureQueriesContext(connections["replica"]) as replica:
        response = client.post(reverse("portal:generate"), {"period": "2026-Q3"})
    assert response.status_code == 302 and replica.captured_queries == []
    assert TransparencyReport.objects.filter(period="2026-Q3").exists()


def test_a_write_goes_to_the_primary_and_the_reads_after_it_too(world, settings):
    """A public view that writes (none does today) sends the write to "default" and reads what it wrote from
    there, not from a replica that may not have it yet."""
    settings.READ_REPLICA = "replica"

    @public_reads
    def view(request):
        before = TransparencyReport.objects.count()
        _report("2026-Q1")
        return HttpResponse(f"{before} {TransparencyReport.objects.count()}")

    request = RequestFactory().get("/portal/")
    request.user = AnonymousUser()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = view(request)
    assert response.content == b"0 1"
    assert len(replica.captured_queries) == 1 and "COUNT" in replica.captured_queries[0]["sql"].upper()
    assert _writes(q["sql"] for q in primary.captured_queries)
    assert any("COUNT" in q["sql"].upper() for q in primary.captured_queries)  # the read after the write


def test_a_post_to_a_public_view_never_reads_from_the_replica(client, world, settings):
    settings.READ_REPLICA = "replica"
    with CaptureQueriesContext(connections["replica"]) as replica:
        client.post(reverse("portal:reports"))
    assert replica.captured_queries == []


PUBLIC_API = ("/api/public/figures", "/api/public/cases", "/api/public/reports")


def _api_queries(client, url, **headers):
    """The SQL each connection ran while `client` fetched the public API operation at `url` (the figures' cache
    emptied first, so that each fetch reads the database)."""
    cache.clear()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.content[:300])
    return [q["sql"] for q in primary.captured_queries], [q["sql"] for q in replica.captured_queries]


def test_the_public_api_reads_from_the_replica_for_an_anonymous_caller_and_without_the_setting_from_the_primary(
    client, world, settings
):
    settings.READ_REPLICA = "replica"
    _report()
    TransparencyReport.objects.update(published=True)
    for url in PUBLIC_API:
        primary, replica = _api_queries(client, url)
        assert replica, url
        assert primary == [], (url, primary)
        assert _writes(replica) == []
    assert client.get("/api/public/reports").json()[0]["period"] == "2026-Q2"
    settings.READ_REPLICA = None
    for url in PUBLIC_API:
        primary, replica = _api_queries(client, url)
        assert replica == [] and primary, url


def test_the_public_api_reads_on_the_primary_for_a_logged_in_user_an_api_token_or_a_write(
    client, world, settings
):
    """Whoever is logged in, or sends a token (an `auth=None` operation does not check it), may have just written
    through the pages or the API: they read it back from the primary. A POST never reads from the replica."""
    from leniency.accounts.models import ApiToken

    settings.READ_REPLICA = "replica"
    with CaptureQueriesContext(connections["replica"]) as replica:
        response = client.post("/api/public/cases", {}, content_type="application/json")
    assert response.status_code == 405 and replica.captured_queries == []
    _, key = ApiToken.issue(world.admin, "replica test")
    for url in PUBLIC_API:
        primary, replica = _api_queries(client, url, HTTP_AUTHORIZATION=f"Bearer {key}")
        assert replica == [] and primary, url
    client.login(username=world.admin.username, password=PASSWORD)
    for url in PUBLIC_API:
        primary, replica = _api_queries(client, url)
        assert replica == [] and primary, url
