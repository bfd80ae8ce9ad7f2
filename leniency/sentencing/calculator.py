"""The sentencing calculator: CaseFacts + Standard -> Calculation (three steps, each with rule and citation).

    from leniency.sentencing.calculator import calculate
    calc = calculate(facts)              # default standard, national thresholds
    calc.months, calc.low, calc.high, calc.penalty, calc.steps

Per charge: starting point and baseline (`calculator_baseline`), circumstances, whole-case review and
clamp (`calculator_adjust`), then the kind of penalty, range, probation and fine (here). Several charges
are combined under Criminal Law art. 69 (数罪并罚), and a prior sentence left unserved under art. 71
(`calculator_prior`). Never raises for missing facts: it returns the best
lawful answer with a note and low confidence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.calculation import Calculation, ChargeResult, Penalty, StepKind
from leniency.sentencing.calculator_adjust import Applied, adjust, applicable_circumstances, clamp, whole_case
from leniency.sentencing.calculator_appeal import no_harsher_on_appeal
from leniency.sentencing.calculator_baseline import (
    bracket_baseline,
    condition_met,
    guideline_baseline,
    min_conf,
)
from leniency.sentencing.calculator_fine_limits import interpretation_limits
from leniency.sentencing.calculator_outcome import (
    combined_surveillance,
    minor_surveillance,
    non_custodial,
    recommended_surveillance,
    statute_mitigation,
)
from leniency.sentencing.calculator_prior import with_earlier_judgment, with_prior_unserved
from leniency.sentencing.calculator_scope import own_circumstances
from leniency.sentencing.calculator_stages import governing_part
from leniency.sentencing.calculator_thresholds import earlier_law_charge, earlier_law_crime
from leniency.sentencing.calculator_weighed_once import weighed_in_tier
from leniency.sentencing.calculator_wording import facts_of_each_charge
from leniency.sentencing.catalogue import ChargeInfo, charges_for_article, find_charge
from leniency.sentencing.extraction.amounts import named_amount
from leniency.sentencing.extraction.recidivism import without_inferred
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.jurisdiction import stated_jurisdiction
from leniency.sentencing.standards import CrimeStandard, Standard, Tier, load_standard
from leniency.sentencing.trace import Phrase, Trace

MITIGATING_FOR_PROBATION = {
    "plea", "surrender", "confession", "restitution", "compensation", "forgiveness", "compensation_and_forgiveness",
    "reconciliation", "minor_12_16", "minor_16_18", "elderly", "accessory", "coerced", "attempt", "discontinuation",
    "preparation", "meritorious", "major_meritorious",
}  # fmt: skip


JURISDICTION_NOTE = (
    "案件发生地为{province}，适用该省的数额标准和增加刑罚量 / the facts place the case in {province}: "
    "its amount thresholds and increments apply ({id})"
)


@dataclass
class _Charge:
    info: ChargeInfo
    result: ChargeResult
    months_exact: float


def calculate(
    facts: CaseFacts, standard: Standard | None = None, *, whole_case_ratio: float = 0.0
) -> Calculation:
    """Compute the recommended sentence for `facts` under `standard` (default: the current national one).

    `whole_case_ratio` is the judge's or prosecutor's whole-case adjustment (at most ±0.20), logged as a step.
    """
    given = standard
    stated = stated_jurisdiction(facts.text) if standard is None else None
    standard = standard or load_standard(jurisdiction=stated[0] if stated else None)
    trace = Trace(notes=facts.notes or ())
    if stated:  # a province's own figures (法释〔2013〕8号第一条第二款 and the like)
        trace.note_text(JURISDICTION_NOTE.format(province=stated[1], id=stated[0]))
    infos = _resolve_charges(facts, trace)
    if not infos:
        return _no_charge(facts, standard, trace)
    applied = applicable_circumstances(facts)
    results = [
        _one_charge(info, own, standard, applied, trace, whole_case_ratio)
        for info, own in zip(infos, facts_of_each_charge(infos, facts, standard, trace), strict=True)
    ]
    if len(results) == 1:
        calc = _single(results[0], applied, facts, standard, trace)
    else:
        calc = _combine(results, applied, facts, standard, trace)
    if calc.penalty not in (Penalty.IMPRISONMENT, Penalty.LIFE, Penalty.DEATH):
        # 刑法第65条: 再犯应当判处有期徒刑以上刑罚之罪; a recidivism inferred from its dates founds none for a crime
        # calculated below 有期徒刑 (extraction/recidivism.py); the word 累犯 in the text is the court's and stays
        plain = without_inferred(facts)
        if plain is not None:
            return calculate(plain, given, whole_case_ratio=whole_case_ratio)
    if facts.procedure is not None and facts.procedure.undiscovered is not None:
        calc = with_earlier_judgment(calc, facts, standard, trace)  # 漏罪 (arts. 70, 69)
    else:
        calc = with_prior_unserved(calc, facts, standard, trace)  # 前罪未执行的刑罚 (arts. 69, 71)
    return no_harsher_on_appeal(calc, facts, standard, trace)  # 上诉不加刑 (CPL art. 237)


def _resolve_charges(facts: CaseFacts, trace: Trace) -> list[ChargeInfo]:
    infos: list[ChargeInfo] = []
    for name in facts.charges:
        info = find_charge(name)
        if info is None:
            trace.note("note.unknown_charge", charge=name)
        elif info not in infos:
            infos.append(info)
    if not infos and facts.articles:
        for article in facts.articles:
            candidates = charges_for_article(article)
            if len(candidates) >= 1:
                infos.append(candidates[0])
                trace.note("note.charge_from_article", article=article, charge=candidates[0].name)
                break
    return infos


def _one_charge(
    info: ChargeInfo,
    facts: CaseFacts,
    standard: Standard,
    applied: Applied,
    trace: Trace,
    whole_case_ratio: float,
) -> _Charge:
    crime = standard.crime(info.name)
    if crime is None:
        info = earlier_law_charge(
            info, standard.amount_brackets.get("charges", {}).get(info.name), facts, trace
        )
    else:
        info, crime = earlier_law_crime(info, crime, facts, trace)
    # 既遂与未遂并存 (法释〔2011〕7号第六条): the part that governs places the amount
    facts, applied = governing_part(info, crime, facts, standard, applied, trace)
    base = (
        guideline_baseline(info, crime, facts, standard, trace)
        if crime
        else bracket_baseline(info, facts, standard, trace)
    )
    confidence = base.confidence
    crime = _strict_in_tier(crime, base.tier)
    applied = own_circumstances(applied, info.name, facts, standard, trace)  # circumstances.yaml `scope`
    applied = weighed_in_tier(applied, crime, base.tier, facts, trace)  # one fact weighed once
    if base.penalty in ("life", "death"):
        return _life_or_death(info, base.penalty, base.bracket_index, crime, applied, standard, trace)
    # an article's own 从轻或者减轻 above the lowest bracket (刑法第272条第3款): its circumstance, 减轻 allowed
    mitigation = statute_mitigation(info, facts, base.bracket_index, standard, trace)
    if mitigation is not None and not applied.has(mitigation.rule):
        applied = dataclasses.replace(applied, rules=[*applied.rules, mitigation.rule])
    adjusted = adjust(base.months, applied, crime, standard, info.name, trace)
    below = adjusted.below_bracket
    if mitigation is not None and (below == "none" or mitigation.below == "must"):
        below = mitigation.below
    months = whole_case(adjusted.months, whole_case_ratio, standard, info.name, trace)
    months, index = clamp(months, info, base.bracket_index, below, trace, info.name)
    # the facts' own bracket, not one reached by mitigation, decides whether the crime is minor
    own = max(index, base.bracket_index)
    surveillance = recommended_surveillance(months, info, index, facts, standard, trace)
    outcome = None if surveillance else non_custodial(months, info, own, applied, facts, standard, trace)
    if outcome is None and surveillance is None:
        surveillance = minor_surveillance(months, info, own, applied, facts, standard, trace)
    if surveillance is not None:  # 管制 (art. 38): its own months, not months of prison
        penalty, fixed = Penalty.SURVEILLANCE.value, surveillance
        low, high = _range(fixed, penalty, info, index, standard)
        fine = _fine(max(1, round(months)), penalty, info, (index, own), crime, facts, standard, trace)
        confidence = min_conf(confidence, "medium")
    elif outcome is None:
        penalty, fixed = _penalty_kind(months, info, index, base.penalty, standard, trace)
        low, high = _range(fixed, penalty, info, index, standard)
        fine = _fine(fixed, penalty, info, (index, own), crime, facts, standard, trace)
    else:  # 免予刑事处罚 / 单处罚金: no principal penalty, 0 months
        penalty, fixed, low, high = outcome, 0, 0, 0
        fine = None
        if outcome == Penalty.FINE_ONLY:
            fine = _fine(max(1, round(months)), penalty, info, (index, own), crime, facts, standard, trace)
        confidence = min_conf(confidence, "low")
    for rid in applied.rules:
        confidence = min_conf(confidence, standard.circumstances[rid].confidence)
    # 免予刑事处罚 imposes no penalty at all; any principal penalty carries what its own bracket adds
    confiscation = outcome != Penalty.EXEMPT and _confiscation(info, own, trace)
    result = ChargeResult(
        charge=info.name,
        article=info.article,
        penalty=penalty,
        months=fixed,
        low=low,
        high=high,
        fine_yuan=fine,
        confiscation=confiscation,
        bracket_label=info.brackets[index].describe_zh(),
        has_guideline=crime is not None and crime.from_guideline,
        confidence=confidence,
    )
    return _Charge(info=info, result=result, months_exact=months)


def _strict_in_tier(crime: CrimeStandard | None, tier: Tier | None) -> CrimeStandard | None:
    """The crime with leniency applied strictly where its file says so of the tier the facts reached alone
    (`strict_leniency_tiers`: 故意伤害 致人死亡 or by especially cruel means is serious violent crime, the light
    injury of the same article is not)."""
    if crime is None or tier is None or crime.strict_leniency:
        return crime
    if tier.id in (crime.extra.get("strict_leniency_tiers") or ()):
        return dataclasses.replace(crime, strict_leniency=True)
    return crime


def _life_or_death(
    info: ChargeInfo,
    kind: str,
    index: int,
    crime: CrimeStandard | None,
    applied: Applied,
    standard: Standard,
    trace: Trace,
) -> _Charge:
    """A tier that fixes life or death: strong mitigation brings it down to a fixed 15-year term."""
    rules = standard.circumstances
    confiscation = _confiscation(info, index, trace)
    mitigations = [
        r
        for r in applied.rules
        if rules[r].direction == "down"
        and (rules[r].tier == "first" or r in ("surrender", "major_meritorious"))
    ]
    if mitigations:
        trace.step(
            "method.life_death.mitigated",
            kind=StepKind.PENALTY_KIND,
            after=180,
            citation=f"刑法{info.article_label}；刑法第63条",
            charge=info.name,
            confidence="low",
            circumstances="、".join(rules[r].zh for r in mitigations),
            circumstance_ids=", ".join(mitigations),
            penalty=Phrase(f"phrase.penalty.{kind}"),
        )
        result = ChargeResult(
            info.name,
            info.article,
            Penalty.IMPRISONMENT,
            180,
            168,
            180,
            has_guideline=crime is not None and crime.from_guideline,
            confidence="low",
            confiscation=confiscation,
        )
        return _Charge(info, result, 180.0)
    trace.step(
        "method.life_death",
        kind=StepKind.PENALTY_KIND,
        rule_id=f"method.{kind}",
        citation=f"刑法{info.article_label}",
        charge=info.name,
        confidence="low",
        penalty=Phrase(f"phrase.penalty.{kind}"),
    )
    result = ChargeResult(
        info.name, info.article, Penalty.DEATH if kind == "death" else Penalty.LIFE, None, 180, 180,
        death_penalty=kind == "death", life_imprisonment=kind == "life", has_guideline=crime is not None and crime.from_guideline, confidence="low",
        confiscation=confiscation,
    )  # fmt: skip
    return _Charge(info, result, 180.0)


def _confiscation(info: ChargeInfo, own: int, trace: Trace) -> bool:
    """Whether the facts' own bracket adds 没收财产 (刑法第347条第2款: 并处没收财产; 刑法第59条), which binds, as its
    并处罚金 does, though the term is mitigated below the bracket. 并处罚金或者没收财产 (刑法第263条) leaves the choice
    to the court: the fine stands. Shown, never a sum of yuan."""
    bracket = info.brackets[own]
    if bracket.confiscation != "mandatory":
        return False
    source = bracket.source or info.article_label
    trace.step(
        "method.confiscation",
        kind=StepKind.FINE,
        citation=f"刑法{source}；刑法第59条",
        charge=info.name,
        source=source,
    )
    return True


def _penalty_kind(
    months: float, info: ChargeInfo, index: int, forced: str | None, standard: Standard, trace: Trace
) -> tuple[str, int]:
    kinds = standard.method["penalty_kinds"]
    bracket = info.brackets[index]
    below = float(kinds.get("detention_below_months", 6))
    detention_ok = bracket.detention or (index == 0 and any(b.detention for b in info.brackets[:1]))
    if forced == "detention" or (months < below and detention_ok):
        fixed = int(min(kinds["detention"]["max"], max(kinds["detention"]["min"], round(months))))
        kind = Penalty.DETENTION
    else:
        fixed = int(min(kinds["imprisonment"]["max"], max(kinds["imprisonment"]["min"], round(months))))
        kind = Penalty.IMPRISONMENT
    trace.step(
        "method.penalty_kind",
        kind=StepKind.PENALTY_KIND,
        before=round(months, 2),
        after=fixed,
        citation="刑法第42条、第45条",
        charge=info.name,
        penalty=Phrase(f"phrase.penalty.{kind.value}"),
        months=fixed,
    )
    return kind.value, fixed


def _range(months: int, penalty: str, info: ChargeInfo, index: int, standard: Standard) -> tuple[int, int]:
    """Range recommendation (幅度刑): width by the (unconfirmed) SPP width rules, inside one bracket and kind."""
    cfg = standard.method["range_width"]
    if penalty == Penalty.DETENTION:
        width, lo_bound, hi_bound = cfg["detention"], 1, 6
    elif penalty == Penalty.SURVEILLANCE:
        bounds = standard.method["penalty_kinds"]["surveillance"]
        width, lo_bound, hi_bound = cfg["surveillance"], bounds["min"], bounds["max"]
    else:
        width = (
            cfg["under_12"]
            if months < 12
            else cfg["under_36"]
            if months < 36
            else cfg["under_120"]
            if months < 120
            else cfg["from_120"]
        )
        bracket = info.brackets[index]
        lo_bound = 6
        hi_bound = bracket.ceiling_months or 180
        if bracket.imprisonment and months >= bracket.imprisonment[0]:
            lo_bound = bracket.imprisonment[0]
        hi_bound = max(hi_bound, months)
    low = max(lo_bound, months - width // 2)
    high = min(hi_bound, low + width)
    low = max(lo_bound, min(low, high - width)) if high - low < width else low
    return int(min(low, months)), int(max(high, months))


def _fine(
    months: int | None,
    penalty: str,
    info: ChargeInfo,
    brackets: tuple[int, int],
    crime: CrimeStandard | None,
    facts: CaseFacts,
    standard: Standard,
    trace: Trace,
) -> Decimal | None:
    """The fine of one charge, or None where its bracket adds none.

    `brackets` are the index of the bracket whose term is imposed and of the facts' own bracket. The own bracket
    decides whether a fine goes with a prison term (its "并处罚金", which binds though the term is mitigated below
    it; "处二年以下有期徒刑、拘役或者罚金" adds none), and where its clause names the fine's limits in yuan the fine is
    kept inside them (`_statutory_limits`); so it is where a national interpretation names them (贪污贿赂:
    `interpretation_limits`).
    """
    imposed, own = brackets
    statutory = info.brackets[own]
    if penalty != Penalty.FINE_ONLY.value and statutory.fine not in ("mandatory", "with_or_only"):
        return None
    rule = crime.fine if crime else None
    generic = standard.method.get("fines", {})
    amount = float(facts.amount_yuan) if facts.amount_yuan else None
    if rule and rule.get("kind") == "amount_ratio" and amount:
        value = max(float(rule["min_yuan"]), amount * float(rule["ratio"]))
        value = min(value, max(float(rule["min_yuan"]), amount * float(rule.get("max_ratio", 2.0))))
        how = Phrase("phrase.fine.amount_ratio", {"ratio": rule["ratio"], "min_yuan": rule["min_yuan"]})
    elif rule and rule.get("kind") == "per_month" and months:
        value = float(rule["base_yuan"]) + float(rule["per_month_yuan"]) * max(0, months - 1)
        how = Phrase(
            "phrase.fine.per_month",
            {"base_yuan": rule["base_yuan"], "per_month_yuan": rule["per_month_yuan"]},
        )
    elif rule and rule.get("kind") == "amount_ratio":
        value = float(rule["min_yuan"]) + float(generic.get("per_month_yuan", 1000)) * (months or 0)
        how = Phrase("phrase.fine.no_amount")
    elif penalty != Penalty.FINE_ONLY.value and months:
        value = max(
            float(generic.get("minimum_yuan", 1000)), float(generic.get("per_month_yuan", 1000)) * months
        )
        how = Phrase("phrase.fine.mandatory")
    elif penalty == Penalty.FINE_ONLY.value:
        # the fine is the penalty itself (刑法第52条), though neither the crime nor the statute sets its amount
        value = max(
            float(generic.get("minimum_yuan", 1000)),
            float(generic.get("per_month_yuan", 1000)) * (months or 0),
        )
        how = Phrase("phrase.fine.alone")
    else:
        return None
    value = round(value / 1000) * 1000 or 1000
    trace.step(
        "method.fine",
        kind=StepKind.FINE,
        rule_id=f"crime.{crime.id}.fine" if rule else generic.get("rule_id", "method.fine"),
        citation=(rule or {}).get("source", generic.get("citation", "")) or generic.get("citation", ""),
        charge=info.name,
        confidence=(rule or generic).get("confidence", "low"),
        value=value,
        how=how,
    )
    value = _multiple_limits(value, info, imposed, own, facts, trace)
    value = _statutory_limits(value, info, imposed, own, trace)
    return Decimal(int(interpretation_limits(value, info, imposed, facts, standard, trace)))


def _multiple_limits(
    value: float, info: ChargeInfo, imposed: int, own: int, facts: CaseFacts, trace: Trace
) -> float:
    """`value` kept inside the multiples of the sum the own bracket's clause names (刑法第175条: 并处违法所得一倍以上
    五倍以下罚金; 第140条: 销售金额百分之五十以上二倍以下), where the text names that sum (`named_amount`: the loan of
    a 高利转贷 is not its 违法所得). Its floor does not bind a term mitigated below the bracket (刑法第63条). Where the
    text names no such sum, the fine stays the estimate, and the trace says so at low confidence."""
    bracket = info.brackets[own]
    if bracket.fine_multiple is None:
        return value
    of, low_ratio, high_ratio = bracket.fine_multiple
    source = bracket.source or info.article_label
    base = named_amount(facts.text or "", of)
    if base is None:
        trace.step(
            "method.fine.multiple_unread",
            kind=StepKind.FINE,
            citation=f"刑法{source}",
            charge=info.name,
            confidence="low",
            source=source,
            of=of,
        )
        return value
    low, high = round(float(base) * low_ratio), round(float(base) * high_ratio)
    limited = _within(value, low, high, mitigated=imposed < own)
    if limited != value:
        trace.step(
            "method.fine.multiple",
            kind=StepKind.FINE,
            citation=f"刑法{source}",
            charge=info.name,
            confidence="medium",  # the sum is read from the text
            source=source,
            of=of,
            base=float(base),
            low=low,
            high=high,
            value=limited,
        )
    return limited


def _within(value: float, low: float, high: float, *, mitigated: bool) -> float:
    """`value` kept at most `high` and at least `low`, unless the term is mitigated below the bracket whose limits
    these are (刑法第63条: its floor does not bind then)."""
    return min(high, value if mitigated else max(low, value))


def _statutory_limits(value: float, info: ChargeInfo, imposed: int, own: int, trace: Trace) -> float:
    """`value` kept inside the limits the own bracket's clause names (刑法第196条: 并处二万元以上二十万元以下罚金 in
    the first bracket, 五万元以上五十万元以下 above it). Its floor does not bind a term mitigated below the bracket
    (刑法第63条: 在法定刑以下判处刑罚); where the clause names no figure the fine stays as it is."""
    bracket = info.brackets[own]
    if bracket.fine_yuan is None:
        return value
    low, high = bracket.fine_yuan
    limited = _within(value, float(low), float(high), mitigated=imposed < own)
    if limited != value:
        trace.step(
            "method.fine.statutory_limits",
            kind=StepKind.FINE,
            citation=f"刑法{bracket.source or info.article_label}",
            charge=info.name,
            source=bracket.source or info.article_label,
            low=low,
            high=high,
            value=limited,
        )
    return limited


def _probation(
    months: int | None,
    penalty: str,
    applied: Applied,
    crimes: list[CrimeStandard | None],
    facts: CaseFacts,
    standard: Standard,
    trace: Trace,
) -> tuple[bool, bool, int | None]:
    cfg = standard.method.get("probation", {})
    if months is None or penalty not in (Penalty.IMPRISONMENT, Penalty.DETENTION):
        return False, False, None
    rule_id, citation = cfg.get("rule_id", "method.probation"), cfg.get("citation", "")
    lawful = months <= int(cfg.get("max_months", 36)) and not applied.has("recidivist")
    if not lawful:
        reason = "recidivist" if applied.has("recidivist") else "over_three_years"
        trace.step(
            "method.probation.unlawful",
            kind=StepKind.PROBATION,
            rule_id=rule_id,
            citation=citation,
            reason=Phrase(f"phrase.probation.{reason}"),
        )
        return False, False, None
    mandatory = any(r in applied.rules for r in ("minor_12_16", "minor_16_18", "elderly"))
    mitigating = [r for r in applied.rules if r in MITIGATING_FOR_PROBATION]
    strict = any(c is not None and c.strict_probation for c in crimes)
    advised = mandatory or (
        months <= int(cfg.get("advise_max_months", 24))
        and len(mitigating) >= (2 if strict else 1)
        and not applied.has("prior_record")
        and not applied.has("drug_reoffender")
        and not _probation_not_advised(crimes, facts, standard)
    )
    period = None
    if advised:
        p = cfg.get("period", {}).get("detention" if penalty == Penalty.DETENTION else "imprisonment", {})
        period = int(min(p.get("max", 60), max(p.get("min", 2), round(months * float(p.get("factor", 1.5))))))
    trace.step(
        "method.probation.advised" if advised else "method.probation.not_advised",
        kind=StepKind.PROBATION,
        rule_id=rule_id,
        citation=citation,
        confidence="low",
        period=period,
        mandatory=Phrase("phrase.probation.mandatory") if mandatory else "",
    )
    return True, advised, period


def _probation_not_advised(crimes: list[CrimeStandard | None], facts: CaseFacts, standard: Standard) -> bool:
    """Whether a crime's own rule says probation is usually not given on these facts (its file's
    `probation_not_advised`, e.g. 危险驾驶 above 180 mg/100ml under the 2023 drunk-driving opinion)."""
    return any(
        condition_met(rule["when"], facts, crime, standard)
        for crime in crimes
        if crime is not None
        for rule in crime.extra.get("probation_not_advised") or ()
    )


def _overall_confidence(results: list[_Charge]) -> str:
    return min_conf(*(r.result.confidence for r in results))


def _range_confirmed(standard: Standard) -> bool:
    return bool(standard.method["range_width"].get("confirmed", False))


def _single(
    item: _Charge, applied: Applied, facts: CaseFacts, standard: Standard, trace: Trace
) -> Calculation:
    r = item.result
    crime = standard.crime(item.info.name)
    lawful, advised, period = _probation(r.months, r.penalty, applied, [crime], facts, standard, trace)
    return Calculation(
        months=r.months,
        low=r.low,
        high=r.high,
        death_penalty=r.death_penalty,
        life_imprisonment=r.life_imprisonment,
        penalty=r.penalty,
        probation_lawful=lawful,
        probation_advised=advised,
        probation_months=period,
        fine_yuan=r.fine_yuan,
        steps=trace.steps,
        standard_version=standard.label,
        confidence=r.confidence,
        notes=trace.notes,
        charges=[r],
        range_rule_confirmed=_range_confirmed(standard),
    )


def _combine(
    results: list[_Charge], applied: Applied, facts: CaseFacts, standard: Standard, trace: Trace
) -> Calculation:
    """数罪并罚 (Criminal Law art. 69): absorption for death/life, limited aggravation for fixed terms."""
    cfg = standard.method["combined_sentence"]
    rule_id, citation = cfg.get("rule_id", "method.art69"), cfg.get("citation", "")
    rs = [r.result for r in results]
    fines = [r.fine_yuan for r in rs if r.fine_yuan is not None]
    common = {
        "standard_version": standard.label,
        "charges": rs,
        "fine_yuan": sum(fines, Decimal(0)) if fines else None,
        "confidence": min_conf(_overall_confidence(results), "medium"),
        "range_rule_confirmed": _range_confirmed(standard),
    }
    if any(r.death_penalty for r in rs) or any(r.life_imprisonment for r in rs):
        death = any(r.death_penalty for r in rs)
        kind = Penalty.DEATH if death else Penalty.LIFE
        trace.step(
            "method.art69.absorbed",
            kind=StepKind.COMBINATION,
            rule_id=rule_id,
            citation=citation,
            penalty=Phrase(f"phrase.penalty.{kind.value}"),
        )
        return Calculation(
            months=None,
            low=180,
            high=180,
            death_penalty=death,
            life_imprisonment=not death,
            penalty=kind.value,
            steps=trace.steps,
            notes=trace.notes,
            **common,
        )
    prison = [r.months for r in rs if r.penalty == Penalty.IMPRISONMENT and r.months]
    detention = [r.months for r in rs if r.penalty == Penalty.DETENTION and r.months]
    surveillance = [r.months for r in rs if r.penalty == Penalty.SURVEILLANCE and r.months]
    if surveillance and not prison and not detention:
        return combined_surveillance(surveillance, cfg, trace, common)
    if surveillance:  # 有期徒刑、拘役和管制的，有期徒刑、拘役执行完毕后，管制仍须执行 (art. 69 para. 2)
        trace.note("note.art69.surveillance_after", months=max(surveillance))
    if not prison and not detention:  # every charge exempt or a fine alone (刑法第69条第3款: fines are added)
        kind = Penalty.FINE_ONLY if any(r.penalty == Penalty.FINE_ONLY for r in rs) else Penalty.EXEMPT
        trace.step(
            "method.art69.non_custodial",
            kind=StepKind.COMBINATION,
            after=0,
            rule_id=rule_id,
            citation=citation,
            penalty=Phrase(f"phrase.penalty.{kind.value}"),
        )
        return Calculation(
            months=0, low=0, high=0, penalty=kind.value, steps=trace.steps, notes=trace.notes, **common
        )
    share = float(cfg.get("share_of_rest", 0.5))
    if prison:
        total, top = sum(prison), max(prison)
        cap = cfg["imprisonment_cap_if_total_under_35y"] if total < 420 else cfg["imprisonment_cap_otherwise"]
        months = int(round(min(cap, total, top + share * (total - top))))
        penalty = Penalty.IMPRISONMENT
        low, high = max(top, months - 6), min(min(cap, total), months + 6)
        wording = "method.art69.imprisonment"
    else:
        total, top = sum(detention), max(detention)
        months = int(round(min(cfg["detention_cap"], total, top + share * (total - top))))
        penalty = Penalty.DETENTION
        low, high = max(top, months - 1), min(cfg["detention_cap"], total, months + 1)
        wording, cap = "method.art69.detention", cfg["detention_cap"]
    trace.step(
        wording,
        kind=StepKind.COMBINATION,
        after=months,
        rule_id=rule_id,
        citation=cfg.get("citation", "刑法第69条"),
        confidence=cfg.get("share_confidence", "low"),
        total=total,
        top=top,
        upper=min(cap, total),
        months=months,
        share=share,
        detention_dropped=Phrase("phrase.art69.detention_dropped") if prison and detention else "",
    )
    crimes = [standard.crime(r.charge) for r in rs]
    lawful, advised, period = _probation(months, penalty, applied, crimes, facts, standard, trace)
    return Calculation(
        months=months,
        low=min(low, months),
        high=max(high, months),
        penalty=penalty.value,
        probation_lawful=lawful,
        probation_advised=advised,
        probation_months=period,
        steps=trace.steps,
        notes=trace.notes,
        **common,
    )


def _no_charge(facts: CaseFacts, standard: Standard, trace: Trace) -> Calculation:
    """No charge could be identified: a lawful but uninformative answer, flagged low."""
    missing = "missing" if not facts.charges else "unknown"
    trace.note("note.no_charge", missing=Phrase(f"phrase.no_charge.{missing}"))
    trace.step(
        "method.no_charge",
        kind=StepKind.NOTE,
        after=12,
        citation="刑法第45条（有期徒刑的期限）；一般参考值为工程设定，非法律规定",
        confidence="low",
    )
    return Calculation(
        months=12,
        low=6,
        high=36,
        penalty=Penalty.IMPRISONMENT.value,
        steps=trace.steps,
        standard_version=standard.label,
        confidence="low",
        notes=trace.notes,
        range_rule_confirmed=_range_confirmed(standard),
    )
