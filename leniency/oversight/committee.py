"""The review committee's work: petitions, assignment with the conflict check, notes, decisions, corrections.

Each `do_*` runs in one transaction, checks permission first with its `access.check_*` (a `Forbidden`), then its
guards (raising DomainError naming the field), and writes its audit event.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.accounts.capabilities import has_capability, roles_with
from leniency.accounts.models import Organisation, User
from leniency.audit.trail import record
from leniency.errors import DomainError

from . import access, conf
from .conflicts import conflicts_of_interest
from .models import (
    ORDERING_KINDS,
    ConflictDeclaration,
    Correction,
    Decision,
    InvestigationNote,
    Petition,
    PetitionAssignment,
    PublicReport,
    ReportReply,
)
from .reports import committee_for_region


def committee_members(committee: Organisation):
    return User.objects.filter(
        role__in=roles_with("sit_on_committee"), organisation=committee, is_active=True
    )


def do_file_petition(
    *,
    source: str,
    subject: str,
    grounds: str,
    acting_user,
    case=None,
    defendant=None,
    committee: Organisation | None = None,
    now: datetime | None = None,
) -> Petition:
    """A petition from a defendant (recorded by a member or their lawyer) or from a lawyer."""
    access.check_file_petition(acting_user, defendant)
    now = now or clock.now()
    if source not in (Petition.Source.DEFENDANT, Petition.Source.LAWYER):
        raise DomainError(_("来源：请选择"), field="source")
    if defendant is not None:
        case = defendant.case
    subject, grounds = (subject or "").strip(), (grounds or "").strip()
    if not subject:
        raise DomainError(_("事由：不能为空"), field="subject")
    if not grounds:
        raise DomainError(_("理由：不能为空"), field="grounds")
    committee = committee or committee_for_region(case.region if case else None)
    if committee is None:
        raise DomainError(_("未找到监督评议委员会"), field="committee")
    with transaction.atomic():
        petition = Petition.objects.create(
            source=source,
            committee=committee,
            case=case,
            defendant=defendant,
            filed_by=acting_user,
            subject=subject[:200],
            grounds=grounds,
            filed_at=now,
        )
        record(
            "oversight.petition.filed",
            actor=acting_user,
            obj=petition,
            case_id=case.pk if case else None,
            occurred_at=now,
            data={
                "source": source,
                "committee": committee.name,
                **({"defendant": defendant.pk} if defendant else {}),
            },
        )
    return petition


def do_declare_conflict(
    member, *, reason: str, acting_user, organisation=None, case=None, now: datetime | None = None
) -> ConflictDeclaration:
    access.check_declare_conflict(acting_user, member)
    now = now or clock.now()
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("事由：不能为空"), field="reason")
    if organisation is None and case is None:
        raise DomainError(_("请选择相关机构或填写相关案号"), field="organisation")
    with transaction.atomic():
        declaration = ConflictDeclaration.objects.create(
            member=member, organisation=organisation, case=case, reason=reason[:200], declared_at=now
        )
        record(
            "oversight.conflict.declared",
            actor=acting_user,
            obj=declaration,
            occurred_at=now,
            data={
                "member": member.pk,
                "organisation": organisation.name if organisation else "",
                "case": case.pk if case else None,
            },
        )
    return declaration


def eligible_members(petition: Petition) -> list[User]:
    """Members of the petition's committee with no conflict of interest, fewest open assignments first."""
    members = (
        committee_members(petition.committee)
        .annotate(
            load=Count(
                "petition_assignments",
                filter=Q(
                    petition_assignments__petition__status__in=[
                        Petition.Status.OPEN,
                        Petition.Status.UNDER_REVIEW,
                    ]
                ),
            )
        )
        .order_by("load", "pk")
    )
    return [m for m in members if not conflicts_of_interest(m, petition)]


def do_assign_member(
    petition: Petition, member, *, acting_user, lead: bool = False, now: datetime | None = None
) -> PetitionAssignment:
    access.check_assign_member(acting_user, petition)
    now = now or clock.now()
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        if petition.status in (Petition.Status.DECIDED, Petition.Status.CLOSED):
            raise DomainError(_("该申请已作出决定，不能再分配委员"), field="member")
        if not has_capability(member, "sit_on_committee") or member.organisation_id != petition.committee_id:
            raise DomainError(_("委员：%(name)s 不是本委员会委员") % {"name": member}, field="member")
        reasons = conflicts_of_interest(member, petition)
        if reasons:
            raise DomainError(
                _("委员：%(name)s 存在利益冲突，不得分配（%(reasons)s）")
                % {"name": member, "reasons": "；".join(reasons)},
                field="member",
            )
        if petition.assignments.filter(member=member).exists():
            raise DomainError(_("委员：%(name)s 已分配") % {"name": member}, field="member")
        lead = lead or not petition.assignments.exists()
        if lead:
            petition.assignments.update(lead=False)
        assignment = PetitionAssignment.objects.create(
            petition=petition, member=member, lead=lead, assigned_by=acting_user, assigned_at=now
        )
        if petition.status == Petition.Status.OPEN:
            petition.status = Petition.Status.UNDER_REVIEW
            petition.save(update_fields=["status"])
        record(
            "oversight.petition.assigned",
            actor=acting_user,
            obj=petition,
            case_id=petition.case_id,
            occurred_at=now,
            data={"member": member.pk, "member_name": str(member), "lead": lead, "conflict_checked": True},
        )
    return assignment


def do_auto_assign(petition: Petition, *, acting_user, count: int = 2, now: datetime | None = None) -> list:
    """Assign the `count` least-loaded members without a conflict (the first is the lead), all or none: the
    petition stays locked from the choice to the last assignment, so a second call at the same moment chooses
    after this one's members are in."""
    access.check_auto_assign(acting_user, petition)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        taken = set(petition.assignments.values_list("member_id", flat=True))
        chosen = [m for m in eligible_members(petition) if m.pk not in taken][:count]
        if not chosen:
            raise DomainError(_("没有无利益冲突的委员可以分配"), field="member")
        return [
            do_assign_member(petition, m, acting_user=acting_user, lead=(i == 0 and not taken), now=now)
            for i, m in enumerate(chosen)
        ]


def is_assigned(user, petition: Petition) -> bool:
    return user.is_authenticated and petition.assignments.filter(member=user).exists()


def do_add_note(
    petition: Petition,
    *,
    text: str,
    acting_user,
    kind: str = InvestigationNote.Kind.NOTE,
    recording=None,
    now: datetime | None = None,
) -> InvestigationNote:
    access.check_add_note(acting_user, petition)
    now = now or clock.now()
    text = (text or "").strip()
    if not text:
        raise DomainError(_("内容：不能为空"), field="text")
    if recording is not None and (
        petition.case_id is None or recording.defendant.case_id != petition.case_id
    ):
        raise DomainError(_("录音录像：只能引用本案的录音录像"), field="recording")
    with transaction.atomic():
        note = InvestigationNote.objects.create(
            petition=petition, kind=kind, text=text, recording=recording, author=acting_user, created_at=now
        )
        record(
            "oversight.note.added",
            actor=acting_user,
            obj=petition,
            case_id=petition.case_id,
            occurred_at=now,
            data={"note": note.pk, "kind": kind, "recording": recording.pk if recording else None},
        )
    return note


def do_decide(
    petition: Petition,
    *,
    kind: str,
    reasons: str,
    acting_user,
    public_summary: str = "",
    corrections: list[dict] | None = None,
    now: datetime | None = None,
) -> Decision:
    """Decide a petition. Ordering kinds need corrections: dicts of description, responsible, due_on."""
    access.check_decide(acting_user, petition)
    now = now or clock.now()
    corrections = corrections or []
    if kind not in Decision.Kind.values:
        raise DomainError(_("决定类型：请选择"), field="kind")
    reasons = (reasons or "").strip()
    if not reasons:
        raise DomainError(_("理由：作出决定必须说明理由"), field="reasons")
    if kind in ORDERING_KINDS and not corrections:
        raise DomainError(_("整改要求：此类决定须列明至少一项整改事项"), field="corrections")
    if kind not in ORDERING_KINDS and corrections:
        raise DomainError(
            _("整改要求：“%(kind)s”不下达整改事项") % {"kind": Decision.Kind(kind).label}, field="corrections"
        )
    for item in corrections:
        if not (item.get("description") or "").strip():
            raise DomainError(_("整改要求：不能为空"), field="corrections")
        if item.get("responsible") is None:
            raise DomainError(_("责任机关：请选择"), field="corrections")
    today = timezone.localtime(now).date()
    with transaction.atomic():
        petition = (
            Petition.objects.select_for_update(of=("self",)).select_related("report").get(pk=petition.pk)
        )
        if petition.status != Petition.Status.UNDER_REVIEW or hasattr(petition, "decision"):
            raise DomainError(_("该申请已作出决定"), field="kind")
        decision = Decision.objects.create(
            petition=petition,
            kind=kind,
            reasons=reasons,
            public_summary=(public_summary or "").strip(),
            decided_by=acting_user,
            decided_at=now,
        )
        rows = [
            Correction.objects.create(
                decision=decision,
                description=item["description"].strip(),
                responsible=item["responsible"],
                due_on=item.get("due_on") or today + timedelta(days=conf.get("OVERSIGHT_CORRECTION_DAYS")),
            )
            for item in corrections
        ]
        petition.status = Petition.Status.DECIDED if rows else Petition.Status.CLOSED
        petition.closed_at = None if rows else now
        petition.save(update_fields=["status", "closed_at"])
        record(
            "oversight.decision.made",
            actor=acting_user,
            obj=decision,
            case_id=petition.case_id,
            occurred_at=now,
            data={
                "petition": petition.pk,
                "kind": kind,
                "corrections": len(rows),
                **({"defendant": petition.defendant_id} if petition.defendant_id else {}),
            },
        )
        for row in rows:
            record(
                "oversight.correction.ordered",
                actor=acting_user,
                obj=row,
                case_id=petition.case_id,
                occurred_at=now,
                data={"decision": decision.pk, "responsible": row.responsible.name, "due_on": row.due_on},
            )
        report = petition.report
        if report is not None:
            report.status = PublicReport.Status.DECIDED
            report.save(update_fields=["status"])
            outcome = _("监督评议委员会决定：%(kind)s。") % {"kind": Decision.Kind(kind).label}
            ReportReply.objects.create(
                report=report,
                text=f"{outcome}{decision.public_summary}",
                public=True,
                author=acting_user,
                created_at=now,
            )
            record(
                "oversight.report.decided",
                actor=acting_user,
                obj=report,
                occurred_at=now,
                data={"decision": decision.pk, "kind": kind},
            )
    return decision


def do_complete_correction(
    correction: Correction, *, evidence: str, acting_user, now: datetime | None = None
) -> Correction:
    """Record a correction as done with its evidence; the petition closes when its last correction is done."""
    access.check_complete_correction(acting_user, correction)
    now = now or clock.now()
    evidence = (evidence or "").strip()
    if not evidence:
        raise DomainError(_("完成情况及证明：不能为空"), field="evidence")
    with transaction.atomic():
        correction = (
            Correction.objects.select_for_update(of=("self",))
            .select_related("decision__petition")
            .get(pk=correction.pk)
        )
        if correction.status == Correction.Status.DONE:
            raise DomainError(_("该整改事项已完成"), field="evidence")
        correction.status, correction.evidence = Correction.Status.DONE, evidence
        correction.completed_at, correction.completed_by = now, acting_user
        correction.save(update_fields=["status", "evidence", "completed_at", "completed_by"])
        petition = correction.decision.petition
        record(
            "oversight.correction.completed",
            actor=acting_user,
            obj=correction,
            case_id=petition.case_id,
            occurred_at=now,
            data={
                "decision": correction.decision_id,
                "late": timezone.localtime(now).date() > correction.due_on,
            },
        )
        if not Correction.objects.filter(
            decision=correction.decision, status=Correction.Status.OPEN
        ).exists():
            petition.status, petition.closed_at = Petition.Status.CLOSED, now
            petition.save(update_fields=["status", "closed_at"])
            record(
                "oversight.petition.closed",
                actor=acting_user,
                obj=petition,
                case_id=petition.case_id,
                occurred_at=now,
                data={"decision": correction.decision_id},
            )
    return correction


def overdue_corrections(today: date):
    return Correction.objects.filter(status=Correction.Status.OPEN, due_on__lt=today).select_related(
        "decision__petition", "responsible"
    )
