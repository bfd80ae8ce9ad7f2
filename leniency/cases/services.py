"""Every state change of cases and defendants: one atomic, audited function each."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency.audit.trail import record
from leniency.errors import DomainError
from leniency.sentencing.catalogue import all_charges
from leniency.sentencing.standards import load_standard

from . import access
from .models import Case, Charge, Defendant, DefendantCharge
from .stages import TRANSITIONS, TRIAL_STAGES, Procedure, Stage


def do_open_case(
    *, number, title, region, procuratorate, received_on, acting_user, court=None, prosecutor=None, facts=""
) -> Case:
    access.check_open_case(acting_user, procuratorate)
    if Case.objects.filter(number=number).exists():
        raise DomainError(_("案号 %(number)s 已存在") % {"number": number}, field="number")
    with transaction.atomic():
        case = Case.objects.create(
            number=number,
            title=title,
            region=region,
            procuratorate=procuratorate,
            court=court,
            prosecutor=prosecutor,
            facts=facts,
            received_on=received_on,
        )
        record(
            "case.opened",
            actor=acting_user,
            obj=case,
            case_id=case.pk,
            data={"number": number, "title": title, "procuratorate": procuratorate.name},
        )
    return case


def do_add_defendant(
    case: Case,
    *,
    charges: list[Charge],
    acting_user,
    stage=Stage.INVESTIGATION,
    stage_since: date | None = None,
    **person,
) -> Defendant:
    access.check_add_defendant(acting_user, case)
    if not charges:
        raise DomainError(_("至少需要一个罪名"), field="charges")
    with transaction.atomic():
        defendant = Defendant.objects.create(
            case=case, stage=stage, stage_since=stage_since or timezone.localdate(), **person
        )
        DefendantCharge.objects.bulk_create(
            DefendantCharge(defendant=defendant, charge=charge, principal=(i == 0))
            for i, charge in enumerate(charges)
        )
        # The audit trail names the defendant by id only: personal data stays in the case record.
        record(
            "defendant.added",
            actor=acting_user,
            obj=defendant,
            case_id=case.pk,
            data={"defendant": defendant.pk, "charges": [c.name for c in charges], "stage": stage},
        )
    return defendant


def do_change_stage(
    defendant: Defendant, *, to: str, acting_user, as_of: date | None = None, reason: str = ""
) -> Defendant:
    """Move a defendant to the next stage; an unlawful move raises DomainError naming both stages."""
    access.check_change_stage(acting_user, defendant)
    as_of = as_of or timezone.localdate()
    with transaction.atomic():
        # Re-read under a row lock so two users cannot both move the same defendant.
        current = Defendant.objects.select_for_update().only("stage", "stage_since").get(pk=defendant.pk)
        defendant.stage, defendant.stage_since = current.stage, current.stage_since
        if to not in TRANSITIONS[defendant.stage]:
            raise DomainError(
                _("不能从“%(from)s”转入“%(to)s”")
                % {"from": Stage(defendant.stage).label, "to": _stage_label(to)},
                field="stage",
            )
        if as_of < defendant.stage_since:
            raise DomainError(
                _("日期不能早于进入当前阶段的日期 %(date)s") % {"date": defendant.stage_since}, field="as_of"
            )
        previous = defendant.stage
        defendant.stage, defendant.stage_since = to, as_of
        defendant.save(update_fields=["stage", "stage_since"])
        record(
            "defendant.stage.changed",
            actor=acting_user,
            obj=defendant,
            case_id=defendant.case_id,
            data={"defendant": defendant.pk, "from": previous, "to": to, "as_of": as_of, "reason": reason},
        )
    return defendant


def do_set_procedure(defendant: Defendant, *, procedure: str, acting_user) -> Defendant:
    access.check_set_procedure(acting_user, defendant)
    if procedure not in Procedure.values:
        raise DomainError(_("未知的审理程序：%(value)s") % {"value": procedure}, field="procedure")
    if defendant.stage not in TRIAL_STAGES:
        raise DomainError(_("审理程序在提起公诉后才能确定"), field="procedure")
    with transaction.atomic():
        previous = defendant.procedure
        defendant.procedure = procedure
        defendant.save(update_fields=["procedure"])
        record(
            "defendant.procedure.set",
            actor=acting_user,
            obj=defendant,
            case_id=defendant.case_id,
            data={"defendant": defendant.pk, "from": previous, "to": procedure},
        )
    return defendant


def _stage_label(value: str) -> str:
    return Stage(value).label if value in Stage.values else value


def sync_charge_catalogue() -> int:
    """Load the engine's charge catalogue (every charge in the Criminal Law) into the Charge table."""
    with_guideline = set(load_standard().crimes)
    existing = {c.name: c for c in Charge.objects.all()}
    created = 0
    for info in all_charges():
        values = {
            "article": info.article,
            "article_label": info.article_label,
            "has_guideline": info.name in with_guideline,
        }
        charge = existing.get(info.name)
        if charge is None:
            Charge.objects.create(name=info.name, **values)
            created += 1
        elif any(getattr(charge, k) != v for k, v in values.items()):
            Charge.objects.filter(pk=charge.pk).update(**values)
    return created
