"""The sentencing calculator: CaseFacts + Standard -> Calculation (three steps, each with rule and citation).

    from leniency.sentencing.calculator import calculate
    calc = calculate(facts)              # default standard, national thresholds
    calc.months, calc.low, calc.high, calc.penalty, calc.steps

Per charge: starting point and baseline (`calculator_baseline`), circumstances, whole-case review and
clamp (`calculator_adjust`), then the kind of penalty, range, probation and fine (here). Several charges
are combined under Criminal Law art. 69 (数罪并罚). Never raises for missing facts: it returns the best
lawful answer with a note and low confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.calculation import Calculation, ChargeResult, Penalty, Step, StepKind
from leniency.sentencing.calculator_adjust import Applied, adjust, applicable_circumstances, clamp, whole_case
from leniency.sentencing.calculator_baseline import bracket_baseline, guideline_baseline, min_conf
from leniency.sentencing.calculator_thresholds import earlier_law_charge, earlier_law_crime
from leniency.sentencing.calculator_wording import facts_of_each_charge
from leniency.sentencing.catalogue import ChargeInfo, charges_for_article, find_charge
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import CrimeStandard, Standard, load_standard

MITIGATING_FOR_PROBATION = {
    "plea", "surrender", "confession", "restitution", "compensation", "forgiveness", "compensation_and_forgiveness",
    "reconciliation", "minor_12_16", "minor_16_18", "elderly", "accessory", "coerced", "attempt", "discontinuation",
    "preparation", "meritorious", "major_meritorious",
}  # fmt: skip


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
    standard = standard or load_standard()
    steps: list[Step] = []
    notes: list[str] = list(facts.notes) if facts.notes else []
    infos = _resolve_charges(facts, notes)
    if not infos:
        return _no_charge(facts, standard, notes)
    applied = applicable_circumstances(facts)
    results = [
        _one_charge(info, own, standard, applied, steps, notes, whole_case_ratio)
        for info, own in zip(infos, facts_of_each_charge(infos, facts, standard, steps), strict=True)
    ]
    if len(results) == 1:
        calc = _single(results[0], applied, facts, standard, steps, notes)
    else:
        calc = _combine(results, applied, facts, standard, steps, notes)
    return calc


def _resolve_charges(facts: CaseFacts, notes: list[str]) -> list[ChargeInfo]:
    infos: list[ChargeInfo] = []
    for name in facts.charges:
        info = find_charge(name)
        if info is None:
            notes.append(f"罪名“{name}”不在刑法罪名表中，已忽略 / unknown charge {name!r} ignored")
        elif info not in infos:
            infos.append(info)
    if not infos and facts.articles:
        for article in facts.articles:
            candidates = charges_for_article(article)
            if len(candidates) >= 1:
                infos.append(candidates[0])
                notes.append(
                    f"未给出罪名，按刑法第{article}条推定为“{candidates[0].name}” / no charge given; assumed {candidates[0].name} from art. {article}"
                )
                break
    return infos


def _one_charge(
    info: ChargeInfo,
    facts: CaseFacts,
    standard: Standard,
    applied: Applied,
    steps: list[Step],
    notes: list[str],
    whole_case_ratio: float,
) -> _Charge:
    crime = standard.crime(info.name)
    if crime is None:
        info = earlier_law_charge(
            info, standard.amount_brackets.get("charges", {}).get(info.name), facts, steps
        )
    else:
        info, crime = earlier_law_crime(info, crime, facts, steps)
    base = (
        guideline_baseline(info, crime, facts, standard, steps)
        if crime
        else bracket_baseline(info, facts, standard, steps)
    )
    notes.extend(base.notes)
    confidence = base.confidence
    if base.penalty in ("life", "death"):
        return _life_or_death(info, base.penalty, crime, applied, standard, steps, confidence)
    adjusted = adjust(base.months, applied, crime, standard, info.name, steps)
    months = whole_case(adjusted.months, whole_case_ratio, standard, info.name, steps)
    months, index = clamp(months, info, base.bracket_index, adjusted.below_bracket, steps, info.name)
    penalty, fixed = _penalty_kind(months, info, index, base.penalty, standard, steps)
    for rid in applied.rules:
        confidence = min_conf(confidence, standard.circumstances[rid].confidence)
    low, high = _range(fixed, penalty, info, index, standard)
    fine = _fine(fixed, penalty, info, crime, facts, standard, steps)
    result = ChargeResult(
        charge=info.name,
        article=info.article,
        penalty=penalty,
        months=fixed,
        low=low,
        high=high,
        fine_yuan=fine,
        bracket_label=info.brackets[index].describe_zh(),
        has_guideline=crime is not None,
        confidence=confidence,
    )
    return _Charge(info=info, result=result, months_exact=months)


def _life_or_death(
    info: ChargeInfo,
    kind: str,
    crime: CrimeStandard | None,
    applied: Applied,
    standard: Standard,
    steps: list[Step],
    confidence: str,
) -> _Charge:
    """A tier that fixes life or death: strong mitigation brings it down to a fixed 15-year term."""
    rules = standard.circumstances
    mitigations = [
        r
        for r in applied.rules
        if rules[r].direction == "down"
        and (rules[r].tier == "first" or r in ("surrender", "major_meritorious"))
    ]
    if mitigations:
        steps.append(
            Step(
                kind=StepKind.PENALTY_KIND,
                description_zh=f"具有{'、'.join(rules[r].zh for r in mitigations)}，不判处{'死刑' if kind == 'death' else '无期徒刑'}，判处有期徒刑十五年",
                description_en=f"mitigation ({', '.join(mitigations)}): a fixed term of 15 years instead of {kind}",
                months_after=180,
                rule_id="method.life_death.mitigated",
                citation=f"刑法{info.article_label}；刑法第63条",
                charge=info.name,
                confidence="low",
            )
        )
        result = ChargeResult(
            info.name,
            info.article,
            Penalty.IMPRISONMENT,
            180,
            168,
            180,
            has_guideline=crime is not None,
            confidence="low",
        )
        return _Charge(info, result, 180.0)
    steps.append(
        Step(
            kind=StepKind.PENALTY_KIND,
            description_zh=f"依法应当判处{'死刑' if kind == 'death' else '无期徒刑'}",
            description_en=f"{kind} sentence",
            rule_id=f"method.{kind}",
            citation=f"刑法{info.article_label}",
            charge=info.name,
            confidence="low",
        )
    )
    result = ChargeResult(
        info.name, info.article, Penalty.DEATH if kind == "death" else Penalty.LIFE, None, 180, 180,
        death_penalty=kind == "death", life_imprisonment=kind == "life", has_guideline=crime is not None, confidence="low",
    )  # fmt: skip
    return _Charge(info, result, 180.0)


def _penalty_kind(
    months: float, info: ChargeInfo, index: int, forced: str | None, standard: Standard, steps: list[Step]
) -> tuple[str, int]:
    kinds = standard.method["penalty_kinds"]
    bracket = info.brackets[index]
    below = float(kinds.get("detention_below_months", 6))
    detention_ok = bracket.detention or (index == 0 and any(b.detention for b in info.brackets[:1]))
    if forced == "detention" or (months < below and detention_ok):
        fixed = int(min(kinds["detention"]["max"], max(kinds["detention"]["min"], round(months))))
        kind, zh = Penalty.DETENTION, "拘役"
    else:
        fixed = int(min(kinds["imprisonment"]["max"], max(kinds["imprisonment"]["min"], round(months))))
        kind, zh = Penalty.IMPRISONMENT, "有期徒刑"
    steps.append(
        Step(
            kind=StepKind.PENALTY_KIND,
            description_zh=f"确定刑罚种类：{zh}{fixed}个月",
            description_en=f"penalty: {kind.value} {fixed} months",
            months_before=round(months, 2),
            months_after=fixed,
            rule_id="method.penalty_kind",
            citation="刑法第42条、第45条",
            charge=info.name,
        )
    )
    return kind.value, fixed


def _range(months: int, penalty: str, info: ChargeInfo, index: int, standard: Standard) -> tuple[int, int]:
    """Range recommendation (幅度刑): width by the (unconfirmed) SPP width rules, inside one bracket and kind."""
    cfg = standard.method["range_width"]
    if penalty == Penalty.DETENTION:
        width, lo_bound, hi_bound = cfg["detention"], 1, 6
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
    crime: CrimeStandard | None,
    facts: CaseFacts,
    standard: Standard,
    steps: list[Step],
) -> Decimal | None:
    bracket = info.lowest
    rule = crime.fine if crime else None
    generic = standard.method.get("fines", {})
    amount = float(facts.amount_yuan) if facts.amount_yuan else None
    if rule and rule.get("kind") == "amount_ratio" and amount:
        value = max(float(rule["min_yuan"]), amount * float(rule["ratio"]))
        value = min(value, max(float(rule["min_yuan"]), amount * float(rule.get("max_ratio", 2.0))))
        how = f"犯罪数额×{rule['ratio']}，不低于{rule['min_yuan']}元"
    elif rule and rule.get("kind") == "per_month" and months:
        value = float(rule["base_yuan"]) + float(rule["per_month_yuan"]) * max(0, months - 1)
        how = f"基数{rule['base_yuan']}元，每月增加{rule['per_month_yuan']}元"
    elif rule and rule.get("kind") == "amount_ratio":
        value = float(rule["min_yuan"]) + float(generic.get("per_month_yuan", 1000)) * (months or 0)
        how = "无数额，按刑期估算"
    elif any(b.fine in ("mandatory", "with_or_only") for b in info.brackets) and months:
        value = max(
            float(generic.get("minimum_yuan", 1000)), float(generic.get("per_month_yuan", 1000)) * months
        )
        how = "法定并处罚金，按刑期估算（低可信度）"
    else:
        return None
    value = round(value / 1000) * 1000 or 1000
    steps.append(
        Step(
            kind=StepKind.FINE,
            description_zh=f"罚金{value:,.0f}元（{how}）",
            description_en=f"fine {value:,.0f} yuan",
            rule_id=f"crime.{crime.id}.fine" if rule else generic.get("rule_id", "method.fine"),
            citation=(rule or {}).get("source", generic.get("citation", "")) or generic.get("citation", ""),
            charge=info.name,
            confidence=(rule or generic).get("confidence", "low"),
        )
    )
    _ = bracket
    return Decimal(int(value))


def _probation(
    months: int | None,
    penalty: str,
    applied: Applied,
    crimes: list[CrimeStandard | None],
    facts: CaseFacts,
    standard: Standard,
    steps: list[Step],
) -> tuple[bool, bool, int | None]:
    cfg = standard.method.get("probation", {})
    if months is None or penalty not in (Penalty.IMPRISONMENT, Penalty.DETENTION):
        return False, False, None
    lawful = months <= int(cfg.get("max_months", 36)) and not applied.has("recidivist")
    if not lawful:
        why = "累犯不适用缓刑" if applied.has("recidivist") else "刑期超过三年"
        steps.append(
            Step(
                kind=StepKind.PROBATION,
                description_zh=f"不得适用缓刑：{why}",
                description_en="probation not lawful",
                rule_id=cfg.get("rule_id", "method.probation"),
                citation=cfg.get("citation", ""),
            )
        )
        return False, False, None
    mandatory = any(r in applied.rules for r in ("minor_12_16", "minor_16_18", "elderly"))
    mitigating = [r for r in applied.rules if r in MITIGATING_FOR_PROBATION]
    strict = any(c is not None and c.strict_probation for c in crimes)
    advised = mandatory or (
        months <= int(cfg.get("advise_max_months", 24))
        and len(mitigating) >= (2 if strict else 1)
        and not applied.has("prior_record")
    )
    if facts.blood_alcohol is not None and float(facts.blood_alcohol) > 180:
        advised = advised and mandatory
    period = None
    if advised:
        p = cfg.get("period", {}).get("detention" if penalty == Penalty.DETENTION else "imprisonment", {})
        period = int(min(p.get("max", 60), max(p.get("min", 2), round(months * float(p.get("factor", 1.5))))))
    steps.append(
        Step(
            kind=StepKind.PROBATION,
            description_zh=(
                "建议适用缓刑，考验期" + f"{period}个月" if advised else "可以依法适用缓刑，但不建议"
            )
            + ("（未成年人/老年人符合条件的应当宣告缓刑）" if mandatory else ""),
            description_en=f"probation lawful; advised={advised}"
            + (f", period {period} months" if period else ""),
            rule_id=cfg.get("rule_id", "method.probation"),
            citation=cfg.get("citation", ""),
            confidence="low",
        )
    )
    return True, advised, period


def _overall_confidence(results: list[_Charge]) -> str:
    return min_conf(*(r.result.confidence for r in results))


def _single(
    item: _Charge, applied: Applied, facts: CaseFacts, standard: Standard, steps: list[Step], notes: list[str]
) -> Calculation:
    r = item.result
    crime = standard.crime(item.info.name)
    lawful, advised, period = _probation(r.months, r.penalty, applied, [crime], facts, standard, steps)
    return Calculation(
        months=r.months, low=r.low, high=r.high, death_penalty=r.death_penalty, life_imprisonment=r.life_imprisonment,
        penalty=r.penalty, probation_lawful=lawful, probation_advised=advised, probation_months=period, fine_yuan=r.fine_yuan,
        steps=steps, standard_version=standard.label, confidence=r.confidence, notes=_dedupe(notes), charges=[r],
        range_rule_confirmed=bool(standard.method["range_width"].get("confirmed", False)),
    )  # fmt: skip


def _combine(
    results: list[_Charge],
    applied: Applied,
    facts: CaseFacts,
    standard: Standard,
    steps: list[Step],
    notes: list[str],
) -> Calculation:
    """数罪并罚 (Criminal Law art. 69): absorption for death/life, limited aggravation for fixed terms."""
    cfg = standard.method["combined_sentence"]
    rs = [r.result for r in results]
    fines = [r.fine_yuan for r in rs if r.fine_yuan is not None]
    fine = sum(fines, Decimal(0)) if fines else None
    base = dict(steps=steps, standard_version=standard.label, notes=_dedupe(notes), charges=rs, fine_yuan=fine,
                confidence=min_conf(_overall_confidence(results), "medium"),
                range_rule_confirmed=bool(standard.method["range_width"].get("confirmed", False)))  # fmt: skip
    if any(r.death_penalty for r in rs) or any(r.life_imprisonment for r in rs):
        death = any(r.death_penalty for r in rs)
        steps.append(
            Step(
                kind=StepKind.COMBINATION,
                description_zh=f"数罪中有判处{'死刑' if death else '无期徒刑'}的，只执行一个{'死刑' if death else '无期徒刑'}",
                description_en=f"one crime carries {'death' if death else 'life'}: absorbs the others",
                rule_id=cfg.get("rule_id", "method.art69"),
                citation=cfg.get("citation", ""),
            )
        )
        return Calculation(months=None, low=180, high=180, death_penalty=death, life_imprisonment=not death,
                           penalty=(Penalty.DEATH if death else Penalty.LIFE).value, **base)  # fmt: skip
    prison = [r.months for r in rs if r.penalty == Penalty.IMPRISONMENT and r.months]
    detention = [r.months for r in rs if r.penalty == Penalty.DETENTION and r.months]
    share = float(cfg.get("share_of_rest", 0.5))
    if prison:
        total, top = sum(prison), max(prison)
        cap = cfg["imprisonment_cap_if_total_under_35y"] if total < 420 else cfg["imprisonment_cap_otherwise"]
        months = int(round(min(cap, total, top + share * (total - top))))
        penalty = Penalty.IMPRISONMENT
        zh = (
            f"有期徒刑总和刑期{total}个月、最高刑期{top}个月，在{top}至{min(cap, total)}个月之间酌定为{months}个月"
            + ("；拘役不再执行" if detention else "")
        )
        low, high = max(top, months - 6), min(min(cap, total), months + 6)
    else:
        total, top = sum(detention), max(detention)
        months = int(round(min(cfg["detention_cap"], total, top + share * (total - top))))
        penalty = Penalty.DETENTION
        zh = f"拘役总和{total}个月、最高{top}个月，酌定为{months}个月（不超过一年）"
        low, high = max(top, months - 1), min(cfg["detention_cap"], total, months + 1)
    steps.append(
        Step(
            kind=StepKind.COMBINATION,
            description_zh=f"数罪并罚：{zh}",
            description_en=f"combined sentence (art. 69): total {total}, highest {top} -> {months} months ({share:.0%} of the rest added, engineering)",
            months_after=months,
            rule_id=cfg.get("rule_id", "method.art69"),
            citation=cfg.get("citation", "刑法第69条"),
            confidence=cfg.get("share_confidence", "low"),
        )
    )
    crimes = [standard.crime(r.charge) for r in rs]
    lawful, advised, period = _probation(months, penalty, applied, crimes, facts, standard, steps)
    return Calculation(months=months, low=min(low, months), high=max(high, months), penalty=penalty.value,
                       probation_lawful=lawful, probation_advised=advised, probation_months=period, **base)  # fmt: skip


def _no_charge(facts: CaseFacts, standard: Standard, notes: list[str]) -> Calculation:
    """No charge could be identified: a lawful but uninformative answer, flagged low."""
    missing = "罪名" if not facts.charges else "可识别的罪名"
    notes.append(
        f"缺少{missing}，无法按罪计算；给出一般参考值（有期徒刑一年，幅度六个月至三年），低可信度 / "
        "no (known) charge: a generic reference value of 12 months (6-36) is returned, low confidence"
    )
    step = Step(
        kind=StepKind.NOTE,
        description_zh="缺少罪名，使用一般参考值",
        description_en="no charge: generic reference value",
        months_after=12,
        rule_id="method.no_charge",
        confidence="low",
    )
    return Calculation(months=12, low=6, high=36, penalty=Penalty.IMPRISONMENT.value, steps=[step],
                       standard_version=standard.label, confidence="low", notes=_dedupe(notes),
                       range_rule_confirmed=bool(standard.method["range_width"].get("confirmed", False)))  # fmt: skip


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
