"""Who may do what with typical cases and reports. Reading the public portal needs no account."""

from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.cases.access import visible_cases
from leniency.errors import Forbidden


def can_propose(user, case=None) -> bool:
    if not user.is_authenticated or not (user.is_superuser or has_capability(user, "propose_typical_cases")):
        return False
    return case is None or visible_cases(user).filter(pk=case.pk).exists()


def can_review(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_capability(user, "review_typical_cases"))


def can_manage_cases(user) -> bool:
    return can_propose(user) or can_review(user)


def can_generate_report(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_capability(user, "administer"))


# Permission to take each action, checked once inside its `do_*` service: failing one is a 403 (`Forbidden`).
def check_propose_typical_case(user, case=None) -> None:
    if not can_propose(user, case):
        raise Forbidden(_("只有本案的检察官、法官，监督评议委员会委员或管理员可以提议典型案例"))


def check_anonymise_typical_case(user, tc) -> None:
    if not (can_review(user) or (user.is_authenticated and tc.proposed_by_id == user.pk)):
        raise Forbidden(_("只有提议人或审核人可以处理该典型案例"))


def check_publish_typical_case(user, tc) -> None:
    if not can_review(user):
        raise Forbidden(_("只有审核人（主管检察官、监督评议委员会委员或管理员）可以发布典型案例"))


def check_reject_typical_case(user, tc) -> None:
    if not can_review(user):
        raise Forbidden(_("只有审核人（主管检察官、监督评议委员会委员或管理员）可以退回典型案例"))


def check_withdraw_typical_case(user, tc) -> None:
    if not can_review(user):
        raise Forbidden(_("只有审核人（主管检察官、监督评议委员会委员或管理员）可以撤回典型案例"))


def check_generate_report(user) -> None:
    """An administrator publishes the transparency report; `user` None is the operator of `manage.py report`."""
    if user is not None and not can_generate_report(user):
        raise Forbidden(_("只有系统管理员可以生成透明度报告"))
