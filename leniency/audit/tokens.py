"""API tokens: a user issues, names, sees once, lists and revokes their own; `leniency tokens` does the same
for service accounts. Only the SHA-256 of a key is stored (leniency/accounts/models.py, ApiToken).

The services live here, not in accounts, because each writes an audit event and accounts sits below audit.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from leniency import clock
from leniency.accounts.models import ApiToken, User
from leniency.errors import DomainError

from .access import check_manage_tokens
from .trail import record

MAX_ACTIVE_TOKENS = 10
MAX_DAYS = 366


def active_tokens(user: User, now: datetime | None = None):
    now = now or clock.now()
    return [
        t for t in user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at") if t.is_usable(now)
    ]


def do_issue_token(
    user: User, *, name: str, days: int | None, acting_user, now: datetime | None = None
) -> tuple[ApiToken, str]:
    """Issue a token for `user` valid `days` days (None: until revoked); returns it with the key, once."""
    check_manage_tokens(acting_user, user)
    now = now or clock.now()
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise DomainError(_("请填写令牌用途（不超过 100 字）"), field="name")
    if days is not None and not 1 <= days <= MAX_DAYS:
        raise DomainError(_("有效天数应在 1 到 %(n)s 之间") % {"n": MAX_DAYS}, field="days")
    if len(active_tokens(user, now)) >= MAX_ACTIVE_TOKENS:
        raise DomainError(
            _("有效令牌已达 %(n)s 个，请先撤销不用的令牌") % {"n": MAX_ACTIVE_TOKENS}, field="name"
        )
    with transaction.atomic():
        token, key = ApiToken.issue(user, name, expires_at=now + timedelta(days=days) if days else None)
        record(
            "accounts.token.issued",
            actor=acting_user,
            obj=token,
            data={"user": user.pk, "name": name, "expires_at": token.expires_at},
            occurred_at=now,
        )
    return token, key


def do_revoke_token(token: ApiToken, *, acting_user, now: datetime | None = None) -> ApiToken:
    check_manage_tokens(acting_user, token.user)
    now = now or clock.now()
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            raise DomainError(_("该令牌已撤销"), field="token")
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        record(
            "accounts.token.revoked",
            actor=acting_user,
            obj=token,
            data={"user": token.user_id, "name": token.name},
            occurred_at=now,
        )
    return token
