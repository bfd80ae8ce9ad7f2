"""Victims (被害人): registering them, hearing their opinion (CPL art. 173) and recording their agreements with a
defendant (赔偿 / 谅解 / 刑事和解), which the calculation reads as facts of the record (`settlement_facts`).

A recommendation is not finalised while a victim of its defendant has not been heard and no reason why they
could not be is recorded (`finalise_blockers`, asked by `recommendations.services.do_finalise`).
"""

from __future__ import annotations

import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.personal_data import log_personal_data_read
from leniency.audit.trail import record
from leniency.documents.uploads import SCANS, TIFF, stage_upload
from leniency.errors import DomainError

from . import access
from .identity import validate_id_number
from .models import Case, Defendant, Settlement, Victim, VictimOpinion

CONTACT = "id_number,phone,address"
MAX_SCAN_BYTES = 20 * 1024 * 1024

SETTLEMENT_SCANS = (*SCANS, TIFF)  # a settlement may come as a fax-era TIFF


def visible_victims(user) -> QuerySet[Victim]:
    """The victims of the defendants the user sees: a lawyer, only those of their own clients."""
    return Victim.objects.filter(defendants__in=access.visible_defendants(user)).distinct()


def log_contact_read(user, victim: Victim, *, via: str, path: str = "") -> None:
    """A read of a victim's full contact details, kept with the reads of defendants' personal data under the
    defendant they are linked to (the read log is keyed by defendant), the victim named in `fields`."""
    defendant = victim.defendants.order_by("pk").first()
    if defendant is not None:
        log_personal_data_read(user, [defendant], fields=f"victim#{victim.pk}:{CONTACT}", via=via, path=path)


def _defendants_of(case: Case, defendants) -> list[Defendant]:
    chosen = list(defendants)
    if not chosen:
        raise DomainError(_("请选择加害于被害人的犯罪嫌疑人"), field="defendants")
    if any(d.case_id != case.pk for d in chosen):
        raise DomainError(_("所选犯罪嫌疑人不属于本案"), field="defendants")
    return chosen


def do_add_victim(
    case: Case,
    *,
    name: str,
    defendants,
    acting_user,
    id_number: str = "",
    phone: str = "",
    address: str = "",
    now: datetime | None = None,
) -> Victim:
    """Register a victim of the case, linked to the defendants whose acts harmed them; at intake or later."""
    access.check_add_victim(acting_user, case)
    name = name.strip()
    if not name:
        raise DomainError(_("请填写被害人姓名"), field="name")
    chosen = _defendants_of(case, defendants)
    if id_number:
        id_number = validate_id_number(id_number)
    now = now or clock.now()
    with transaction.atomic():
        victim = Victim.objects.create(
            case=case,
            name=name,
            id_number=id_number,
            phone=phone.strip(),
            address=address.strip(),
            added_by=acting_user,
            added_at=now,
        )
        victim.defendants.set(chosen)
        # The trail names the victim by id: the contact details stay in the case record.
        record(
            "case.victim.added",
            actor=acting_user,
            obj=victim,
            case_id=case.pk,
            occurred_at=now,
            data={"victim": victim.pk, "defendants": [d.pk for d in chosen]},
        )
    return victim


def _check_pair(victim: Victim, defendant: Defendant) -> None:
    if not victim.defendants.filter(pk=defendant.pk).exists():
        raise DomainError(_("该被害人未登记为此犯罪嫌疑人的被害人"), field="defendant")


def do_record_victim_opinion(
    victim: Victim,
    *,
    defendant: Defendant,
    position: str,
    method: str,
    heard_on: date,
    text: str = "",
    acting_user,
    now: datetime | None = None,
) -> VictimOpinion:
    """The victim's opinion on the defendant's plea and sentencing recommendation, as the procuratorate heard
    it (CPL art. 173): when, how, and whether they agree, object or have none."""
    access.check_record_victim_opinion(acting_user, victim.case)
    heard = {VictimOpinion.Position.AGREE, VictimOpinion.Position.OBJECT, VictimOpinion.Position.NONE}
    if position not in heard:
        raise DomainError(_("请选择被害人的意见"), field="position")
    if method not in VictimOpinion.Method.values:
        raise DomainError(_("请选择听取方式"), field="method")
    if position == VictimOpinion.Position.OBJECT and not text.strip():
        raise DomainError(_("被害人有异议的，须记录其意见内容"), field="text")
    return _record_opinion(victim, defendant, position, method, heard_on, text, acting_user, now)


def do_record_victim_unreachable(
    victim: Victim,
    *,
    defendant: Defendant,
    reason: str,
    as_of: date,
    acting_user,
    now: datetime | None = None,
) -> VictimOpinion:
    """Why the victim's opinion could not be heard (moved away, cannot be reached, refuses to give one): the
    record that lets the recommendation be finalised without it."""
    access.check_record_victim_opinion(acting_user, victim.case)
    if not reason.strip():
        raise DomainError(_("请写明无法听取被害人意见的原因"), field="text")
    return _record_opinion(
        victim, defendant, VictimOpinion.Position.UNREACHABLE, "", as_of, reason, acting_user, now
    )


def _record_opinion(victim, defendant, position, method, heard_on, text, acting_user, now) -> VictimOpinion:
    _check_pair(victim, defendant)
    now = now or clock.now()
    if heard_on > timezone.localdate(now):
        raise DomainError(_("日期不能晚于今天"), field="heard_on")
    with transaction.atomic():
        opinion = VictimOpinion.objects.create(
            victim=victim,
            defendant=defendant,
            position=position,
            method=method,
            heard_on=heard_on,
            text=text.strip(),
            recorded_by=acting_user,
            recorded_at=now,
        )
        action = (
            "case.victim.unreachable"
            if position == VictimOpinion.Position.UNREACHABLE
            else "case.victim.heard"
        )
        record(
            action,
            actor=acting_user,
            obj=opinion,
            case_id=victim.case_id,
            occurred_at=now,
            data={
                "victim": victim.pk,
                "defendant": defendant.pk,
                "position": position,
                "method": method,
                "heard_on": heard_on,
                "text": opinion.text,
            },
        )
    return opinion


def do_record_settlement(
    victim: Victim,
    *,
    defendant: Defendant,
    kind: str,
    signed_on: date,
    acting_user,
    amount: Decimal | None = None,
    amount_paid: Decimal | None = None,
    note: str = "",
    fileobj=None,
    original_name: str = "",
    now: datetime | None = None,
) -> Settlement:
    """A compensation, forgiveness or reconciliation agreement with its scanned copy (PDF, JPEG, PNG or TIFF,
    typed from its first bytes, hashed as it streams into the archive)."""
    access.check_record_settlement(acting_user, victim.case)
    _check_pair(victim, defendant)
    if kind not in Settlement.Kind.values:
        raise DomainError(_("请选择协议类型"), field="kind")
    now = now or clock.now()
    if signed_on > timezone.localdate(now):
        raise DomainError(_("日期不能晚于今天"), field="signed_on")
    if kind == Settlement.Kind.COMPENSATION and not amount:
        raise DomainError(_("赔偿协议须写明赔偿金额"), field="amount")
    if amount_paid is not None and amount is None:
        raise DomainError(_("写明已履行金额的，须先写明约定金额"), field="amount")
    if amount_paid is not None and amount is not None and amount_paid > amount:
        raise DomainError(_("已履行金额不能超过约定金额"), field="amount_paid")
    staged = media = None
    if fileobj is not None:
        staged, media = stage_upload(
            fileobj,
            types=SETTLEMENT_SCANS,
            max_bytes=MAX_SCAN_BYTES,
            field="document",
            refused=lambda found: _("扫描件须为 PDF、JPEG、PNG 或 TIFF 文件"),
        )
    with staged.removed_on_failure() if staged is not None else nullcontext(), transaction.atomic():
        settlement = Settlement.objects.create(
            victim=victim,
            defendant=defendant,
            kind=kind,
            signed_on=signed_on,
            amount=amount,
            amount_paid=amount_paid,
            note=note.strip()[:300],
            original_name=original_name[-200:] if staged else "",
            media_type=media.media_type if media else "",
            size=staged.size if staged else None,
            sha256=staged.sha256 if staged else "",
            recorded_by=acting_user,
            recorded_at=now,
        )
        record(
            f"case.settlement.{kind}",
            actor=acting_user,
            obj=settlement,
            case_id=victim.case_id,
            occurred_at=now,
            data={
                "victim": victim.pk,
                "defendant": defendant.pk,
                "kind": kind,
                "signed_on": signed_on,
                "amount": str(amount) if amount is not None else None,
                "amount_paid": str(amount_paid) if amount_paid is not None else None,
                "sha256": settlement.sha256,
            },
        )
        if staged is not None:
            name = f"victims/{victim.case_id}/{uuid.uuid4().hex}.{media.extensions[0]}"
            placed = staged.place(name)
            settlement.file_name = placed.name
            settlement.save(update_fields=["file_name"])
    return settlement


# --- what other apps read -------------------------------------------------------------------------------------


def finalise_blockers(defendant: Defendant) -> list[str]:
    """Why the defendant's recommendation may not be finalised yet: each victim neither heard nor recorded as
    unreachable (CPL art. 173)."""
    unheard = (
        Victim.objects.filter(defendants=defendant)
        .exclude(opinions__defendant=defendant)
        .order_by("pk")
        .values_list("name", flat=True)
    )
    return [
        _("须先听取被害人%(name)s对认罪认罚和量刑建议的意见，或记录无法听取的原因（刑事诉讼法第173条）")
        % {"name": name}
        for name in unheard
    ]


@dataclass(frozen=True)
class RecordFact:
    """A fact the platform holds, for the calculation: `key` is the engine's (a circumstance or a quantity)."""

    key: str
    value: object
    recorded_on: date | None
    source: str
    note: str = ""


def settlement_facts(defendant: Defendant) -> list[RecordFact]:
    """赔偿 (full or partial, with the sums), 谅解, 刑事和解 and the number of victims, as the record holds them for
    this defendant: each the latest agreement of its kind, its date and which agreement it is."""
    facts: list[RecordFact] = []
    latest: dict[str, Settlement] = {}
    for settlement in Settlement.objects.filter(defendant=defendant).order_by("signed_on", "pk"):
        latest[settlement.kind] = settlement
    compensation = latest.get(Settlement.Kind.COMPENSATION)
    if compensation is not None:
        paid = compensation.amount_paid or Decimal(0)
        if paid > 0:
            full = compensation.paid_in_full
            note = (
                _("全部赔偿 %(paid)s 元") if full else _("部分赔偿 %(paid)s 元（约定 %(amount)s 元）")
            ) % {
                "paid": paid,
                "amount": compensation.amount,
            }
            facts.append(
                RecordFact(
                    "compensation", True, compensation.signed_on, f"settlement:{compensation.pk}", note
                )
            )
    for kind in (Settlement.Kind.FORGIVENESS, Settlement.Kind.RECONCILIATION):
        if kind in latest:
            item = latest[kind]
            facts.append(
                RecordFact(kind.value, True, item.signed_on, f"settlement:{item.pk}", item.get_kind_display())
            )
    # The number of victims is the charge's quantity only where the defendant has one charge: with several, each
    # charge counts the victims of its own acts, which the register does not say.
    registered = Victim.objects.filter(defendants=defendant).order_by("-added_at")
    count = registered.count()
    if count and defendant.charge_links.count() == 1:
        last = timezone.localdate(registered.first().added_at)
        facts.append(RecordFact("victims", count, last, "victims", _("登记被害人 %(n)s 人") % {"n": count}))
    return facts
