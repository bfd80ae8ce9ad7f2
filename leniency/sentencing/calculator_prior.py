"""A prior sentence left unserved (前罪未执行的刑罚), combined with the new one: Criminal Law arts. 69 and 71.

Art. 71: a person under sentence who commits a new crime before it is served out is sentenced for the new
crime, and the part of the prior sentence not yet served is combined with it under art. 69 (先减后并):
a fixed term between the highest of the terms and their total, at most 20 years where the total is under
35 years and 25 years where it is 35 years or more; with 拘役 beside 有期徒刑 only the 有期徒刑 is executed
(art. 69 para. 2); a life or death sentence absorbs the rest. Where the prior term is masked (CAIL writes
××) or not stated, nothing is combined and a note says so.
"""

from __future__ import annotations

import dataclasses

from leniency.sentencing.calculation import Calculation, Penalty, StepKind
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import Standard
from leniency.sentencing.trace import Phrase, Trace

TOTAL_35_YEARS = 420


def with_prior_unserved(calc: Calculation, facts: CaseFacts, standard: Standard, trace: Trace) -> Calculation:
    """`calc` with the prior unserved term of `facts.procedure` combined into the term predicted."""
    prior = facts.procedure.prior_unserved if facts.procedure else None
    if prior is None:
        return calc
    cfg = standard.method.get("prior_unserved", {})
    art69 = standard.method["combined_sentence"]
    rule_id, citation = cfg.get("rule_id", "method.art71"), cfg.get("citation", "刑法第71条、第69条")
    quote = prior.span.quote if prior.span else ""
    if prior.months is None:
        reason = "masked" if prior.masked else "unknown"
        trace.note(
            "note.prior_unserved.not_combined", quote=quote, reason=Phrase(f"phrase.prior_unserved.{reason}")
        )
        return _rebuilt(calc, trace)
    if calc.penalty in (Penalty.LIFE, Penalty.DEATH):
        trace.step(
            "method.art71.absorbed",
            kind=StepKind.COMBINATION,
            rule_id=rule_id,
            citation=citation,
            prior=prior.months,
            quote=quote,
            penalty=Phrase(f"phrase.penalty.{calc.penalty}"),
        )
        return _rebuilt(calc, trace)
    if calc.penalty not in (Penalty.IMPRISONMENT, Penalty.DETENTION) or not calc.months:
        # 管制 is executed after the prison term (art. 69 para. 2); no principal penalty: nothing to combine
        trace.note(
            "note.prior_unserved.not_combined", quote=quote, reason=Phrase("phrase.prior_unserved.penalty")
        )
        return _rebuilt(calc, trace)
    new = calc.months
    if calc.penalty == Penalty.DETENTION:  # 有期徒刑和拘役的，执行有期徒刑 (art. 69 para. 2)
        months = prior.months
        total, top, upper = new + prior.months, prior.months, prior.months
        low, high = months, months
        wording = "method.art71.detention_dropped"
    else:
        total, top = new + prior.months, max(new, prior.months)
        cap = (
            art69["imprisonment_cap_if_total_under_35y"]
            if total < TOTAL_35_YEARS
            else art69["imprisonment_cap_otherwise"]
        )
        # never below the highest term: a prior combined term may itself pass 20 years
        upper = max(top, min(cap, total))
        share = float(art69.get("share_of_rest", 0.5))
        months = int(round(min(upper, top + share * (total - top))))
        low, high = max(top, months - 6), min(upper, months + 6)
        wording = "method.art71.imprisonment"
    trace.step(
        wording,
        kind=StepKind.COMBINATION,
        before=new,
        after=months,
        rule_id=rule_id,
        citation=citation,
        confidence=art69.get("share_confidence", "low"),
        new=new,
        prior=prior.months,
        quote=quote,
        total=total,
        top=top,
        upper=upper,
        months=months,
    )
    if calc.probation_advised:
        trace.step("method.art71.no_probation", kind=StepKind.PROBATION, rule_id=rule_id, citation=citation)
    return _rebuilt(
        calc,
        trace,
        months=months,
        low=min(low, months),
        high=max(high, months),
        penalty=Penalty.IMPRISONMENT.value,
        probation_lawful=calc.probation_lawful and months <= 36,
        probation_advised=False,
        probation_months=None,
    )


def _rebuilt(calc: Calculation, trace: Trace, **changes: object) -> Calculation:
    return dataclasses.replace(calc, steps=trace.steps, notes=trace.notes, **changes)
