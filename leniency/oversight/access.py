"""Who may see and do what in oversight. Anonymous users may only submit a report and check its status.

- A report is handled by its supervising body: supervising prosecutors of the procuratorate it was routed
  to, or members of the committee it was routed or escalated to (unless conflicted). Only handlers see the
  reporter's name and contact; administrators and auditors see reports without them.
- Petitions are seen by the members of their committee, administrators and auditors, and whoever filed
  them; only assigned members add notes and decide; members of the committee (without a conflict) and
  administrators assign.
- Corrections are completed by an assigned member or a supervising prosecutor of the responsible body.
"""

from django.db.models import Q, QuerySet

from leniency.accounts.models import Role
from leniency.cases.access import visible_defendants

from .conflicts import conflicts_of_interest
from .models import Correction, Petition, PublicReport

READ_ALL_ROLES = {Role.ADMINISTRATOR, Role.AUDITOR}
HANDLER_ROLES = {Role.SUPERVISING_PROSECUTOR, Role.COMMITTEE_MEMBER}


def _reads_all(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in READ_ALL_ROLES)


def is_committee_member(user) -> bool:
    return user.is_authenticated and user.role == Role.COMMITTEE_MEMBER and user.organisation_id is not None


def _handled_q(user) -> Q:
    if user.role == Role.SUPERVISING_PROSECUTOR and user.organisation_id:
        return Q(routed_to=user.organisation_id)
    if is_committee_member(user):
        return Q(routed_to=user.organisation_id) | Q(petition__committee=user.organisation_id)
    return Q(pk__in=[])


def handled_reports(user) -> QuerySet[PublicReport]:
    """The reports `user` handles (and may see with the reporter's personal data)."""
    if not user.is_authenticated:
        return PublicReport.objects.none()
    return PublicReport.objects.filter(_handled_q(user))


def visible_reports(user) -> QuerySet[PublicReport]:
    if _reads_all(user):
        return PublicReport.objects.all()
    return handled_reports(user)


def can_handle_report(user, report: PublicReport) -> bool:
    """A handler of the report; a committee member with a conflict of interest in its petition is not."""
    if not handled_reports(user).filter(pk=report.pk).exists():
        return False
    petition = Petition.objects.filter(report=report).first()
    if is_committee_member(user) and petition is not None and conflicts_of_interest(user, petition):
        return False
    return True


def can_see_reporter(user, report: PublicReport) -> bool:
    return can_handle_report(user, report)


def visible_petitions(user) -> QuerySet[Petition]:
    if not user.is_authenticated:
        return Petition.objects.none()
    if _reads_all(user):
        return Petition.objects.all()
    q = Q(filed_by=user)
    if is_committee_member(user):
        q |= Q(committee=user.organisation_id)
    return Petition.objects.filter(q)


def can_see_investigation(user, petition: Petition) -> bool:
    """Investigation notes and the conflict check are the committee's (and auditors'), not the petitioner's."""
    return _reads_all(user) or (is_committee_member(user) and user.organisation_id == petition.committee_id)


def can_assign(user, petition: Petition) -> bool:
    if not user.is_authenticated or petition.status not in (
        Petition.Status.OPEN,
        Petition.Status.UNDER_REVIEW,
    ):
        return False
    if user.is_superuser or user.role == Role.ADMINISTRATOR:
        return True
    return (
        is_committee_member(user)
        and user.organisation_id == petition.committee_id
        and not conflicts_of_interest(user, petition)
    )


def is_assigned(user, petition: Petition) -> bool:
    return user.is_authenticated and petition.assignments.filter(member=user).exists()


def can_decide(user, petition: Petition) -> bool:
    return is_assigned(user, petition) and petition.status == Petition.Status.UNDER_REVIEW


def can_complete_correction(user, correction: Correction) -> bool:
    if not user.is_authenticated or correction.status != Correction.Status.OPEN:
        return False
    if is_assigned(user, correction.decision.petition):
        return True
    return user.role == Role.SUPERVISING_PROSECUTOR and user.organisation_id == correction.responsible_id


def petitionable_defendants(user):
    """Defendants for whom `user` may file a petition: a lawyer's own clients; any in a member's region."""
    if not user.is_authenticated:
        return visible_defendants(user)
    if user.is_lawyer or is_committee_member(user):
        return visible_defendants(user)
    return visible_defendants(user).none()


def can_declare_conflict(user) -> bool:
    return is_committee_member(user)


def can_open_inbox(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in HANDLER_ROLES | READ_ALL_ROLES)


def can_open_queue(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.role in {Role.COMMITTEE_MEMBER} | READ_ALL_ROLES
    )
