"""Outcomes without a principal penalty: 免予刑事处罚 (Criminal Law art. 37) and 单处罚金 (art. 52).

Decided per charge after the clamp, conservatively (method.yaml `non_custodial`):

- **exempt** when the case stays in the lowest bracket of a minor crime, the fact text states that the
  crime is minor (情节轻微, art. 37's condition) as a finding (calculator_outcome_text: not negated, not the
  defence's claim alone or a rejected one, not said of an accomplice or of someone not prosecuted), and a circumstance is found for which the Criminal
  Law itself allows 免除处罚 (从犯 art. 27, 胁从犯 art. 28, 自首 art. 67, 重大立功 art. 68 …); or where the
  text states art. 37's whole condition (犯罪情节轻微，不需要判处刑罚 / 无须判处刑罚 / 可以免予刑事处罚: the article
  is then the ground itself);
- **exempt by the special part** where an article allows 免除处罚 on its own condition and the fact text
  states it (method.yaml `non_custodial.by_statute`): 拒不支付劳动报酬 with the wages paid before prosecution
  (art. 276-1 ¶3; paid at trial they only lighten the term, 法释〔2013〕3号第六条, as a compensation),
  非法种植毒品原植物 uprooted of one's own accord before harvest (art. 351 ¶3), a bribe giver or go-between
  who confessed it before being prosecuted (arts. 164 ¶4, 392 ¶2; art. 390 ¶2 as it read before
  Amendment IX), 挪用资金 with the funds returned before prosecution (art. 272 ¶3, 犯罪较轻); above the
  lowest bracket the same return or confession is a statutory mitigation (从轻或者减轻 / 减轻,
  `statute_mitigation`: weighed by its circumstance and allowed below the floor, art. 63). A provision
  whose text changed applies by the date of the facts (`when`: calculator_thresholds.variant_applies):
  a bribe confessed after 2015-11-01 mitigates in every bracket and exempts only where the text states
  the amended article's further condition;
- **fine only** when the statute's bracket says "并处或者单处罚金" (statutory_brackets.yaml, parsed from
  the statute), the adjusted term is at most a few months, and the facts show both restitution or
  compensation and an admission (认罪认罚 / 自首 / 坦白), with no recidivism or prior record.

Either is recorded as a step with its rule id and citation, and the term is 0 months.

**管制** (public surveillance, art. 38: three months to two years, executed by 社区矫正) is a principal
penalty of its own, decided after those two (`surveillance`), only where the statute's bracket lists it
(statutory_brackets.yaml, parsed from the statute; `test_the_lowest_brackets_allowed_penalties_agree_with_
the_statute` checks it against the statute file) and where

- the prosecutor's quoted recommendation names 管制 (the court generally adopts it in a plea case,
  CPL art. 201): its term, or
- the text states the crime is minor (情节轻微), the defendant admits it (认罪认罚 / 自首 / 坦白), the
  adjusted term is short enough for 拘役, and there is no recidivism or prior record (社区矫正 presumes
  a low risk): 管制 at twice the adjusted term, the ratio art. 41 sets between custody and 管制
  (羁押一日折抵刑期二日).

Its months are 管制's, never months of prison: `Calculation.custodial_months` is 0 for it, as for a fine
alone and an exemption (the CAIL2018 term counts 有期徒刑 and 拘役 only).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import NamedTuple

from leniency.sentencing.calculation import Calculation, Penalty, StepKind
from leniency.sentencing.calculator_adjust import Applied
from leniency.sentencing.calculator_baseline import condition_met
from leniency.sentencing.calculator_outcome_text import stated
from leniency.sentencing.calculator_thresholds import latest_date, variant_applies
from leniency.sentencing.catalogue import ChargeInfo
from leniency.sentencing.extraction.numbers import bounds
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard, Standard
from leniency.sentencing.trace import Trace


def non_custodial(
    months: float,
    info: ChargeInfo,
    index: int,
    applied: Applied,
    facts: CaseFacts,
    standard: Standard,
    trace: Trace,
) -> str | None:
    """Penalty.EXEMPT or Penalty.FINE_ONLY where the law allows it and the facts state its conditions.

    `index` is the bracket the facts place the charge in (before any mitigation takes it lower): only the
    lowest bracket can give an outcome without a principal penalty."""
    cfg = standard.method.get("non_custodial")
    if not cfg:
        return None
    if _exempt_discontinued(info, applied, facts, cfg.get("discontinuance"), trace):
        return Penalty.EXEMPT.value  # commanded in any bracket
    if index != 0:
        return None
    if _exempt_by_statute(info, facts, cfg.get("by_statute"), trace):
        return Penalty.EXEMPT.value
    if _exempt(info, applied, facts, standard, cfg["exempt"], trace):
        return Penalty.EXEMPT.value
    if _fine_only(months, info, applied, standard, cfg["fine_only"], trace):
        return Penalty.FINE_ONLY.value
    return None


def recommended_surveillance(
    months: float, info: ChargeInfo, index: int, facts: CaseFacts, standard: Standard, trace: Trace
) -> int | None:
    """Months of 管制 where the quoted recommendation names it and the bracket the term ends in (`index`,
    after any mitigation) lists it; decided before a fine alone or an exemption (the court generally
    adopts the recommendation, CPL art. 201)."""
    cfg = standard.method.get("surveillance")
    rec = facts.recommendation
    if not cfg or rec is None or rec.penalty != "surveillance" or not info.brackets[index].surveillance:
        return None
    told = [m for m in (rec.low_months, rec.high_months) if m is not None]
    fixed = _bounded(sum(told) / len(told) if told else float(cfg["minor"]["ratio"]) * months, standard)
    trace.step(
        "method.surveillance.recommended",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        before=round(months, 2),
        after=fixed,
        citation=f"{cfg['citation']}；{cfg['recommended_citation']}",
        charge=info.name,
        confidence=cfg["recommended_confidence"],
        quote=rec.span.quote if rec.span else "",
        months=fixed,
    )
    return fixed


def minor_surveillance(
    months: float,
    info: ChargeInfo,
    index: int,
    applied: Applied,
    facts: CaseFacts,
    standard: Standard,
    trace: Trace,
) -> int | None:
    """Months of 管制 for a minor, admitted crime in the lowest bracket (`index`: the facts' own bracket)
    where the statute lists it and the adjusted term is short enough for 拘役 (see the module's docstring)."""
    cfg = standard.method.get("surveillance")
    if not cfg or index != 0 or not info.brackets[0].surveillance:
        return None
    minor = cfg["minor"]
    if months > float(standard.method["penalty_kinds"].get("detention_below_months", 6)):
        return None
    if any(applied.has(r) for r in minor["none_of"]) or not any(applied.has(r) for r in minor["any_of"]):
        return None
    quote = _stated_any(facts.text, minor["text_says"])
    if quote is None:
        return None
    fixed = _bounded(float(minor["ratio"]) * months, standard)
    trace.step(
        "method.surveillance.minor",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        before=round(months, 2),
        after=fixed,
        citation=f"{cfg['citation']}；{minor['citation']}",
        charge=info.name,
        confidence=minor["confidence"],
        quote=quote,
        ratio=minor["ratio"],
        months=fixed,
    )
    return fixed


def _bounded(months: float, standard: Standard) -> int:
    """管制's own bounds, three months to two years (art. 38)."""
    bounds = standard.method["penalty_kinds"]["surveillance"]
    return int(min(bounds["max"], max(bounds["min"], round(months))))


def _exempt_discontinued(
    info: ChargeInfo, applied: Applied, facts: CaseFacts, cfg: dict | None, trace: Trace
) -> bool:
    """刑法第24条第2款: 对于中止犯，没有造成损害的，应当免除处罚 — where the discontinuance's finding says the text
    tells of no harm (extraction/crime_stage_facts.py `discontinuance_harm`)."""
    if cfg is None or not applied.has("discontinuation"):
        return False
    finding = next((f for f in facts.circumstances if str(f.code) == "discontinuation"), None)
    if finding is None or finding.value != "no_harm":
        return False
    trace.step(
        "method.exempt.discontinuance",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        after=0,
        citation=cfg["citation"],
        charge=info.name,
        confidence=cfg["confidence"],
    )
    return True


def _exempt(
    info: ChargeInfo, applied: Applied, facts: CaseFacts, standard: Standard, cfg: dict, trace: Trace
) -> bool:
    bracket = info.brackets[0]
    if any(applied.has(r) for r in cfg["none_of"]):
        return False
    # a circumstance's own 免除处罚 asks for a minor crime (犯罪较轻, 刑法第67条; 2021量刑指导意见 三(5)(6)); art. 37's
    # whole condition, stated, asks for nothing more, whatever the bracket's ceiling (寻衅滋事's is five years)
    minor = bracket.ceiling_months <= int(cfg["max_ceiling_months"])
    grounds = dict(cfg["any_of"])
    crime = standard.crime(info.name)
    own = (crime.extra.get("exemption") if crime is not None else None) or {}
    if own:
        # the crime's own conditions (dangerous_driving.yaml `exemption`): barred, only the whole condition exempts
        minor = minor and not _crime_bars(own, crime, applied, facts, standard)
        grounds.update(own.get("any_of") or {})
    basis = next((r for r in applied.rules if r in grounds), None) if minor else None
    quote = _stated_any(facts.text, cfg["text_says"])
    if basis is None:
        # art. 37's whole condition stated (犯罪情节轻微，不需要判处刑罚): the article itself is the ground
        whole = _stated_any(facts.text, cfg.get("whole_condition", ()))
        if whole is None:
            return False
        trace.step(
            "method.exempt.whole",
            kind=StepKind.PENALTY_KIND,
            rule_id=f"{cfg['rule_id']}.whole",
            after=0,
            citation=cfg["citation"],
            charge=info.name,
            confidence=cfg["confidence"],
            quote=whole,
        )
        return True
    if quote is None:
        return False
    rule = standard.circumstances[basis]
    law = grounds[basis]
    trace.step(
        "method.exempt",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        after=0,
        citation=f"{cfg['citation']}；{law}",
        charge=info.name,
        confidence=cfg["confidence"],
        quote=quote,
        circumstance=rule.zh,
        circumstance_en=rule.en or basis,
        law=law,
    )
    return True


def _crime_bars(
    own: dict, crime: CrimeStandard, applied: Applied, facts: CaseFacts, standard: Standard
) -> bool:
    """Whether the crime's own exemption conditions (`exemption` in its file) rule the exemption out: a circumstance
    of `none_of` applied, a tier of `not_in_tiers` whose condition the facts meet, or a blood alcohol above `bac_above`
    or not read at all (the condition is then not stated: decided conservatively, as the module's docstring says)."""
    if any(applied.has(r) for r in own.get("none_of", ())):
        return True
    barred = set(own.get("not_in_tiers", ()))
    if any(t.id in barred and t.when and condition_met(t.when, facts, crime, standard) for t in crime.tiers):
        return True
    limit = own.get("bac_above")
    return limit is not None and (facts.blood_alcohol is None or float(facts.blood_alcohol) > float(limit))


def _stated_any(text: str | None, patterns) -> str | None:
    """The quote of the first of `patterns` (regular expressions) the text states as a finding."""
    return next((q for pattern in patterns if (q := stated(text or "", pattern))), None)


# a clause that says the act did not happen ("仍未…支付所欠工资", "拒不支付", "逃避支付")
CLAUSE_NEGATIONS = re.compile(r"未|不|没有|拒|逃避")
CLAUSE_BREAKS = "，,。；;：:\n"
SENTENCE_BREAKS = "。；;\n"


def _exempt_by_statute(info: ChargeInfo, facts: CaseFacts, cfg: dict | None, trace: Trace) -> bool:
    """An article of the special part that allows 免除处罚 on its own condition (刑法第276条之一第3款: wages paid
    before prosecution; 第351条第3款: the plants uprooted of one's own accord before harvest; 第164条第4款 and
    第392条第2款: the bribe confessed before prosecution, and 第390条第2款 for acts before Amendment IX or with its
    further condition since; 第241条第6款 before Amendment IX; 第383条第3款: 贪污 or 受贿 confessed, repented and refunded
    before prosecution), where the fact text states that condition (method.yaml `non_custodial.by_statute`)."""
    found = _stated_provision(info, facts, cfg, _exempts)
    if found is None:
        return False
    provision, quote = found
    trace.step(
        "method.exempt.statute",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        after=0,
        citation=provision["citation"],
        charge=info.name,
        confidence=cfg["confidence"],
        quote=quote,
        law=provision["law"],
    )
    return True


class StatuteMitigation(NamedTuple):
    rule: str  # the circumstance that weighs it (circumstances.yaml)
    below: str  # below the bracket's floor: "may" (从轻或者减轻) or "must" (the article says 减轻 alone)


def statute_mitigation(
    info: ChargeInfo, facts: CaseFacts, index: int, standard: Standard, trace: Trace
) -> StatuteMitigation | None:
    """An article of the special part that allows 从轻或者减轻 (or 减轻) on its own condition, where the fact text
    states it: the circumstance that weighs it (`mitigates_with`, a rule id of circumstances.yaml), which the
    caller applies with 减轻 allowed (刑法第63条), or taken (`below_floor: must`) where the article allows 减轻 or
    免除 and no 从轻 (第164条第4款): as the exemption is taken in the lowest bracket, its 减轻 is taken above it. Above the lowest bracket every such provision (刑法第272条第3款:
    the misappropriated funds returned before prosecution; 第164条第4款: the bribe confessed before prosecution);
    in the lowest bracket, where the provisions that allow 免除处罚 exempt (`non_custodial`), only those that do
    not (`exempts: false`: 刑法第390条第2款 since Amendment IX). None when no such provision binds."""
    cfg = (standard.method.get("non_custodial") or {}).get("by_statute")
    if not cfg:
        return None
    found = _stated_provision(info, facts, cfg, _mitigates_in_lowest if index == 0 else _mitigates)
    if found is None:
        return None
    provision, quote = found
    rule = standard.circumstances[provision["mitigates_with"]]
    trace.step(
        "method.mitigation.statute",
        kind=StepKind.ADJUSTMENT,
        rule_id=f"{cfg['rule_id']}.mitigation",
        citation=f"{provision['citation']}；刑法第63条",
        charge=info.name,
        confidence=cfg["confidence"],
        quote=quote,
        law=provision["law"],
        rule=rule.zh,
        rule_en=rule.en or rule.id,
    )
    return StatuteMitigation(rule.id, provision.get("below_floor", "may"))


def _exempts(provision: dict) -> bool:
    return provision.get("exempts", True)


def _mitigates(provision: dict) -> bool:
    return bool(provision.get("mitigates_with"))


def _mitigates_in_lowest(provision: dict) -> bool:
    return _mitigates(provision) and not _exempts(provision)


def _stated_provision(
    info: ChargeInfo, facts: CaseFacts, cfg: dict | None, wanted: Callable[[dict], bool]
) -> tuple[dict, str] | None:
    """The first provision of `non_custodial.by_statute` for this charge that is `wanted`, whose condition the fact
    text states (with `with_any`: one of these too), in force for the acts (`when`), with the quote."""
    text = facts.text or ""
    for provision in (cfg or {}).get("provisions", ()):
        if info.name not in provision["charges"] or not wanted(provision):
            continue
        for pattern in provision["said"]:
            found = _stated(text, pattern, provision)
            if found is None:
                continue
            quote, sentence_start = found
            if _in_force_for_the_acts(provision, facts, text[:sentence_start]) and _also_stated(
                text, provision
            ):
                return provision, quote
    return None


def _in_force_for_the_acts(provision: dict, facts: CaseFacts, told_before: str) -> bool:
    """Whether the provision's text was in force (`when`) for the acts, which 刑法第12条 dates: by the dates the fact
    text names before the sentence that tells the condition (the acts, told first; not the later confession or
    release), or by all its dates where none comes before it."""
    when = provision.get("when")
    if not when:
        return True
    if latest_date(told_before) is not None:
        facts = dataclasses.replace(facts, text=told_before)
    return variant_applies(when, facts)


def _also_stated(text: str, provision: dict) -> bool:
    """The provision's further condition (`with_any`: 刑法第390条第2款's 犯罪较轻, 对侦破重大案件起关键作用,
    重大立功表现), stated anywhere in the text and not negated, where it has one."""
    further = provision.get("with_any")
    return not further or any(_stated(text, pattern, {}) for pattern in further)


def _stated(text: str, pattern: str, provision: dict) -> tuple[str, int] | None:
    """The first match of `pattern` whose clause does not negate it, does not name someone else's act
    (`not_in_clause`; `on_behalf` only by `on_behalf_by`), whose sentence places it when the provision asks
    (`in_sentence`: one of these words) and does not place it at trial (`not_in_sentence`: regular expressions):
    its quote and where its sentence starts."""
    for match in re.finditer(pattern, text):
        start = match.start()
        clause_start, clause_end = bounds(text, start, match.end(), CLAUSE_BREAKS)
        clause = text[clause_start:clause_end]
        sentence_start, sentence_end = bounds(text, start, match.end(), SENTENCE_BREAKS)
        sentence = text[sentence_start:sentence_end]
        required = provision.get("in_sentence")
        if (
            CLAUSE_NEGATIONS.search(text[clause_start:start])
            or (required and not any(w in sentence for w in required))
            or any(re.search(w, sentence) for w in provision.get("not_in_sentence", ()))
            or any(w in clause for w in provision.get("not_in_clause", ()))
            or _for_someone_else(clause, provision)
        ):
            continue
        return text[max(sentence_start, start - 12) : match.end()], sentence_start
    return None


def _for_someone_else(clause: str, provision: dict) -> bool:
    """Done on the defendant's behalf (代…) by someone the provision does not accept (not the family)."""
    marker = provision.get("on_behalf")
    return (
        bool(marker) and marker in clause and not any(w in clause for w in provision.get("on_behalf_by", ()))
    )


def _fine_only(
    months: float, info: ChargeInfo, applied: Applied, standard: Standard, cfg: dict, trace: Trace
) -> bool:
    bracket = info.brackets[0]
    if not bracket.fine_only_allowed or months > float(cfg["max_months"]):
        return False
    if any(applied.has(r) for r in cfg["none_of"]):
        return False
    found = [next((r for r in applied.rules if r in group), None) for group in cfg["all_of"]]
    if None in found:
        return False
    rules = [standard.circumstances[r] for r in found]
    source = bracket.source or info.article_label
    trace.step(
        "method.fine_only",
        kind=StepKind.PENALTY_KIND,
        rule_id=cfg["rule_id"],
        before=round(months, 2),
        after=0,
        citation=f"{cfg['citation']}；刑法{source}（并处或者单处罚金）",
        charge=info.name,
        confidence=cfg["confidence"],
        term=months,
        max_months=cfg["max_months"],
        circumstances="、".join(r.zh for r in rules),
        circumstances_en=", ".join(r.en or r.id for r in rules),
        source=source,
    )
    return True


def combined_surveillance(months_each: list[int], cfg: dict, trace: Trace, common: dict) -> Calculation:
    """Several terms of 管制 alone: between the highest and the total, at most three years (art. 69)."""
    share = float(cfg.get("share_of_rest", 0.5))
    total, top, cap = sum(months_each), max(months_each), int(cfg["surveillance_cap"])
    months = int(round(min(cap, total, top + share * (total - top))))
    trace.step(
        "method.art69.surveillance",
        kind=StepKind.COMBINATION,
        after=months,
        rule_id=cfg.get("rule_id", "method.art69"),
        citation=cfg.get("citation", "刑法第69条"),
        confidence=cfg.get("share_confidence", "low"),
        total=total,
        top=top,
        upper=min(cap, total),
        months=months,
    )
    return Calculation(
        months=months,
        low=max(top, months - 3),
        high=min(cap, total, months + 3),
        penalty=Penalty.SURVEILLANCE.value,
        steps=trace.steps,
        notes=trace.notes,
        **common,
    )
