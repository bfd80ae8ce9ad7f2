"""Conflict of interest (利益冲突) between a committee member and a petition.

A member is never assigned when any of these holds:
- the member belongs to an organisation involved in the case (its procuratorate, its court, or the law
  firm of any lawyer who acted for a defendant in it), or to the body a public report was routed to;
- the member declared a conflict with the case, or with one of those organisations;
- the member handled the case (owns it, was counsel in it, or appears as the actor of any of its audit events);
- the member filed the petition (recording a defendant's petition on their behalf does not count).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from leniency.audit.models import AuditEvent
from leniency.counsel.models import CounselAssignment

from .models import ConflictDeclaration, Petition


def involved_organisations(petition: Petition) -> set[int]:
    ids: set[int] = set()
    case = petition.case
    if case is not None:
        ids |= {case.procuratorate_id, case.court_id}
        ids |= set(
            CounselAssignment.objects.filter(
                defendant__case=case, lawyer__organisation__isnull=False
            ).values_list("lawyer__organisation_id", flat=True)
        )
    if (
        petition.report_id
        and petition.report.routed_to_id
        and petition.report.routed_to_id != petition.committee_id
    ):
        ids.add(petition.report.routed_to_id)
    ids.discard(None)
    return ids


def conflicts_of_interest(member, petition: Petition) -> list[str]:
    """The reasons `member` may not review `petition`; empty when there is none."""
    reasons: list[str] = []
    organisations = involved_organisations(petition)
    case = petition.case
    if member.organisation_id in organisations:
        reasons.append(_("所属机构“%(org)s”与本案有关") % {"org": member.organisation})
    for declaration in ConflictDeclaration.objects.filter(member=member).select_related("organisation"):
        if case is not None and declaration.case_id == case.pk:
            reasons.append(_("已申报与本案存在利益冲突：%(reason)s") % {"reason": declaration.reason})
        elif declaration.organisation_id in organisations:
            reasons.append(
                _("已申报与“%(org)s”存在利益冲突：%(reason)s")
                % {"org": declaration.organisation, "reason": declaration.reason}
            )
    if case is not None:
        handled = (
            case.prosecutor_id == member.pk
            or CounselAssignment.objects.filter(defendant__case=case, lawyer=member).exists()
            or AuditEvent.objects.filter(case_id=case.pk, actor=member)
            .exclude(action__startswith="oversight.")
            .exists()
        )
        if handled:
            reasons.append(_("曾经办本案"))
    if petition.filed_by_id == member.pk and petition.source != Petition.Source.DEFENDANT:
        reasons.append(_("系本申请的提交人"))
    return reasons
