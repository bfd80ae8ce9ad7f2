"""The result of a sentencing calculation (量刑计算结果): plain dataclasses, no Django.

`calculate()` in `calculator` produces a `Calculation`; the web app stores it, the CLI prints it and
`metrics` scores it. Every number carries the step that produced it, with its rule id and citation.

Terms are in months (int). Death (死刑) and life imprisonment (无期徒刑) are flags, not months.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum


class Penalty(StrEnum):
    """Kind of principal penalty (主刑) or outcome."""

    IMPRISONMENT = "imprisonment"  # 有期徒刑, 6 months – 15 years (art. 45)
    DETENTION = "detention"  # 拘役, 1 – 6 months (art. 42)
    SURVEILLANCE = "surveillance"  # 管制, 3 months – 2 years (art. 38)
    FINE_ONLY = "fine_only"  # 单处罚金
    EXEMPT = "exempt"  # 免予刑事处罚 (art. 37)
    LIFE = "life"  # 无期徒刑
    DEATH = "death"  # 死刑 (incl. 死缓)


class StepKind(StrEnum):
    STARTING_POINT = "starting_point"  # 量刑起点
    BASELINE = "baseline"  # 增加刑罚量 -> 基准刑
    ADJUSTMENT = "adjustment"  # 量刑情节调节
    CLAMP = "clamp"  # 法定刑幅度 / penalty-kind bounds
    WHOLE_CASE = "whole_case"  # 综合全案 ±20%
    COMBINATION = "combination"  # 数罪并罚 (art. 69)
    PENALTY_KIND = "penalty_kind"  # choice of 拘役 / 管制 / 有期徒刑
    PROBATION = "probation"  # 缓刑
    FINE = "fine"  # 罚金
    NOTE = "note"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass
class Step:
    """One traceable step of the three-step method (三步法)."""

    kind: str
    description_zh: str
    description_en: str
    months_before: float | None = None
    months_after: float | None = None
    ratio: float | None = None  # signed: -0.3 means "reduce by 30%"
    rule_id: str = ""
    citation: str = ""
    charge: str | None = None  # which charge this step belongs to (数罪)
    confidence: str = "high"  # the mark of the rule used: high (✅), medium (⚠️), low (❌)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ChargeResult:
    """The sentence computed for one charge before 数罪并罚."""

    charge: str
    article: int | None
    penalty: str
    months: int | None
    low: int
    high: int
    death_penalty: bool = False
    life_imprisonment: bool = False
    fine_yuan: Decimal | None = None
    bracket_label: str = ""
    has_guideline: bool = False
    confidence: str = "high"
    # 并处没收财产 (刑法第59条: part or all of the offender's own property): a property penalty the statute adds to
    # the bracket (刑法第347条第2款), shown as such, never a sum of yuan
    confiscation: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["fine_yuan"] = None if self.fine_yuan is None else str(self.fine_yuan)
        return data


@dataclass
class Calculation:
    """A sentencing calculation: a fixed-term recommendation (确定刑) and a range (幅度刑).

    `low`/`high` is the range a recommendation may state under the guideline (法定/指导意见幅度), inside
    the statutory bracket: it is not a prediction interval (it covers about one true term in six; the
    learned model's 80% interval is the prediction). `months` is None for death and life sentences;
    `low`/`high` are then the 15-year statutory ceiling (180 months) so that range arithmetic stays
    total. For 单处罚金 and 免予刑事处罚 (`penalty` fine_only / exempt) `months`, `low` and `high` are 0;
    for 管制 (`penalty` surveillance) they are months of 管制, and `custodial_months` is 0.
    `penalty` names the kind of principal penalty.
    """

    months: int | None
    low: int
    high: int
    death_penalty: bool = False
    life_imprisonment: bool = False
    penalty: str = Penalty.IMPRISONMENT.value
    probation_lawful: bool = False
    probation_advised: bool = False
    fine_yuan: Decimal | None = None
    steps: list[Step] = field(default_factory=list)
    standard_version: str = ""
    confidence: str = Confidence.HIGH.value
    notes: list[str] = field(default_factory=list)
    charges: list[ChargeResult] = field(default_factory=list)
    probation_months: int | None = None  # suggested 缓刑考验期 when probation is advised
    range_rule_confirmed: bool = False  # the range-width rule is unconfirmed configuration (FACTS §2)
    # 漏罪 (art. 70): the combined term less the part of the earlier sentence already served, when stated
    months_to_serve: int | None = None

    @property
    def confiscation(self) -> bool:
        """并处没收财产: a charge's confiscation stays with the combined sentence (刑法第69条第3款: 附加刑仍须执行)."""
        return any(c.confiscation for c in self.charges)

    @property
    def custodial_months(self) -> int | None:
        """Months of 有期徒刑 or 拘役 (what the CAIL2018 term counts): 0 for 管制, a fine alone and an
        exemption, whose `months` are 管制's or 0; None for life and death."""
        if self.death_penalty or self.life_imprisonment or self.months is None:
            return None
        return self.months if self.penalty in (Penalty.IMPRISONMENT, Penalty.DETENTION) else 0

    def to_dict(self) -> dict:
        """JSON-serialisable dict (Decimal -> str)."""
        return {
            "months": self.months,
            "low": self.low,
            "high": self.high,
            "death_penalty": self.death_penalty,
            "life_imprisonment": self.life_imprisonment,
            "penalty": str(self.penalty),
            "probation_lawful": self.probation_lawful,
            "probation_advised": self.probation_advised,
            "probation_months": self.probation_months,
            "fine_yuan": None if self.fine_yuan is None else str(self.fine_yuan),
            "confiscation": self.confiscation,
            "steps": [s.to_dict() for s in self.steps],
            "standard_version": self.standard_version,
            "confidence": str(self.confidence),
            "notes": list(self.notes),
            "charges": [c.to_dict() for c in self.charges],
            "range_rule_confirmed": self.range_rule_confirmed,
            "months_to_serve": self.months_to_serve,
        }
