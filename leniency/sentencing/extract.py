"""Fact text (Chinese judgment or indictment) -> CaseFacts.

Rule-based and fast: precompiled regular expressions, no segmentation on the hot path. Every item
carries the span it came from. Bad input never raises: the result carries a note instead.
"""

from __future__ import annotations

import re
from itertools import pairwise

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.act_charge import by_conduct_then
from leniency.sentencing.extraction.amounts import amount_findings, total_amount
from leniency.sentencing.extraction.charge_amounts import measured_case_amount
from leniency.sentencing.extraction.charge_inference import default_model
from leniency.sentencing.extraction.charges import charge_candidates, infer_charges
from leniency.sentencing.extraction.circumstances import read_circumstances
from leniency.sentencing.extraction.crime_stage_facts import stage_amounts
from leniency.sentencing.extraction.dated_acts import dated_acts
from leniency.sentencing.extraction.document import acts_by_charge, numbered_counts, parse
from leniency.sentencing.extraction.drug_quantities import read_drugs
from leniency.sentencing.extraction.drugs import substance
from leniency.sentencing.extraction.excess import excess_sentences
from leniency.sentencing.extraction.injuries import find_injuries, worst_injury
from leniency.sentencing.extraction.procedure import find_procedure
from leniency.sentencing.extraction.quantities import (
    find_age,
    find_blood_alcohol,
    find_counts,
    find_disability,
)
from leniency.sentencing.extraction.recommendation import find_recommendation
from leniency.sentencing.extraction.victims import find_victims
from leniency.sentencing.facts import Act, CaseFacts, ChargeCandidate, Span

CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CJK_SHARE = 0.2


def extract(text: str, charges: list[str] | None = None, articles: list[int] | None = None) -> CaseFacts:
    """Read the facts of one case. `charges` (without 罪) and `articles` are passed through as given."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    facts = CaseFacts(text=text, charges=list(charges or []), articles=list(articles or []))
    if not text.strip():
        facts.notes.append("empty fact text: nothing extracted")
        return facts
    cjk = len(CJK.findall(text))
    if cjk == 0 or cjk / len(text.strip()) < MIN_CJK_SHARE:
        facts.notes.append("the fact text is not Chinese (too few Chinese characters): nothing extracted")
        return facts
    try:
        _fill(facts, text)
    except Exception as error:  # a bad case must not stop a batch
        facts.notes.append(f"extraction failed ({type(error).__name__}: {error}); the facts are incomplete")
    return facts


def _fill(facts: CaseFacts, text: str) -> None:
    if not facts.charges and not facts.articles:
        facts.charges = infer_charges(text)
        facts.charge_candidates = [
            ChargeCandidate(c.charge, c.article, c.score, list(c.evidence)) for c in charge_candidates(text)
        ]
        if facts.charges:
            others = "；".join(
                f"{c.charge}（第{c.article}条：{'、'.join(c.evidence[:3])}）" for c in facts.charge_candidates
            )
            facts.notes.append(
                f"未给出罪名，根据事实推定为“{'、'.join(facts.charges)}”，请核对；候选：{others} / "
                f"no charge given; inferred {', '.join(facts.charges)} from the text, please check "
                f"(candidates with their article and matching words above)"
            )
    document = parse(text)
    mentions = document.money
    facts.amounts = amount_findings(mentions)
    # the one charge of the case decides what its amount counts (集资诈骗 less the principal returned, raised_funds.py)
    charge = facts.charges[0] if len(facts.charges) == 1 else None
    # a sum attempted beside money obtained is told apart (法释〔2011〕7号第六条; calculator_stages weighs the parts)
    facts.amount_yuan, facts.attempted_yuan = stage_amounts(
        mentions, text, lambda told: total_amount(told, text, charge)
    )
    # 虚开增值税专用发票's amount is the tax on the invoices, a counterfeit money crime's the notes' face value
    # (charge_amounts.measured_case_amount)
    if len(facts.charges) == 1 and (measured := measured_case_amount(text, facts.charges[0])) is not None:
        facts.amount_yuan, facts.attempted_yuan = measured, None

    facts.counts = numbered_counts(document, facts.charges, find_counts(text)[0])
    if len(facts.charges) == 1:
        facts.counts = _with_dated_acts(text, facts.charges[0], facts.counts)
    if len(facts.charges) >= 2:
        facts.acts = _acts_by_charge(document, facts.charges)
        for act in facts.acts:
            facts.counts_by_charge[act.charge] = facts.counts_by_charge.get(act.charge, 0) + 1
    facts.victims, _ = find_victims(text)
    drug_reading = read_drugs(text)
    drugs = drug_reading.quantities
    facts.drugs = [d for d in drugs if d.heroin_grams is not None]
    facts.unknown_drugs = [d for d in drugs if d.heroin_grams is None]
    for drug in facts.unknown_drugs:  # never converted as if it were methamphetamine (issue 16, class 5)
        facts.notes.append(
            f"毒品“{drug.named}”{drug.grams:g}克无数量标准（刑法第347条、法释〔2016〕8号），未折算，置信度低 / "
            f"no threshold for {drug.named} ({drug.grams:g} g) in art. 347 or 法释〔2016〕8号: not converted, low confidence"
        )
    for tablets in drug_reading.tablets:
        # a number of tablets is no weight: never converted at a guessed weight (issue 16 class 5)
        if tablets.grams is None:
            facts.notes.append(
                f"毒品“{tablets.named}”{tablets.span.quote}未载明重量，无法按法释〔2016〕8号的克数标准计算，未折算 / "
                f"{tablets.named}: {tablets.span.quote} with no weight told; not converted (thresholds are in grams)"
            )
    for drug in facts.drugs:
        if substance(drug.named or drug.kind).assumed:
            facts.notes.append(
                f"“{drug.named}”未写明形态，按{drug.kind}（数量标准最高者）计 / "
                f"{drug.named}: form not stated, read as {drug.kind} (the highest thresholds)"
            )
    facts.injuries = _own_injuries(text, facts.notes)
    facts.injury = worst_injury(facts.injuries)
    facts.disability_grade = find_disability(text)
    facts.blood_alcohol, _ = find_blood_alcohol(text)
    facts.age, _ = find_age(text)

    facts.circumstances, facts.circumstance_mentions, notes = read_circumstances(
        text, facts.age, facts.charges
    )
    facts.notes.extend(notes)
    facts.recommendation = find_recommendation(text)
    facts.procedure = find_procedure(text)
    unserved = facts.procedure.prior_unserved
    if unserved is not None and unserved.months is not None and facts.procedure.probation_revoked:
        facts.notes.append(
            f"缓刑考验期内犯新罪，前罪所判{unserved.months}个月应撤销缓刑，依刑法第77条、第69条并罚 / "
            f"a new crime within the probation period: the suspended {unserved.months} months to be combined (arts. 77, 69)"
        )
    elif unserved is not None and unserved.months is not None:
        facts.notes.append(
            f"前罪尚有{unserved.months}个月刑期未执行，应依刑法第69–71条并罚 / "
            f"{unserved.months} months of a prior sentence unserved: to be combined (arts. 69-71)"
        )
    _check(facts)


def _own_injuries(text: str, notes: list[str]) -> list:
    """The injuries of the text but those of a co-offender's act the defendant did not know of (实行过限, 刑法第25条:
    outside the common intent, not the defendant's harm; extraction/excess.py), each set aside with a note."""
    excess = excess_sentences(text)
    kept = []
    for finding in find_injuries(text):
        at = finding.span.start if finding.span else -1
        other = next((o for lo, hi, o in excess if lo <= at < hi), None)
        if other is None:
            kept.append(finding)
            continue
        notes.append(
            f"伤情“{finding.span.quote}”系{other}的行为所致，事实载明被告人对此不知情，超出共同犯罪故意（刑法第25条），不计入 / "
            f"the injury '{finding.span.quote}' was caused by {other}'s act, which the defendant did not know of: "
            f"outside the common intent (art. 25), not counted"
        )
    return kept


def _with_dated_acts(text: str, given: str, counts: int | None) -> int | None:
    """A case of one charge: its acts told each with its own date and no count (extraction/dated_acts.py), where
    they are more than the count read so far."""
    info = find_charge(given)
    acts = len(dated_acts(text, info.name)) if info is not None else 0
    return acts if acts >= 2 and acts > (counts or 0) else counts


def _acts_by_charge(document, charges: list[str]) -> list[Act]:
    """The numbered acts with their charge, under the names the charges were given in: a count that tells several
    acts of its charge each on a date of its own (dated_acts.py) is one act from each date to the next, so that the
    charge's number of acts (多次盗窃, 多次抢劫 …) is read from its own counts, never from another charge's."""
    names = {}
    for given in charges:
        info = find_charge(given)
        if info is not None:
            names[info.name] = given
    found = acts_by_charge(document, list(names), by_conduct_then(default_model().best_of))
    acts = []
    for name, count in found:
        starts = [a.start for a in dated_acts(document.text, name, count.start, count.end)]
        bounds = [count.start] + sorted(starts)[1:] + [count.end]
        acts += [Act(names[name], count.path, Span(lo, hi, "")) for lo, hi in pairwise(bounds)]
    return acts


def _check(facts: CaseFacts) -> None:
    """Notes for contradictions a reader should resolve."""
    codes = {f.code for f in facts.circumstances}
    if "minor" in codes and facts.age is not None and facts.age >= 18:
        facts.notes.append(f"the text says minor (未成年) but the defendant's age reads as {facts.age}")
    if "recidivist" in codes and "minor" in codes:
        facts.notes.append(
            "recidivist (累犯) and minor (未成年) both found: a crime committed under 18 cannot found recidivism"
        )
    rec = facts.recommendation
    if (
        rec
        and rec.low_months is not None
        and rec.high_months is not None
        and rec.low_months > rec.high_months
    ):
        facts.notes.append("the quoted recommendation's lower bound exceeds its upper bound")
