"""Step 3 of the three-step method: adjust the baseline by the circumstances (量刑情节), review the whole
case, clamp to the statutory bracket and choose the kind of penalty.

Order (2021 guiding opinions 二(三), FACTS §1.2–1.3):
1. circumstances applied first (未成年, 老年, 盲聋哑, 未遂/预备/中止, 从犯/胁从犯…) multiply one after another;
2. the others are added and subtracted (同向相加、逆向相减); 认罪认罚 is one capped bucket that absorbs
   自首/坦白/当庭认罪/退赃/赔偿/谅解/刑事和解 instead of counting them twice;
3. the judge's whole-case adjustment (±20%);
4. clamp: below the statutory minimum only with a statutory mitigation (减轻), one bracket down.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leniency.sentencing.calculation import Step, StepKind
from leniency.sentencing.catalogue import ChargeInfo
from leniency.sentencing.facts import CaseFacts, Circumstance, PleaStage
from leniency.sentencing.standards import CircumstanceRule, CrimeStandard, Standard

FIRST = "first"


@dataclass
class Applied:
    """The circumstances found in the facts, as rule ids, and the plea stage."""

    rules: list[str] = field(default_factory=list)
    plea_stage: str | None = None

    def has(self, rule_id: str) -> bool:
        return rule_id in self.rules


def applicable_circumstances(facts: CaseFacts) -> Applied:
    """Map CaseFacts findings (and the age) to circumstance rule ids."""
    codes = {str(f.code) for f in facts.circumstances}
    out = Applied()
    age = facts.age
    if Circumstance.MINOR in codes or (age is not None and age < 18):
        out.rules.append("minor_12_16" if age is not None and age < 16 else "minor_16_18")
    if Circumstance.ELDERLY in codes or (age is not None and age >= 75):
        out.rules.append("elderly")
    simple = {
        Circumstance.DEAF_MUTE_BLIND: "deaf_mute_blind", Circumstance.LIMITED_CAPACITY: "limited_capacity",
        Circumstance.PREPARATION: "preparation", Circumstance.ATTEMPT: "attempt",
        Circumstance.DISCONTINUATION: "discontinuation", Circumstance.ACCESSORY: "accessory",
        Circumstance.COERCED: "coerced", Circumstance.SURRENDER: "surrender", Circumstance.CONFESSION: "confession",
        Circumstance.MERITORIOUS: "meritorious", Circumstance.MAJOR_MERITORIOUS: "major_meritorious",
        Circumstance.RESTITUTION: "restitution", Circumstance.RECONCILIATION: "reconciliation",
        Circumstance.RECIDIVIST: "recidivist", Circumstance.PRINCIPAL: "principal",
    }  # fmt: skip
    for code, rule in simple.items():
        if code in codes:
            out.rules.append(rule)
    if Circumstance.MAJOR_MERITORIOUS in codes and "meritorious" in out.rules:
        out.rules.remove("meritorious")
    if Circumstance.PRIOR_RECORD in codes and Circumstance.RECIDIVIST not in codes:
        out.rules.append("prior_record")
    if Circumstance.COURT_CONFESSION in codes and not ({"surrender", "confession"} & set(out.rules)):
        out.rules.append("court_confession")
    comp, forgive = Circumstance.COMPENSATION in codes, Circumstance.FORGIVENESS in codes
    if "reconciliation" in out.rules:
        comp = forgive = (
            False  # 刑事和解 already weighs the compensation and the forgiveness (guideline 三(12))
        )
    if comp and forgive:
        out.rules.append("compensation_and_forgiveness")
    elif comp:
        out.rules.append("compensation")
    elif forgive:
        out.rules.append("forgiveness")
    plea = facts.finding(Circumstance.PLEA)
    if plea is not None:
        out.rules.append("plea")
        stage = str(plea.value) if plea.value else PleaStage.PROSECUTION_REVIEW.value
        out.plea_stage = (
            stage if stage in {s.value for s in PleaStage} else PleaStage.PROSECUTION_REVIEW.value
        )
    return out


@dataclass
class Adjusted:
    months: float
    below_bracket: str = "none"  # strongest statutory mitigation applied: none / may / must
    notes: list[str] = field(default_factory=list)


def _step(
    rule: CircumstanceRule, ratio: float, before: float, after: float, charge: str, extra_zh: str = ""
) -> Step:
    sign = "减少" if ratio < 0 else "增加"
    return Step(
        kind=StepKind.ADJUSTMENT,
        description_zh=f"{rule.zh}{extra_zh}：{sign}基准刑{abs(ratio):.0%}（幅度{rule.range[0]:.0%}–{rule.range[1]:.0%}，{'应当' if rule.mandatory else '可以'}）",
        description_en=f"{rule.en}: {ratio:+.0%} (range {rule.range[0]:.0%}-{rule.range[1]:.0%}, {'mandatory' if rule.mandatory else 'discretionary'})",
        months_before=round(before, 2),
        months_after=round(after, 2),
        ratio=round(ratio, 4),
        rule_id=f"circ.{rule.id}",
        citation=rule.citation,
        charge=charge,
        confidence=rule.confidence,
    )


def adjust(
    baseline: float,
    applied: Applied,
    crime: CrimeStandard | None,
    standard: Standard,
    charge: str,
    steps: list[Step],
) -> Adjusted:
    """Apply the circumstances to the baseline; returns the adjusted (unclamped) term in months."""
    rules = standard.circumstances
    below = "none"
    strict = bool(crime and crime.strict_leniency)
    strict_factor = float(standard.method.get("strict_leniency", {}).get("factor", 1.0)) if strict else 1.0

    def note_below(rule: CircumstanceRule) -> None:
        nonlocal below
        order = {"none": 0, "may": 1, "must": 2}
        if order[rule.below_bracket] > order[below]:
            below = rule.below_bracket

    # 1. first-tier circumstances, multiplied
    months = baseline
    for rid in applied.rules:
        rule = rules[rid]
        if rule.tier != FIRST or rule.default == 0:
            continue
        ratio = rule.signed_default
        after = months * (1 + ratio)
        steps.append(_step(rule, ratio, months, after, charge, "（先适用）"))
        months = after
        note_below(rule)
    b1 = months

    # 2. additive circumstances, with the plea bucket
    method = standard.method
    bucket_cfg = method["plea_bucket"]
    absorbed_ids = set(bucket_cfg["absorbs"]) | {"compensation_and_forgiveness"}
    net = 0.0
    plea = applied.has("plea")
    absorbed: list[tuple[CircumstanceRule, float]] = []
    recidivist_ratio = 0.0
    for rid in applied.rules:
        rule = rules[rid]
        if rule.tier == FIRST or rid == "plea":
            continue
        ratio = rule.signed_default
        if ratio < 0:
            ratio *= strict_factor
        if plea and rid in absorbed_ids:
            absorbed.append((rule, -ratio))
            note_below(rule)
            continue
        if ratio == 0:
            continue
        if rid == "recidivist":
            recidivist_ratio = ratio
        steps.append(_step(rule, ratio, b1, b1 * (1 + ratio), charge))
        net += ratio
        note_below(rule)
    if plea:
        stage = applied.plea_stage or "prosecution_review"
        stage_factor = float(bucket_cfg["stage_factor"].get(stage, 1.0))
        own = rules["plea"].default * stage_factor * strict_factor
        parts = [f"{r.zh}{v:.0%}" for r, v in absorbed]
        if (
            not any(r.id in ("surrender", "confession") for r, _ in absorbed)
            and bucket_cfg.get("implies") in rules
        ):
            implied = rules[bucket_cfg["implies"]]
            absorbed.append((implied, implied.default * strict_factor))
            parts.append(f"{implied.zh}（认罪即如实供述）{implied.default * strict_factor:.0%}")
        with_any = {r.id for r, _ in absorbed} & (
            set(bucket_cfg["cap_with_circumstances"]) | {"compensation_and_forgiveness"}
        )
        cap = float(bucket_cfg["cap_with"] if with_any else bucket_cfg["cap_alone"])
        total = min(cap, own + sum(v for _, v in absorbed))
        plea_rule = rules["plea"]
        steps.append(
            Step(
                kind=StepKind.ADJUSTMENT,
                description_zh=(
                    f"认罪认罚（{_STAGE_ZH.get(stage, stage)}阶段，系数{stage_factor:g}）：与{('、'.join(parts)) or '无其他情节'}合并为一个从宽幅度，"
                    f"减少基准刑{total:.0%}（上限{cap:.0%}，不重复评价）"
                ),
                description_en=f"plea leniency at {stage} (x{stage_factor:g}) absorbing {len(absorbed)} overlapping circumstance(s): -{total:.0%} (cap {cap:.0%}, no double counting)",
                months_before=round(b1, 2),
                months_after=round(b1 * (1 - total), 2),
                ratio=-round(total, 4),
                rule_id=bucket_cfg.get("rule_id", "circ.plea.bucket"),
                citation=bucket_cfg.get("citation", plea_rule.citation),
                charge=charge,
                confidence=min(
                    (plea_rule.confidence, bucket_cfg.get("stage_confidence", "medium")), key=_conf_key
                ),
            )
        )
        net -= total
    floor_ratio = float(method["combination"].get("floor_ratio", 0.1))
    # the recidivist's increase is at least 3 months; it is added on top so that a lighter B1 never
    # produces a heavier result (monotone in every circumstance)
    up_months = b1 * recidivist_ratio
    minimum = float(rules["recidivist"].min_months) if recidivist_ratio else 0.0
    after = b1 * max(floor_ratio, 1 + net - recidivist_ratio) + max(up_months, minimum)
    if recidivist_ratio and up_months < minimum:
        steps.append(
            Step(
                kind=StepKind.ADJUSTMENT,
                description_zh=f"累犯一般不少于3个月：增加量由{up_months:.1f}个月补足为3个月",
                description_en=f"recidivist: at least +3 months (was {up_months:.1f})",
                months_before=round(after - minimum + up_months, 2),
                months_after=round(after, 2),
                rule_id="circ.recidivist.min_months",
                citation=rules["recidivist"].citation,
                charge=charge,
            )
        )
    return Adjusted(months=after, below_bracket=below)


def _conf_key(value: str) -> int:
    return {"low": 0, "medium": 1, "high": 2}.get(value, 0)


_STAGE_ZH = {"investigation": "侦查", "prosecution_review": "审查起诉", "trial": "审判"}


def whole_case(months: float, ratio: float, standard: Standard, charge: str, steps: list[Step]) -> float:
    """The judge's whole-case adjustment (综合全案, at most ±20%)."""
    cfg = standard.method["whole_case"]
    limit = float(cfg["max_ratio"])
    if abs(ratio) > limit + 1e-9:
        raise ValueError(f"whole-case adjustment {ratio:+.0%} exceeds the ±{limit:.0%} the guideline allows")
    if not ratio:
        return months
    after = months * (1 + ratio)
    steps.append(
        Step(
            kind=StepKind.WHOLE_CASE,
            description_zh=f"综合考虑全案情况调整{ratio:+.0%}",
            description_en=f"whole-case adjustment {ratio:+.0%}",
            months_before=round(months, 2),
            months_after=round(after, 2),
            ratio=ratio,
            rule_id=cfg.get("rule_id", "method.whole_case"),
            citation=cfg.get("citation", ""),
            charge=charge,
        )
    )
    return after


def clamp(
    months: float, info: ChargeInfo, index: int, below: str, steps: list[Step], charge: str
) -> tuple[float, int]:
    """Clamp to the statutory bracket (刑法第63条). Returns (months, index of the bracket pronounced in)."""
    bracket = info.brackets[index]
    floor = float(bracket.floor_months)
    ceiling = float(bracket.ceiling_months)
    lower_floor = (
        float(info.brackets[index - 1].floor_months) if index > 0 else (1.0 if bracket.detention else 6.0)
    )
    if index == 0 and not bracket.detention and bracket.imprisonment is None:
        lower_floor = floor
    after, new_index, zh, en = months, index, "", ""
    if below == "must" and months >= floor and floor > lower_floor:
        after = max(lower_floor, floor - 1)
        zh, en = (
            "具有应当减轻处罚的情节，在法定最低刑以下判处",
            "mandatory mitigation: below the statutory minimum",
        )
    elif months < floor:
        if below in ("may", "must"):
            after = max(months, lower_floor)
            zh, en = (
                "具有法定减轻处罚情节，可在法定最低刑以下判处（下一个量刑幅度内）",
                "statutory mitigation: below the minimum, at most one bracket down",
            )
        else:
            after = floor
            zh, en = "仅有从轻处罚情节，判处法定最低刑", "only lighter circumstances: the statutory minimum"
    elif months > ceiling:
        after = ceiling
        zh, en = "调节结果高于法定最高刑，判处法定最高刑", "above the statutory maximum: the maximum"
    if after < floor:
        new_index = max(0, index - 1)
    if zh:
        steps.append(
            Step(
                kind=StepKind.CLAMP,
                description_zh=f"{zh}：{months:.1f}→{after:.1f}个月（{bracket.describe_zh()}）",
                description_en=f"{en}: {months:.1f} -> {after:.1f} months",
                months_before=round(months, 2),
                months_after=round(after, 2),
                rule_id="method.clamp",
                citation=f"刑法第63条；刑法{info.article_label}；2021量刑指导意见 三(一)(二)",
                charge=charge,
            )
        )
    return after, new_index
