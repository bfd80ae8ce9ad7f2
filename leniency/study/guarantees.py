"""Guarantees around a withdrawal (反悔), read from the recommendations and plea apps.

1. A legitimate withdrawal may cost the defendant the plea discount and nothing more: a recommendation made
   after a withdrawal must not be heavier than the term without a plea (the calculator's `plea_scenarios
   ["without"]` stored with the lapsed round; where it is missing, the lapsed term grossed up by the 30 % most
   a plea earns under the 2021 guideline, FACTS.md §2).
2. An appeal after an adopted recommendation that only seeks a lighter sentence is flagged for the
   prosecutor's decision on a protest (抗诉): SPP 2021 guidance (FACTS.md §2, ⚠️) and CPL art. 237 (§3.9 ✅).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from leniency.plea.models import Withdrawal
from leniency.plea.taxonomy import Consequence, WithdrawalReason, WithdrawalStage
from leniency.recommendations.models import CourtDecision, SentencingRecommendation

MAX_PLEA_DISCOUNT = 0.30
SENTENCE_ONLY = {
    WithdrawalReason.TOO_HEAVY,
    WithdrawalReason.LIGHTER_SENTENCE,
    WithdrawalReason.TECHNICAL_APPEAL,
}
HEAVIER_RULE = _(
    "反悔只使被告人失去认罪认罚的从宽，不得因反悔加重处罚：反悔后的量刑建议不应重于不认罪认罚时应判的刑期"
    "（2019年指导意见第52条，原文待核实；2021年量刑建议指导意见第三十四条，转引自二手资料）。"
)
PROTEST_RULE = _(
    "被告人认罪认罚、量刑建议被采纳后，仅以量刑过重为由上诉，致从宽明显不当的，检察院应当依法抗诉"
    "（最高人民检察院2021年量刑建议指导意见，转引自二手资料）；检察院抗诉的，不受上诉不加刑限制"
    "（刑事诉讼法第二百三十七条）。上诉权不得剥夺（刑事诉讼法第二百二十七条）。"
)


def _point(rec) -> float | None:
    if rec.kind == "range" and rec.high_months is not None:
        return float(rec.high_months)  # the top of a range is what the defendant risks
    return None if rec.months is None else float(rec.months)


@dataclass
class HeavierFinding:
    defendant_id: int
    withdrawal: Withdrawal
    before: SentencingRecommendation
    after: SentencingRecommendation
    cap_months: int
    after_months: float
    cap_source: str

    @property
    def excess(self) -> float:
        return self.after_months - self.cap_months

    @property
    def rule(self) -> str:
        return str(HEAVIER_RULE)


def heavier_after_withdrawal(defendant_ids) -> list[HeavierFinding]:
    """Recommendations made after a withdrawal that exceed the term without a plea."""
    withdrawals = list(
        Withdrawal.objects.filter(defendant_id__in=defendant_ids, recommendation_id__isnull=False).order_by(
            "occurred_at"
        )
    )
    if not withdrawals:
        return []
    recs = {}
    for rec in SentencingRecommendation.objects.filter(
        defendant_id__in={w.defendant_id for w in withdrawals}
    ).order_by("round"):
        recs.setdefault(rec.defendant_id, []).append(rec)
    return heavier_among(withdrawals, recs)


def heavier_among(withdrawals, recs: dict[int, list]) -> list[HeavierFinding]:
    """`heavier_after_withdrawal` over loaded rows: withdrawals in the order they occurred, each defendant's
    rounds in round order."""
    findings = []
    for w in withdrawals:
        if w.recommendation_id is None:
            continue
        rounds = recs.get(w.defendant_id, [])
        before = next((r for r in rounds if r.pk == w.recommendation_id), None)
        if before is None:
            continue
        scenarios = (before.calculation or {}).get("plea_scenarios") or {}
        if scenarios.get("without"):
            cap, source = int(scenarios["without"]), "calculator"
        else:
            point = _point(before)
            if point is None:
                continue
            cap, source = math.ceil(point / (1 - MAX_PLEA_DISCOUNT)), "gross_up"
        for after in rounds:
            if after.round <= before.round or after.finalised_at is None:
                continue
            months = _point(after)
            if months is not None and months > cap:
                findings.append(HeavierFinding(w.defendant_id, w, before, after, cap, months, source))
    return findings


@dataclass
class ProtestFlag:
    withdrawal: Withdrawal
    recommendation_id: int
    decided: bool  # the protest consequence or a note is on the withdrawal

    @property
    def rule(self) -> str:
        return str(PROTEST_RULE)


def protest_flags(defendant_ids) -> list[ProtestFlag]:
    """Appeals after judgment, on the sentence only, where the court had adopted the recommendation."""
    return protests_among(
        Withdrawal.objects.filter(defendant_id__in=defendant_ids, stage=WithdrawalStage.AFTER_JUDGMENT)
        .select_related("defendant", "defendant__case")
        .order_by("occurred_at")
    )


def protests_among(withdrawals) -> list[ProtestFlag]:
    """`protest_flags` over loaded withdrawals (in the order they occurred); the court's decisions are read only
    when one of them is such an appeal."""
    flags = []
    appeals = [
        w
        for w in withdrawals
        if w.stage == WithdrawalStage.AFTER_JUDGMENT
        and w.reasons
        and set(w.reasons) <= {str(r) for r in SENTENCE_ONLY}
    ]
    if not appeals:
        return []
    adopted = dict(
        CourtDecision.objects.filter(
            recommendation__defendant_id__in={w.defendant_id for w in appeals},
            decision=CourtDecision.Decision.ADOPT,
        ).values_list("recommendation__defendant_id", "recommendation_id")
    )
    for w in appeals:
        if w.defendant_id in adopted:
            decided = Consequence.PROTEST in w.consequences or bool(w.protest_note)
            flags.append(ProtestFlag(w, adopted[w.defendant_id], decided))
    return flags
