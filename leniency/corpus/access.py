"""Who may use the sentencing tools of the corpus app (no case is involved, so only the role counts)."""

from leniency.accounts.capabilities import has_capability


def can_recommend(user) -> bool:
    """Prosecutors, supervising prosecutors, judges and lawyers may compute recommendations."""
    return bool(user.is_authenticated and user.is_active and has_capability(user, "calculate"))
