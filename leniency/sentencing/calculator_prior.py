"""A prior sentence left unserved (前罪未执行的刑罚), combined with the new one: Criminal Law arts. 69 and 71.

Art. 71: a person under sentence who commits a new crime before it is served out is sentenced for the new
crime, and the part of the prior sentence not yet served is combined with it under art. 69 (先减后并):
a fixed term between the highest of the terms and their total, at most 20 years where the total is under
35 years and 25 years where it is 35 years or more; with 拘役 beside 有期徒刑 only the 有期徒刑 is executed
(art. 69 para. 2); a life or death sentence absorbs the rest. Where the prior term is masked (CAIL writes
××) or not stated, nothing is combined and a note says so.

Art. 77: a new crime within the probation period of a suspended sentence (缓刑考验期内) revokes the suspension,
and the suspended sentence, whole (nothing of it was executed), is combined with the new one under art. 69, with
the same rules (`Procedure.probation_revoked`; method.yaml `probation_revoked`).

Art. 70: a crime committed before an earlier judgment and found while its sentence is served (漏罪) is
judged, and the two judgments' sentences are combined under art. 69 (先并后减): the earlier sentence
counts whole, not its remainder; the term declared is the combined one, and the part already served is
counted within it, so what is left to serve is the combined term less the part served
(`Calculation.months_to_serve`, when the text states the part served; when it does not, a note
says so and nothing is guessed).
"""

from __future__ import annotations

import dataclasses

from leniency.sentencing.calculation import Calculation, Penalty, StepKind
from leniency.sentencing.extraction.undiscovered import undiscovered_conviction
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import Standard
from leniency.sentencing.trace import Phrase, Trace

TOTAL_35_YEARS = 420


def with_prior_unserved(calc: Calculation, facts: CaseFacts, standard: Standard, trace: Trace) -> Calculation:
    """`calc` with the prior unserved term of `facts.procedure` combined into the term predicted."""
    prior = facts.procedure.prior_unserved if facts.procedure else None
    if prior is None:
        return calc
    revoked = facts.procedure.probation_revoked  # art. 77: the suspended sentence, whole
    cfg = standard.method.get("probation_revoked" if revoked else "prior_unserved", {})
    art69 = standard.method["combined_sentence"]
    rule_id, citation = cfg.get("rule_id", "method.art71"), cfg.get("citation", "刑法第71条、第69条")
    quote = prior.span.quote if prior.span else ""
    if prior.months is None:
        reason = "masked" if prior.masked else "parole" if facts.procedure.parole_revoked else "unknown"
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
    prior_kind = (
        prior.penalty if prior.penalty in (Penalty.IMPRISONMENT, Penalty.DETENTION) else "imprisonment"
    )
    months, low, high, total, top, upper, kind = _art69(new, calc.penalty, prior.months, prior_kind, art69)
    if revoked:
        wording = (
            "method.art77.combined"
            if kind == calc.penalty == prior_kind
            else "method.art77.detention_dropped"
        )
    else:
        wording = (
            "method.art71.imprisonment"
            if kind == calc.penalty == prior_kind
            else "method.art71.detention_dropped"  # the new crime's 拘役 is not executed
            if kind != calc.penalty
            else "method.art71.prior_detention_dropped"  # the unserved 拘役 is not executed
        )
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
        penalty=kind,
        probation_lawful=calc.probation_lawful and months <= 36,
        probation_advised=False,
        probation_months=None,
    )


def with_earlier_judgment(
    calc: Calculation, facts: CaseFacts, standard: Standard, trace: Trace
) -> Calculation:
    """`calc` combined with the earlier judgment of an undiscovered crime (漏罪, art. 70), 先并后减."""
    earlier = facts.procedure.undiscovered if facts.procedure else None
    if earlier is None:
        return calc
    missed = undiscovered_conviction(facts.text or "")
    # extraction left it out of the prior records (circumstances.prior_records): say so
    if missed is not None:
        trace.note("note.undiscovered.no_prior_record", quote=(facts.text or "")[missed.start : missed.end])
    cfg = standard.method.get("undiscovered", {})
    art69 = standard.method["combined_sentence"]
    rule_id, citation = cfg.get("rule_id", "method.art70"), cfg.get("citation", "刑法第70条、第69条")
    sentence = earlier.sentence
    quote = sentence.span.quote if sentence.span else ""
    if sentence.penalty in ("life", "death", "death_suspended") or calc.penalty in (
        Penalty.LIFE,
        Penalty.DEATH,
    ):
        # 数罪中有判处死刑或者无期徒刑的，只执行死刑或者无期徒刑 (art. 69's absorption)
        heaviest = _heavier(calc.penalty, sentence.penalty)
        trace.step(
            "method.art70.absorbed",
            kind=StepKind.COMBINATION,
            rule_id=rule_id,
            citation=citation,
            quote=quote,
            penalty=Phrase(f"phrase.penalty.{heaviest}"),
        )
        if heaviest == calc.penalty:
            return _rebuilt(calc, trace)
        life = heaviest == Penalty.LIFE
        return _rebuilt(
            calc, trace, months=None, low=180, high=180, penalty=heaviest, life_imprisonment=life,
            death_penalty=not life, probation_lawful=False, probation_advised=False, probation_months=None,
        )  # fmt: skip
    if sentence.months is None or sentence.penalty not in ("imprisonment", "detention"):
        reason = "masked" if sentence.masked else "unknown" if sentence.months is None else "earlier_penalty"
        trace.note(
            "note.undiscovered.not_combined", quote=quote, reason=Phrase(f"phrase.undiscovered.{reason}")
        )
        return _rebuilt(calc, trace)
    custodial = calc.penalty in (Penalty.IMPRISONMENT, Penalty.DETENTION) and calc.months
    new = calc.months if custodial else 0
    if new:
        months, low, high, total, top, upper, kind = _art69(
            new, calc.penalty, sentence.months, sentence.penalty, art69
        )
    else:  # the new crime carries no prison term or detention: the earlier sentence is what is executed
        months, total, top, upper, kind = (sentence.months,) * 4 + (sentence.penalty,)
        low = high = months
    trace.step(
        "method.art70.combined" if new else "method.art70.earlier_only",
        kind=StepKind.COMBINATION,
        before=new,
        after=months,
        rule_id=rule_id,
        citation=citation,
        confidence=art69.get("share_confidence", "low") if new else "high",
        new=new,
        earlier=sentence.months,
        quote=quote,
        total=total,
        top=top,
        upper=upper,
        months=months,
        penalty=Phrase(f"phrase.penalty.{kind}"),
    )
    to_serve = None
    served = earlier.served.months if earlier.served else None
    if served is not None:
        to_serve = max(0, months - served)
        trace.step(
            "method.art70.served",
            kind=StepKind.COMBINATION,
            rule_id=rule_id,
            citation=citation,
            quote=earlier.served.span.quote if earlier.served.span else "",
            months=months,
            served=served,
            left=to_serve,
        )
    else:  # art. 70 subtracts what was served; the text does not say how much: no guess, a note
        trace.note("note.undiscovered.served_unknown", quote=quote, months=months)
    if calc.probation_advised:
        trace.step("method.art70.no_probation", kind=StepKind.PROBATION, rule_id=rule_id, citation=citation)
    return _rebuilt(
        calc,
        trace,
        months=months,
        low=min(low, months),
        high=max(high, months),
        penalty=kind,
        fine_yuan=calc.fine_yuan if new else None,
        probation_lawful=False,
        probation_advised=False,
        probation_months=None,
        months_to_serve=to_serve,
    )


def _art69(
    new: int, new_kind: str, prior: int, prior_kind: str, art69: dict
) -> tuple[int, int, int, int, int, int, str]:
    """Art. 69 for two fixed terms: (months, low, high, total, top, upper, penalty kind).

    有期徒刑 with 拘役: the 有期徒刑 alone is executed (para. 2). Two terms of one kind: between the highest
    and the total, at most 1 year of 拘役, 20 years of 有期徒刑 under a total of 35 years and 25 from 35
    (never below the highest term: a combined term may itself pass 20 years)."""
    if new_kind != prior_kind:  # 有期徒刑和拘役的，执行有期徒刑
        months = new if new_kind == Penalty.IMPRISONMENT else prior
        return months, months, months, new + prior, months, months, Penalty.IMPRISONMENT.value
    total, top = new + prior, max(new, prior)
    if new_kind == Penalty.DETENTION:
        cap = int(art69["detention_cap"])
    elif total < TOTAL_35_YEARS:
        cap = int(art69["imprisonment_cap_if_total_under_35y"])
    else:
        cap = int(art69["imprisonment_cap_otherwise"])
    upper = max(top, min(cap, total))
    share = float(art69.get("share_of_rest", 0.5))
    months = int(round(min(upper, top + share * (total - top))))
    return months, max(top, months - 6), min(upper, months + 6), total, top, upper, str(new_kind)


def _heavier(a: str, b: str | None) -> str:
    order = {Penalty.DEATH: 2, "death_suspended": 2, Penalty.LIFE: 1}
    heavier = a if order.get(a, 0) >= order.get(b or "", 0) else b
    return Penalty.DEATH.value if heavier == "death_suspended" else str(heavier)


def _rebuilt(calc: Calculation, trace: Trace, **changes: object) -> Calculation:
    return dataclasses.replace(calc, steps=trace.steps, notes=trace.notes, **changes)
