"""Who may act on the audit app's objects: API tokens (leniency/audit/tokens.py)."""

from django.utils.translation import gettext as _

from leniency.accounts.models import User
from leniency.errors import Forbidden


def check_manage_tokens(acting_user, owner: User) -> None:
    """A user manages their own tokens; the command line (acting_user None) manages anyone's."""
    if acting_user is not None and acting_user.pk != owner.pk:
        raise Forbidden(_("只能管理本人的 API 令牌"))
