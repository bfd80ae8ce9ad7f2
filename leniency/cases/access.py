"""Who may see and change what. Object-level: every query for cases or defendants goes through here."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.errors import Forbidden

from .models import Case, Defendant
from .stages import COURT_STAGES, PROSECUTION_STAGES

NOTHING = Q(pk__in=[])


def _case_scope(user) -> Q:
    """The cases an organisation-bound user sees. Lawyers are scoped per defendant instead."""
    if user.is_superuser or has_capability(user, "read_all"):
        return Q()
    org = user.organisation
    if org is None:
        return NOTHING
    if user.is_prosecution:
        return Q(procuratorate=org)
    if has_capability(user, "adjudicate"):
        return Q(court=org)
    if has_capability(user, "see_region"):
        return org.region.subtree_q()
    return NOTHING


def _lawyer_defendants(user) -> QuerySet[Defendant]:
    return Defendant.objects.filter(
        counsel_assignments__lawyer=user, counsel_assignments__ended_at__isnull=True
    ).distinct()


def visible_cases(user) -> QuerySet[Case]:
    if not user.is_authenticated:
        return Case.objects.none()
    if user.is_lawyer and not user.is_superuser:
        return Case.objects.filter(pk__in=_lawyer_defendants(user).values("case_id"))
    return Case.objects.filter(_case_scope(user))


def visible_defendants(user) -> QuerySet[Defendant]:
    """A lawyer sees only the defendants assigned to them, never their co-defendants."""
    if not user.is_authenticated:
        return Defendant.objects.none()
    if user.is_lawyer and not user.is_superuser:
        return _lawyer_defendants(user)
    return Defendant.objects.filter(case__in=visible_cases(user))


def can_see_identity(user) -> bool:
    """The full ID and phone numbers, among those who see the defendant: the procuratorate, the court and the
    defendant's own lawyers. The centre, the committee, auditors and administrators work without them."""
    return user.is_authenticated and (
        user.is_prosecution or has_capability(user, "adjudicate") or user.is_lawyer
    )


def can_change_stage(user, defendant: Defendant) -> bool:
    """The procuratorate moves a defendant before trial; the court from trial on."""
    if not user.is_authenticated:
        return False
    if user.is_prosecution:
        return (
            defendant.stage in PROSECUTION_STAGES and defendant.case.procuratorate_id == user.organisation_id
        )
    if has_capability(user, "adjudicate"):
        return defendant.stage in COURT_STAGES and defendant.case.court_id == user.organisation_id
    return False


def _of_procuratorate(user, procuratorate_id) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or (user.is_prosecution and user.organisation_id == procuratorate_id))
    )


# Permission to take each action, checked once inside its `do_*` service: failing one is a 403 (`Forbidden`).
def check_open_case(user, procuratorate) -> None:
    """A case is received (受理) by the procuratorate that reviews it for prosecution."""
    if not _of_procuratorate(user, procuratorate.pk):
        raise Forbidden(_("只有受理案件的检察院可以登记案件"))


def check_add_defendant(user, case) -> None:
    if not _of_procuratorate(user, case.procuratorate_id):
        raise Forbidden(_("只有本案检察院可以登记犯罪嫌疑人"))


def check_change_stage(user, defendant: Defendant) -> None:
    if not can_change_stage(user, defendant):
        raise Forbidden(_("审判前由本案检察院、审判中由本案法院变更诉讼阶段"))


def check_set_procedure(user, defendant: Defendant) -> None:
    """The trial court decides the procedure (CPL arts. 214, 222)."""
    if not (
        user.is_authenticated
        and has_capability(user, "adjudicate")
        and defendant.case.court_id is not None
        and defendant.case.court_id == user.organisation_id
    ):
        raise Forbidden(_("审理程序由审判本案的法院决定（刑事诉讼法第214条、第222条）"))
