"""Who may do what with typical cases and reports. Reading the public portal needs no account."""

from leniency.accounts.models import Role
from leniency.cases.access import visible_cases

PROPOSER_ROLES = {
    Role.PROSECUTOR,
    Role.SUPERVISING_PROSECUTOR,
    Role.JUDGE,
    Role.COMMITTEE_MEMBER,
    Role.ADMINISTRATOR,
}
REVIEWER_ROLES = {Role.SUPERVISING_PROSECUTOR, Role.COMMITTEE_MEMBER, Role.ADMINISTRATOR}


def can_propose(user, case=None) -> bool:
    if not user.is_authenticated or not (user.is_superuser or user.role in PROPOSER_ROLES):
        return False
    return case is None or visible_cases(user).filter(pk=case.pk).exists()


def can_review(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in REVIEWER_ROLES)


def can_manage_cases(user) -> bool:
    return can_propose(user) or can_review(user)


def can_generate_report(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.ADMINISTRATOR)
