"""Each charge's own facts in a case of several charges (issue 16, class 3).

The injuries, drug quantities, circumstances and number of acts a charge is calculated on come from the acts
that tell of it (`CaseFacts.acts`): a 重伤 told in an injury count does not move a kidnapping count into its
"杀害、伤害被绑架人" bracket, the owners of things stolen in a theft count are not victims of an injury count, and 多次 (多次盗窃, 多次抢劫 …) is the number of acts of that charge, not of the case. Criminal Law
art. 69: each crime is sentenced on its own facts before the punishments are combined.
"""

from __future__ import annotations

import dataclasses

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.document import parse, told_acts
from leniency.sentencing.extraction.quantities import find_counts, find_victims, worst_injury
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.trace import Phrase, Text, Trace, render

CITATION = "刑法第69条（数罪分别定罪量刑）"


def given_name(name: str, facts: CaseFacts) -> str:
    """The name `facts.charges` gave the charge the catalogue calls `name` (acts carry the given name)."""
    for given in facts.charges:
        info = find_charge(given)
        if given == name or (info is not None and info.name == name):
            return given
    return name


def scoped(name: str, own: CaseFacts, facts: CaseFacts, trace: Trace) -> CaseFacts:
    """`own` (the charge's facts so far) with the injuries, circumstances, counts and victims of its own acts."""
    if not facts.acts:
        return own
    given = given_name(name, facts)
    changes: dict[str, object] = {}
    injuries = facts.for_charge(given, facts.injuries)
    if len(injuries) != len(facts.injuries):
        injury = worst_injury(injuries)
        changes.update(injuries=injuries, injury=injury)
        trace.step(
            "method.several_charges.own_injury",
            kind=StepKind.NOTE,
            citation=CITATION,
            charge=name,
            confidence="medium",
            injury=Phrase(f"phrase.injury.{injury.value}" if injury else "phrase.injury.none"),
            total=Phrase(f"phrase.injury.{facts.injury.value}" if facts.injury else "phrase.injury.none"),
        )
    drugs = facts.for_charge(given, facts.drugs)
    if "毒品" in name and len(drugs) != len(facts.drugs):
        # 走私、贩卖、运输、制造毒品 and 非法持有毒品 each on the quantity of its own count: the 400 g found at home in a
        # holding count do not make the 2 g sold in a sale count 数量大 (a life sentence from another count)
        changes["drugs"] = drugs
        trace.note_text(
            f"{name}：按本罪事实计算毒品数量（{_grams(drugs)}，全案{_grams(facts.drugs)}；{CITATION}） / "
            f"{name}: the drug quantity of its own acts ({_grams(drugs, ' g')} of {_grams(facts.drugs, ' g')} in all)"
        )
    circumstances = facts.for_charge(given, facts.circumstances)
    if len(circumstances) != len(facts.circumstances):
        kept = {id(f) for f in circumstances}
        dropped = sorted({str(f.code) for f in facts.circumstances if id(f) not in kept})
        changes["circumstances"] = circumstances
        trace.step(
            "method.several_charges.own_circumstances",
            kind=StepKind.NOTE,
            citation=CITATION,
            charge=name,
            confidence="medium",
            dropped=Text(
                "、".join(render(f"phrase.circumstance.{c}", "zh") for c in dropped),
                ", ".join(render(f"phrase.circumstance.{c}", "en") for c in dropped),
            ),
        )
    counts = own_counts(given, facts)
    if counts is not None and counts != facts.counts and (counts >= 2 or facts.counts is not None):
        changes["counts"] = counts
        trace.step(
            "method.several_charges.own_counts",
            kind=StepKind.NOTE,
            citation=CITATION,
            charge=name,
            confidence="medium",
            counts=counts,
            total=Phrase("phrase.counts.told", {"counts": facts.counts})
            if facts.counts is not None
            else Phrase("phrase.counts.none"),
        )
    victims = own_victims(given, facts)
    # only a count read from this text is scoped (one given or corrected by a person stays)
    if (
        facts.victims is not None
        and victims != facts.victims
        and find_victims(facts.text)[0] == facts.victims
    ):
        changes["victims"] = victims
        trace.step(
            "method.several_charges.own_victims",
            kind=StepKind.NOTE,
            citation=CITATION,
            charge=name,
            confidence="medium",
            victims=victims if victims is not None else "—",
            total=facts.victims,
        )
    return dataclasses.replace(own, **changes) if changes else own


def _grams(drugs, unit: str = "克") -> str:
    return "、".join(f"{d.kind}{d.grams:g}{unit}" for d in drugs) or f"0{unit}"


def own_counts(given: str, facts: CaseFacts) -> int | None:
    """The number of acts of this charge: each of its numbered acts counts once, or as often as the act
    itself says (“先后三次盗窃”) or tells (“…窃得手机一部。当晚，甲又窃得…”, `told_acts`). Without an act of its own, a count stated outside the other charges' acts
    (a preamble, a summary); None when there is none."""
    spans = [a.span for a in facts.acts if a.charge == given]
    if spans:
        document = parse(facts.text)
        return sum(
            max(told_acts(document, s.start, s.end), find_counts(facts.text[s.start : s.end])[0] or 0)
            for s in spans
        )
    text = facts.text
    for other in sorted((a.span for a in facts.acts), key=lambda s: s.start, reverse=True):
        text = text[: other.start] + "。" + text[other.end :]
    return find_counts(text)[0]


def own_victims(given: str, facts: CaseFacts) -> int | None:
    """The number of victims told in this charge's acts and outside every act (whose is not known there),
    as `for_charge` scopes findings: the victims of the other charges' acts are not this charge's."""
    text = facts.text
    for other in sorted(
        (a.span for a in facts.acts if a.charge != given), key=lambda s: s.start, reverse=True
    ):
        text = text[: other.start] + "。" + text[other.end :]
    return find_victims(text)[0]
