"""Measuring the engine against decided cases: baselines, held-out and k-fold evaluation.

Four systems are scored with every metric of `metrics`:

- ``engine``: the calculator's own answer (its months and its [low, high]);
- ``engine+calibration``: the calculator corrected by the learned model (`model/`, the same model the
  server and `leniency sentencing train` use), fitted on the training part;
- ``overall median``: the median term of the training part, for every case (range: its 10th-90th
  percentiles);
- ``per-charge median``: the median term of the training cases sharing the case's charge (the heaviest
  over several charges), the overall median for an unseen charge; range likewise per charge when it has
  at least `MIN_CHARGE_RANGE` cases.

With a separate training file everything is fitted on it; with one file, k-fold cross-validation
fits on k−1 folds and predicts the held-out one, so no case is ever predicted by a model that saw it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from leniency.sentencing import metrics
from leniency.sentencing.calibrate_engine import EngineResult, engine_prediction, fold_assignment, run_all
from leniency.sentencing.corpus import Judgment, Term
from leniency.sentencing.model.evaluation import fit as fit_model
from leniency.sentencing.model.evaluation import predictions as model_predictions
from leniency.sentencing.prediction import Prediction

__all__ = [  # run_all, engine_prediction and fold_assignment live in calibrate_engine; callers import them here
    "MedianBaseline", "cross_validated_predictions", "engine_prediction", "fold_assignment", "format_table",
    "held_out_predictions", "run_all", "score",
]  # fmt: skip

SYSTEMS = ("engine", "engine+calibration", "overall median", "per-charge median")
MIN_CHARGE_RANGE = 5


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        raise ValueError("median of nothing")
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _quantile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between the order statistics (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    pos = q * (len(ordered) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


@dataclass
class MedianBaseline:
    overall: int = 12
    overall_range: tuple[int, int] = (0, 60)
    by_charge: dict[str, list[int]] = field(default_factory=dict)
    per_charge: bool = False

    def fit(self, judgments: Sequence[Judgment]) -> MedianBaseline:
        terms = [j.term.months for j in judgments if j.term is not None and j.term.fixed]
        if terms:
            self.overall = round(_median(terms))
            self.overall_range = (round(_quantile(terms, 0.1)), round(_quantile(terms, 0.9)))
        groups: dict[str, list[int]] = defaultdict(list)
        for j in judgments:
            if j.term is not None and j.term.fixed:
                for charge in set(j.accusation):
                    groups[charge].append(j.term.months)
        self.by_charge = dict(groups)
        return self

    def predict(self, charges: Sequence[str]) -> Prediction:
        if not self.per_charge:
            return Prediction(self.overall, *self.overall_range)
        known = [self.by_charge[c] for c in charges if c in self.by_charge]
        if not known:
            return Prediction(self.overall, *self.overall_range)
        terms = max(known, key=_median)
        months = round(_median(terms))
        if len(terms) >= MIN_CHARGE_RANGE:
            low, high = round(_quantile(terms, 0.1)), round(_quantile(terms, 0.9))
        else:
            low, high = min(self.overall_range[0], months), max(self.overall_range[1], months)
        return Prediction(months, low, high)


def _predict_part(
    train: Sequence[tuple[Judgment, EngineResult]], test: Sequence[tuple[Judgment, EngineResult]]
) -> dict[str, list[Prediction]]:
    model = fit_model([j for j, _ in train], [r for _, r in train])
    overall = MedianBaseline().fit([j for j, _ in train])
    per_charge = MedianBaseline(per_charge=True).fit([j for j, _ in train])
    return {
        "engine": [engine_prediction(r, overall.overall) for _, r in test],
        "engine+calibration": model_predictions(
            model, [j for j, _ in test], [r for _, r in test], overall.overall
        ),
        "overall median": [overall.predict(j.accusation) for j, _ in test],
        "per-charge median": [per_charge.predict(j.accusation) for j, _ in test],
    }


def cross_validated_predictions(
    judgments: Sequence[Judgment], results: Sequence[EngineResult], folds: int, seed: int = 0
) -> dict[str, list[Prediction]]:
    if folds < 2:
        raise ValueError("k-fold needs at least 2 folds")
    if len(judgments) < folds:
        raise ValueError(f"{len(judgments)} cases cannot be split into {folds} folds")
    pairs = list(zip(judgments, results, strict=True))
    assignment = fold_assignment(len(pairs), folds, seed)
    out: dict[str, list[Prediction | None]] = {name: [None] * len(pairs) for name in SYSTEMS}
    for k in range(folds):
        train = [p for p, f in zip(pairs, assignment, strict=True) if f != k]
        test_idx = [i for i, f in enumerate(assignment) if f == k]
        part = _predict_part(train, [pairs[i] for i in test_idx])
        for name, preds in part.items():
            for i, pred in zip(test_idx, preds, strict=True):
                out[name][i] = pred
    return out  # type: ignore[return-value]


def held_out_predictions(
    train: Sequence[Judgment],
    train_results: Sequence[EngineResult],
    test: Sequence[Judgment],
    test_results: Sequence[EngineResult],
) -> dict[str, list[Prediction]]:
    return _predict_part(
        list(zip(train, train_results, strict=True)), list(zip(test, test_results, strict=True))
    )


def score(judgments: Sequence[Judgment], predictions: dict[str, list[Prediction]]) -> dict[str, dict]:
    truths: list[Term] = [j.term for j in judgments]  # type: ignore[misc]
    return {
        name: metrics.evaluate(truths, [p.term for p in preds], [(p.low, p.high) for p in preds])
        for name, preds in predictions.items()
    }


METRIC_LABELS = {
    "mean_log_distance": "mean log distance (lower is better)",
    "cail_score": "CAIL2018 term score (0-100)",
    "within_25": "share within ±25%",
    "bin_accuracy": "11-bin accuracy",
    "bin_macro_f1": "11-bin macro-F1",
    "coverage": "range coverage",
    "mean_log_width": "range mean log width",
}


def format_table(scores: dict[str, dict]) -> str:
    """Metrics down, systems across."""
    names = list(scores)
    width = max(len(v) for v in METRIC_LABELS.values()) + 2
    header = "metric".ljust(width) + "".join(n.rjust(20) for n in names)
    lines = [header, "-" * len(header)]
    for key, label in METRIC_LABELS.items():
        cells = []
        for name in names:
            value = scores[name].get(key)
            if value is None:
                cells.append("—".rjust(20))
            elif key == "cail_score":
                cells.append(f"{value:.1f}".rjust(20))
            elif key in ("within_25", "bin_accuracy", "coverage"):
                cells.append(f"{100 * value:.1f}%".rjust(20))
            else:
                cells.append(f"{value:.3f}".rjust(20))
        lines.append(label.ljust(width) + "".join(cells))
    first = scores[names[0]]
    lines.append(f"N = {first['n']} cases ({first['n_fixed']} fixed-term; the others life or death)")
    return "\n".join(lines)
