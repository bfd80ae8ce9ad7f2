"""Running the rule engine (extract + calculate) for the learned model and evaluation, one case at a time.

A failure in extraction or calculation for one case must not stop a corpus run: it is recorded on
the case's `EngineResult` and the model falls back to the charge prior.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from leniency.sentencing.adoption import follow_recommendation
from leniency.sentencing.calculation import Calculation, Penalty
from leniency.sentencing.corpus import Judgment
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.prediction import Prediction


@dataclass
class EngineResult:
    facts: CaseFacts | None
    calculation: Calculation | None
    errors: list[str] = field(default_factory=list)

    @property
    def fixed_months(self) -> int | None:
        """The calculator's fixed term, or None (no calculation, or death / life)."""
        calc = self.calculation
        if calc is None or calc.custodial_months is None:
            return None
        return int(calc.custodial_months)  # 管制, a fine alone, an exemption: 0 (the CAIL2018 term)

    @property
    def has_guideline(self) -> bool:
        """Whether a sentencing guideline (not only the statutory bracket) covers any charge."""
        calc = self.calculation
        return calc is not None and any(c.has_guideline for c in calc.charges)


def run_engine(
    fact: str, charges: Sequence[str] | None = None, articles: Sequence[int] | None = None
) -> EngineResult:
    """extract() then calculate(); any exception is caught and recorded, never raised."""
    from leniency.sentencing.calculator import calculate
    from leniency.sentencing.extract import extract

    errors: list[str] = []
    facts = None
    calculation = None
    try:
        facts = extract(
            fact, charges=list(charges) if charges else None, articles=list(articles) if articles else None
        )
    except Exception as exc:  # noqa: BLE001 - one bad case must not stop a corpus run
        errors.append(f"extract failed: {type(exc).__name__}: {exc}")
        facts = CaseFacts(text=fact, charges=list(charges or []), articles=list(articles or []))
    try:
        calculation = calculate(facts)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"calculate failed: {type(exc).__name__}: {exc}")
    return EngineResult(facts=facts, calculation=calculation, errors=errors)


def run_all(
    judgments: Sequence[Judgment], progress: Callable[[int], None] | None = None
) -> tuple[list[EngineResult], float]:
    """extract + calculate for every judgment; returns the results and the seconds it took."""
    start = time.perf_counter()
    results = []
    for i, j in enumerate(judgments):
        results.append(run_engine(j.fact, j.accusation, j.relevant_articles))
        if progress is not None:
            progress(i + 1)
    return results, time.perf_counter() - start


def engine_prediction(result: EngineResult, fallback: int) -> Prediction:
    """The calculator's answer (fallback months when it produced none), held inside a quoted recommendation
    the court is expected to adopt in a plea case (CPL art. 201, `adoption`)."""
    return follow_recommendation(_calculator_prediction(result, fallback), result.facts)


def _calculator_prediction(result: EngineResult, fallback: int) -> Prediction:
    """The calculator's answer as it stands (fallback months when it produced none)."""
    calc = result.calculation
    if calc is None:
        return Prediction(fallback, fallback, fallback, explanation=list(result.errors))
    if calc.death_penalty or calc.life_imprisonment:
        return Prediction(
            0, calc.low, calc.high, calc.death_penalty, calc.life_imprisonment and not calc.death_penalty
        )
    months = calc.custodial_months if calc.custodial_months is not None else fallback
    if calc.penalty not in (Penalty.IMPRISONMENT, Penalty.DETENTION):  # 管制 / fine alone / exempt: no prison
        return Prediction(0, 0, 0)
    return Prediction(int(months), int(min(calc.low, months)), int(max(calc.high, months)))


def fold_assignment(n: int, folds: int, seed: int = 0) -> list[int]:
    """A fold number per case: a seeded shuffle, dealt round-robin."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    assignment = [0] * n
    for position, index in enumerate(order):
        assignment[index] = position % folds
    return assignment
