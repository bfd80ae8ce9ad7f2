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
from django.utils.translation import gettext as _

from leniency.accounts.capabilities import has_capability
from leniency.cases.access import visible_defendants
from leniency.errors import Forbidden

from .conflicts import conflicts_of_interest
from .models import Correction, Petition, PublicReport


def _reads_all(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_capability(user, "read_all"))


def is_committee_member(user) -> bool:
    return (
        user.is_authenticated
        and has_capability(user, "sit_on_committee")
        and user.organisation_id is not None
    )


def _handled_q(user) -> Q:
    if has_capability(user, "supervise") and user.organisation_id:
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
    if user.is_superuser or has_capability(user, "administer"):
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
    return has_capability(user, "supervise") and user.organisation_id == correction.responsible_id


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
    return user.is_authenticated and (
        user.is_superuser or has_capability(user, "handle_reports") or has_capability(user, "read_all")
    )


def can_open_queue(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or has_capability(user, "sit_on_committee") or has_capability(user, "read_all")
    )


# Permission to take each action, checked once inside its `do_*` service; the pages answer 404 before that
# for what a user may not see. Failing one is a 403 (`Forbidden`); a petition in the wrong status is a rule the
# service refuses with a 400.
def _may_assign(user, petition: Petition) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or has_capability(user, "administer"):
        return True
    return (
        is_committee_member(user)
        and user.organisation_id == petition.committee_id
        and not conflicts_of_interest(user, petition)
    )


def check_file_petition(user, defendant) -> None:
    """A lawyer for their own client, or a committee member for a defendant of their region."""
    if not (user.is_authenticated and (user.is_lawyer or is_committee_member(user))):
        raise Forbidden(_("只有辩护人、值班律师或监督评议委员会委员可以提出评议申请"))
    if defendant is not None and not petitionable_defendants(user).filter(pk=defendant.pk).exists():
        raise Forbidden(_("只能为本人代理的当事人或本委员会辖区内的当事人提出评议申请"))


def check_declare_conflict(user, member) -> None:
    if not (can_declare_conflict(user) and member.pk == user.pk):
        raise Forbidden(_("只有监督评议委员会委员本人可以申报利益冲突"))


def check_assign_member(user, petition: Petition) -> None:
    if not _may_assign(user, petition):
        raise Forbidden(_("只有本委员会无利益冲突的委员或管理员可以分配委员"))


def check_auto_assign(user, petition: Petition) -> None:
    check_assign_member(user, petition)


def check_add_note(user, petition: Petition) -> None:
    if not is_assigned(user, petition):
        raise Forbidden(_("只有分配到本申请的委员可以记录调查情况"))


def check_decide(user, petition: Petition) -> None:
    if not is_assigned(user, petition):
        raise Forbidden(_("只有分配到本申请的委员可以作出决定"))


def check_complete_correction(user, correction: Correction) -> None:
    if not user.is_authenticated or not (
        is_assigned(user, correction.decision.petition)
        or (has_capability(user, "supervise") and user.organisation_id == correction.responsible_id)
    ):
        raise Forbidden(_("只有分配到本申请的委员或责任机关的主管检察官可以完成整改事项"))


def check_reply_to_report(user, report: PublicReport) -> None:
    if not can_handle_report(user, report):
        raise Forbidden(_("只有承办此举报的机关可以答复"))


def check_escalate_report(user, report: PublicReport) -> None:
    """Its handler hands a report on; `user` None is the overdue job (`escalate_overdue`), which needs no one."""
    if user is not None and not can_handle_report(user, report):
        raise Forbidden(_("只有承办此举报的机关可以移交监督评议委员会"))
