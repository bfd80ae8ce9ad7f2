"""Accuracy metrics for predicted sentences (terms in months, `ln` the natural log).

Definitions (each function's docstring repeats its own):

- **mean log distance**: mean over fixed-term cases of |ln(y+1) − ln(ŷ+1)|.
- **CAIL2018 term score**: per case 1.0 / 0.8 / 0.6 / 0.4 / 0.2 / 0 for a log distance
  ≤0.2 / ≤0.4 / ≤0.6 / ≤0.8 / ≤1.0 / above; death and life score 1 only on an exact match
  (and a fixed term scores 0 against a death or life prediction); ×100, mean over all cases.
- **within ±25%**: share of all cases with |ŷ − y| ≤ 0.25·y (an exact match when y is 0; death and
  life count only on an exact match).
- **11-bin accuracy and macro-F1**, bins: death or life; >120; >84; >60; >36; >24; >12; >9; >6; >0; 0.
  Macro-F1 averages the per-bin F1 over the bins present in the truth or the predictions.
- **charge micro-F1**: over cases, 2·TP / (2·TP + FP + FN) of the sets of charges, each name mapped first to
  its name in force today (`catalogue.current_name`: an officially renamed charge is the same crime).
- **coverage** (ranges): share of fixed-term cases whose true term lies inside [low, high].
- **mean log width** (ranges): mean over fixed-term cases of ln(high+1) − ln(low+1).

Where the truth is a fixed term but the prediction is death or life, the log distance uses
`LIFE_EQUIVALENT_MONTHS` (300, the longest fixed term a combined sentence can reach, art. 69) for the
prediction, so that the mean stays defined and penalises the miss heavily.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from leniency.sentencing.catalogue import current_name
from leniency.sentencing.corpus import Term

LIFE_EQUIVALENT_MONTHS = 300
CAIL_STEPS = ((0.2, 1.0), (0.4, 0.8), (0.6, 0.6), (0.8, 0.4), (1.0, 0.2))
# (label, lower bound: term > bound), heaviest first; "death_life" and "0" are special.
BINS = ("death_life", ">120", ">84", ">60", ">36", ">24", ">12", ">9", ">6", ">0", "0")
_BIN_BOUNDS = (
    (">120", 120),
    (">84", 84),
    (">60", 60),
    (">36", 36),
    (">24", 24),
    (">12", 12),
    (">9", 9),
    (">6", 6),
    (">0", 0),
)


def _check(truths: Sequence, preds: Sequence) -> None:
    if len(truths) != len(preds):
        raise ValueError(f"{len(truths)} true terms but {len(preds)} predictions")


def _months_for_distance(term: Term) -> int:
    return term.months if term.fixed else LIFE_EQUIVALENT_MONTHS


def log_distance(truth: Term, pred: Term) -> float:
    """|ln(y+1) − ln(ŷ+1)| for a fixed-term truth (death/life predictions count as 300 months)."""
    if not truth.fixed:
        raise ValueError("log distance is defined for fixed-term truths only")
    return abs(math.log(truth.months + 1) - math.log(_months_for_distance(pred) + 1))


def mean_log_distance(truths: Sequence[Term], preds: Sequence[Term]) -> float | None:
    """Mean over fixed-term cases of |ln(y+1) − ln(ŷ+1)|; None when there is no fixed-term case."""
    _check(truths, preds)
    distances = [log_distance(t, p) for t, p in zip(truths, preds, strict=True) if t.fixed]
    return sum(distances) / len(distances) if distances else None


def cail_case_score(truth: Term, pred: Term) -> float:
    """One case's CAIL2018 term score in [0, 1]."""
    if truth.death_penalty:
        return 1.0 if pred.death_penalty else 0.0
    if truth.life_imprisonment:
        return 1.0 if (pred.life_imprisonment and not pred.death_penalty) else 0.0
    if not pred.fixed:
        return 0.0
    distance = log_distance(truth, pred)
    for bound, score in CAIL_STEPS:
        if distance <= bound + 1e-12:
            return score
    return 0.0


def cail_score(truths: Sequence[Term], preds: Sequence[Term]) -> float | None:
    """CAIL2018 term score: mean per-case score ×100 over all cases."""
    _check(truths, preds)
    if not truths:
        return None
    return 100.0 * sum(cail_case_score(t, p) for t, p in zip(truths, preds, strict=True)) / len(truths)


def within_25(truth: Term, pred: Term) -> bool:
    """|ŷ − y| ≤ 0.25·y (exact when y is 0); death and life only on an exact match."""
    if not truth.fixed:
        return cail_case_score(truth, pred) == 1.0
    if not pred.fixed:
        return False
    if truth.months == 0:
        return pred.months == 0
    return abs(pred.months - truth.months) <= 0.25 * truth.months + 1e-9


def share_within_25(truths: Sequence[Term], preds: Sequence[Term]) -> float | None:
    """Share of all cases whose prediction lies within ±25% of the true term."""
    _check(truths, preds)
    if not truths:
        return None
    return sum(within_25(t, p) for t, p in zip(truths, preds, strict=True)) / len(truths)


def term_bin(term: Term) -> str:
    """The 11-bin label: death_life, >120, >84, >60, >36, >24, >12, >9, >6, >0, 0."""
    if not term.fixed:
        return "death_life"
    for label, bound in _BIN_BOUNDS:
        if term.months > bound:
            return label
    return "0"


def bin_accuracy(truths: Sequence[Term], preds: Sequence[Term]) -> float | None:
    """Share of all cases whose prediction falls in the true term's bin."""
    _check(truths, preds)
    if not truths:
        return None
    return sum(term_bin(t) == term_bin(p) for t, p in zip(truths, preds, strict=True)) / len(truths)


def bin_macro_f1(truths: Sequence[Term], preds: Sequence[Term]) -> float | None:
    """Macro-F1 over the 11 bins, averaged over the bins present in the truth or the predictions.

    A bin's F1 is 2PR/(P+R), taken as 0 when it has no true positive.
    """
    _check(truths, preds)
    if not truths:
        return None
    true_bins = [term_bin(t) for t in truths]
    pred_bins = [term_bin(p) for p in preds]
    labels = [b for b in BINS if b in true_bins or b in pred_bins]
    scores = []
    for label in labels:
        tp = sum(1 for t, p in zip(true_bins, pred_bins, strict=True) if t == label and p == label)
        predicted = pred_bins.count(label)
        actual = true_bins.count(label)
        if tp == 0:
            scores.append(0.0)
            continue
        precision, recall = tp / predicted, tp / actual
        scores.append(2 * precision * recall / (precision + recall))
    return sum(scores) / len(scores)


def charge_micro_f1(pairs: Sequence[tuple[Iterable[str], Iterable[str]]]) -> float | None:
    """Micro-F1 of (true charges, predicted charges) pairs, after mapping both sides to the names in force today.

    A judgment is labelled with the charge name of its day; the SPC/SPP supplementary provisions on charge
    names (罪名补充规定) say an old name and its replacement are one crime, so 非法获取公民个人信息 predicted
    for a judgment labelled 侵犯公民个人信息 is right. None when there is no charge on either side.
    """
    tp = fp = fn = 0
    for gold, pred in pairs:
        truth = {current_name(c) for c in gold}
        guess = {current_name(c) for c in pred}
        tp += len(truth & guess)
        fp += len(guess - truth)
        fn += len(truth - guess)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None


def coverage(truths: Sequence[Term], ranges: Sequence[tuple[int, int]]) -> float | None:
    """Share of fixed-term cases whose true term lies inside [low, high] (inclusive)."""
    _check(truths, ranges)
    hits = [low <= t.months <= high for t, (low, high) in zip(truths, ranges, strict=True) if t.fixed]
    return sum(hits) / len(hits) if hits else None


def mean_log_width(truths: Sequence[Term], ranges: Sequence[tuple[int, int]]) -> float | None:
    """Mean over fixed-term cases of ln(high+1) − ln(low+1)."""
    _check(truths, ranges)
    widths = [
        math.log(high + 1) - math.log(low + 1)
        for t, (low, high) in zip(truths, ranges, strict=True)
        if t.fixed
    ]
    return sum(widths) / len(widths) if widths else None


METRIC_NAMES = (
    "mean_log_distance",
    "cail_score",
    "within_25",
    "bin_accuracy",
    "bin_macro_f1",
    "coverage",
    "mean_log_width",
)


def evaluate(
    truths: Sequence[Term], preds: Sequence[Term], ranges: Sequence[tuple[int, int]] | None = None
) -> dict[str, float | int | None]:
    """Every metric above in one dict (range metrics None without ranges), with n and n_fixed."""
    result: dict[str, float | int | None] = {
        "n": len(truths),
        "n_fixed": sum(t.fixed for t in truths),
        "mean_log_distance": mean_log_distance(truths, preds),
        "cail_score": cail_score(truths, preds),
        "within_25": share_within_25(truths, preds),
        "bin_accuracy": bin_accuracy(truths, preds),
        "bin_macro_f1": bin_macro_f1(truths, preds),
        "coverage": coverage(truths, ranges) if ranges is not None else None,
        "mean_log_width": mean_log_width(truths, ranges) if ranges is not None else None,
    }
    return result
