"""Calibration (校准): a light learning layer over the rule-based calculator, fitted on decided cases.

The calculator applies the guideline's three steps; real courts, on average, land somewhere else,
and for the ~100 charges that no national guideline covers the calculator can only place the case
in its statutory bracket. Calibration corrects this with four honest, general ingredients, all in
log space (L(x) = ln(x + 1), the space the accuracy metrics use):

1. **charge prior** — per charge, the median L(term) of the training cases with that charge, shrunk
   toward the overall median by the number of cases (n / (n + k)); a case with several charges takes
   the heaviest of its charges' priors;
2. **blend** — L̂ = b0 + b1·L(calculator months) + b2·charge prior, the coefficients fitted by least
   absolute deviation (the metric is a mean absolute log distance) with a ridge pull toward an even blend;
3. **prosecutor's recommendation** — when the fact text quotes one (建议判处…), the prediction moves
   toward it by a weight fitted on the training cases that quote one (a prior weight when they are few);
4. **range** — [low, high] = the point ± the 10th / 90th percentiles of out-of-fold signed residuals
   (inner cross-validation on the training cases), aiming at 80% coverage; quoted recommendations get
   their own, narrower, residual pool when there are enough of them.

Nothing is keyed on a case: the fitted state is a handful of coefficients, two residual quantiles
and one median per charge, and `to_dict()` shows all of it. Death and life sentences from the
calculator pass through unchanged. Pure Python; no Django, no numpy.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from leniency.sentencing.calibrate_engine import EngineResult
from leniency.sentencing.corpus import Judgment, Term

MAX_FIXED_MONTHS = 300  # art. 69: the longest combined fixed term
PRIOR_SHRINK = 3.0  # pseudo-cases pulling a charge's median toward the overall median
RIDGE = 2.0  # pseudo-cases pulling the blend coefficients toward PRIOR_COEFS
# The blend's features and the coefficients the ridge pulls toward (an even blend of the calculator
# and the charge prior). "bracket-only" marks cases where no guideline covers any charge, so that the
# calculator can only place the case in its statutory bracket; there the amount involved (in log
# ten-thousands of yuan) is allowed to carry weight, as courts weigh it for every economic crime.
FEATURES = (
    "const",
    "guideline",
    "calc|guideline",
    "calc|bracket-only",
    "prior",
    "amount|bracket-only",
    "has_amount|bracket-only",
    "several charges",
)
PRIOR_COEFS = (0.0, 0.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0)
PASS_THROUGH = (0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0)
PRIOR_REC_WEIGHT = 0.5
MIN_REC_CASES = 6  # fewer training cases quoting a recommendation -> keep the prior weight
RANGE_QUANTILES = (0.10, 0.90)
INNER_FOLDS = 5


def L(months: float) -> float:  # noqa: N802 - the metric's own notation
    return math.log(max(months, 0) + 1.0)


def unL(value: float) -> float:  # noqa: N802
    return max(math.exp(value) - 1.0, 0.0)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        raise ValueError("median of nothing")
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    pos = q * (len(ordered) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting for a small dense system."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            raise ValueError("singular system")
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col:
                factor = a[r][col] / a[col][col]
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    return [a[i][n] / a[i][i] for i in range(n)]


def fit_lad(
    rows: Sequence[Sequence[float]],
    targets: Sequence[float],
    prior: Sequence[float],
    ridge: float,
    iterations: int = 30,
) -> list[float]:
    """Least absolute deviation by iteratively reweighted least squares, with a ridge toward `prior`."""
    k = len(prior)
    coefs = list(prior)
    for _ in range(iterations):
        xtx = [[0.0] * k for _ in range(k)]
        xty = [0.0] * k
        for x, y in zip(rows, targets, strict=True):
            residual = y - sum(c * v for c, v in zip(coefs, x, strict=True))
            w = 1.0 / max(abs(residual), 0.05)
            for i in range(k):
                xty[i] += w * x[i] * y
                for j in range(k):
                    xtx[i][j] += w * x[i] * x[j]
        # the ridge is scaled by the mean weight so that it means "this many pseudo-cases"
        mean_w = xtx[0][0] / max(len(rows), 1)  # x[0] is the constant 1, so this is the mean weight
        for i in range(k):
            xtx[i][i] += ridge * mean_w
            xty[i] += ridge * mean_w * prior[i]
        try:
            new = _solve(xtx, xty)
        except ValueError:
            return coefs
        if max(abs(a - b) for a, b in zip(new, coefs, strict=True)) < 1e-6:
            return new
        coefs = new
    return coefs


# How finely courts write pronounced terms: whole months within the first year, then half-years up to
# ten years (一年六个月, 二年, 二年六个月 …), whole years above (upper bound in months, step in months).
# Quarter-years (一年三个月, 二年九个月) are rare in judgments; a grid with them scored worse on the
# development k-fold (within ±25% 33.5% vs 34.9%, mean log distance 0.582 vs 0.573).
CUSTOMARY_STEPS = ((12, 1), (120, 6), (MAX_FIXED_MONTHS, 12))


def customary_term(months: float) -> int:
    """The nearest term (in log distance) a court would pronounce: 13 -> 12, 40 -> 42, 100 -> 102."""
    candidates, start = [], 0
    for upper, step in CUSTOMARY_STEPS:
        candidates.extend(range(start, upper + 1, step))
        start = upper
    return min(candidates, key=lambda c: (abs(L(c) - L(months)), c))


@cache
def statutory_class(charge: str) -> tuple[int, int] | None:
    """(floor, ceiling) in months of the charge's lowest statutory bracket, or None when unknown.

    Charges with the same lowest bracket (e.g. "≤3 years" or "3–10 years") share a class, so that a
    charge never seen in training borrows from charges the law punishes alike.
    """
    from leniency.sentencing.catalogue import find_charge

    info = find_charge(charge) if charge else None
    bracket = info.lowest if info is not None else None
    if bracket is None:
        return None
    return (bracket.floor_months, bracket.ceiling_months)


@dataclass
class Prediction:
    """A calibrated prediction: the point, the range and where each came from."""

    months: int
    low: int
    high: int
    death_penalty: bool = False
    life_imprisonment: bool = False
    raw_months: int | None = None  # the calculator's own answer
    explanation: list[str] = field(default_factory=list)

    @property
    def term(self) -> Term:
        return Term(self.months, self.death_penalty, self.life_imprisonment)


@dataclass
class Calibrator:
    """Fitted state; `fit()` fills it, `predict()` uses it. An unfitted calibrator passes through."""

    overall_log_median: float = L(12)
    charge_priors: dict[str, tuple[int, float]] = field(default_factory=dict)  # charge -> (n, median L)
    class_priors: dict[object, tuple[int, float]] = field(
        default_factory=dict
    )  # statutory class -> (n, median L)
    coefs: tuple[float, ...] = PASS_THROUGH  # unfitted: the calculator's answer as is
    rec_weight: float = 0.0
    residual_quantiles: tuple[float, float] = (-0.7, 0.7)
    rec_residual_quantiles: tuple[float, float] | None = None
    n_train: int = 0
    fitted: bool = False

    # -- features -------------------------------------------------------------------------------

    def charge_prior(self, charges: Sequence[str]) -> float:
        """Shrunk per-charge median L(term), the heaviest over several charges.

        Each charge's median is shrunk toward its statutory class's median (charges whose lowest
        bracket has the same floor and ceiling), which is shrunk toward the overall median; an unseen
        charge therefore gets its class's value, an unseen class the overall median.
        """
        values = []
        for charge in charges or [""]:
            cls = statutory_class(charge)
            n_cls, med_cls = self.class_priors.get(cls, (0, self.overall_log_median))
            class_value = (n_cls * med_cls + PRIOR_SHRINK * self.overall_log_median) / (n_cls + PRIOR_SHRINK)
            n, median = self.charge_priors.get(charge, (0, class_value))
            values.append((n * median + PRIOR_SHRINK * class_value) / (n + PRIOR_SHRINK))
        return max(values)

    def features(self, result: EngineResult, charges: Sequence[str]) -> list[float]:
        """The blend's inputs, in the order of FEATURES."""
        prior = self.charge_prior(charges)
        raw = result.fixed_months
        calc = L(raw) if raw is not None else prior
        g = 1.0 if result.has_guideline else 0.0
        amount = result.facts.amount_yuan if result.facts is not None else None
        log_amount = math.log1p(float(amount) / 10000) if amount else 0.0
        several = 1.0 if len(set(charges)) > 1 else 0.0
        return [
            1.0,
            g,
            g * calc,
            (1 - g) * calc,
            prior,
            (1 - g) * log_amount,
            (1 - g) * (1.0 if amount else 0.0),
            several,
        ]

    @staticmethod
    def recommendation_point(result: EngineResult) -> float | None:
        rec = result.recommendation_months
        return L(rec) if rec is not None else None

    def point(self, result: EngineResult, charges: Sequence[str]) -> float:
        x = self.features(result, charges)
        z = sum(c * v for c, v in zip(self.coefs, x, strict=True))
        rec = self.recommendation_point(result)
        if rec is not None:
            z = (1 - self.rec_weight) * z + self.rec_weight * rec
        return min(max(z, 0.0), L(MAX_FIXED_MONTHS))

    # -- fitting --------------------------------------------------------------------------------

    def fit(self, judgments: Sequence[Judgment], results: Sequence[EngineResult]) -> Calibrator:
        """Learn from decided cases (`results[i]` is the engine's output for `judgments[i]`)."""
        pairs = [
            (j, r) for j, r in zip(judgments, results, strict=True) if j.term is not None and j.term.fixed
        ]
        if not pairs:
            return self
        self._fit_point(pairs)
        self._fit_ranges(pairs)
        self.n_train = len(pairs)
        self.fitted = True
        return self

    def _fit_point(self, pairs: Sequence[tuple[Judgment, EngineResult]]) -> None:
        targets = [L(j.term.months) for j, _ in pairs]
        self.overall_log_median = _median(targets)
        groups: dict[tuple[str, object], list[float]] = defaultdict(list)
        case_groups = []
        for (j, _), z in zip(pairs, targets, strict=True):
            keys = {("charge", c) for c in j.accusation} | {
                ("class", statutory_class(c)) for c in j.accusation
            }
            case_groups.append(keys)
            for key in keys:
                groups[key].append(z)

        def install(exclude: float | None = None, keys: set = frozenset()) -> None:
            priors: dict[tuple[str, object], tuple[int, float]] = {}
            for key, values in groups.items():
                if key in keys:
                    values = list(values)
                    values.remove(exclude)
                if values:
                    priors[key] = (len(values), _median(values))
            self.charge_priors = {k[1]: v for k, v in priors.items() if k[0] == "charge"}
            self.class_priors = {k[1]: v for k, v in priors.items() if k[0] == "class"}

        # Fit the blend on leave-one-out priors so that a case never sees its own term.
        rows = []
        for (j, r), z, keys in zip(pairs, targets, case_groups, strict=True):
            install(z, keys)
            rows.append(self.features(r, j.accusation))
        install()
        self.coefs = tuple(fit_lad(rows, targets, PRIOR_COEFS, RIDGE))  # type: ignore[assignment]
        # Weight of the prosecutor's recommendation, on the cases that quote one.
        with_rec = [
            (sum(c * v for c, v in zip(self.coefs, x, strict=True)), self.recommendation_point(r), z)
            for (_, r), x, z in zip(pairs, rows, targets, strict=True)
            if self.recommendation_point(r) is not None
        ]
        if len(with_rec) >= MIN_REC_CASES:
            grid = [i / 10 for i in range(11)]
            losses = {
                w: sum(abs(z - (1 - w) * base - w * rec) for base, rec, z in with_rec)
                + MIN_REC_CASES * 0.05 * abs(w - PRIOR_REC_WEIGHT)  # mild pull toward the prior
                for w in grid
            }
            self.rec_weight = min(grid, key=lambda w: (losses[w], abs(w - PRIOR_REC_WEIGHT)))
        else:
            self.rec_weight = PRIOR_REC_WEIGHT

    def _fit_ranges(self, pairs: Sequence[tuple[Judgment, EngineResult]]) -> None:
        """Residual quantiles from inner cross-validation (out-of-fold, so not optimistic)."""
        indices = list(range(len(pairs)))
        random.Random(17).shuffle(indices)
        folds = min(INNER_FOLDS, len(pairs))
        residuals: list[float] = []
        rec_residuals: list[float] = []
        if folds >= 2:
            for k in range(folds):
                held = [pairs[i] for i in indices[k::folds]]
                train = [pairs[i] for i in indices if i not in set(indices[k::folds])]
                inner = Calibrator()
                inner._fit_point(train)
                for j, r in held:
                    residual = L(j.term.months) - inner.point(r, j.accusation)
                    residuals.append(residual)
                    if r.recommendation_months is not None:
                        rec_residuals.append(residual)
        if len(residuals) >= 5:
            self.residual_quantiles = (
                _quantile(residuals, RANGE_QUANTILES[0]),
                _quantile(residuals, RANGE_QUANTILES[1]),
            )
        if len(rec_residuals) >= 2 * MIN_REC_CASES:
            self.rec_residual_quantiles = (
                _quantile(rec_residuals, RANGE_QUANTILES[0]),
                _quantile(rec_residuals, RANGE_QUANTILES[1]),
            )
        else:
            self.rec_residual_quantiles = None

    # -- prediction -----------------------------------------------------------------------------

    def predict(self, result: EngineResult, charges: Sequence[str]) -> Prediction:
        calc = result.calculation
        if calc is not None and (calc.death_penalty or calc.life_imprisonment):
            return Prediction(
                months=0,
                low=calc.low,
                high=calc.high,
                death_penalty=calc.death_penalty,
                life_imprisonment=calc.life_imprisonment and not calc.death_penalty,
                raw_months=None,
                explanation=["death or life imprisonment from the calculator, not recalibrated"],
            )
        z = self.point(result, charges)
        quantiles = self.residual_quantiles
        if result.recommendation_months is not None and self.rec_residual_quantiles is not None:
            quantiles = self.rec_residual_quantiles
        months = customary_term(unL(z))
        low = int(math.floor(unL(z + quantiles[0])))
        high = int(math.ceil(unL(z + quantiles[1])))
        high = min(high, MAX_FIXED_MONTHS)  # art. 69: no fixed term runs longer
        low, high = min(low, months), max(high, months)
        explanation = [
            f"calculator {result.fixed_months if result.fixed_months is not None else '—'} months; "
            f"charge prior {unL(self.charge_prior(charges)):.1f} months; "
            "blend L = "
            + " + ".join(f"{c:.2f}·{name}" for c, name in zip(self.coefs, FEATURES, strict=True)),
        ]
        if result.recommendation_months is not None:
            explanation.append(
                f"prosecutor's recommendation ≈ {result.recommendation_months} months, weight {self.rec_weight:.1f}"
            )
        explanation.append(
            f"range from out-of-fold residual quantiles {quantiles[0]:+.2f} / {quantiles[1]:+.2f}"
        )
        return Prediction(
            months=months, low=low, high=high, raw_months=result.fixed_months, explanation=explanation
        )

    def to_dict(self) -> dict:
        return {
            "fitted": self.fitted,
            "n_train": self.n_train,
            "overall_median_months": round(unL(self.overall_log_median), 1),
            "coefs": {name: round(c, 4) for name, c in zip(FEATURES, self.coefs, strict=True)},
            "rec_weight": self.rec_weight,
            "residual_quantiles": [round(q, 4) for q in self.residual_quantiles],
            "rec_residual_quantiles": None
            if self.rec_residual_quantiles is None
            else [round(q, 4) for q in self.rec_residual_quantiles],
            "charges": len(self.charge_priors),
            "statutory_classes": len(self.class_priors),
        }
