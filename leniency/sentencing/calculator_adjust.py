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

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.catalogue import ChargeInfo, find_charge
from leniency.sentencing.extraction.circumstance_checks import drug_reoffence_said
from leniency.sentencing.extraction.circumstance_rules import canonical
from leniency.sentencing.extraction.circumstance_rules import rules as circumstance_rules
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.drug_priors import drug_prior
from leniency.sentencing.extraction.earlier_convictions import EarlierConviction
from leniency.sentencing.extraction.payments_made import PartPaid
from leniency.sentencing.extraction.recidivism import INFERRED
from leniency.sentencing.extraction.recidivism import basis as recidivism_basis
from leniency.sentencing.facts import CaseFacts, Circumstance, Finding, PleaStage
from leniency.sentencing.standards import ByPart, CircumstanceRule, CrimeStandard, Standard
from leniency.sentencing.trace import Phrase, Text, Trace, render

FIRST = "first"


@dataclass(frozen=True)
class MadeGood:
    """The part of the harm a return or a payment made good: `fraction` of it, or None for a part told without a
    figure (部分); `told` says what the text tells, for the trace."""

    fraction: float | None
    told: str


@dataclass
class Applied:
    """The circumstances found in the facts, as rule ids, and the plea stage."""

    rules: list[str] = field(default_factory=list)
    plea_stage: str | None = None
    # rule ids read from a circumstance's conditions, not from its words: medium confidence
    inferred: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # for the trace, once per calculation
    # the part of the harm a return or a payment made good, by rule id, where the text tells one (三(10)(11))
    parts: dict[str, MadeGood] = field(default_factory=dict)

    def has(self, rule_id: str) -> bool:
        return rule_id in self.rules


DRUG_SECTION = range(347, 358)  # 第六章第七节 走私、贩卖、运输、制造毒品罪: arts. 347-357 (本节规定之罪)


# 《全国法院毒品犯罪审判工作座谈会纪要》(法〔2015〕129号, 二(六), quoted from memory: unconfirmed): 对于因同一毒品犯罪前科
# 同时构成累犯和毒品再犯的被告人，在裁判文书中应当同时引用刑法关于累犯和毒品再犯的条款，但在量刑时不得重复予以从重处罚。
# 对于因不同犯罪前科同时构成累犯和毒品再犯的被告人，量刑时的从重处罚幅度一般应大于前述情形。
SAME_PRIOR_NOTE = (
    "毒品再犯（刑法第356条）亦成立，但与累犯系基于同一毒品犯罪前科，不重复从重处罚（法〔2015〕129号纪要） / "
    "also a drug reoffender (art. 356), on the same earlier drug conviction as the recidivism: not aggravated twice "
    "(2015 drug-crimes conference summary)"
)
OTHER_PRIOR_NOTE = (
    "累犯基于非毒品犯罪前科，另有毒品犯罪前科构成毒品再犯（刑法第356条），两者均从重处罚（法〔2015〕129号纪要：因不同犯罪前科"
    "同时构成累犯和毒品再犯的，从重处罚幅度一般应大于同一前科的情形） / a recidivist on an earlier non-drug conviction and a drug "
    "reoffender (art. 356) on another, earlier drug conviction: both aggravate (2015 drug-crimes conference summary)"
)


def drug_reoffender(facts: CaseFacts) -> bool:
    """Art. 356: the text states a prior sentence for a drug crime it names, among the defendant's prior records
    (circumstances.prior_records: not the judgment a 漏罪 is combined with, which the drug crime came before, nor
    another person's), or the courts' 毒品再犯 said of him (circumstance_checks.drug_reoffence_said: not denied, not a
    co-offender's); and the crime sentenced now is of the drug section."""
    if not _drug_section_case(facts):
        return False
    text = facts.text or ""
    return drug_reoffence_said(text) or bool(_drug_priors(text))


def _drug_section_case(facts: CaseFacts) -> bool:
    charges = [find_charge(c) for c in facts.charges]
    return any(c is not None and c.article in DRUG_SECTION for c in charges)


def _drug_priors(text: str) -> list[EarlierConviction]:
    return [c for c in prior_records(text) if drug_prior(text[c.start : c.end])]


def recidivist_drug_reoffender(facts: CaseFacts) -> tuple[bool, str | None]:
    """For a recidivist in a drug-section case: whether art. 356 aggravates as well, and the note that says why.

    The 2015 drug-crimes summary (above): where the 累犯 rests on an earlier drug conviction, that one conviction makes
    the drug reoffence too and is weighed once (累犯 only); where it rests on another earlier conviction and a separate
    earlier drug conviction exists, both aggravate. Where the records do not tell what the 累犯 rests on, it is weighed
    once, as before."""
    recidivist = facts.finding(Circumstance.RECIDIVIST)
    if recidivist is None or not _drug_section_case(facts):
        return False, None
    text = facts.text or ""
    records = prior_records(text)
    founded_on = recidivism_basis(text, recidivist, records)
    drug = _drug_priors(text)
    if len(records) == 1 and drug_reoffence_said(text):
        # one earlier conviction, its crime masked (因犯××) or not named as a drug crime, and the text's 毒品再犯: the
        # recidivism and the drug reoffence rest on that one conviction
        return False, SAME_PRIOR_NOTE
    if founded_on is None or not drug:
        return False, None
    if founded_on in drug:
        return False, SAME_PRIOR_NOTE
    return True, OTHER_PRIOR_NOTE


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
        Circumstance.VULNERABLE_VICTIM: "vulnerable_victim", Circumstance.DISASTER: "disaster",
    }  # fmt: skip
    for code, rule in simple.items():
        if code in codes:
            out.rules.append(rule)
    recidivist = facts.finding(Circumstance.RECIDIVIST)
    # 累犯 from 刑法第65条's conditions (extraction/recidivism.py), not from the word
    if recidivist is not None and recidivist.value == INFERRED:
        out.inferred.add("recidivist")
    if Circumstance.MAJOR_MERITORIOUS in codes and "meritorious" in out.rules:
        out.rules.remove("meritorious")
    if Circumstance.PRIOR_RECORD in codes and Circumstance.RECIDIVIST not in codes:
        out.rules.append("drug_reoffender" if drug_reoffender(facts) else "prior_record")
    elif Circumstance.RECIDIVIST in codes:
        both, note = recidivist_drug_reoffender(facts)
        if both:
            out.rules.append("drug_reoffender")
        if note:
            out.notes.append(note)
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
    out.parts = parts_made_good(facts)
    plea = facts.finding(Circumstance.PLEA)
    if plea is not None:
        out.rules.append("plea")
        stage = str(plea.value) if plea.value else PleaStage.PROSECUTION_REVIEW.value
        out.plea_stage = (
            stage if stage in {s.value for s in PleaStage} else PleaStage.PROSECUTION_REVIEW.value
        )
    return out


def parts_made_good(facts: CaseFacts) -> dict[str, MadeGood]:
    """The part of the harm each return (退赃、退赔) and payment (赔偿) the text tells made good, by the rule it weighs:
    a return against the crime's amount (三(10): 退赃、退赔的数额, 对损害结果所能弥补的程度); a compensation by its words
    only (三(11)), as the loss an injury caused is seldom told. A mention telling the whole, or none telling an extent,
    leaves the default."""
    given = {str(g.key) for g in facts.given}  # a person's correction replaces what the text tells of it
    mentions = facts.circumstance_mentions or facts.circumstances
    out: dict[str, MadeGood] = {}
    amount = facts.amount_yuan if _amount_is_the_loss(facts) else None
    restitution = _made_good(_told_parts(mentions, Circumstance.RESTITUTION, given), amount)
    if restitution is not None:
        out["restitution"] = restitution
    compensation = _made_good(_told_parts(mentions, Circumstance.COMPENSATION, given), None)
    if compensation is not None:
        out["compensation"] = out["compensation_and_forgiveness"] = compensation
    return out


def _amount_is_the_loss(facts: CaseFacts) -> bool:
    """The case's amount is the property its crimes take (circumstances.yaml `restitution.loss_paid_back_by`: 盗窃,
    诈骗, 侵占 …), the harm a return makes good; not a sales sum, a tax sum or a gain (生产、销售伪劣产品, 虚开…发票)."""
    named = {canonical(c) for c in facts.charges}
    return bool(named) and named <= set(circumstance_rules()["restitution"]["loss_paid_back_by"])


def _told_parts(mentions: list[Finding], code: Circumstance, given: set[str]) -> list[PartPaid]:
    if code.value in given:
        return []
    return [m.value for m in mentions if m.code == code and isinstance(m.value, PartPaid)]


def _made_good(told: list[PartPaid], amount: Decimal | None) -> MadeGood | None:
    if not told or any(t.whole for t in told):
        return None
    paid = sum({t.paid for t in told if t.paid is not None}, Decimal(0))  # a sum told twice counts once
    left = next((t.left for t in told if t.left is not None), None)
    if amount and paid:
        return MadeGood(min(1.0, float(paid / amount)), f"{paid:f}元 / {amount:f}元")
    if amount and left is not None and left < amount:
        return MadeGood(
            float((amount - left) / amount), f"{amount - left:f}元 / {amount:f}元（尚有{left:f}元未退赔）"
        )
    if any(t.part for t in told):
        return MadeGood(None, "部分")
    return None


def weighed_share(rule: CircumstanceRule, made_good: MadeGood | None, rules: dict) -> float:
    """The share (magnitude) `rule` earns for the part of the harm made good (2021量刑指导意见 三(10): 综合考虑…退赃、
    退赔行为对损害结果所能弥补的程度，退赃、退赔的数额; 三(11)): the default scaled by the part, at least `floor` of it,
    `unstated` of it for a part told without a figure; above the share of the rule kept where nothing is paid (谅解
    alone beside 赔偿并谅解). The whole, or no extent told: the default."""
    by_part = rule.by_part
    if by_part is None or made_good is None:
        return rule.default
    kept = rules[by_part.unpaid].default if by_part.unpaid else 0.0
    return kept + _part_weight(by_part, made_good) * (rule.default - kept)


def _part_weight(by_part: ByPart, made_good: MadeGood) -> float:
    if made_good.fraction is None:
        return by_part.unstated
    return max(by_part.floor, min(1.0, made_good.fraction))


def _signed_share(rule: CircumstanceRule, applied: Applied, rules: dict, trace: Trace) -> float:
    """The rule's signed share, weighed by the part made good (weighed_share), said in the trace where it is not
    the default."""
    made_good = applied.parts.get(rule.id)
    share = weighed_share(rule, made_good, rules)
    if made_good is not None and share != rule.default:
        note = (
            f"{rule.zh}：弥补损失{made_good.told}，按部分退赔/赔偿计幅度{share:.1%}（默认{rule.default:.0%}，"
            f"2021量刑指导意见{rule.source.get('item', '')}：综合考虑弥补损害的程度、数额） / {rule.en}: a part made good "
            f"({made_good.told}), weighed {share:.1%} instead of the default {rule.default:.0%}"
        )
        if note not in trace.notes:
            trace.note_text(note)
    return -share if rule.direction == "down" else share


@dataclass
class Adjusted:
    months: float
    below_bracket: str = "none"  # strongest statutory mitigation applied: none / may / must


def _step(
    trace: Trace,
    rule: CircumstanceRule,
    ratio: float,
    before: float,
    after: float,
    charge: str,
    first: bool = False,
) -> None:
    trace.step(
        "circ",
        kind=StepKind.ADJUSTMENT,
        before=round(before, 2),
        after=round(after, 2),
        ratio=round(ratio, 4),
        rule_id=f"circ.{rule.id}",
        citation=rule.citation,
        charge=charge,
        confidence=rule.confidence,
        rule=Text(rule.zh, rule.en),
        first=Phrase("phrase.first_tier") if first else "",
        direction=Phrase("phrase.reduce" if ratio < 0 else "phrase.increase"),
        size=abs(ratio),
        signed=ratio,
        low=rule.range[0],
        high=rule.range[1],
        mode=Phrase("phrase.mandatory" if rule.mandatory else "phrase.discretionary"),
    )


def adjust(
    baseline: float,
    applied: Applied,
    crime: CrimeStandard | None,
    standard: Standard,
    charge: str,
    trace: Trace,
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

    for note in applied.notes:
        if note not in trace.notes:  # one per calculation, not one per charge
            trace.note_text(note)

    # 1. first-tier circumstances, multiplied
    months = baseline
    for rid in applied.rules:
        rule = rules[rid]
        if rule.tier != FIRST or rule.default == 0:
            continue
        ratio = rule.signed_default
        after = months * (1 + ratio)
        _step(trace, rule, ratio, months, after, charge, first=True)
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
        ratio = _signed_share(rule, applied, rules, trace)
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
        if rid in applied.inferred:
            rule = dataclasses.replace(rule, confidence="medium")
        _step(trace, rule, ratio, b1, b1 * (1 + ratio), charge)
        net += ratio
        note_below(rule)
    if plea:
        stage = applied.plea_stage or "prosecution_review"
        stage_factor = float(bucket_cfg["stage_factor"].get(stage, 1.0))
        own = rules["plea"].default * stage_factor * strict_factor
        # what the absorbed circumstances give without the plea: the plea never gives less (2019认罪认罚指导意见
        # 第9条: 认罪认罚的从宽幅度一般应当大于仅有坦白，或者虽认罪但不认罚的从宽幅度), so the cap bounds what the plea
        # adds, not what 自首、和解、退赃… earn on their own (as 三(14) lets a minor crime go above 60%)
        alone = sum(v for _, v in absorbed)
        if (
            not any(r.id in ("surrender", "confession") for r, _ in absorbed)
            and bucket_cfg.get("implies") in rules
        ):
            # a plea is at least a truthful confession (坦白); 当庭自愿认罪 is not counted beside 坦白 or
            # 自首 (2021 guiding opinions 三(8)), as applicable_circumstances already does for a found 坦白
            implied = rules[bucket_cfg["implies"]]
            absorbed = [(r, v) for r, v in absorbed if r.id != "court_confession"]
            absorbed.append((implied, implied.default * strict_factor))
        parts = [
            (
                "circ.plea.part_implied"
                if r.id == bucket_cfg.get("implies") and not applied.has(r.id)
                else "circ.plea.part",
                r,
                v,
            )
            for r, v in absorbed
        ]
        with_any = {r.id for r, _ in absorbed} & (
            set(bucket_cfg["cap_with_circumstances"]) | {"compensation_and_forgiveness"}
        )
        cap = max(alone, float(bucket_cfg["cap_with"] if with_any else bucket_cfg["cap_alone"]))
        total = min(cap, own + sum(v for _, v in absorbed))
        plea_rule = rules["plea"]
        trace.step(
            "circ.plea.bucket",
            kind=StepKind.ADJUSTMENT,
            before=round(b1, 2),
            after=round(b1 * (1 - total), 2),
            ratio=-round(total, 4),
            rule_id=bucket_cfg.get("rule_id", "circ.plea.bucket"),
            citation=bucket_cfg.get("citation", plea_rule.citation),
            charge=charge,
            confidence=min(
                (plea_rule.confidence, bucket_cfg.get("stage_confidence", "medium")), key=_conf_key
            ),
            stage=_stage(stage),
            factor=stage_factor,
            parts=_joined(parts),
            absorbed=len(absorbed),
            total=total,
            cap=cap,
        )
        net -= total
    floor_ratio = float(method["combination"].get("floor_ratio", 0.1))
    # the recidivist's increase is at least 3 months; it is added on top so that a lighter B1 never
    # produces a heavier result (monotone in every circumstance)
    up_months = b1 * recidivist_ratio
    minimum = float(rules["recidivist"].min_months) if recidivist_ratio else 0.0
    after = b1 * max(floor_ratio, 1 + net - recidivist_ratio) + max(up_months, minimum)
    if recidivist_ratio and up_months < minimum:
        trace.step(
            "circ.recidivist.min_months",
            kind=StepKind.ADJUSTMENT,
            before=round(after - minimum + up_months, 2),
            after=round(after, 2),
            citation=rules["recidivist"].citation,
            charge=charge,
            minimum=minimum,
            up=up_months,
        )
    return Adjusted(months=after, below_bracket=below)


def _conf_key(value: str) -> int:
    return {"low": 0, "medium": 1, "high": 2}.get(value, 0)


def _stage(stage: str) -> Phrase | str:
    """The plea stage's name (an unknown stage is shown as it was given)."""
    known = {"investigation", "prosecution_review", "trial"}
    return Phrase(f"phrase.stage.{stage}") if stage in known else stage


def _joined(parts: list[tuple[str, CircumstanceRule, float]]) -> Text:
    """The circumstances the plea absorbs, each with its share ("自首40%、坦白20%" / "surrender 40%, …")."""
    if not parts:
        return Text(
            render("phrase.no_other_circumstance", "zh"), render("phrase.no_other_circumstance", "en")
        )
    return Text(
        "、".join(render(key, "zh", {"rule": rule.zh, "ratio": value}) for key, rule, value in parts),
        ", ".join(render(key, "en", {"rule": rule.en, "ratio": value}) for key, rule, value in parts),
    )


def whole_case(months: float, ratio: float, standard: Standard, charge: str, trace: Trace) -> float:
    """The judge's whole-case adjustment (综合全案, at most ±20%)."""
    cfg = standard.method["whole_case"]
    limit = float(cfg["max_ratio"])
    if abs(ratio) > limit + 1e-9:
        raise ValueError(f"whole-case adjustment {ratio:+.0%} exceeds the ±{limit:.0%} the guideline allows")
    if not ratio:
        return months
    after = months * (1 + ratio)
    trace.step(
        "method.whole_case",
        kind=StepKind.WHOLE_CASE,
        before=round(months, 2),
        after=round(after, 2),
        ratio=ratio,
        rule_id=cfg.get("rule_id", "method.whole_case"),
        citation=cfg.get("citation", ""),
        charge=charge,
    )
    return after


def clamp(
    months: float, info: ChargeInfo, index: int, below: str, trace: Trace, charge: str
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
    after, new_index, reason = months, index, ""
    if below == "must" and months >= floor and floor > lower_floor:
        after = max(lower_floor, floor - 1)
        reason = "mandatory_mitigation"
    elif months < floor:
        if below in ("may", "must"):
            after = max(months, lower_floor)
            reason = "statutory_mitigation"
        else:
            after = floor
            reason = "floor"
    elif months > ceiling:
        after = ceiling
        reason = "ceiling"
    if after < floor:
        new_index = max(0, index - 1)
    if reason:
        trace.step(
            "method.clamp",
            kind=StepKind.CLAMP,
            before=round(months, 2),
            after=round(after, 2),
            citation=f"刑法第63条；刑法{info.article_label}；2021量刑指导意见 三(一)(二)",
            charge=charge,
            reason=Phrase(f"phrase.clamp.{reason}"),
            term=months,
            clamped=after,
            bracket=bracket.describe_zh(),
        )
    return after, new_index
