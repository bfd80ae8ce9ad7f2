"""Speed of the public portal's figures, charts, disclosure control and report, on the current database.

Prints: the time to compute the process figures (queries + suppression) per dimension, to draw the charts,
the disparity index with its bootstrap, the anonymiser per 1,000 characters, and one full report (HTML+PDF).
Run it on a demo database (`LENIENCY_VAR_DIR=... leniency demo` first):

    .venv/bin/python bench/portal.py [--period all] [--bootstrap 200]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("LENIENCY_DEBUG", "1")  # development settings (the demo database, derived keys)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")


def timed(label, fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"{label:<48} {time.perf_counter() - started:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", default="all")
    parser.add_argument("--bootstrap", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction

    from leniency.cases.models import Case
    from leniency.portal.anonymise import anonymise
    from leniency.portal.corpus_figures import disparity_figure
    from leniency.portal.figures import DIMENSIONS, compute
    from leniency.portal.periods import parse_period
    from leniency.portal.present import portal_figures
    from leniency.portal.reports import do_generate_report

    period = parse_period(args.period)
    for by in DIMENSIONS:
        figures = timed(f"process figures by {by} (no charts)", compute, period, by)
        print(f"{'':<4}suppressed cells: {sum(f.table.count() for f in figures if f.table)}")
    timed(
        "all figures by region with charts",
        portal_figures,
        period,
        "region",
        use_cache=False,
        bootstrap=args.bootstrap,
    )
    fig = timed(
        f"disparity index ({args.bootstrap} bootstrap samples)",
        disparity_figure,
        period,
        bootstrap=args.bootstrap,
    )
    for d in fig.extra.get("disparity", []):
        print(f"{'':<4}{d.crime}: {d.percent:.1f}% [{d.percent_low:.1f}, {d.percent_high:.1f}] N={d.n}")
    texts = [c.facts for c in Case.objects.exclude(facts="")[:50]]
    chars = sum(map(len, texts))
    anonymise("预热")  # jieba loads its dictionary once
    started = time.perf_counter()
    for t in texts:
        anonymise(t)
    if chars:
        print(
            f"{'anonymise per 1,000 characters':<48} {(time.perf_counter() - started) / chars * 1000:8.3f} s"
        )
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        settings.MEDIA_ROOT = tmp  # the report files go to the storage under MEDIA_ROOT
        code = "2026-Q3" if period.code == "all" else period.code
        timed(
            f"report {code} (HTML + PDF)",
            do_generate_report,
            code,
            out_dir=Path(tmp) / "out",
            bootstrap=args.bootstrap,
        )
        transaction.set_rollback(True)  # leave no report row behind


if __name__ == "__main__":
    main()
