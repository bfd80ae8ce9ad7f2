"""The sentence a demo judgment gives each defendant, decided when the judgment is recorded.

The calculator on the case's facts as the court read them (the text without the sentences about co-defendants
only, with the defendant's charges) gives the term; it is kept within what the Criminal Law allows
(`judgments.check_sentence`). The record's own facts (`recommendations.confirmed.fact_rows`: the plea agreement,
compensation) are not laid over it: the other builders add them after the judgment, and reading them per
defendant would double the demo's build time. The recommendation
builder (builders/recommendations.py) later reads the sentence back (`recommendation_values`) so that an adopted
recommendation is the sentence, and one the court departed from differs from it as the decision says.
"""

from __future__ import annotations

from decimal import Decimal

from leniency.cases.judgments import (
    PROBATION_MAX_TERM,
    PROBATION_RANGES,
    TERM_RANGES,
    SentenceIn,
    check_sentence,
)
from leniency.cases.models import PenaltyKind
from leniency.errors import DomainError
from leniency.recommendations.engine import PENALTY_FROM_ENGINE, defendant_facts, engine_facts
from leniency.sentencing.calculator import calculate

FALLBACK = SentenceIn(PenaltyKind.CRIMINAL_DETENTION, months=3)


def sentence_for(defendant) -> SentenceIn:
    """The sentence of `defendant` (its case and charge links loaded) by the calculator, or a short 拘役 when the
    calculator cannot read the facts."""
    charges = [link.charge.name for link in defendant.charge_links.all()]
    facts = defendant_facts(defendant)
    try:
        calc = calculate(engine_facts(facts, charges))
    except Exception:  # noqa: BLE001 - one odd fact text must not stop the demo
        return FALLBACK
    penalty = PENALTY_FROM_ENGINE.get(str(calc.penalty), PenaltyKind.FIXED_TERM)
    months = probation = None
    if penalty in TERM_RANGES:
        low, high, _article = TERM_RANGES[penalty]
        months = min(max(calc.months or low, low), high)
        if calc.probation_advised and penalty in PROBATION_RANGES:
            if not (penalty == PenaltyKind.FIXED_TERM and months > PROBATION_MAX_TERM):
                p_low, p_high = PROBATION_RANGES[penalty]
                probation = min(max(calc.probation_months or p_low, p_low, months), p_high)
    fine = Decimal(calc.fine_yuan) if calc.fine_yuan and penalty != PenaltyKind.EXEMPT else None
    if penalty == PenaltyKind.FINE_ONLY and fine is None:
        fine = Decimal(2000)
    # 并处没收财产 where the charge's bracket makes it mandatory (刑法第59条), as the recommendation carries it; never
    # with 单处罚金 or 免予刑事处罚 (check_sentence refuses those)
    confiscation = bool(calc.confiscation) and penalty not in (PenaltyKind.FINE_ONLY, PenaltyKind.EXEMPT)
    sentence = SentenceIn(
        penalty, months=months, probation_months=probation, fine_yuan=fine, confiscation=confiscation
    )
    try:
        check_sentence(sentence)
    except DomainError:
        return FALLBACK
    return sentence


def recommendation_values(sentence, *, extra_months: int = 0) -> dict:
    """A recommendation's values (`recommendations.validation.clean_values` input) that ask for `sentence`, with
    `extra_months` more on its term."""
    months = sentence.months + extra_months if sentence.months is not None else None
    return {
        "principal_penalty": sentence.penalty,
        "kind": "fixed",
        "months": months,
        "probation": sentence.probation_months is not None,
        "probation_months": max(sentence.probation_months, months or 0)
        if sentence.probation_months is not None
        else None,
        "fine_yuan": sentence.fine_yuan,
    }
