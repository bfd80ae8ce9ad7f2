"""Each charge's own facts in a case of several charges (issue 16, class 3).

The injuries, drug quantities, circumstances and number of acts a charge is calculated on come from the acts
that tell of it (`CaseFacts.acts`): a 重伤 told in an injury count does not move a kidnapping count into its
"杀害、伤害被绑架人" bracket, the owners of things stolen in a theft count are not victims of an injury count, and 多次 (多次盗窃, 多次抢劫 …) is the number of acts of that charge, not of the case. Criminal Law
art. 69: each crime is sentenced on its own facts before the punishments are combined.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.calculator_adjust import Applied, applicable_circumstances
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.circumstances import settle
from leniency.sentencing.extraction.document import parse, told_acts
from leniency.sentencing.extraction.injuries import worst_injury
from leniency.sentencing.extraction.numbers import SENTENCE_BREAKS, bounds
from leniency.sentencing.extraction.quantities import find_counts
from leniency.sentencing.extraction.victims import find_victims
from leniency.sentencing.facts import CaseFacts, Finding, told_in
from leniency.sentencing.standards import Standard
from leniency.sentencing.trace import Phrase, Text, Trace, render

CITATION = "刑法第69条（数罪分别定罪量刑）"


def given_name(name: str, facts: CaseFacts) -> str:
    """The name `facts.charges` gave the charge the catalogue calls `name` (acts carry the given name)."""
    for given in facts.charges:
        info = find_charge(given)
        if given == name or (info is not None and info.name == name):
            return given
    return name


def scoped(name: str, own: CaseFacts, facts: CaseFacts, trace: Trace, standard: Standard) -> CaseFacts:
    """`own` (the charge's facts so far) with the injuries, circumstances, counts and victims of its own acts; which
    circumstances are of the person, and so every charge's, `standard` says."""
    if not facts.acts:
        return _counts_of_its_sentences(name, own, facts, trace, standard)
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
    # a circumstance of the person (circumstances.yaml `scope: person`) is every charge's, wherever it is told
    told = {id(f) for f in facts.for_charge(given, facts.circumstances)}
    rules = standard.circumstances
    circumstances = [f for f in facts.circumstances if id(f) in told or _of_the_person(str(f.code), rules)]
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


def own_circumstances(
    applied: Applied, name: str, own: CaseFacts, standard: Standard, trace: Trace
) -> Applied:
    """The circumstance rules that apply to the charge `name`, calculated on `own` (its facts, `scoped`).

    `applied` holds the rules of the whole case. A rule of the person (circumstances.yaml `scope: person`: age,
    自首, 坦白, 立功, 累犯, 认罪认罚 …) applies to every charge. A rule of an act (`scope: act`: 预备/未遂/中止,
    从犯/胁从犯/主犯, 退赃退赔, 赔偿/谅解/刑事和解, the victim, the disaster period) applies only where this charge's own
    findings give it (刑法第22-28条; 2021量刑指导意见 三(10)-(12)、(17)、(18); 刑法第69条: each crime on its own facts):
    those told in its acts (every mention there, `CaseFacts.circumstance_mentions`, not only the case's first), or
    outside every act, where whose it is is not known and it stays with every charge, as a note says; so does every
    act rule of a charge none of whose acts was read (its acts not told apart from another's). Its own findings may give an act rule the whole case does not (赔偿 in one count and 谅解 in
    another are not 赔偿并取得谅解 of either). One charge: its own findings are the case's, nothing changes.

    法释〔1998〕8号第三条 counts a partial 自首 of several crimes only for the crimes confessed; the text does not yet
    tell which crimes a 自首 or 坦白 covered, so they stay on the person (engineering choice, low confidence).
    """
    rules = standard.circumstances

    def of_an_act(rule_id: str) -> bool:
        return rule_id in rules and rules[rule_id].scope == "act"

    spans = [a.span for a in own.acts if a.charge == given_name(name, own)]
    if not own.acts or len(own.charges) < 2:
        return applied  # one charge: every finding is its own
    if not spans:
        if any(of_an_act(r) for r in applied.rules):
            trace.note_text(
                f"{name}：未读出本罪的行为，犯罪行为方面的量刑情节按全案适用（{CITATION}） / "
                f"{name}: no act of this charge was read, so the circumstances of the acts are the whole case's"
            )
        return applied
    if len({a.charge for a in own.acts}) < 2:
        return applied  # every act read is this charge's: so is every finding
    # every mention inside this charge's acts: one told in this charge's acts and again in another's is this
    # charge's too, though the case's finding is its first mention
    read = settle([f for f in _mentions(own) if told_in(f, spans)])
    codes = {str(f.code) for f in own.circumstances}
    inside = [f for f in own.circumstances if told_in(f, spans)]
    inside += [f for f in read if f.code not in {str(i.code) for i in inside}]
    in_acts = applicable_circumstances(dataclasses.replace(own, circumstances=inside)).rules
    more = [f for f in read if f.code not in codes]
    mine = applicable_circumstances(dataclasses.replace(own, circumstances=own.circumstances + more)).rules
    kept = [r for r in applied.rules if not of_an_act(r) or r in mine]
    kept += [r for r in mine if of_an_act(r) and r not in kept]
    for r in kept:
        if of_an_act(r) and r not in in_acts:
            trace.note_text(
                f"{name}：{rules[r].zh}在各罪行为之外叙述，无从分清属于哪一罪，适用于全部罪名（{CITATION}） / "
                f"{name}: {rules[r].en} is told outside every charge's acts; whose it is is not known, "
                "so it applies to every charge"
            )
    return applied if kept == applied.rules else dataclasses.replace(applied, rules=kept)


def _mentions(facts: CaseFacts) -> list[Finding]:
    """The circumstances' mentions the text tells (`circumstance_mentions`; facts not read from a text have none but
    their findings), less those of a circumstance given rather than read (given.apply_given: a person's correction
    or a record's fact replaces what the text says of it, in every count)."""
    given = {str(g.key) for g in facts.given}
    return [f for f in facts.circumstance_mentions or facts.circumstances if str(f.code) not in given]


def _of_the_person(code: str, rules: dict) -> bool:
    """Whether a finding's code gives only circumstances of the person (`scope: person`) under `rules` (the
    standard's circumstance rules; a code giving no circumstance rule, such as a tier's flag 逃逸, is of the act)."""
    ids = _rules_of(code)
    return bool(ids) and all(r in rules and rules[r].scope == "person" for r in ids)


@cache
def _rules_of(code: str) -> tuple[str, ...]:
    """The circumstance rules a finding of `code` gives alone (the same under every standard)."""
    return tuple(applicable_circumstances(CaseFacts(text="", circumstances=[Finding(code)])).rules)


def _grams(drugs, unit: str = "克") -> str:
    return "、".join(f"{d.kind}{d.grams:g}{unit}" for d in drugs) or f"0{unit}"


def counts_told_of(text: str, words: list[str]) -> int | None:
    """The number of acts stated in the sentences that name a charge's conduct (`words`): "先后三次在包间内容留王某吸食"
    tells how often 容留他人吸毒 was committed, not how often the drugs were sold."""
    sentences = re.split(f"[{SENTENCE_BREAKS}]", text)
    return find_counts("。".join(s for s in sentences if any(w in s for w in words)))[0]


def _counts_of_its_sentences(
    name: str, own: CaseFacts, facts: CaseFacts, trace: Trace, standard: Standard
) -> CaseFacts:
    """`own` with the number of acts its own sentences state, where no act of any charge was read (no numbered counts)
    and the case's number is stated in a sentence that names another charge's conduct and not this one's: 多次 is the
    number of acts of that charge (刑法第69条; 法释〔2016〕8号第四条's 多次贩卖 counts sales, not the times drug users
    were sheltered). A count told in words no charge's conduct words name stays with every charge."""
    from leniency.sentencing.calculator_wording import (  # it imports this module
        conduct_words,
        other_conduct_words,
    )

    text = facts.text or ""
    stated, finding = find_counts(text)
    if facts.counts is None or stated != facts.counts or finding is None or finding.span is None:
        return own  # not read from a stated figure, or given by a person
    sentence = text[slice(*bounds(text, finding.span.start, finding.span.start, SENTENCE_BREAKS))]
    words = conduct_words(name, standard)
    others = other_conduct_words(name, facts, standard)
    if any(w in sentence for w in words) or not any(w in sentence for w in others):
        return own
    counts = counts_told_of(text, words)
    trace.step(
        "method.several_charges.own_counts",
        kind=StepKind.NOTE,
        citation=CITATION,
        charge=name,
        confidence="medium",
        counts=counts if counts is not None else 1,
        total=Phrase("phrase.counts.told", {"counts": facts.counts}),
    )
    return dataclasses.replace(own, counts=counts)


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
