"""Training the learned model on the judgments in the database (`leniency sentencing train`)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import numpy as np

from leniency.corpus.artefacts import publish
from leniency.corpus.models import Artefact, Judgment
from leniency.corpus.recommend import model_dir
from leniency.sentencing.model.artifact import fingerprint, new_version, save_model
from leniency.sentencing.model.estimator import SPLIT_CONFORMAL_FROM, SentencingModel, train
from leniency.sentencing.model.features import CaseRecord, L

# on_progress(done, total, what): what is "records" (judgments read) or "fits" (models fitted)
OnProgress = Callable[[int, int, str], None]
PROGRESS_EVERY = 1000


def load_records(
    limit: int | None = None, *, synthetic: bool | None = None, on_progress: OnProgress | None = None
) -> tuple[list[CaseRecord], list[int]]:
    """Fixed-term judgments as model records (from what the importer stored), in id order."""
    queryset = Judgment.objects.filter(term_months__isnull=False).order_by("id")
    if synthetic is not None:
        queryset = queryset.filter(synthetic=synthetic)
    if limit:
        queryset = queryset[:limit]
    total = queryset.count() if on_progress is not None else 0
    records, months = [], []
    for fact, facts, term, charges in queryset.values_list(
        "fact", "facts", "term_months", "charges"
    ).iterator(chunk_size=5000):
        if on_progress is not None and len(records) % PROGRESS_EVERY == 0:
            on_progress(len(records), total, "records")
        stored = (facts or {}).get("_model") or {"charges": charges, "calc_months": None, "guideline": False}
        record = CaseRecord.from_dict(stored, fact)
        record.charges = list(charges) or record.charges
        records.append(record)
        months.append(int(term))
    if on_progress is not None:
        on_progress(len(records), total, "records")
    return records, months


def cross_validate(
    records: list[CaseRecord],
    months: list[int],
    folds: int,
    seed: int,
    on_fold: Callable[[], None] | None = None,
) -> dict:
    n = len(records)
    assignment = np.random.default_rng(seed + 7).permutation(n) % folds
    y = np.array([L(m) for m in months])
    z = np.zeros(n)
    low = np.zeros(n)
    high = np.zeros(n)
    for k in range(folds):
        tr, te = np.flatnonzero(assignment != k), np.flatnonzero(assignment == k)
        model = train([records[i] for i in tr], [months[i] for i in tr], seed=seed)
        held = [records[i] for i in te]
        z[te] = model.points(held)
        low[te], high[te] = z[te] + model.quantiles[0], z[te] + model.quantiles[1]
        if on_fold is not None:
            on_fold()
    return {
        "how": f"{folds}-fold",
        "folds": folds,
        "n": n,
        "mean_log_distance": float(np.mean(np.abs(y - z))),
        "coverage": float(np.mean((y >= low - 1e-9) & (y <= high + 1e-9))),
    }


def train_from_database(
    *,
    folds: int = 5,
    seed: int = 0,
    limit: int | None = None,
    err: TextIO | None = None,
    on_progress: OnProgress | None = None,
) -> SentencingModel:
    """Train on the database's fixed-term judgments. `on_progress` hears the judgments read, then the fits: the
    model itself and, on a small corpus, one per cross-validation fold."""
    err = err or sys.stderr
    records, months = load_records(limit, on_progress=on_progress)
    if not records:
        raise ValueError("the judgment database has no decided fixed-term case: import a corpus first")
    print(f"training on {len(records)} judgments from the database", file=err)
    validate = len(records) <= SPLIT_CONFORMAL_FROM and folds >= 2 and len(records) >= 5 * folds
    fits, fitted = 1 + (folds if validate else 0), 0

    def fit_done():
        nonlocal fitted
        fitted += 1
        if on_progress is not None:
            on_progress(fitted, fits, "fits")

    if on_progress is not None:
        on_progress(0, fits, "fits")
    model = train(records, months, seed=seed)
    fit_done()
    model.fingerprint = fingerprint(zip((r.text for r in records), months, strict=True))
    model.version = new_version(model.fingerprint)
    if validate:
        model.cv_metrics = cross_validate(records, months, folds, seed, on_fold=fit_done)
    synthetic = Judgment.objects.filter(synthetic=True, term_months__isnull=False).count()
    model.params["synthetic_share"] = round(
        synthetic / max(Judgment.objects.filter(term_months__isnull=False).count(), 1), 4
    )
    return model


def publish_model(model: SentencingModel) -> Artefact:
    """Put a trained model into the file storage as the current version every app server answers with."""
    with tempfile.TemporaryDirectory() as tmp:
        save_model(model, tmp)
        return publish(Artefact.Kind.SENTENCING_MODEL, model.version, Path(tmp))


def train_for_cli(
    *, folds: int, seed: int, limit: int | None, err: TextIO, on_progress: OnProgress | None = None
) -> tuple[SentencingModel, Path]:
    """`leniency sentencing train` without --corpus: the model trained on the database, published to the file
    storage for every app server, and the local model directory (the engine's command line saves a copy there;
    leniency/cli.py passes this in)."""
    model = train_from_database(folds=folds, seed=seed, limit=limit, err=err, on_progress=on_progress)
    artefact = publish_model(model)
    print(f"published to the file storage as {artefact.files[0]['path'].rsplit('/', 1)[0]}/", file=err)
    return model, model_dir()
