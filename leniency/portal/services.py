"""Typical cases: propose → anonymise → review (the reviewer sees the diff) → publish. Each step audited."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.cases.models import DefendantCharge
from leniency.errors import DomainError

from . import access
from .anonymise import PATTERNS, anonymise
from .models import TypicalCase

Status = TypicalCase.Status


def known_names(case) -> list[str]:
    """The names the case record knows: its defendants (first), then its prosecutor and judge accounts."""
    if case is None:
        return []
    names = [d.name for d in case.defendants.all()]
    for user in (case.prosecutor,):
        if user is not None and user.display_name:
            names.append(user.display_name)
    return names


def leaks(text: str, case=None, extra_names=()) -> list[str]:
    """What in `text` would identify someone: a known name, ID or phone number, or anything the patterns match."""
    found = []
    for name in [*known_names(case), *extra_names]:
        if name and name in text:
            found.append(name)
    if case is not None:
        for pair in case.defendants.values_list("id_number", "phone"):
            found += [number for number in pair if number and number in text]
    for label, pattern, _replacement in PATTERNS:
        if label in ("id_number", "phone", "bank_card", "email"):
            found += [m.group(0) for m in pattern.finditer(text)]
    return found


def _event(action, tc: TypicalCase, actor, **data):
    record(
        action,
        actor=actor,
        obj=tc,
        case_id=tc.case_id,
        data={"typical_case": tc.pk, "number": tc.number, "status": tc.status, **data},
    )


@transaction.atomic
def do_propose_typical_case(
    case, *, title: str, acting_user, text: str = "", reasons: str = "", now=None
) -> TypicalCase:
    access.check_propose_typical_case(acting_user, case)
    title = (title or "").strip()
    if not title:
        raise DomainError(_("请填写标题"), field="title")
    text = (text or "").strip() or (case.facts if case is not None else "")
    if not text.strip():
        raise DomainError(_("案例原文不能为空"), field="text")
    now = now or clock.now()
    tc = TypicalCase.objects.create(
        case=case, title=title, source_text=text, reasons=reasons, proposed_by=acting_user, proposed_at=now
    )
    _event("portal.typical_case.proposed", tc, acting_user)
    return tc


def _crime(case) -> str:
    if case is None:
        return ""
    link = (
        DefendantCharge.objects.filter(defendant__case=case, principal=True)
        .select_related("charge")
        .order_by("defendant_id")
        .first()
    )
    return str(link.charge) if link else ""


@transaction.atomic
def do_anonymise_typical_case(tc: TypicalCase, *, acting_user, extra_names=(), now=None) -> TypicalCase:
    """Run the anonymiser (again) over the source text and title; the case goes to review."""
    access.check_anonymise_typical_case(acting_user, tc)
    tc = TypicalCase.objects.select_for_update().get(pk=tc.pk)
    if tc.status not in (Status.PROPOSED, Status.ANONYMISED, Status.REJECTED):
        raise DomainError(_("该典型案例当前状态不能重新匿名化"), field="status")
    extra = [n.strip() for n in extra_names if n and n.strip()]
    names = known_names(tc.case)
    result = anonymise(tc.source_text, known_names=names, extra_names=extra)
    title = anonymise(tc.title, known_names=names, extra_names=extra)
    case = tc.case
    tc.public_text = result.text
    tc.public_title = title.text
    tc.extra_names = extra
    tc.replacements = [
        {"kind": r.kind, "original": r.original, "replacement": r.replacement}
        for r in result.replacements + title.replacements
    ]
    tc.crime = _crime(case)
    if case is not None:
        region = case.region
        tc.region_label = region.parent.full_name() if region.parent else region.full_name()
        procedures = {d.get_procedure_display() for d in case.defendants.all() if d.procedure}
        tc.procedure = "、".join(sorted(procedures))
    tc.status = Status.ANONYMISED
    tc.anonymised_at = now or clock.now()
    tc.save()
    _event("portal.typical_case.anonymised", tc, acting_user, replacements=len(tc.replacements))
    return tc


@transaction.atomic
def do_publish_typical_case(
    tc: TypicalCase,
    *,
    acting_user,
    public_title: str | None = None,
    public_text: str | None = None,
    keywords: str = "",
    note: str = "",
    now=None,
) -> TypicalCase:
    """The reviewer approves (optionally editing the anonymised text); refused if anything identifying remains."""
    access.check_publish_typical_case(acting_user, tc)
    tc = TypicalCase.objects.select_for_update().get(pk=tc.pk)
    if tc.proposed_by_id == acting_user.pk:
        raise DomainError(_("提议人不能审核自己提议的案例"), field="status")
    if tc.status != Status.ANONYMISED:
        raise DomainError(_("案例须先匿名化再发布"), field="status")
    if public_title is not None:
        tc.public_title = public_title.strip()
    if public_text is not None:
        tc.public_text = public_text.strip()
    if not tc.public_title or not tc.public_text:
        raise DomainError(_("发布标题和文本不能为空"), field="public_text")
    found = leaks(tc.public_title + "\n" + tc.public_text, tc.case, tc.extra_names)
    if found:
        raise DomainError(
            _("文本仍含可识别个人的信息：%(items)s") % {"items": "、".join(sorted(set(found)))},
            field="public_text",
        )
    now = now or clock.now()
    tc.keywords = keywords.strip()
    tc.review_note = note
    tc.reviewed_by, tc.reviewed_at = acting_user, now
    tc.status, tc.published_at = Status.PUBLISHED, now
    if not tc.number:
        tc.number = _next_number(now)
    tc.save()
    _event("portal.typical_case.published", tc, acting_user)
    return tc


def _next_number(now) -> str:
    year = timezone.localtime(now).year
    prefix = f"{year}-"
    taken = [
        int(m.group(1))
        for n in TypicalCase.objects.filter(number__startswith=prefix).values_list("number", flat=True)
        if (m := re.fullmatch(rf"{year}-(\d+)", n))
    ]
    return f"{prefix}{max(taken, default=0) + 1:03d}"


@transaction.atomic
def do_reject_typical_case(tc: TypicalCase, *, acting_user, note: str, now=None) -> TypicalCase:
    access.check_reject_typical_case(acting_user, tc)
    tc = TypicalCase.objects.select_for_update().get(pk=tc.pk)
    if tc.status not in (Status.PROPOSED, Status.ANONYMISED):
        raise DomainError(_("该典型案例当前状态不能退回"), field="status")
    if not note.strip():
        raise DomainError(_("请填写审核意见"), field="note")
    tc.status, tc.review_note = Status.REJECTED, note.strip()
    tc.reviewed_by, tc.reviewed_at = acting_user, now or clock.now()
    tc.save()
    _event("portal.typical_case.rejected", tc, acting_user, note=note.strip())
    return tc


@transaction.atomic
def do_withdraw_typical_case(tc: TypicalCase, *, acting_user, note: str, now=None) -> TypicalCase:
    access.check_withdraw_typical_case(acting_user, tc)
    tc = TypicalCase.objects.select_for_update().get(pk=tc.pk)
    if tc.status != Status.PUBLISHED:
        raise DomainError(_("只能撤回已发布的案例"), field="status")
    if not note.strip():
        raise DomainError(_("请填写撤回理由"), field="note")
    tc.status, tc.review_note = Status.WITHDRAWN, note.strip()
    tc.save()
    _event("portal.typical_case.withdrawn", tc, acting_user, note=note.strip())
    return tc
