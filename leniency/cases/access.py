"""Who may see and change what. Object-level: every query for cases or defendants goes through here."""

from django.db.models import Q, QuerySet

from leniency.accounts.models import Role

from .models import Case, Defendant
from .stages import COURT_STAGES, PROSECUTION_STAGES

ALL_CASES_ROLES = {Role.ADMINISTRATOR, Role.AUDITOR}
REGION_ROLES = {Role.LEGAL_AID_OFFICER, Role.COMMITTEE_MEMBER}
NOTHING = Q(pk__in=[])


def _case_scope(user) -> Q:
    """The cases an organisation-bound user sees. Lawyers are scoped per defendant instead."""
    if user.is_superuser or user.role in ALL_CASES_ROLES:
        return Q()
    org = user.organisation
    if org is None:
        return NOTHING
    if user.is_prosecution:
        return Q(procuratorate=org)
    if user.role == Role.JUDGE:
        return Q(court=org)
    if user.role in REGION_ROLES:
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
    return user.is_authenticated and (user.is_prosecution or user.role == Role.JUDGE or user.is_lawyer)


def can_change_stage(user, defendant: Defendant) -> bool:
    """The procuratorate moves a defendant before trial; the court from trial on."""
    if not user.is_authenticated:
        return False
    if user.is_prosecution:
        return (
            defendant.stage in PROSECUTION_STAGES and defendant.case.procuratorate_id == user.organisation_id
        )
    if user.role == Role.JUDGE:
        return defendant.stage in COURT_STAGES and defendant.case.court_id == user.organisation_id
    return False
