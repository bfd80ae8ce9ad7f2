"""API tokens (issue 20): a user issues, names, sees once, lists and revokes their own; `leniency tokens` does
it for service accounts; revoked and expired tokens are refused; the admin cannot make a token without a key."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from leniency.accounts.models import ApiToken
from leniency.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _me(key):
    return Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code


def test_a_user_issues_a_token_sees_the_key_once_and_it_works(client, world):
    client.force_login(world.prosecutor)
    response = client.post("/audit/api-tokens/", {"name": "案件同步脚本", "days": 30})
    assert response.status_code == 302
    page = client.get("/audit/api-tokens/").content.decode()
    token = ApiToken.objects.get(user=world.prosecutor, name="案件同步脚本")
    key = page.split('<code class="token-key">')[1].split("</code>")[0]
    assert ApiToken.hash_key(key) == token.key_hash and key not in token.key_hash
    assert key not in client.get("/audit/api-tokens/").content.decode()  # once only
    assert _me(key) == 200
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    event = AuditEvent.objects.get(action="accounts.token.issued")
    assert event.actor_id == world.prosecutor.pk and key not in str(event.data)


def test_a_revoked_token_is_refused_and_the_revocation_recorded(client, world):
    token, key = ApiToken.issue(world.prosecutor, "old")
    client.force_login(world.prosecutor)
    assert _me(key) == 200
    assert client.post("/audit/api-tokens/", {"revoke": token.pk}).status_code == 302
    assert _me(key) == 401
    assert AuditEvent.objects.filter(action="accounts.token.revoked", object_id=str(token.pk)).exists()
    assert "已撤销" in client.get("/audit/api-tokens/").content.decode()


def test_an_expired_token_is_refused(world):
    _token, key = ApiToken.issue(world.prosecutor, "short", expires_at=timezone.now() - timedelta(minutes=1))
    assert _me(key) == 401


def test_nobody_revokes_another_users_token(client, world):
    token, key = ApiToken.issue(world.lawyer, "theirs")
    client.force_login(world.prosecutor)
    assert client.post("/audit/api-tokens/", {"revoke": token.pk}).status_code == 404
    assert _me(key) == 200


def test_the_name_is_required(client, world):
    client.force_login(world.prosecutor)
    response = client.post("/audit/api-tokens/", {"name": "", "days": 30})
    assert response.status_code == 400 and "name" in response.context["form"].errors
    assert not ApiToken.objects.filter(user=world.prosecutor).exists()


def test_the_command_issues_lists_and_revokes_for_a_service_account(world):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "tokens", "issue", world.auditor.username, name="nightly export", days=7, stdout=out, stderr=err
    )
    key = out.getvalue().strip()
    assert _me(key) == 200 and "shown once" in err.getvalue()
    token = ApiToken.objects.get(key_hash=ApiToken.hash_key(key))
    listing = io.StringIO()
    call_command("tokens", "list", world.auditor.username, stdout=listing)
    assert f"#{token.pk}\t{world.auditor.username}\tnightly export\tusable" in listing.getvalue()
    call_command("tokens", "revoke", str(token.pk), stdout=io.StringIO())
    assert _me(key) == 401
    with pytest.raises(CommandError, match="已撤销"):
        call_command("tokens", "revoke", str(token.pk))
    with pytest.raises(CommandError, match="no user 'nobody'"):
        call_command("tokens", "issue", "nobody", name="x")


def test_the_admin_cannot_add_a_token_without_a_key(client, world):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    client.force_login(world.admin)
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403
