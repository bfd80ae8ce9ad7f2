"""A crime done in part and attempted in part (既遂与未遂并存), weighed where its amount is placed.

法释〔2011〕7号第六条 (诈骗) and 法释〔2013〕8号第十二条第二款 (盗窃): 既有既遂，又有未遂，分别达到不同量刑幅度的，依照处罚
较重的规定处罚；达到同一量刑幅度的，以既遂处罚. Each part is placed in its own bracket, the attempted one with the
attempt's reduction (刑法第23条第2款, circumstances.yaml `attempt`); the heavier governs the whole calculation (its
amount, its fine, and whether the attempt is weighed). In one bracket the whole amount is punished as completed, in
that bracket: where the two together would reach a higher one, the completed part alone is (the interpretation compares
the brackets the parts reach, and a sum attempted founds no bracket it does not reach itself: 法释〔2013〕8号第十二条第一款
punishes a theft attempt only aimed at 数额巨大). A crime file names the rule with `completed_and_attempted` (the
interpretation, or the one it follows by analogy).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.calculator_adjust import Applied
from leniency.sentencing.calculator_baseline import Baseline, guideline_baseline
from leniency.sentencing.calculator_thresholds import apply_threshold_variant
from leniency.sentencing.catalogue import ChargeInfo
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard, Standard
from leniency.sentencing.trace import Trace

ATTEMPT = "attempt"


def governing_part(
    info: ChargeInfo,
    crime: CrimeStandard | None,
    facts: CaseFacts,
    standard: Standard,
    applied: Applied,
    trace: Trace,
) -> tuple[CaseFacts, Applied]:
    """The facts and circumstances the charge is calculated on where its amount was obtained in part and attempted in
    part (facts.amount_yuan obtained, facts.attempted_yuan sought in vain): the governing part's amount, with the attempt
    weighed only where that part governs."""
    rule = crime.extra.get("completed_and_attempted") if crime else None
    obtained, attempted = facts.amount_yuan, facts.attempted_yuan
    if rule is None or crime is None or not attempted or not obtained:
        return facts, applied
    whole = obtained + attempted
    step = {
        "kind": StepKind.NOTE,
        "rule_id": f"crime.{crime.id}.completed_and_attempted",
        "citation": rule["source"],
        "charge": info.name,
        "confidence": rule.get("confidence", "medium"),
        "obtained": _yuan(obtained),
        "attempted": _yuan(attempted),
    }
    large = apply_threshold_variant(crime, facts, Trace()).threshold("large")
    if float(attempted) < large:  # an attempt below 数额较大 reaches no bracket of its own
        trace.step("crime.stage_parts.attempt_below_threshold", **step, large=_yuan(large))
        return _on(facts, obtained), _without_attempt(applied)
    done, tried = (
        _placed(info, crime, facts, obtained, standard),
        _placed(info, crime, facts, attempted, standard),
    )
    if done.bracket_index == tried.bracket_index:
        bracket = done.tier.zh if done.tier else ""
        if _placed(info, crime, facts, whole, standard).bracket_index != done.bracket_index:
            trace.step("crime.stage_parts.same_bracket_obtained", **step, bracket=bracket)
            return _on(facts, obtained), _without_attempt(applied)
        trace.step("crime.stage_parts.same_bracket", **step, bracket=bracket, whole=_yuan(whole))
        return _on(facts, whole), _without_attempt(applied)
    reduced = tried.months * (1 - standard.circumstances[ATTEMPT].default)
    parts = {
        "done_bracket": done.tier.zh if done.tier else "",
        "done_months": _months(done.months),
        "tried_bracket": tried.tier.zh if tried.tier else "",
        "tried_months": _months(tried.months),
        "reduced_months": _months(reduced),
    }
    if reduced > done.months:
        trace.step("crime.stage_parts.attempted_governs", **step, **parts)
        rules = applied.rules if applied.has(ATTEMPT) else [*applied.rules, ATTEMPT]
        return _on(facts, attempted), dataclasses.replace(applied, rules=rules)
    trace.step("crime.stage_parts.completed_governs", **step, **parts)
    return _on(facts, obtained), _without_attempt(applied)


def _placed(
    info: ChargeInfo, crime: CrimeStandard, facts: CaseFacts, amount: Decimal, standard: Standard
) -> Baseline:
    """Steps 1-2 on one part's amount, its trace set aside."""
    return guideline_baseline(info, crime, _on(facts, amount), standard, Trace())


def _on(facts: CaseFacts, amount: Decimal) -> CaseFacts:
    return dataclasses.replace(facts, amount_yuan=amount, attempted_yuan=None)


def _without_attempt(applied: Applied) -> Applied:
    return dataclasses.replace(applied, rules=[r for r in applied.rules if r != ATTEMPT])


def _yuan(value: Decimal | float) -> str:
    return f"{float(value):,.0f}"


def _months(value: float) -> str:
    return f"{round(value, 1):g}"
