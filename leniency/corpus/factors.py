"""Structured factors of a case (no Django): what similar-case retrieval filters on and explains.

Used by the importer's worker processes, by the index builder and by the query side, so that a
judgment and the case at hand are described the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from leniency.sentencing.facts import CaseFacts, Circumstance

CIRCUMSTANCE_BITS: tuple[str, ...] = tuple(c.value for c in Circumstance)
CIRCUMSTANCE_ZH = {
    "surrender": "自首",
    "confession": "坦白",
    "court_confession": "当庭认罪",
    "plea": "认罪认罚",
    "meritorious": "立功",
    "major_meritorious": "重大立功",
    "recidivist": "累犯",
    "prior_record": "前科",
    "restitution": "退赃退赔",
    "compensation": "赔偿",
    "forgiveness": "谅解",
    "reconciliation": "刑事和解",
    "attempt": "未遂",
    "discontinuation": "中止",
    "preparation": "预备",
    "accessory": "从犯",
    "coerced": "胁从犯",
    "principal": "主犯",
    "minor": "未成年",
    "elderly": "老年",
    "deaf_mute_blind": "盲聋哑",
    "limited_capacity": "限制行为能力",
    "vulnerable_victim": "弱势被害人",
    "disaster": "灾害期间犯罪",
}
# Circumstances that move a sentence enough for a similar case to have to share them (or their absence).
KEY_CIRCUMSTANCES = ("surrender", "recidivist", "attempt", "accessory", "minor", "forgiveness", "restitution")
INJURY_ORDER = ("minor", "light_2", "light_1", "serious_2", "serious_1", "death")
INJURY_ZH = {
    "minor": "轻微伤",
    "light_2": "轻伤二级",
    "light_1": "轻伤一级",
    "serious_2": "重伤二级",
    "serious_1": "重伤一级",
    "death": "死亡",
}


def circumstance_flags(facts: CaseFacts) -> int:
    flags = 0
    for finding in facts.circumstances:
        code = str(finding.code)
        if code in CIRCUMSTANCE_BITS:
            flags |= 1 << CIRCUMSTANCE_BITS.index(code)
    return flags


def flag_names(flags: int) -> list[str]:
    return [code for i, code in enumerate(CIRCUMSTANCE_BITS) if flags >> i & 1]


KEY_MASK = sum(1 << CIRCUMSTANCE_BITS.index(c) for c in KEY_CIRCUMSTANCES)


def drug_grams(facts: CaseFacts) -> float | None:
    if not facts.drugs:
        return None
    return float(sum(float(d.grams) for d in facts.drugs))


def injury_rank(grade: str | None) -> int:
    return INJURY_ORDER.index(grade) if grade in INJURY_ORDER else -1


@dataclass(frozen=True)
class Factors:
    """The indexed description of one case."""

    main_charge: str
    amount_yuan: int | None
    injury: str
    drug_grams: float | None
    circumstances: int
    calc_months: int | None = None

    @classmethod
    def of(cls, facts: CaseFacts, calc_months: int | None = None) -> Factors:
        amount = int(facts.amount_yuan) if facts.amount_yuan is not None else None
        return cls(
            main_charge=(facts.charges[0] if facts.charges else "")[:60],
            amount_yuan=amount,
            injury=str(facts.injury or ""),
            drug_grams=drug_grams(facts),
            circumstances=circumstance_flags(facts),
            calc_months=calc_months,
        )


def _num(value):
    return None if value is None else float(value)


def _span(span) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _value(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Enum):
        return value.value
    return str(value)


def facts_json(facts: CaseFacts) -> dict:
    """The extracted facts to store with a judgment, compactly (spans as [start, end] into the stored text)."""
    rec = facts.recommendation
    return {
        "charges": list(facts.charges),
        "articles": list(facts.articles),
        "amount_yuan": _num(facts.amount_yuan),
        "amounts": [[_value(f.value), _span(f.span)] for f in facts.amounts],
        "counts": facts.counts,
        "victims": facts.victims,
        "drugs": [[d.kind, float(d.grams), _span(d.span)] for d in facts.drugs],
        "injury": _value(facts.injury),
        "injuries": [[_value(f.value), _span(f.span)] for f in facts.injuries],
        "disability_grade": facts.disability_grade,
        "blood_alcohol": _num(facts.blood_alcohol),
        "age": facts.age,
        "circumstances": [[str(f.code), _value(f.value), _span(f.span)] for f in facts.circumstances],
        "recommendation": None
        if rec is None
        else {
            "low_months": rec.low_months,
            "high_months": rec.high_months,
            "penalty": rec.penalty,
            "span": _span(rec.span),
        },
        "notes": list(facts.notes),
    }


def facts_full_json(facts: CaseFacts) -> dict:
    """Every field of the extracted facts, spans with their quotes (for the API)."""
    return _plain(facts.to_dict())


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return _value(value)
