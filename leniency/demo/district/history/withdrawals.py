"""The withdrawals (反悔) of L区's plea history, at the stage the plan drew (persons.py), with reasons weighted by
the person's features (a wide or far-above recommendation, no letter, an unacknowledged notice, no meeting), the
consequences of that stage, the lapse of round 1 and of the agreement with its signatures, and round 2's
finalisation."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import TYPE_CHECKING

from leniency.cases.stages import Stage
from leniency.demo.district.history import Event, random_time
from leniency.demo.district.history.recommendations import finalised_event
from leniency.plea.models import PleaAgreement, Signature, Withdrawal
from leniency.plea.taxonomy import DEFAULT_CONSEQUENCES, Consequence, WithdrawalReason, WithdrawalStage
from leniency.recommendations.models import SentencingRecommendation

if TYPE_CHECKING:
    from leniency.demo.district.state import District

R = WithdrawalReason
BASE_REASONS = {
    WithdrawalStage.BEFORE_PROSECUTION: {
        R.TOO_HEAVY: 20,
        R.CHANGED_MIND: 12,
        R.PRESSURE: 8,
        R.MISUNDERSTOOD: 8,
        R.STANDARD_UNCLEAR: 6,
        R.REASONING_NOT_EXPLAINED: 6,
    },
    WithdrawalStage.AT_TRIAL: {
        R.TOO_HEAVY: 15,
        R.MISUNDERSTOOD: 12,
        R.CHANGED_MIND: 12,
        R.PRESSURE: 6,
        R.OTHER: 6,
    },
    WithdrawalStage.AFTER_JUDGMENT: {R.TECHNICAL_APPEAL: 35, R.LIGHTER_SENTENCE: 30, R.TOO_HEAVY: 15},
    WithdrawalStage.AFTER_NON_PROSECUTION: {R.CHANGED_MIND: 40, R.MISUNDERSTOOD: 30, R.OTHER: 30},
}
SENTENCE_ONLY = {R.TECHNICAL_APPEAL, R.LIGHTER_SENTENCE, R.TOO_HEAVY}


def queue_withdrawals(district: District) -> None:
    """Each planned withdrawal on its day, with its reasons and consequences; the rows it ends (round 1, the
    agreement, its signatures) are written in the state they end in, and round 2 is finalised after it."""
    rng = district.rng
    SR = SentencingRecommendation
    rows, finals = [], []
    for p in district.persons:
        stage = p.withdrawn_stage
        if not stage:
            continue
        case = p.row.case
        on = {
            WithdrawalStage.BEFORE_PROSECUTION: p.sign_on + timedelta(days=rng.randint(1, 3)),
            WithdrawalStage.AT_TRIAL: p.trial_on + timedelta(days=rng.randint(1, 4)),
            WithdrawalStage.AFTER_JUDGMENT: getattr(p, "appeal_on", p.judgment_on),
            WithdrawalStage.AFTER_NON_PROSECUTION: p.row.stage_since + timedelta(days=rng.randint(3, 20)),
        }[stage]
        when = max(random_time(on, rng), p.signed_at + timedelta(hours=6))
        weights = dict(BASE_REASONS[stage])
        if stage in (WithdrawalStage.BEFORE_PROSECUTION, WithdrawalStage.AT_TRIAL):
            f = p.features
            if f.get("far_above_similar") or f.get("wide_range"):
                weights[R.TOO_HEAVY] = weights.get(R.TOO_HEAVY, 0) + 30
            if f.get("wide_range"):
                weights[R.STANDARD_UNCLEAR] = weights.get(R.STANDARD_UNCLEAR, 0) + 20
            if f.get("letter_not_delivered"):
                weights[R.REASONING_NOT_EXPLAINED] = weights.get(R.REASONING_NOT_EXPLAINED, 0) + 30
            if f.get("notice_not_acknowledged"):
                weights[R.RIGHTS_NOT_EXPLAINED] = weights.get(R.RIGHTS_NOT_EXPLAINED, 0) + 30
            if f.get("no_meeting_before_signing"):
                weights[R.NO_EFFECTIVE_HELP] = weights.get(R.NO_EFFECTIVE_HELP, 0) + 25
                weights[R.MISUNDERSTOOD] = weights.get(R.MISUNDERSTOOD, 0) + 10
        reasons = list(
            dict.fromkeys(rng.choices(list(weights), list(weights.values()), k=rng.choice([1, 1, 2])))
        )
        consequences = list(DEFAULT_CONSEQUENCES[stage])
        agreement = getattr(p, "agreement", None)
        if agreement is None:
            consequences.remove(Consequence.AGREEMENT_LAPSED)
        protest = (
            stage == WithdrawalStage.AFTER_JUDGMENT and set(reasons) <= SENTENCE_ONLY and rng.random() < 0.3
        )
        if protest:
            consequences.append(Consequence.PROTEST)
        procedure_to = ""
        if stage == WithdrawalStage.AT_TRIAL:
            procedure_to = p.row.procedure
            consequences.append(Consequence.PROCEDURE_SWITCHED)
        lapsed_round = None
        if stage in (WithdrawalStage.BEFORE_PROSECUTION, WithdrawalStage.AT_TRIAL):
            p.rec1.status, p.rec1.closed_at = SR.Status.LAPSED, when
            p.rec1.close_reason = f"犯罪嫌疑人/被告人反悔（{WithdrawalStage(stage).label}），撤回从宽量刑建议"
            lapsed_round = p.rec1
            rec2 = p.rec2
            rec2.created_at = when + timedelta(days=2)
            rec2.updated_at = rec2.submitted_at = rec2.approved_at = rec2.finalised_at = when + timedelta(
                days=3
            )
            finals.append(rec2)
        else:
            consequences = [c for c in consequences if c != Consequence.RECOMMENDATION_WITHDRAWN]
        rows.append(
            Withdrawal(
                defendant=p.row,
                stage=stage,
                defendant_stage={
                    WithdrawalStage.BEFORE_PROSECUTION: Stage.PROSECUTION_REVIEW,
                    WithdrawalStage.AT_TRIAL: Stage.FIRST_INSTANCE,
                    WithdrawalStage.AFTER_JUDGMENT: Stage.JUDGMENT,
                    WithdrawalStage.AFTER_NON_PROSECUTION: Stage.NON_PROSECUTION,
                }[stage],
                initiated_by=rng.choices(["defendant", "lawyer", "family"], [85, 10, 5])[0],
                reasons=[str(r) for r in reasons],
                other_reason="对涉案金额认定有异议" if R.OTHER in reasons else "",
                consequences=[str(c) for c in consequences],
                procedure_to=procedure_to,
                protest_note="仅以量刑过重为由上诉，原判从宽已明显不当" if protest else "",
                non_prosecution_decision="keep" if stage == WithdrawalStage.AFTER_NON_PROSECUTION else "",
                agreement=agreement,
                occurred_at=when,
                recorded_by=case.judge if stage == WithdrawalStage.AT_TRIAL else case.prosecutor,
                recorded_at=when,
            )
        )
        if lapsed_round is not None:
            rows[-1].recommendation_row = lapsed_round
        if agreement is not None:
            agreement.status, agreement.ended_at = PleaAgreement.Status.LAPSED, when
            agreement.end_reason = (
                f"{when:%Y-%m-%d} 反悔（{WithdrawalStage(stage).label}），具结书失效，原件与签名留存备查"
            )
    # The rows are written with the state they end in (a lapsed round, agreement and its signatures): nothing
    # between their moments reads them.
    for w in rows:
        if w.agreement is not None:
            for signature in w.agreement.signature_rows:
                signature.status, signature.status_reason = Signature.Status.LAPSED, "反悔，具结书失效"
        data = lambda w=w: {  # noqa: E731
            "defendant": w.defendant.pk,
            "stage": w.stage,
            "initiated_by": w.initiated_by,
            "reasons": w.reasons,
            "consequences": w.consequences,
            "agreement": w.agreement.pk if w.agreement else None,
            "recommendation": w.recommendation_id,
            "procedure_to": w.procedure_to,
            "protest": bool(w.protest_note),
        }
        case = w.defendant.case
        events = [Event(w.occurred_at, "plea.withdrawn", w, w.recorded_by, case, data)]
        if hasattr(w, "recommendation_row"):
            events.append(
                Event(
                    w.occurred_at,
                    "recommendations.recommendation.lapsed",
                    w.recommendation_row,
                    w.recorded_by,
                    case,
                    lambda w=w: {"defendant": w.defendant.pk, "round": 1},
                )
            )
        district.later(w.occurred_at, [w], events)
    for rec in finals:
        district.later(rec.finalised_at, [rec], [finalised_event(rec, district.supervisor)])
    district.counts["withdrawals"] = len(rows)
    district.counts["by_stage"] = Counter(w.stage for w in rows)
