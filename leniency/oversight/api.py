"""Oversight API: submitting a report and checking its status are public (auth=None, rate-limited per address);
everything else needs a log-in and follows `access.py` like the pages."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from leniency import clock

from . import conf, ratelimit
from .access import can_see_reporter, visible_petitions, visible_reports
from .forms import REPORT_DESCRIPTION_MAX_LENGTH
from .models import Petition
from .reports import do_submit_report, find_by_code, format_code, public_status

router = Router(tags=["oversight"])


class ReportIn(Schema):
    """The same caps as the page's form: a longer text is refused with 422 naming its field."""

    kind: str = Field(..., max_length=30)
    description: str = Field(..., max_length=REPORT_DESCRIPTION_MAX_LENGTH)
    case_number: str = Field("", max_length=60)
    reporter_name: str = Field("", max_length=50)
    reporter_contact: str = Field("", max_length=100)


class ReportCreated(Schema):
    tracking_code: str
    due_on: date


class StatusIn(Schema):
    code: str = Field(..., max_length=20)


class ReplyOut(Schema):
    text: str
    at: datetime


class StatusOut(Schema):
    status: str
    status_label: str
    kind_label: str
    received_on: date
    due_on: date
    replies: list[ReplyOut]


class Message(Schema):
    detail: str


@router.post("/reports", auth=None, response={201: ReportCreated, 429: Message})
def submit_report(request, payload: ReportIn):
    """Submit a report without an account (no attachments here: use the form). The code is returned once."""
    address, limit = ratelimit.client_address(request), conf.get("OVERSIGHT_REPORTS_PER_HOUR")
    if not ratelimit.take("report", address, limit):  # atomic; given back if the report is not filed
        return Status(
            429,
            {
                "detail": _("提交过于频繁：同一网络地址每小时最多提交 %(n)s 件举报，请一小时后再试。")
                % {"n": limit}
            },
        )
    try:
        report, code = do_submit_report(
            kind=payload.kind,
            description=payload.description,
            case_number=payload.case_number,
            reporter_name=payload.reporter_name,
            reporter_contact=payload.reporter_contact,
        )
    except Exception:
        ratelimit.give_back("report", address)
        raise
    return Status(201, {"tracking_code": format_code(code), "due_on": report.due_on})


@router.post("/reports/status", auth=None, response={200: StatusOut, 404: Message, 429: Message})
def report_status(request, payload: StatusIn):
    """Status and public replies of the report with this tracking code; nothing else."""
    address, limit = ratelimit.client_address(request), conf.get("OVERSIGHT_STATUS_CHECKS_PER_HOUR")
    if not ratelimit.take("status", address, limit):
        return Status(429, {"detail": _("查询过于频繁，请一小时后再试。")})
    report = find_by_code(payload.code)
    if report is None:
        return Status(404, {"detail": _("未找到该查询码对应的举报，请核对后重试。")})
    return Status(200, public_status(report))


class ReportRow(Schema):
    id: int
    kind: str
    status: str
    routed_to: str | None
    case_number: str
    received_at: datetime
    due_on: date
    overdue: bool
    reporter_name: str | None = None  # only for the body handling the report
    reporter_contact: str | None = None


@router.get("/reports", response=list[ReportRow])
def list_reports(request, status: str = ""):
    rows = visible_reports(request.user).select_related("routed_to")
    if status:
        rows = rows.filter(status=status)
    today = clock.today()
    out = []
    for r in rows[:500]:
        personal = can_see_reporter(request.user, r)
        out.append(
            {
                "id": r.pk,
                "kind": r.kind,
                "status": r.status,
                "routed_to": r.routed_to.name if r.routed_to else None,
                "case_number": r.case_number,
                "received_at": r.received_at,
                "due_on": r.due_on,
                "overdue": r.is_overdue(today),
                "reporter_name": r.reporter_name if personal else None,
                "reporter_contact": r.reporter_contact if personal else None,
            }
        )
    return out


class CorrectionOut(Schema):
    id: int
    description: str
    responsible: str
    due_on: date
    status: str
    overdue: bool


class PetitionOut(Schema):
    id: int
    source: str
    status: str
    subject: str
    case_number: str | None
    filed_at: datetime
    members: list[str]
    decision: str | None
    corrections: list[CorrectionOut]


def _petition_out(p: Petition, today) -> dict:
    decision = getattr(p, "decision", None)
    corrections = list(decision.corrections.select_related("responsible")) if decision else []
    return {
        "id": p.pk,
        "source": p.source,
        "status": p.status,
        "subject": p.subject,
        "case_number": p.case.number if p.case else None,
        "filed_at": p.filed_at,
        "members": [str(a.member) for a in p.assignments.select_related("member")],
        "decision": decision.kind if decision else None,
        "corrections": [
            {
                "id": c.pk,
                "description": c.description,
                "responsible": c.responsible.name,
                "due_on": c.due_on,
                "status": c.status,
                "overdue": c.is_overdue(today),
            }
            for c in corrections
        ],
    }


@router.get("/petitions", response=list[PetitionOut])
def list_petitions(request, status: str = ""):
    rows = visible_petitions(request.user).select_related("case")
    if status:
        rows = rows.filter(status=status)
    today = clock.today()
    return [_petition_out(p, today) for p in rows[:200]]


@router.get("/petitions/{petition_id}", response=PetitionOut)
def get_petition(request, petition_id: int):
    petition = get_object_or_404(visible_petitions(request.user).select_related("case"), pk=petition_id)
    return _petition_out(petition, clock.today())
