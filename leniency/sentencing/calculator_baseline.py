"""Steps 1 and 2 of the three-step method: starting point (量刑起点) and baseline (基准刑).

A charge with crime-specific standards picks its tier from the facts (amount, drug quantity, injury…)
and adds the increments (增加刑罚量). A charge without one starts at a configured share of the statutory
bracket that the facts trigger (low confidence).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from leniency.sentencing.calculation import StepKind
from leniency.sentencing.calculator_scope import counts_told_of
from leniency.sentencing.calculator_thresholds import (
    amount_thresholds,
    apply_threshold_variant,
    decided_before,
)
from leniency.sentencing.calculator_wording import (
    conduct_words,
    describes,
    describes_means,
    quote_phrase,
    says,
    trigger_bracket,
)
from leniency.sentencing.catalogue import Bracket, ChargeInfo
from leniency.sentencing.extraction.charge_amounts import measured_amount
from leniency.sentencing.extraction.injuries import injured_persons
from leniency.sentencing.extraction.limits_exceeded import excess_share
from leniency.sentencing.extraction.quantities import find_counts
from leniency.sentencing.facts import CaseFacts, InjuryGrade
from leniency.sentencing.standards import CrimeStandard, Standard, Tier
from leniency.sentencing.trace import Phrase, Trace

INJURY_ORDER = [g.value for g in InjuryGrade]  # mildest first
# 刑法第328条: 盗掘具有历史、艺术、科学价值的古文化遗址、古墓葬 (古人类化石、古脊椎动物化石) 处三年以上十年以下有期徒刑; 情节较轻的
# 三年以下. The act the article names is the basic bracket's own, and no national interpretation gives figures for its
# 情节较轻 (recalled), so the lighter bracket is the court's finding, told in the facts, not the start (E107)
BASIC_UNLESS_LIGHTER = frozenset({"盗掘古文化遗址、古墓葬", "盗掘古人类化石、古脊椎动物化石"})
LIGHT = {InjuryGrade.LIGHT_1.value, InjuryGrade.LIGHT_2.value}
UNLESS_NOTE = (
    "{charge}：{measure_zh}在本案不作为增加刑罚量的事实，作为调节基准刑的量刑情节考虑"
    " / {charge}: the {measure} is not an increment here; it is weighed when adjusting the baseline"
)
MEASURE_ZH = {"counts": "犯罪次数", "amount": "犯罪数额"}
# the acts or victims beyond the first where the tier's start is one (入户抢劫 is one robbery, 轮奸 one woman): 0 where
# the tier's own count form is met (多次抢劫, 强奸妇女多人), whose increment above that count applies instead
BEYOND_ONE = {"counts_beyond_one": "counts_at_least", "victims_beyond_one": "victims_at_least"}


def injury_rank(grade: str | None) -> int:
    return INJURY_ORDER.index(str(grade)) if grade is not None and str(grade) in INJURY_ORDER else -1


@dataclass
class Baseline:
    """What steps 1–2 produce for one charge."""

    months: float
    bracket_index: int
    tier: Tier | None = None
    penalty: str | None = None  # forced kind: detention / life / death
    confidence: str = "high"


def _injuries(facts: CaseFacts) -> list[str]:
    grades = [str(f.value) for f in facts.injuries if f.value is not None]
    if not grades and facts.injury is not None:
        grades = [str(facts.injury)]
    return grades


def _max_injury(facts: CaseFacts) -> str | None:
    grades = _injuries(facts)
    if facts.injury is not None:
        grades.append(str(facts.injury))
    return max(grades, key=injury_rank) if grades else None


def drug_grams(facts: CaseFacts, crime: CrimeStandard, standard: Standard) -> tuple[float, list[str]]:
    """Total drug quantity in heroin/methamphetamine-equivalent grams (刑法第347条 ratios).

    A substance the table has no figure for is left out of the total, with a note: 刑法第347条 and
    法释〔2016〕8号第一条、第二条 set 数量大 / 数量较大 substance by substance, so its grams say nothing about
    the bracket, and counting them as methamphetamine could reach life or death (issue 16, classes 5 and 6).
    """
    table = crime.extra.get("drug_equivalents")
    if isinstance(table, str):  # points at another crime file's table
        other = next((c for c in standard.crimes.values() if c.id == table), None)
        table = other.extra.get("drug_equivalents") if other else None
    factors = (table or {}).get("grams_per_heroin_gram", {})
    total, notes = 0.0, []
    for drug in facts.drugs:
        factor = next((v for k, v in factors.items() if k in drug.kind), None)
        if factor is None:
            notes.append(
                f"毒品“{drug.kind}”{drug.grams:g}克无折算比例（刑法第347条、法释〔2016〕8号），未计入数量，置信度低 / "
                f"no equivalence for {drug.kind} ({drug.grams:g} g) in art. 347 or 法释〔2016〕8号: "
                "not counted, low confidence"
            )
            continue
        total += float(drug.grams) / float(factor)
    return total, notes


def measure_value(
    name: str,
    facts: CaseFacts,
    crime: CrimeStandard,
    standard: Standard,
    tier: Tier | None = None,
    own_forms: tuple = (),
) -> float:
    top = _max_injury(facts)
    # measures of the tier as a whole: its forms are the alternatives of its own `when.any` (a statute's aggravated
    # forms, one each), or those an increment names itself (`own_forms`: 盗窃's 手段 beside its amount)
    forms = own_forms or ((tier.when or {}).get("any", ()) if tier else ())
    if name == "forms":  # the forms the facts meet
        return float(sum(condition_met(form, facts, crime, standard) for form in forms))
    if name == "times_beyond_victims":  # the same victim again (次数)
        return float(max(0, _own_times(facts, crime, standard) - max(facts.victims or 0, 1)))
    if name in BEYOND_ONE:
        key = BEYOND_ONE[name]
        value = (facts.counts if key == "counts_at_least" else facts.victims) or 0
        if any(key in form and value >= int(form[key]) for form in forms):
            return 0.0
        return float(max(0, value - 1))
    if name == "amount":
        return float(facts.amount_yuan or 0)
    if name == "grams":
        return drug_grams(facts, crime, standard)[0]
    if name == "bac":
        return float(facts.blood_alcohol or 0)
    if name == "counts":
        return float(facts.counts or 0)
    if name == "victims":
        return float(facts.victims or 0)
    if name == "deaths":  # persons killed, not mentions of a death (致李某死亡 … 经鉴定，李某系…死亡)
        return float(_persons(facts, lambda g: g == InjuryGrade.DEATH.value))
    if name == "injured_victims":
        # persons, not injuries: where the victims are known, two injuries of one victim (肝破裂构成重伤二级，血气胸
        # 构成轻伤一级) are one victim (issue 16 class 3); the guideline adds a term per further person injured
        # persons injured, not the victims named: "与被害人钱某、李某发生争执" where only 钱某 was hurt is one person injured
        # (the victims bound the count where both are read; without an injury read, the victims stand)
        injured = _persons(facts, lambda g: injury_rank(g) >= injury_rank("light_2"))
        return float(min(facts.victims, injured) if facts.victims and injured else facts.victims or injured)
    if name == "light_injuries":  # persons injured lightly (每增加轻伤一人), not mentions of a light injury
        return float(_persons(facts, lambda g: g in LIGHT))
    if name == "light_1":
        return 1.0 if top == InjuryGrade.LIGHT_1.value else 0.0
    if name == "serious_1":
        return 1.0 if top == InjuryGrade.SERIOUS_1.value else 0.0
    if name == "disability":
        return float(11 - facts.disability_grade) if facts.disability_grade else 0.0
    raise ValueError(f"unknown measure {name!r}")


def _own_times(facts: CaseFacts, crime: CrimeStandard, standard: Standard) -> int:
    """The times the crime's own conduct was committed: the numbered acts (or a number given as a fact), else a
    figure stated in a sentence that names the conduct. "先后两次到何某某家里…进行骚扰" beside one rape tells of
    another crime's acts (issue 16 class 3), "先后三次…强行与李某发生性关系" of this one's."""
    counts = facts.counts or 0
    text = facts.text or ""
    stated = find_counts(text)[0]
    if stated is None or counts > stated:  # not read from a stated figure
        return counts
    return counts_told_of(text, conduct_words(crime.charge, standard)) or 0


def _persons(facts: CaseFacts, graded) -> int:
    """How many persons suffered an injury whose grade `graded` accepts (extraction.injuries.injured_persons)."""
    findings = [f for f in facts.injuries if f.value is not None and graded(str(f.value))]
    if not findings and facts.injury is not None and graded(str(facts.injury)):
        return 1
    return injured_persons(facts.text or "", findings)


def _flags(facts: CaseFacts) -> set[str]:
    return {str(f.code) for f in facts.circumstances}


def condition_met(cond: dict, facts: CaseFacts, crime: CrimeStandard, standard: Standard) -> bool:
    for key, value in cond.items():
        if key == "any":
            if not any(condition_met(sub, facts, crime, standard) for sub in value):
                return False
        elif key == "flag":
            if value not in _flags(facts):
                return False
        elif key == "amount_share_of":
            # [threshold, share]: the amount reaches that share of the local threshold (a judicial interpretation's
            # "达到…数额巨大百分之五十", or 接近 = 80% of it)
            name, share = value
            if facts.amount_yuan is None or float(facts.amount_yuan) < float(share) * crime.threshold(name):
                return False
        elif key == "amount_below":
            if facts.amount_yuan is None or float(facts.amount_yuan) >= crime.threshold(value):
                return False
        elif key == "amount_at_least":
            if facts.amount_yuan is None or float(facts.amount_yuan) < crime.threshold(value):
                return False
        elif key == "grams_at_least":
            if not facts.drugs or measure_value("grams", facts, crime, standard) < float(value):
                return False
        elif key == "injury_at_least":
            if injury_rank(_max_injury(facts)) < injury_rank(value):
                return False
        elif key == "bac_at_least":
            if facts.blood_alcohol is None or float(facts.blood_alcohol) < float(value):
                return False
        elif key == "bac_above":
            if facts.blood_alcohol is None or float(facts.blood_alcohol) <= float(value):
                return False
        elif key == "counts_at_least":
            if (facts.counts or 0) < int(value):
                return False
        elif key == "latest_date_from":
            if decided_before(facts.text or "", value):
                return False
        elif key == "latest_date_before":  # facts that end before a rule came into force
            if not decided_before(facts.text or "", value):
                return False
        elif key == "text_says":
            if not says(facts, crime, str(value), standard):
                return False
        elif key == "text_describes":
            if not describes(facts, crime, str(value), standard):
                return False
        elif key == "text_describes_means":
            if not describes_means(facts, crime, str(value), standard):
                return False
        elif key == "victims_at_least":
            if (facts.victims or 0) < int(value):
                return False
        elif key == "measure_at_least":
            # a tier set by a count the text tells, not by money (侵犯公民个人信息's records: 法释〔2017〕10号第五条)
            told = measured_amount(facts.text or "", value["measure"])
            if told is None or float(told) < float(value["at_least"]):
                return False
        elif key == "limit_exceeded":
            # {speed|passengers|load: share}: a limit the text tells passed by more than that share (超过: 刑法第99条
            # counts the figure itself only for 以上、以下、以内)
            if not any((excess_share(facts.text or "", w) or 0.0) > float(s) for w, s in value.items()):
                return False
    return True


def _citation(crime: CrimeStandard, tier: Tier, standard: Standard) -> str:
    doc = crime.guideline.get("document", "")
    title = next((d["title"] for d in standard.versions.get("documents", []) if d.get("id") == doc), doc)
    return f"《{title}》{crime.guideline.get('item', '')} {tier.source_item}".strip()


def _missing_measure(crime: CrimeStandard, facts: CaseFacts) -> bool:
    """Whether the facts lack the measure that places this crime in its tiers (a note says so)."""
    return (
        (crime.measure == "amount" and facts.amount_yuan is None)
        or (crime.measure == "drug" and not facts.drugs)
        or (crime.measure == "bac" and facts.blood_alcohol is None)
        or (crime.measure == "injury" and _max_injury(facts) is None)
    )


def guideline_baseline(
    info: ChargeInfo, crime: CrimeStandard, facts: CaseFacts, standard: Standard, trace: Trace
) -> Baseline:
    """Steps 1–2 for a charge with crime-specific starting points."""
    crime = apply_threshold_variant(crime, facts, trace)
    tier = crime.tiers[0]
    for candidate in crime.tiers[1:]:
        if candidate.when and condition_met(candidate.when, facts, crime, standard):
            tier = candidate
    confidence = min_conf(crime.confidence, tier.confidence)
    if _missing_measure(crime, facts):
        trace.note(f"note.missing.{crime.measure}", charge=crime.charge)
        confidence = "low"
    if crime.measure == "drug" and facts.drugs:
        unconverted = drug_grams(facts, crime, standard)[1]
        for note in unconverted:
            trace.note_text(note)
        if unconverted or _below_minimum(crime, facts, standard, trace):
            confidence = "low"
    for note in (
        crime.extra.get("law_notes") or ()
    ):  # what the law says of such facts, without a size to weigh
        if condition_met(note["when"], facts, crime, standard):
            figures = {k: f"{v:,.0f}" for k, v in crime.thresholds.items() if isinstance(v, int | float)}
            zh, en = note["zh"].format(**figures), note["en"].format(**figures)
            trace.note_text(f"{crime.charge}：{zh}（{note['source']}） / {crime.charge}: {en}")
    start = float(tier.start_at)
    rule = f"crime.{crime.id}.{tier.id}"
    citation = _citation(crime, tier, standard)
    trace.step(
        "crime.tier",
        kind=StepKind.STARTING_POINT,
        after=start,
        rule_id=rule,
        citation=citation,
        charge=crime.charge,
        confidence=tier.confidence,
        tier=tier.id,
        tier_zh=tier.zh,
        range=_fmt_range(tier.start),
        start=start,
        start_text=_fmt(start),
        low=tier.start[0],
        high=tier.start[1],
    )
    months = start
    for inc in tier.increments:
        if inc.when is not None and not condition_met(inc.when, facts, crime, standard):
            continue
        if inc.unless is not None and condition_met(inc.unless, facts, crime, standard):
            above = crime.threshold(inc.above) if inc.above is not None else 0.0
            if (
                measure_value(inc.measure, facts, crime, standard, tier, inc.forms) > above
            ):  # it would have added
                trace.note_text(
                    UNLESS_NOTE.format(
                        charge=crime.charge,
                        measure=inc.measure,
                        measure_zh=MEASURE_ZH.get(inc.measure, inc.measure),
                    )
                )
            continue
        value = measure_value(inc.measure, facts, crime, standard, tier, inc.forms)
        base = crime.threshold(inc.above) if inc.above is not None else 0.0
        extra = max(0.0, value - base)
        if extra <= 0:
            continue
        added = extra / inc.per * inc.months
        if inc.max_months is not None:
            added = min(added, float(inc.max_months))
        trace.step(
            "crime.tier.increment",
            kind=StepKind.BASELINE,
            before=round(months, 2),
            after=round(months + added, 2),
            rule_id=f"{rule}.increment.{inc.measure}",
            citation=citation + "（增加刑罚量：各地实施细则，可配置）",
            charge=crime.charge,
            confidence=inc.confidence,
            measure=Phrase(f"phrase.measure.{inc.measure}"),
            base=base,
            base_text=_fmt_num(base),
            extra=extra,
            extra_text=_fmt_num(extra),
            per=inc.per,
            per_text=_fmt_num(inc.per),
            months=inc.months,
            added=added,
        )
        confidence = min_conf(confidence, inc.confidence)
        months += added
    index = tier.bracket if tier.bracket is not None else 0
    # Not clamped to the bracket here: the guideline adjusts the baseline and pronounces the bracket's maximum only
    # where the adjusted result lies above it (2021量刑指导意见, 确定宣告刑的方法; FACTS §1.3 point 3). Clamped
    # first, every amount above the ceiling was lost to the circumstances: 5 and 8 million yuan of fraud with 自首
    # came to one term.
    return Baseline(
        months=months,
        bracket_index=index,
        tier=tier,
        penalty=tier.penalty,
        confidence=confidence,
    )


def _amount_bracket(
    info: ChargeInfo, facts: CaseFacts, standard: Standard, trace: Trace
) -> tuple[int, float] | None:
    """The bracket and the position inside it that the amount involved gives (amount_brackets.yaml)."""
    cfg = standard.amount_brackets
    entry = cfg.get("charges", {}).get(info.name)
    amount = float(facts.amount_yuan) if facts.amount_yuan else 0.0
    if entry is None or amount <= 0:
        return None
    thresholds = [float(t) for t in amount_thresholds(entry, facts, info.name, trace)]
    index = max((i for i, t in enumerate(thresholds) if amount >= t), default=0)
    requires = entry.get("requires_words") or {}
    if index == len(thresholds) - 1 and len(thresholds) in requires and len(thresholds) < len(info.brackets):
        # the bracket above the last figure: reached only with its words (checked below)
        index = len(thresholds)
    while (
        index > 0 and info.brackets[index].imprisonment is None and not requires.get(index)
    ):  # a life-only bracket needs more than an amount
        index -= 1
    while (
        index > 0
        and requires.get(index)
        and not any(quote_phrase(facts.text or "", w) for w in requires[index])
    ):
        index -= 1  # the bracket needs more than the amount (e.g. 挪用公款: 数额巨大*不退还*) and the text does not say it
    at_threshold, at_next = cfg["position"]["at_threshold"], cfg["position"]["at_next"]
    start = thresholds[min(index, len(thresholds) - 1)]
    end = thresholds[index + 1] if index + 1 < len(thresholds) else start * 10
    share = math.log(max(amount, start) / start) / math.log(end / start)
    position = at_threshold + (at_next - at_threshold) * min(max(share, 0.0), 1.0)
    bracket = info.brackets[index]
    # below the lowest threshold (数额较大) the amount reaches no standard: said so, the bracket is the lowest
    below = amount < thresholds[0]
    unit = entry.get("unit", "yuan")
    trace.step(
        "method.no_guideline.amount_below" if below else "method.no_guideline.amount",
        kind=StepKind.NOTE,
        rule_id=cfg.get("rule_id", "method.no_guideline.amount"),
        citation=entry["source"],
        charge=info.name,
        confidence=entry.get("confidence", "low"),
        amount=amount,
        amount_text=_fmt_num(amount),
        unit=Phrase(f"phrase.unit.{unit}"),  # a timber volume is no sum of yuan
        quantity=Phrase(f"phrase.quantity.{unit}"),
        start=start,
        start_text=_fmt_num(start),
        source=bracket.source,
        bracket=bracket.describe_zh(),
        position=position,
        floor=bracket.floor_months,
        ceiling=bracket.ceiling_months,
    )
    return index, position


def _death_or_life_only(bracket: Bracket) -> bool:
    return bracket.imprisonment is None and not bracket.detention and (bracket.life or bracket.death)


def _basic_bracket(info: ChargeInfo, facts: CaseFacts, trace: Trace) -> int:
    """The bracket a bracket-only estimate starts from: the lowest, unless that is a 情节较轻 exception.

    Where the statute's basic punishment carries life imprisonment or death (故意杀人 "处死刑、无期徒刑
    或者十年以上有期徒刑；情节较轻的，处三年以上十年以下", 绑架 …), the lighter bracket applies only when
    the court finds 情节较轻; without those words in the facts the basic bracket is the start (mitigating
    circumstances may still take the result below it). For crimes whose basic bracket is a fixed term
    (失火, 过失致人死亡 …) the 情节较轻 bracket is where most cases are decided, so it stays the start; not so for the
    crimes of BASIC_UNLESS_LIGHTER, whose basic bracket is the one the statute gives the act itself.
    """
    brackets = info.brackets
    if _death_or_life_only(brackets[0]) and len(brackets) > 1:
        # never start in a bracket of life or death alone (劫持航空器: "致人重伤、死亡…的，处死刑" is listed
        # first): only an explicit fact (an extracted death or serious injury) moves a case there
        return next((i for i, b in enumerate(brackets) if not _death_or_life_only(b)), 0)
    if len(brackets) < 2 or not brackets[0].condition.startswith("情节较轻"):
        return 0
    basic = brackets[1]
    heavy_basic = basic.life or basic.death or info.name in BASIC_UNLESS_LIGHTER
    if not heavy_basic or quote_phrase(facts.text or "", "情节较轻") is not None:
        return 0
    trace.step(
        "method.no_guideline.basic_bracket",
        kind=StepKind.NOTE,
        citation=f"刑法{basic.source or info.article_label}",
        charge=info.name,
        confidence="low",
        bracket=basic.describe_zh(),
        source=basic.source,
    )
    return 1


def bracket_baseline(info: ChargeInfo, facts: CaseFacts, standard: Standard, trace: Trace) -> Baseline:
    """Steps 1–2 for a charge without crime-specific standards, in the bracket the facts trigger.

    The start is where the guideline starts the crimes it covers with the same bracket (their median: 三年以下有期徒刑
    or 拘役 8 months, 三年以上十年以下 36): a crime it does not list is sentenced by its method, and like crimes of like
    gravity alike (its first guiding principle: 案情相似的案件，所判处的刑罚应当基本均衡). A share of the bracket placed by
    the amount (amount_brackets.yaml) comes first; a bracket the guideline gives fewer than two crimes is placed at a
    share of it.

    Placing every such crime at a quarter of the prison part (三年以下: 13.5 months) put the dev texts of these crimes
    40% above the courts' terms (median log +0.22, mean +0.32, 135 texts; the guideline's crimes: -0.04)."""
    index = _basic_bracket(info, facts, trace)
    top = _max_injury(facts)
    for i, bracket in enumerate(info.brackets):
        cond = bracket.condition
        if top == InjuryGrade.DEATH.value and "死亡" in cond:
            index = i
            break
        if injury_rank(top) >= injury_rank("serious_2") and "重伤" in cond and i > index:
            index = i
    index = trigger_bracket(info, facts, index, standard, trace)
    cfg = standard.method.get("no_guideline", {})
    position = float(cfg.get("position", 0.25))
    by_amount = _amount_bracket(info, facts, standard, trace)
    analogy = None
    if by_amount is not None and by_amount[0] >= index:
        index, position = by_amount
    else:
        analogy = standard.guideline_start(info.brackets[index])
    bracket = info.brackets[index]
    low = bracket.imprisonment[0] if bracket.imprisonment else bracket.floor_months
    high = bracket.ceiling_months
    months = float(low + (high - low) * position) if high > low else float(high or low)
    key = "method.no_guideline"
    if analogy is not None:
        key, (months, crimes) = "method.no_guideline.analogy", analogy
    penalty = None
    if bracket.imprisonment is None and bracket.detention and not (bracket.life or bracket.death):
        penalty = "detention"
        months = 3.0
    if bracket.imprisonment is None and (bracket.life or bracket.death) and not bracket.detention:
        penalty = "life" if bracket.life else "death"
        months = 180.0
    trace.step(
        key,
        kind=StepKind.STARTING_POINT,
        after=months,
        rule_id=key,
        citation=f"刑法{info.article_label}（{bracket.condition[:30]}）",
        charge=info.name,
        confidence="low",
        source=bracket.source,
        bracket=bracket.describe_zh(),
        position=position,
        months_text=_fmt(months),
        floor=bracket.floor_months,
        high=high,
        start_months=f"{months:g}",
        crimes="、".join(crimes[:3]) if analogy else "",
        count=len(crimes) if analogy else 0,
    )
    trace.note("note.no_guideline", charge=info.name)
    return Baseline(months=months, bracket_index=index, penalty=penalty, confidence="low")


_CONF_ORDER = {"low": 0, "medium": 1, "high": 2}


def min_conf(*values: str) -> str:
    return min(values, key=lambda v: _CONF_ORDER.get(v, 0))


def _fmt(months: float) -> str:
    return f"{months:g}个月" if months < 12 or months % 12 else f"{int(months // 12)}年"


def _below_minimum(crime: CrimeStandard, facts: CaseFacts, standard: Standard, trace: Trace) -> bool:
    """A quantity below the one the article requires for the crime (`minimum` of the crime file: 刑法第348条's 海洛因
    十克), said in a note: the charge was given, so the lowest tier is still computed."""
    minimum = crime.extra.get("minimum")
    if not minimum or "grams" not in minimum:
        return False
    grams = drug_grams(facts, crime, standard)[0]
    if grams >= float(minimum["grams"]):
        return False
    trace.note(
        "note.below_minimum.drug",
        charge=crime.charge,
        grams=_fmt_num(grams),
        minimum=_fmt_num(float(minimum["grams"])),
        citation=minimum["citation"],
    )
    return True


def _fmt_num(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:g}"


def _fmt_range(rng: tuple[int, int]) -> str:
    low, high = rng
    if low == 0:
        return f"{_fmt(high)}以下（含拘役）"
    return f"{_fmt(low)}至{_fmt(high)}"


def to_decimal(value: float) -> Decimal:
    return Decimal(str(round(value)))


__all__ = ["Baseline", "Bracket", "bracket_baseline", "guideline_baseline", "injury_rank", "min_conf"]
