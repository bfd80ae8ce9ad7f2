"""Withdrawal of the plea (反悔) at any stage, with its reasons and the consequences FACTS.md §3.9 gives.

Nothing is deleted: the agreement and its signatures are marked lapsed, the recommendation is marked lapsed
through the recommendations app's `do_mark_lapsed`, and the withdrawal itself is a row and an audit event.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leniency import clock
from leniency.audit.trail import record
from leniency.cases.services import do_set_procedure
from leniency.cases.stages import Procedure
from leniency.errors import DomainError
from leniency.recommendations.services import do_mark_lapsed

from . import access, state
from .models import PleaAgreement, Signature, Withdrawal
from .state import current_agreement, withdrawal_in_force
from .taxonomy import DEFAULT_CONSEQUENCES, STAGE_OF, Consequence, WithdrawalReason, WithdrawalStage

SWITCH_TARGETS = (Procedure.SUMMARY, Procedure.ORDINARY)


def do_record_withdrawal(
    defendant,
    *,
    acting_user,
    initiated_by: str,
    reasons: list[str],
    occurred_at: datetime,
    other_reason: str = "",
    statement: str = "",
    procedure_to: str = "",
    protest: bool = False,
    protest_note: str = "",
    non_prosecution_decision: str = "",
    now: datetime | None = None,
) -> Withdrawal:
    access.check_record_withdrawal(acting_user, defendant)
    now = now or clock.now()
    stage = STAGE_OF.get(defendant.stage)
    if stage is None:
        raise DomainError(
            _("“%(stage)s”阶段不能记录反悔") % {"stage": defendant.get_stage_display()}, field="stage"
        )
    if initiated_by not in Withdrawal.Initiator.values:
        raise DomainError(_("请选择反悔的提出人"), field="initiated_by")
    reasons = list(dict.fromkeys(reasons))
    if not reasons:
        raise DomainError(_("请至少选择一项反悔原因"), field="reasons")
    unknown = [r for r in reasons if r not in WithdrawalReason.values]
    if unknown:
        raise DomainError(_("未知的反悔原因：%(value)s") % {"value": "、".join(unknown)}, field="reasons")
    if WithdrawalReason.OTHER in reasons and not other_reason.strip():
        raise DomainError(_("选择“其他”原因的，须说明具体原因"), field="other_reason")
    if occurred_at > now:
        raise DomainError(_("反悔时间不能晚于现在"), field="occurred_at")
    if withdrawal_in_force(defendant) is not None:
        raise DomainError(_("此人的反悔已有记录，此后未重新签署具结书"), field="stage")
    if procedure_to:
        if stage != WithdrawalStage.AT_TRIAL:
            raise DomainError(_("只有在审理阶段反悔的，才涉及转换审理程序"), field="procedure_to")
        if procedure_to not in SWITCH_TARGETS or procedure_to == defendant.procedure:
            raise DomainError(
                _("审理程序只能由速裁转为简易或普通程序，或由简易转为普通程序"), field="procedure_to"
            )
    if protest:
        if stage != WithdrawalStage.AFTER_JUDGMENT:
            raise DomainError(_("抗诉只适用于一审判决后的反悔（上诉）"), field="protest")
        if not access.is_case_prosecutor(acting_user, defendant):
            raise DomainError(_("抗诉只能由检察机关提出"), field="protest")
    if stage == WithdrawalStage.AFTER_NON_PROSECUTION:
        if (
            non_prosecution_decision not in Withdrawal.NonProsecutionDecision.values
            or not non_prosecution_decision
        ):
            raise DomainError(
                _("请选择对原不起诉决定的处理（人民检察院刑事诉讼规则第二百七十八条）"),
                field="non_prosecution_decision",
            )
    else:
        non_prosecution_decision = ""

    with transaction.atomic():
        agreement = current_agreement(defendant)
        consequences = list(DEFAULT_CONSEQUENCES[stage])
        if agreement is None:
            consequences.remove(Consequence.AGREEMENT_LAPSED)
        if procedure_to:
            consequences.append(Consequence.PROCEDURE_SWITCHED)
        if protest:
            consequences.append(Consequence.PROTEST)
        withdrawn_rec = None
        if Consequence.RECOMMENDATION_WITHDRAWN in consequences:
            withdrawn_rec = _lapse_recommendation(defendant, acting_user=acting_user, stage=stage)
            if withdrawn_rec is None:
                consequences.remove(Consequence.RECOMMENDATION_WITHDRAWN)
        withdrawal = Withdrawal.objects.create(
            defendant=defendant,
            stage=stage,
            defendant_stage=defendant.stage,
            initiated_by=initiated_by,
            reasons=reasons,
            other_reason=other_reason.strip(),
            statement=statement,
            consequences=[str(c) for c in consequences],
            procedure_to=procedure_to,
            protest_note=protest_note.strip(),
            non_prosecution_decision=non_prosecution_decision,
            agreement=agreement,
            recommendation_id=withdrawn_rec.pk if withdrawn_rec is not None else None,
            occurred_at=occurred_at,
            recorded_by=acting_user,
            recorded_at=now,
        )
        if agreement is not None:
            _lapse_agreement(agreement, withdrawal=withdrawal, acting_user=acting_user, now=now)
        procedure_applied = False
        if procedure_to and access.is_case_judge(acting_user, defendant):
            do_set_procedure(defendant, procedure=procedure_to, acting_user=acting_user)
            procedure_applied = True
        record(
            "plea.withdrawn",
            actor=acting_user,
            obj=withdrawal,
            case_id=defendant.case_id,
            occurred_at=now,
            data={
                "defendant": defendant.pk,
                "stage": stage,
                "initiated_by": initiated_by,
                "reasons": reasons,
                "consequences": withdrawal.consequences,
                "agreement": agreement.pk if agreement else None,
                "recommendation": withdrawal.recommendation_id,
                "procedure_to": procedure_to,
                "procedure_applied": procedure_applied,
                "protest": protest,
                "non_prosecution_decision": non_prosecution_decision,
            },
        )
    return withdrawal


def _lapse_agreement(agreement: PleaAgreement, *, withdrawal: Withdrawal, acting_user, now) -> None:
    reason = _("%(date)s 反悔（%(stage)s），具结书失效，原件与签名留存备查") % {
        "date": f"{timezone.localtime(withdrawal.occurred_at):%Y-%m-%d}",
        "stage": withdrawal.get_stage_display(),
    }
    agreement.status, agreement.ended_at, agreement.end_reason = PleaAgreement.Status.LAPSED, now, reason
    agreement.save(update_fields=["status", "ended_at", "end_reason"])
    agreement.signatures.filter(status=Signature.Status.VALID).update(
        status=Signature.Status.LAPSED, status_reason=reason
    )
    record(
        "plea.agreement.lapsed",
        actor=acting_user,
        obj=agreement,
        case_id=agreement.defendant.case_id,
        occurred_at=now,
        data={"defendant": agreement.defendant_id, "version": agreement.version, "withdrawal": withdrawal.pk},
    )


def _lapse_recommendation(defendant, *, acting_user, stage):
    """The recommendations app marks its final recommendation lapsed (and writes its own audit event)."""
    if state.final_recommendation(defendant) is None:
        return None
    reason = _("犯罪嫌疑人/被告人反悔（%(stage)s），撤回从宽量刑建议") % {
        "stage": WithdrawalStage(stage).label
    }
    return do_mark_lapsed(defendant, acting_user=acting_user, reason=reason)
