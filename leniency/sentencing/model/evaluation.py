"""The learned model on the command line: training from a CAIL2018 file, predictions, k-fold evaluation.

The one calibration of the calculator: used by `leniency sentencing train|recommend --train|predict
--train|evaluate` (leniency/sentencing/cli.py, through calibrate_eval for evaluate) and, as a saved
artifact, by the server (corpus app).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from leniency.sentencing import metrics
from leniency.sentencing.adoption import follow_recommendation
from leniency.sentencing.calibrate_engine import EngineResult, engine_prediction, fold_assignment, run_all
from leniency.sentencing.corpus import Judgment, read_judgments
from leniency.sentencing.model.artifact import fingerprint, new_version
from leniency.sentencing.model.estimator import SentencingModel, train
from leniency.sentencing.model.features import CaseRecord, record_of
from leniency.sentencing.prediction import Prediction


def records_of(results: Sequence[EngineResult], judgments: Sequence[Judgment]) -> list[CaseRecord]:
    out = []
    for j, r in zip(judgments, results, strict=True):
        if r.facts is not None:
            record = record_of(r.facts, r.calculation)
        else:
            record = CaseRecord(text=j.fact, charges=list(j.accusation), calc_months=None, guideline=False)
        record.charges = list(j.accusation) or record.charges
        out.append(record)
    return out


def fit(judgments: Sequence[Judgment], results: Sequence[EngineResult], *, seed: int = 0) -> SentencingModel:
    pairs = [
        (j, rec)
        for j, rec in zip(judgments, records_of(results, judgments), strict=True)
        if j.term is not None and j.term.fixed
    ]
    if not pairs:
        raise ValueError("no decided fixed-term case to train on")
    model = train([rec for _, rec in pairs], [j.term.months for j, _ in pairs], seed=seed)
    model.fingerprint = fingerprint((j.fact, j.term.months) for j, _ in pairs)
    model.version = new_version(model.fingerprint)
    return model


def predictions(
    model: SentencingModel, judgments: Sequence[Judgment], results: Sequence[EngineResult], fallback: int = 12
) -> list[Prediction]:
    """The model's answer per case; death and life from the calculator pass through unchanged. Either is held
    inside a quoted recommendation the court is expected to adopt in a plea case (CPL art. 201, `adoption`)."""
    records = records_of(results, judgments)
    predicted = model.predict_records(records)
    out = []
    for r, p in zip(results, predicted, strict=True):
        calc = r.calculation
        if calc is not None and (calc.death_penalty or calc.life_imprisonment):
            out.append(engine_prediction(r, fallback))
        else:
            out.append(
                follow_recommendation(
                    Prediction(
                        p.months,
                        p.low,
                        p.high,
                        raw_months=r.fixed_months,
                        explanation=[f"model {model.version}: 80% interval {p.low}–{p.high} months"],
                    ),
                    r.facts,
                )
            )
    return out


def predict_result(
    model: SentencingModel, result: EngineResult, fact: str, charges: Sequence[str], fallback: int = 12
) -> Prediction:
    """The model's answer for one case the engine ran on (`recommend --train`)."""
    return predictions(model, [Judgment(fact=fact, accusation=list(charges))], [result], fallback)[0]


def cross_validated(
    judgments: Sequence[Judgment], results: Sequence[EngineResult], folds: int, seed: int = 0
) -> list[Prediction]:
    """k-fold: each case predicted by a model fitted on the other folds (the same folds as calibrate_eval)."""
    assignment = fold_assignment(len(judgments), folds, seed)
    out: list[Prediction | None] = [None] * len(judgments)
    for k in range(folds):
        train_idx = [i for i, f in enumerate(assignment) if f != k]
        test_idx = [i for i, f in enumerate(assignment) if f == k]
        model = fit([judgments[i] for i in train_idx], [results[i] for i in train_idx], seed=seed)
        preds = predictions(model, [judgments[i] for i in test_idx], [results[i] for i in test_idx])
        for i, p in zip(test_idx, preds, strict=True):
            out[i] = p
    return out  # type: ignore[return-value]


def train_file(path: str | Path, err: TextIO, *, folds: int = 5, seed: int = 0) -> SentencingModel:
    """Fit on a CAIL2018 file; the sidecar gets the k-fold metrics measured on that same file."""
    judgments, errors = read_judgments(path, require_term=True)
    for error in errors:
        print(f"{path}: {error} (skipped)", file=err)
    if not judgments:
        raise ValueError(f"{path}: no usable decided case to train on")
    results, _ = run_all(judgments)
    model = fit(judgments, results, seed=seed)
    if folds >= 2 and len(judgments) >= folds:
        cv = cross_validated(judgments, results, folds, seed)
        scores = metrics.evaluate(
            [j.term for j in judgments], [p.term for p in cv], [(p.low, p.high) for p in cv]
        )
        model.cv_metrics = {
            "how": f"{folds}-fold",
            "folds": folds,
            "seed": seed,
            "source": str(path),
            **scores,
        }
    return model
