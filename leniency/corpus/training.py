"""Training the learned model on the judgments in the database (`leniency sentencing train`)."""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np
from django.conf import settings

from leniency.corpus.artefacts import publish
from leniency.corpus.models import Artefact, Judgment
from leniency.corpus.recommend import model_dir
from leniency.sentencing.model.artifact import fingerprint, new_version, save_model
from leniency.sentencing.model.estimator import SPLIT_CONFORMAL_FROM, SentencingModel, train
from leniency.sentencing.model.features import CaseRecord, L

# on_progress(done, total, what): what is "records" (judgments read) or "fits" (models fitted)
OnProgress = Callable[[int, int, str], None]
PROGRESS_EVERY = 1000


@dataclass
class Rows:
    """Which judgments the model saw: `per_charge` maps each charge (a judgment's first-named one) to the rows
    of it the model was trained on and those the database holds."""

    cap: int
    read: int = 0
    per_charge: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def used(self) -> int:
        return sum(used for used, _ in self.per_charge.values())

    @property
    def sampled(self) -> bool:
        return self.used < self.read

    def describe(self) -> dict:
        return {
            "cap": self.cap,
            "read": self.read,
            "used": self.used,
            "sampled": self.sampled,
            "per_charge": {c: {"used": u, "of": n} for c, (u, n) in sorted(self.per_charge.items())},
        }


def sample_plan(counts: dict[str, int], cap: int) -> dict[str, int]:
    """How many judgments of each charge to train on so that the total is min(cap, all): every charge with fewer
    than an even share keeps all its judgments; the larger ones get the same share (water-filling), the few rows
    left over going one each to the largest. Deterministic: ties are broken by the charge's name."""
    order = sorted(counts.items(), key=lambda item: (item[1], item[0]))
    plan, left = {}, cap
    for i, (charge, n) in enumerate(order):
        rest = len(order) - i
        share = left // rest
        if n <= share:
            plan[charge] = n
            left -= n
            continue
        extra = left - share * rest  # < rest: one more for each of the `extra` largest
        for j, (name, _) in enumerate(order[i:]):
            plan[name] = share + (1 if j >= rest - extra else 0)
        break
    return plan


def _stratum(charges) -> str:
    return charges[0] if charges else ""


def load_records(
    limit: int | None = None, *, synthetic: bool | None = None, on_progress: OnProgress | None = None
) -> tuple[list[CaseRecord], list[int]]:
    """`load_sample`'s records and terms (the benchmarks read them), at most settings.TRAIN_MAX_ROWS of them."""
    records, months, _ = load_sample(limit, synthetic=synthetic, on_progress=on_progress)
    return records, months


def load_sample(
    limit: int | None = None,
    *,
    synthetic: bool | None = None,
    on_progress: OnProgress | None = None,
    max_rows: int | None = None,
    seed: int = 0,
) -> tuple[list[CaseRecord], list[int], Rows]:
    """Fixed-term judgments as model records (from what the importer stored), in id order, and which were read.

    Memory bounded whatever the corpus size: at most `max_rows` (settings.TRAIN_MAX_ROWS) records are built, a
    sample stratified by charge (`sample_plan`), uniform within each charge and the same for the same seed and
    data. A first pass counts the judgments per charge (ids and charges only), the second builds the records of
    the chosen ones; judgments imported in between are left for the next training. Where the corpus is no larger
    than the cap, every judgment is used, in id order, as before there was a cap."""
    if max_rows is None:
        max_rows = settings.TRAIN_MAX_ROWS
    judgments = Judgment.objects.filter(term_months__isnull=False).order_by("id")
    if synthetic is not None:
        judgments = judgments.filter(synthetic=synthetic)
    counts: Counter[str] = Counter()
    last_id = 0
    first = judgments[:limit] if limit else judgments
    for pk, charges in first.values_list("id", "charges").iterator(chunk_size=20_000):
        counts[_stratum(charges)] += 1
        last_id = pk
    total = sum(counts.values())
    rows = Rows(cap=max_rows, read=total)
    plan = sample_plan(counts, max_rows)
    chosen = None  # every judgment, or per charge the sorted positions (among its judgments) kept
    if total > max_rows:
        rng = np.random.default_rng(seed)
        chosen = {
            c: np.sort(rng.choice(counts[c], plan[c], replace=False)) for c in sorted(counts) if plan[c]
        }
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    records, months = [], []
    read = 0
    # the same judgments as the first pass (ids only grow): not those imported since
    second = judgments.filter(id__lte=last_id).values_list("fact", "facts", "term_months", "charges")
    for fact, facts, term, charges in second.iterator(chunk_size=5000):
        if on_progress is not None and read % PROGRESS_EVERY == 0:
            on_progress(read, total, "records")
        read += 1
        stratum = _stratum(charges)
        position = seen[stratum]
        seen[stratum] += 1
        if chosen is not None:
            picks = chosen.get(stratum)
            if picks is None or kept[stratum] >= picks.size or picks[kept[stratum]] != position:
                continue
        kept[stratum] += 1
        stored = (facts or {}).get("_model") or {"charges": charges, "calc_months": None, "guideline": False}
        record = CaseRecord.from_dict(stored, fact)
        record.charges = list(charges) or record.charges
        records.append(record)
        months.append(int(term))
        if read >= total:
            break
    if on_progress is not None:
        on_progress(min(read, total), total, "records")
    rows.per_charge = {c: (kept[c], counts[c]) for c in counts}
    return records, months, rows


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
    """Train on the database's fixed-term judgments, at most settings.TRAIN_MAX_ROWS of them
    (LENIENCY_TRAIN_MAX_ROWS, 100,000 by default), so that training's memory and time stop growing with the corpus.

    Why a cap is enough: the only part of the model learned per charge is its prior, a median of log terms. The
    median of n cases is off by about 1.25·σ/√n; with σ ≈ 0.6 (log months, within a charge) and the 6,000 to 7,000
    judgments per frequent charge that 100,000 rows leave on a 26-charge corpus, that is ≈ 0.01, 1% of the term:
    under a month below eight years, finer than courts write terms. The rest (an 8-coefficient blend, a P0 model,
    small boosted trees that already learn from at most 200,000 cases, 16 text components fitted on 50,000 texts)
    is shared by all charges and needs no more. Above the cap the sample is stratified by charge (`sample_plan`):
    rare charges keep every judgment, the frequent ones the same share each, so a rare charge's prior is never
    thinned; the blend and the held-out interval are then fitted on that mix rather than on the corpus's (a
    frequent charge weighs less than in the corpus). The model's `params["rows"]` says which rows it saw.

    `on_progress` hears the judgments read, then the fits: the model itself and, on a small corpus, one per
    cross-validation fold."""
    err = err or sys.stderr
    records, months, rows = load_sample(limit, on_progress=on_progress, seed=seed)
    if not records:
        raise ValueError("the judgment database has no decided fixed-term case: import a corpus first")
    if rows.sampled:
        print(
            f"training on {rows.used} of {rows.read} judgments from the database: a sample stratified by charge,"
            f" at most {rows.cap} (LENIENCY_TRAIN_MAX_ROWS)",
            file=err,
        )
    else:
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
    model.params["rows"] = rows.describe()
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
