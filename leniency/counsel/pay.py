"""Compensation: the fee computed from the participation log and the case's complexity, the claim
workflow (submitted → approved / rejected) and the payment export (CSV, Excel)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.documents.spreadsheet import safe_cell
from leniency.errors import DomainError
from leniency.sentencing.catalogue import find_charge

from . import access
from .models import Claim, CounselAssignment, FeeSchedule, ParticipationEntry, Service
from .rules import fee_schedule_for

CENT = Decimal("0.01")
DETAINED = {"criminal_detention", "arrested"}


def severity_tier(charge_names) -> str:
    """By the basic statutory bracket (the lowest) of the gravest charge: serious when it starts at three years
    or more or reaches above ten (robbery), medium when it reaches above three years, otherwise minor."""
    floor = ceiling = 0
    for name in charge_names:
        info = find_charge(name)
        if info is not None and info.lowest is not None:
            floor = max(floor, info.lowest.floor_months)
            ceiling = max(ceiling, info.lowest.ceiling_months)
    if floor >= 36 or ceiling > 120:
        return "serious"
    if ceiling > 36:
        return "medium"
    return "minor"


@dataclass(frozen=True)
class Complexity:
    tier: str  # minor / medium / serious
    defendants: int
    charges: int
    procedure: str
    detained: bool


def complexity_of(assignment: CounselAssignment) -> Complexity:
    defendant = assignment.defendant
    names = [c.name for c in defendant.charges.all()]
    return Complexity(
        tier=severity_tier(names),
        defendants=defendant.case.defendants.count(),
        charges=len(names),
        procedure=defendant.procedure,
        detained=bool(defendant.detained_on) or defendant.detention in DETAINED,
    )


def compute_fee(
    schedule: FeeSchedule, *, services: Counter, minutes: int, complexity: Complexity
) -> tuple[Decimal, Decimal, dict]:
    """(amount, multiplier, breakdown). Pure: the schedule's numbers, the counts and the complexity."""
    lines = []
    base = Decimal(schedule.per_case)
    lines.append({"item": "per_case", "amount": str(base)})
    for service in Service.values:
        count = services.get(service, 0)
        rate = Decimal(str(schedule.service_rates.get(service, 0)))
        if count and rate:
            lines.append({"item": service, "count": count, "rate": str(rate), "amount": str(rate * count)})
            base += rate * count
    hours = (Decimal(minutes) / 60).quantize(CENT, rounding=ROUND_HALF_UP)
    time_pay = (hours * Decimal(schedule.per_hour)).quantize(CENT, rounding=ROUND_HALF_UP)
    lines.append(
        {"item": "hours", "hours": str(hours), "rate": str(schedule.per_hour), "amount": str(time_pay)}
    )
    base += time_pay
    weights = {
        "severity": Decimal(str(schedule.severity_weights.get(complexity.tier, 0))),
        "procedure": Decimal(str(schedule.procedure_weights.get(complexity.procedure, 0))),
        "co_defendants": Decimal(schedule.co_defendant_weight) * max(0, complexity.defendants - 1),
        "charges": Decimal(schedule.extra_charge_weight) * max(0, complexity.charges - 1),
        "detention": Decimal(schedule.detention_weight) if complexity.detained else Decimal(0),
    }
    multiplier = min(Decimal(1) + sum(weights.values()), Decimal(schedule.max_multiplier)).quantize(CENT)
    amount = (base * multiplier).quantize(CENT, rounding=ROUND_HALF_UP)
    breakdown = {
        "lines": lines,
        "base": str(base.quantize(CENT)),
        "hours": str(hours),
        "weights": {k: str(v) for k, v in weights.items()},
        "multiplier": str(multiplier),
        "complexity": complexity.__dict__,
        "schedule": schedule.pk,
    }
    return amount, multiplier, breakdown


def quote(assignment: CounselAssignment, *, on=None) -> tuple[FeeSchedule, Decimal, Decimal, dict]:
    on = on or clock.today()
    schedule = fee_schedule_for(assignment.defendant.case.region, on)
    if schedule is None:
        raise DomainError(_("没有适用的补贴标准"), field="schedule")
    entries = list(ParticipationEntry.objects.filter(assignment=assignment).values_list("service", "minutes"))
    if not entries:
        raise DomainError(_("没有履职记录，不能申请补贴"), field="assignment")
    services = Counter(service for service, _m in entries)
    amount, multiplier, breakdown = compute_fee(
        schedule, services=services, minutes=sum(m for _s, m in entries), complexity=complexity_of(assignment)
    )
    return schedule, amount, multiplier, breakdown


def do_submit_claim(assignment: CounselAssignment, *, acting_user, as_of: datetime | None = None) -> Claim:
    """The lawyer claims the subsidy for one assignment, computed from the log; a returned claim is recomputed."""
    access.check_submit_claim(acting_user, assignment)
    as_of = as_of or clock.now()
    if assignment.kind == CounselAssignment.Kind.RETAINED:
        raise DomainError(_("委托辩护不适用法律援助补贴"), field="assignment")
    existing = Claim.objects.filter(assignment=assignment).first()
    if existing is not None and existing.status != Claim.Status.REJECTED:
        raise DomainError(_("该案已申请补贴"), field="assignment")
    schedule, amount, multiplier, breakdown = quote(assignment, on=timezone.localdate(as_of))
    hours = Decimal(breakdown["hours"])
    with transaction.atomic():
        if existing is None:
            claim = Claim.objects.create(
                assignment=assignment,
                lawyer=acting_user,
                schedule=schedule,
                hours=hours,
                multiplier=multiplier,
                amount=amount,
                breakdown=breakdown,
                submitted_at=as_of,
            )
        else:
            claim = existing
            claim.schedule, claim.hours, claim.multiplier, claim.amount = schedule, hours, multiplier, amount
            claim.breakdown, claim.submitted_at, claim.status = breakdown, as_of, Claim.Status.SUBMITTED
            claim.decided_by, claim.decided_at, claim.decision_note = None, None, ""
            claim.save()
        record(
            "counsel.claim.submitted",
            actor=acting_user,
            obj=claim,
            case_id=assignment.defendant.case_id,
            occurred_at=as_of,
            data={
                "defendant": assignment.defendant_id,
                "amount": amount,
                "multiplier": multiplier,
                "hours": hours,
            },
        )
    return claim


def do_decide_claim(
    claim: Claim, *, approve: bool, acting_user, note: str = "", as_of: datetime | None = None
) -> Claim:
    access.check_decide_claim(acting_user, claim)
    as_of = as_of or clock.now()
    if claim.status != Claim.Status.SUBMITTED:
        raise DomainError(_("只能审核待审核的申请"), field="status")
    if not approve and not note.strip():
        raise DomainError(_("退回须写明理由"), field="note")
    if acting_user.pk == claim.lawyer_id:
        raise DomainError(_("不能审核本人的申请"), field="status")
    with transaction.atomic():
        claim.status = Claim.Status.APPROVED if approve else Claim.Status.REJECTED
        claim.decided_by, claim.decided_at, claim.decision_note = acting_user, as_of, note.strip()
        claim.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        record(
            "counsel.claim.approved" if approve else "counsel.claim.rejected",
            actor=acting_user,
            obj=claim,
            case_id=claim.assignment.defendant.case_id,
            occurred_at=as_of,
            data={"defendant": claim.assignment.defendant_id, "amount": claim.amount, "note": note},
        )
    return claim


EXPORT_HEADER = [
    "编号",
    "律师",
    "执业证号",
    "律师事务所",
    "案号",
    "当事人编号",
    "类型",
    "用时（小时）",
    "复杂程度系数",
    "金额（元）",
    "核准时间",
]


def _rows(claims):
    for claim in claims:
        profile = getattr(claim.lawyer, "lawyer_profile", None)
        yield [
            claim.pk,
            str(claim.lawyer),
            profile.licence_no if profile else "",
            str(profile.firm) if profile and profile.firm else "",
            claim.assignment.defendant.case.number,
            claim.assignment.defendant_id,
            claim.assignment.get_kind_display(),
            claim.hours,
            claim.multiplier,
            claim.amount,
            timezone.localtime(claim.decided_at).strftime("%Y-%m-%d %H:%M") if claim.decided_at else "",
        ]


def payable(claims):
    return (
        claims.filter(status=Claim.Status.APPROVED)
        .select_related("lawyer__lawyer_profile__firm", "assignment__defendant__case")
        .order_by("decided_at", "pk")
    )


def claims_csv(claims) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    for row in _rows(claims):
        writer.writerow([str(safe_cell(v)) for v in row])
    return buffer.getvalue()


def claims_xlsx(claims) -> bytes:
    # openpyxl takes half a second to import and only this export needs it.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "补贴支付"
    sheet.append(EXPORT_HEADER)
    total = Decimal(0)
    for row in _rows(claims):
        total += row[9]
        sheet.append([safe_cell(v) for v in row])  # Decimal written as its exact decimal, not a float
    sheet.append(["", "合计", "", "", "", "", "", "", "", total, ""])
    for hours, multiplier, amount in sheet.iter_rows(min_row=2, min_col=8, max_col=10):
        hours.number_format, multiplier.number_format, amount.number_format = "0.00", "0.00", "#,##0.00"
    for column, width in zip("ABCDEFGHIJK", (8, 10, 20, 24, 26, 10, 14, 12, 12, 12, 18), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def do_record_export(claims, *, fmt: str, acting_user, as_of: datetime | None = None) -> int:
    """Mark approved claims as exported for payment and audit the export (who, how many, total)."""
    access.check_record_export(acting_user)
    as_of = as_of or clock.now()
    claims = list(claims)
    with transaction.atomic():
        Claim.objects.filter(pk__in=[c.pk for c in claims], exported_at__isnull=True).update(
            exported_at=as_of
        )
        record(
            "counsel.claims.exported",
            actor=acting_user,
            object_type="counsel.claim",
            occurred_at=as_of,
            data={
                "format": fmt,
                "count": len(claims),
                "total": sum((c.amount for c in claims), Decimal(0)),
                "claims": [c.pk for c in claims][:500],
            },
        )
    return len(claims)
