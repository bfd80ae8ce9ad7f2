"""Benchmark: the withdrawal-risk model and the withdrawal study on the demo district L区.

    .venv/bin/python bench/withdrawal_risk.py [--workdir /tmp/leniency-bench-study] [--seed 20190901] [--folds 5]

Migrates a fresh SQLite database in the workdir, creates a bare province and builds L区 (736 persons,
2019-09-01 to 2020-08-31) with the generator's known logistic model, then prints: the build time; the
early-warning model's cross-validated AUC, Brier score and reliability table (predicted vs observed by band);
the fitted coefficients beside the generator's true ones; and the time of the full study (tables, tests,
charts, model, HTML and PDF). Synthetic data: the figures say what the pipeline recovers, not how real
defendants behave.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/leniency-bench-study"))
    parser.add_argument("--seed", type=int, default=20190901)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    os.environ["LENIENCY_VAR_DIR"] = str(args.workdir / "var")
    os.environ["DATABASE_URL"] = f"sqlite:///{args.workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the demo database, derived keys)
    os.environ["DJANGO_SETTINGS_MODULE"] = "leniency.settings"
    import django

    django.setup()

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from leniency.accounts.models import Organisation, Region
    from leniency.demo.district import (
        END,
        KNOWN_EFFECTS,
        PROCURATORATE_NAME,
        START,
        TRUE_COEFFICIENTS,
        TRUE_INTERCEPT,
        build_district,
    )
    from leniency.study.analysis import run_study
    from leniency.study.report import write_report
    from leniency.study.risk import fit, training_rows

    province = Region.objects.create(name="示范省", level=Region.Level.PROVINCE, code="990000")
    started = time.perf_counter()
    counts = build_district(seed=args.seed, province=province)
    print(
        f"district: {counts['persons']} persons, {counts['pleaded']} pleaded, {counts['withdrawals']} withdrawals "
        f"in {time.perf_counter() - started:.1f} s"
    )
    org = Organisation.objects.get(name=PROCURATORATE_NAME)

    started = time.perf_counter()
    model = fit(training_rows(org), folds=args.folds)
    print(
        f"\nwithdrawal-risk model (logistic regression, {args.folds}-fold cross-validation, "
        f"{time.perf_counter() - started:.1f} s)"
    )
    print(f"  n={model['n']}  withdrawals={model['positives']}  base rate={model['base_rate']:.3f}")
    print(f"  AUC (cross-validated) = {model['auc_cv']:.3f}   Brier = {model['brier_cv']:.3f}")
    print("\n  calibration (out-of-fold)\n  band        n    predicted  observed")
    for b in model["calibration"]:
        print(f"  {b['band']:<10} {b['n']:>4}    {b['predicted']:>6.3f}    {b['observed']:>6.3f}")
    print(
        f"\n  coefficient                    fitted    true   (intercept fitted {model['intercept']:.2f}, "
        f"true {TRUE_INTERCEPT:.2f})"
    )
    for key, true in TRUE_COEFFICIENTS.items():
        mark = "  known effect" if key in KNOWN_EFFECTS else ""
        sign = "ok" if (model["coef"][key] > 0) == (true > 0) else "SIGN DIFFERS"
        print(f"  {key:<30} {model['coef'][key]:>6.2f}  {true:>6.2f}  {sign}{mark}")

    started = time.perf_counter()
    study = run_study(org, START, END)
    html, pdf = write_report(study, args.workdir / "report")
    print(
        f"\nstudy {START}..{END}: {time.perf_counter() - started:.1f} s in all "
        f"(figures, tests, charts and model {study.seconds:.1f} s; HTML {html.stat().st_size // 1024} KB, "
        f"PDF {pdf.stat().st_size // 1024} KB)"
    )
    for key in ("w_meeting", "w_letter", "w_kind", "w_gap"):
        t = study.table(key)
        rates = ", ".join(f"{r[0]} {r[3]} (n={r[1]})" for r in t.rows)
        print(f"  {t.title}: {rates}; {t.test.text if t.test else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
