"""What `recommend()` answers: plain frozen dataclasses (re-exported by `leniency.corpus.recommend`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from leniency.sentencing.calculation import Calculation
from leniency.sentencing.facts import CaseFacts


@dataclass(frozen=True)
class DeviationWarning:
    kind: str  # "similar_band" or "calculation"
    message: str  # Chinese, says what it compared
    compared: dict  # the numbers compared

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SimilarStats:
    """The outcomes of the similar cases (None on SimilarCases when fewer than 5)."""

    n: int
    median: float
    q1: float
    q3: float
    p10: float
    p90: float
    probation_share: float
    exempt_share: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SimilarCase:
    judgment_id: int
    charge: str
    months: int  # -1 for death or life imprisonment
    probation: bool
    excerpt: str
    score: float
    shared_factors: list[str]  # why it matched, Chinese

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SimilarCases:
    cases: list[SimilarCase]
    stats: SimilarStats | None
    note: str  # e.g. "类似案件不足 5 件，不显示统计"
    n_filtered: int = 0  # how many judgments passed the filters
    relaxed: int = 0  # 0 strict filters; 1 widened brackets; 2 charge (and region, period) only

    def to_dict(self) -> dict:
        return {
            "cases": [c.to_dict() for c in self.cases],
            "stats": self.stats.to_dict() if self.stats is not None else None,
            "note": self.note,
            "n_filtered": self.n_filtered,
            "relaxed": self.relaxed,
        }


@dataclass(frozen=True)
class Recommendation:
    facts: CaseFacts
    calculation: Calculation
    months: int  # fixed term, months
    low: int  # range, months
    high: int
    probation_advised: bool
    fine_yuan: int | None
    confidence: str  # "high" | "medium" | "low"
    model_version: str | None
    interval: tuple[int, int] | None  # the model's 80% prediction interval
    similar: SimilarCases
    warnings: list[DeviationWarning]
    notes: list[str] = field(default_factory=list)  # how the answer was reached, what was missing
    proposed_months: int | None = None

    @property
    def death_penalty(self) -> bool:
        return bool(self.calculation.death_penalty)

    @property
    def life_imprisonment(self) -> bool:
        return bool(self.calculation.life_imprisonment)

    def to_dict(self) -> dict:
        from leniency.corpus.factors import facts_full_json

        facts = facts_full_json(self.facts)
        return {
            "months": self.months,
            "low": self.low,
            "high": self.high,
            "death_penalty": self.death_penalty,
            "life_imprisonment": self.life_imprisonment,
            "probation_advised": self.probation_advised,
            "fine_yuan": self.fine_yuan,
            "confidence": self.confidence,
            "model_version": self.model_version,
            "interval": list(self.interval) if self.interval is not None else None,
            "proposed_months": self.proposed_months,
            "warnings": [w.to_dict() for w in self.warnings],
            "similar": self.similar.to_dict(),
            "notes": list(self.notes),
            "calculation": self.calculation.to_dict(),
            "facts": facts,
        }
