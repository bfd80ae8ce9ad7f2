"""Benchmark: similar-case retrieval on real judgments, each case searched with itself left out.

    .venv/bin/python bench/similar.py [--input ../shared/data/cail-term-dev.jsonl] [--workdir /tmp/leniency-similar]
        [--folds 5] [--boots 2000] [--seed 0]

Imports the judgments (`corpus import`'s functions) into a fresh SQLite database in the workdir, then, for
every fixed-term judgment, runs the recommend API's path — `extract(fact, true charges)` → `recommend()`
(calculation, model, `find_similar` with the case itself excluded), the court's own term proposed —
and reports, with bootstrap 95% intervals over the cases:

- the prediction error (mean log distance |ln(1+p) − ln(1+t)|, share within ±25%) of the factor-matched
  similar cases' median, the median of whatever cases were shown, the per-charge median of the other
  judgments, the engine's calculation and the model (cross-fitted: trained on the other folds);
- label accuracy: the share of "相近"/"相同" labels whose judgment really is within the stated tolerance,
  re-measured from the stored judgment (not from the label);
- the warning band's coverage of the court's term, by source (similar cases' band / model interval);
- the false-warning rate: a deviation warning raised although the proposal is the court's own sentence.

The tolerances are fixed in leniency/corpus/similarity.py from what "similar" means to a prosecutor;
nothing here tunes them.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

BAND_KINDS = ("similar_band", "model_interval")
PREDICTORS = ("similar_matched", "similar_shown", "charge_median", "engine", "model")


@dataclass
class CaseResult:
    """What one held-out case gave."""

    judgment_id: int
    truth: int
    predictions: dict[str, float | None]
    band: dict | None  # the warning band shown (source, low, high)
    warning_kinds: list[str]  # warnings raised when the court's own term is proposed
    labels: list[tuple[str, bool]] = field(
        default_factory=list
    )  # ("amount", within tolerance) per "相近" label
    match_level: str = ""
    n_matched: int = 0


def check_labels(facts, similar) -> list[tuple[str, bool]]:
    """Every label that claims closeness, re-measured against the stored judgment: (factor, within tolerance)."""
    from leniency.corpus.factors import Factors, injury_rank
    from leniency.corpus.models import Judgment
    from leniency.corpus.similarity import amount_close, bac_close, drug_close, injury_close

    factors = Factors.of(facts)
    stored = Judgment.objects.in_bulk([c.judgment_id for c in similar.cases])
    checked = []
    for case in similar.cases:
        j = stored[case.judgment_id]
        for reason in case.reasons:
            if not reason["close"]:
                continue
            factor = reason["factor"]
            if factor == "amount":
                ok = amount_close(_num(j.amount_yuan), _num(factors.amount_yuan))
            elif factor == "drug":
                ok = drug_close(_num(j.drug_grams), factors.drug_grams)
            elif factor == "bac":
                ok = bac_close(_num((j.facts or {}).get("blood_alcohol")), _num(facts.blood_alcohol))
            elif factor == "injury":
                ok = injury_close(injury_rank(j.injury), injury_rank(factors.injury))
            elif factor == "victims":
                ok = (j.facts or {}).get("victims") == facts.victims and facts.victims is not None
            elif factor == "charges":
                ok = sorted(set(j.charges)) == sorted(set(facts.charges))
            else:
                continue  # shared circumstances: a statement of fact, not a tolerance
            checked.append((factor, bool(ok)))
    return checked


def _num(value) -> float | None:
    return None if value is None else float(value)


def evaluate_case(
    judgment, *, model=None, charge_months: dict[str, list[tuple[int, int]]] | None = None
) -> CaseResult:
    """One judgment searched with itself left out, through the recommend API's path."""
    from leniency.corpus.recommend import recommend
    from leniency.sentencing.extract import extract

    truth = int(judgment.term_months)
    facts = extract(judgment.fact, list(judgment.charges))
    rec = recommend(facts, proposed_months=truth, exclude={judgment.pk}, model=model)
    similar = rec.similar
    shown = [c.months for c in similar.cases if c.months >= 0]
    others = [m for pk, m in (charge_months or {}).get(judgment.main_charge, []) if pk != judgment.pk]
    calc = rec.calculation
    engine = (
        None if (calc.death_penalty or calc.life_imprisonment or calc.months is None) else float(calc.months)
    )
    return CaseResult(
        judgment_id=judgment.pk,
        truth=truth,
        predictions={
            "similar_matched": similar.stats.median if similar.stats is not None else None,
            "similar_shown": float(np.median(shown)) if shown else None,
            "charge_median": float(np.median(others)) if others else None,
            "engine": engine,
            "model": float(rec.months) if rec.interval is not None else None,
        },
        band=rec.warning_band,
        warning_kinds=[w.kind for w in rec.warnings],
        labels=check_labels(facts, similar),
        match_level=similar.match_level,
        n_matched=similar.n_filtered,
    )


# -- statistics -----------------------------------------------------------------------------------------


def case_scores(pred: float, truth: int) -> tuple[float, float, float]:
    """(log distance, within ±25%, CAIL score ×100) of one prediction, as leniency.sentencing.metrics defines them."""
    from leniency.sentencing.corpus import Term
    from leniency.sentencing.metrics import cail_case_score, log_distance, within_25

    t, p = Term(months=truth), Term(months=pred)
    return log_distance(t, p), float(within_25(t, p)), 100.0 * cail_case_score(t, p)


def bootstrap(values: list[float], boots: int, seed: int) -> tuple[float, float, float] | None:
    """(mean, 2.5th, 97.5th percentile of the resampled means); None for no values."""
    if not values:
        return None
    x = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, size=(boots, x.size))].mean(axis=1)
    return float(x.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def fmt(ci, pct: bool = False) -> str:
    if ci is None:
        return "—"
    mean, lo, hi = ci
    if pct:
        return f"{mean:.1%} [{lo:.1%}, {hi:.1%}]"
    return f"{mean:.3f} [{lo:.3f}, {hi:.3f}]"


def report(results: list[CaseResult], boots: int, seed: int) -> list[str]:
    lines = [
        f"{len(results)} held-out judgments (each searched with itself excluded); 95% bootstrap intervals"
    ]
    subsets = {
        "all cases": lambda r: True,
        "cases with factor-matched statistics": lambda r: r.predictions["similar_matched"] is not None,
    }
    for title, keep in subsets.items():
        chosen = [r for r in results if keep(r)]
        lines.append(f"\nprediction of the court's term — {title} (n = {len(chosen)}):")
        if not chosen:
            lines.append("  (none)")
            continue
        lines.append(
            f"  {'predictor':<16} {'n':>4}  {'mean log distance':<26} {'within ±25%':<26} CAIL score"
        )
        for name in PREDICTORS:
            scores = [
                case_scores(r.predictions[name], r.truth) for r in chosen if r.predictions[name] is not None
            ]
            dist, inside, cail = (bootstrap([s[i] for s in scores], boots, seed) for i in range(3))
            lines.append(
                f"  {name:<16} {len(scores):>4}  {fmt(dist):<26} {fmt(inside, pct=True):<26} "
                + (f"{cail[0]:.1f} [{cail[1]:.1f}, {cail[2]:.1f}]" if cail else "—")
            )
    labels = [ok for r in results for _, ok in r.labels]
    by_factor: dict[str, list[bool]] = {}
    for r in results:
        for factor, ok in r.labels:
            by_factor.setdefault(factor, []).append(ok)
    lines.append(
        f'\nlabel accuracy ("相近/相同" labels within their tolerance, re-measured): {fmt(bootstrap([float(x) for x in labels], boots, seed), pct=True)}'
        f" over {len(labels)} labels ("
        + ", ".join(f"{f}: {sum(v)}/{len(v)}" for f, v in sorted(by_factor.items()))
        + ")"
    )
    levels: dict[str, int] = {}
    for r in results:
        levels[r.match_level or "none"] = levels.get(r.match_level or "none", 0) + 1
    lines.append(
        "match level of the shown cases: "
        + ", ".join(f"{k}: {v}" for k, v in sorted(levels.items()))
        + f"; cases with ≥5 factor-matched judgments: {sum(r.predictions['similar_matched'] is not None for r in results)}"
    )
    lines.append("\nwarning band's coverage of the court's term (where shown):")
    for source in ("similar", "model"):
        inside = [
            float(r.band["low"] <= r.truth <= r.band["high"])
            for r in results
            if r.band and r.band["source"] == source
        ]
        lines.append(f"  {source:<8} n = {len(inside):>3}: {fmt(bootstrap(inside, boots, seed), pct=True)}")
    banded = [r for r in results if r.band is not None]
    false_band = bootstrap(
        [float(any(k in BAND_KINDS for k in r.warning_kinds)) for r in banded], boots, seed
    )
    calc = bootstrap([float("calculation" in r.warning_kinds) for r in results], boots, seed)
    anyw = bootstrap([float(bool(r.warning_kinds)) for r in results], boots, seed)
    lines.append("\nfalse warnings (the court's own term proposed):")
    lines.append(
        f"  band warning (similar cases' band or model interval), n = {len(banded)}: {fmt(false_band, pct=True)}"
    )
    lines.append(
        f"  calculation warning (±{_share():.0%} of the engine), n = {len(results)}: {fmt(calc, pct=True)}"
    )
    lines.append(f"  any warning, n = {len(results)}: {fmt(anyw, pct=True)}")
    return lines


def _share() -> float:
    from leniency.corpus.recommend import deviation_share

    return deviation_share()


# -- the run --------------------------------------------------------------------------------------------


def fold_models(folds: int, seed: int) -> dict[int, object]:
    """judgment id -> the model trained on the other folds (cross-fitting; a model per case would take hours)."""
    from leniency.corpus.models import Judgment
    from leniency.corpus.training import load_records
    from leniency.sentencing.model import train

    records, months = load_records()
    ids = list(Judgment.objects.filter(term_months__isnull=False).order_by("id").values_list("id", flat=True))
    assignment = np.random.default_rng(seed + 7).permutation(len(ids)) % folds
    by_id = {}
    for k in range(folds):
        train_at = np.flatnonzero(assignment != k)
        model = train([records[i] for i in train_at], [months[i] for i in train_at], seed=seed)
        for i in np.flatnonzero(assignment == k):
            by_id[ids[i]] = model
    return by_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--input", default=str(REPO_ROOT.parent / "shared" / "data" / "cail-term-dev.jsonl"))
    parser.add_argument("--workdir", default="/tmp/leniency-similar")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--boots", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-model", action="store_true", help="without the learned model (faster)")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        (workdir / f"bench.sqlite3{suffix}").unlink(missing_ok=True)
    from bench.corpus_import import setup_django

    setup_django(workdir, None)
    from django.core.management import call_command

    from leniency.corpus.importer import Options, import_file, summary
    from leniency.corpus.models import Judgment

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    run = import_file(args.input, Options(workers=0, progress=False))
    print(summary(run, max_errors=3))
    judgments = list(Judgment.objects.filter(term_months__isnull=False).order_by("id"))
    charge_months: dict[str, list[tuple[int, int]]] = {}
    for j in judgments:
        charge_months.setdefault(j.main_charge, []).append((j.pk, int(j.term_months)))
    models = {} if args.no_model else fold_models(args.folds, args.seed)
    print(
        f"set up in {time.perf_counter() - start:.0f} s; model: {'none' if args.no_model else f'{args.folds}-fold cross-fitted'}"
    )
    results = [evaluate_case(j, model=models.get(j.pk), charge_months=charge_months) for j in judgments]
    print("\n".join(report(results, args.boots, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
