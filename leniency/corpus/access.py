"""Who may use the sentencing tools of the corpus app (no case is involved, so only the role counts)."""

from leniency.accounts.models import Role

RECOMMEND_ROLES = {
    Role.PROSECUTOR,
    Role.SUPERVISING_PROSECUTOR,
    Role.JUDGE,
    Role.DUTY_LAWYER,
    Role.DEFENCE_LAWYER,
}


def can_recommend(user) -> bool:
    """Prosecutors, supervising prosecutors, judges and lawyers may compute recommendations."""
    return bool(user.is_authenticated and user.is_active and user.role in RECOMMEND_ROLES)
