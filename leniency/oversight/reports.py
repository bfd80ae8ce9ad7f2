"""The public reporting channel: submit, route, answer, escalate. Every state change is one audited `do_*`.

The audit trail never holds the reporter's name or contact, and report events carry no case id, so the
case timeline does not tell the people reported on that a report exists.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.accounts.models import Organisation, Region
from leniency.audit.trail import record
from leniency.cases.models import Case
from leniency.errors import DomainError

from . import access, attachments, conf, workdays
from .models import Petition, PublicReport, ReportAttachment, ReportReply

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12  # 32**12 = 2**60 codes


def new_tracking_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def find_by_code(code: str) -> PublicReport | None:
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return PublicReport.objects.filter(tracking_hash=hash_code(code)).first()


def committee_for_region(region: Region | None) -> Organisation | None:
    """The review committee of `region` or the nearest region above it; else the only/first committee."""
    committees = Organisation.objects.filter(kind=Organisation.Kind.REVIEW_COMMITTEE)
    for level in region.lineage() if region is not None else []:
        found = committees.filter(region=level).order_by("pk").first()
        if found is not None:
            return found
    return committees.order_by("pk").first()


def route(case: Case | None, region: Region | None) -> Organisation | None:
    """Who answers a report: the procuratorate of the named case, else the region's review committee."""
    if case is not None:
        return case.procuratorate
    return committee_for_region(region)


def answer_due(received_on, *, days: int | None = None):
    return workdays.add_working_days(
        received_on, days if days is not None else conf.get("OVERSIGHT_ANSWER_WORKING_DAYS")
    )


def do_submit_report(
    *,
    kind: str,
    description: str,
    case_number: str = "",
    region: Region | None = None,
    reporter_name: str = "",
    reporter_contact: str = "",
    files=(),
    now: datetime | None = None,
) -> tuple[PublicReport, str]:
    """Accept a report from anyone; return it with its tracking code, which is not stored and shown once."""
    now = now or clock.now()
    if kind not in PublicReport.Kind.values:
        raise DomainError(_("举报类型：请选择"), field="kind")
    description = (description or "").strip()
    if len(description) < 10:
        raise DomainError(_("举报内容：请至少写 10 个字，说明发生了什么"), field="description")
    checked = attachments.check_files(files)
    case_number = (case_number or "").strip()
    case = Case.objects.filter(number=case_number).select_related("region").first() if case_number else None
    if case is not None:
        region = case.region
    routed_to = route(case, region)
    code = new_tracking_code()
    stored: list[str] = []
    try:
        with transaction.atomic():
            report = PublicReport.objects.create(
                tracking_hash=hash_code(code),
                kind=kind,
                description=description,
                case_number=case_number[:60],
                case=case,
                region=region,
                routed_to=routed_to,
                reporter_name=reporter_name.strip()[:50],
                reporter_contact=reporter_contact.strip()[:100],
                received_at=now,
                due_on=answer_due(timezone.localtime(now).date()),
            )
            for item in checked:
                name = attachments.store(item)
                stored.append(name)
                ReportAttachment.objects.create(
                    report=report,
                    original_name=item.original_name,
                    kind=item.kind,
                    file_name=name,
                    size=item.size,
                    sha256=item.sha256,
                )
            record(
                "oversight.report.received",
                actor=None,
                obj=report,
                occurred_at=now,
                data={
                    "kind": kind,
                    "routed_to": routed_to.name if routed_to else "",
                    "due_on": report.due_on,
                    "attachments": len(checked),
                    "case_named": bool(case_number),
                },
            )
    except BaseException:
        attachments.delete_stored(stored)
        raise
    return report, code


def do_reply_to_report(
    report: PublicReport, *, text: str, acting_user, public: bool = True, now: datetime | None = None
) -> ReportReply:
    """A public reply answers the report (if it is still waiting); an internal note does not."""
    access.check_reply_to_report(acting_user, report)
    now = now or clock.now()
    text = (text or "").strip()
    if not text:
        raise DomainError(_("答复内容：不能为空"), field="text")
    with transaction.atomic():
        report = PublicReport.objects.select_for_update().get(pk=report.pk)
        reply = ReportReply.objects.create(
            report=report, text=text, public=public, author=acting_user, created_at=now
        )
        answered = public and report.status == PublicReport.Status.RECEIVED
        if answered:
            report.status, report.answered_at = PublicReport.Status.ANSWERED, now
            report.save(update_fields=["status", "answered_at"])
        record(
            "oversight.report.answered" if answered else "oversight.report.replied",
            actor=acting_user,
            obj=report,
            occurred_at=now,
            data={
                "public": public,
                "reply": reply.pk,
                "late": answered and timezone.localtime(now).date() > report.due_on,
            },
        )
    return reply


def do_escalate_report(
    report: PublicReport, *, acting_user=None, reason: str = "", now: datetime | None = None
) -> Petition:
    """Hand a report to the review committee as a petition (automatically when overdue, or by its handler)."""
    access.check_escalate_report(acting_user, report)
    now = now or clock.now()
    with transaction.atomic():
        report = (
            PublicReport.objects.select_for_update(of=("self",))
            .select_related("case", "region", "routed_to")
            .get(pk=report.pk)
        )
        if report.status in (PublicReport.Status.ESCALATED, PublicReport.Status.DECIDED):
            raise DomainError(_("该举报已移交监督评议委员会"), field="status")
        region = report.region or (report.routed_to.region if report.routed_to else None)
        committee = committee_for_region(region)
        if committee is None:
            raise DomainError(_("未找到监督评议委员会，无法移交"), field="committee")
        overdue = report.is_overdue(timezone.localtime(now).date())
        report.status, report.escalated_at = PublicReport.Status.ESCALATED, now
        report.save(update_fields=["status", "escalated_at"])
        petition = Petition.objects.create(
            source=Petition.Source.REPORT,
            committee=committee,
            case=report.case,
            report=report,
            subject=str(PublicReport.Kind(report.kind).label),
            grounds=report.description,
            filed_at=now,
        )
        reason = reason or (_("逾期未答复") if overdue else "")
        record(
            "oversight.report.escalated",
            actor=acting_user,
            obj=report,
            occurred_at=now,
            data={
                "petition": petition.pk,
                "committee": committee.name,
                "overdue": overdue,
                "reason": reason,
                "due_on": report.due_on,
            },
        )
        record(
            "oversight.petition.filed",
            actor=acting_user,
            obj=petition,
            case_id=report.case_id,
            occurred_at=now,
            data={"source": petition.source, "report": report.pk, "committee": committee.name},
        )
    return petition


def do_record_attachment_access(attachment: ReportAttachment, *, acting_user) -> None:
    """Opening a reporter's file is written to the audit trail (who saw what, and when)."""
    record(
        "oversight.report.attachment.opened",
        actor=acting_user,
        obj=attachment.report,
        data={"attachment": attachment.pk, "sha256": attachment.sha256},
    )


def overdue_reports(today):
    return PublicReport.objects.filter(status=PublicReport.Status.RECEIVED, due_on__lt=today)


def escalate_overdue(*, now: datetime | None = None) -> list[Petition]:
    """Escalate every report not answered by its due date (run by `leniency oversight escalate` and the inbox)."""
    now = now or clock.now()
    petitions = []
    for report in overdue_reports(timezone.localtime(now).date()).order_by("due_on", "pk"):
        try:
            petitions.append(do_escalate_report(report, now=now))
        except DomainError:
            continue  # escalated meanwhile, or no committee to escalate to
    return petitions


def public_status(report: PublicReport) -> dict:
    """What the status page may show: status, dates and public replies. Never contact data or other reports."""
    return {
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "kind_label": str(report.get_kind_display()),
        "received_on": timezone.localtime(report.received_at).date(),
        "due_on": report.due_on,
        "replies": [{"text": r.text, "at": r.created_at} for r in report.replies.filter(public=True)],
    }
