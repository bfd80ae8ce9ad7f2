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
    """The outcomes of the factor-matched similar cases (None on SimilarCases when fewer than 5 matched).

    Never computed from a pool that matched on the charge alone. p10–p90 and the quartiles describe the n
    cases; they are not a prediction interval. The band (band_low–band_high) is: from the j-th smallest to
    the j-th largest term, which covers a new exchangeable case with probability ≥ band_coverage
    (distribution-free; None when n < 9); bench/similar.py measures how often it does on real judgments.
    """

    n: int
    median: float
    q1: float
    q3: float
    p10: float
    p90: float
    probation_share: float
    exempt_share: float
    band_low: float | None = None
    band_high: float | None = None
    band_coverage: float | None = None  # nominal (order statistics)
    level: str = "factors"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SimilarCase:
    judgment_id: int
    charge: str
    months: int  # -1 for death or life imprisonment
    probation: bool
    excerpt: str
    score: float  # the text similarity (BM25, relative to the best): a tiebreak only
    shared_factors: list[str]  # why it matched, Chinese: each "相近" one within its stated tolerance
    match: str = "factors"  # the pool it came from: "factors", "charge_set" (context) or "charge" (context)
    reasons: list[dict] = field(default_factory=list)  # the same statements with their measured numbers
    charges: list[str] = field(default_factory=list)  # all the judgment's charges
    distance: float | None = None  # the fact distance it was ranked by (0 = the same deciding facts)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SimilarCases:
    cases: list[SimilarCase]
    stats: SimilarStats | None
    note: str  # e.g. "因素匹配的类案不足 5 件，不显示统计"
    n_filtered: int = 0  # how many judgments passed the factor match (the pool the statistics describe)
    relaxed: int = (
        0  # the loosest pool a shown case comes from: 0 factors, 1 same charges only, 2 main charge
    )
    match_level: str = "factors"  # LEVELS[relaxed]
    pool_sizes: dict = field(default_factory=dict)  # {"factors": n, "charge_set": n, "charge": n}
    missing: list[str] = field(default_factory=list)  # deciding facts of the case not found, said
    measures: list[str] = field(default_factory=list)  # the deciding facts matched on

    @property
    def context_only(self) -> bool:
        """True when no shown case matched on the facts: the cases are context, not a norm."""
        return bool(self.cases) and all(c.match != "factors" for c in self.cases)

    def to_dict(self) -> dict:
        return {
            "cases": [c.to_dict() for c in self.cases],
            "stats": self.stats.to_dict() if self.stats is not None else None,
            "note": self.note,
            "n_filtered": self.n_filtered,
            "relaxed": self.relaxed,
            "match_level": self.match_level,
            "pool_sizes": dict(self.pool_sizes),
            "missing": list(self.missing),
            "measures": list(self.measures),
            "context_only": self.context_only,
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
    warning_band: dict | None = None  # what a proposal is checked against: {"source", "low", "high", "n", …}

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
            "warning_band": self.warning_band,
            "warnings": [w.to_dict() for w in self.warnings],
            "similar": self.similar.to_dict(),
            "notes": list(self.notes),
            "calculation": self.calculation.to_dict(),
            "facts": facts,
        }
