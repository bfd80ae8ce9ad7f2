"""The engine's signed term error by the plea bucket's composition, on courts' real terms.

    LENIENCY_SHARED_DATA=/work/shared/data .venv/bin/python bench/plea_bucket.py [--sample 3]

On cail-term-dev.jsonl (the only dev file with a court's term), with the court's charges given and the engine's
prediction as bench/sentencing.py's "engine" column makes it (the calculator, held inside a quoted recommendation
the court is expected to adopt; no calibration), the fixed-term cases are grouped by what the plea bucket
(calculator_adjust.py, step 2; standards/method.yaml plea_bucket) holds:

- with 认罪认罚: the plea alone, or with 1, 2, 3+ of the circumstances it absorbs and that the facts state
  (自首, 坦白, 退赃退赔, 赔偿, 谅解, 赔偿并谅解 counted once, 刑事和解; the 坦白 a plea implies when neither 自首 nor 坦白
  is found and 当庭自愿认罪 are not counted);
- without one: none, 1, 2, 3+ of the same circumstances;

and by band of the court's term (<=6, 7-36, 37-120, >120). Each group prints n, the mean signed error
ln(1+pred) - ln(1+true) (positive: the engine is heavier than the court) with a percentile bootstrap 95%
interval (2,000 resamples, seed 0), and the mean absolute error. `--sample K` prints, for every plea group,
K cases with the circumstances read and the words each was read from, to check that a group is read right.

Figures (2026-12-06, E76, at b0cbf1e, 207 fixed-term truths of 209):

- No plea group has a member: none of the 209 texts says 认罪认罚, 认罚 or 具结 (the CAIL2018 judgments mostly predate
  the 2018 plea scheme; cail-charges-dev has none either, amounts-dev 5 of 240, without a term). The held-out cases
  come from the same source, so the plea bucket decides few if any of their terms.
- Without a plea: none 127 +0.275 [+0.117, +0.432] (|e| 0.658); 1 circumstance 69 +0.062 [-0.090, +0.228] (0.495);
  2: 10 +0.030 [-0.584, +0.692] (0.828); 3+: 1. Beside the cases without circumstances in the same band (a band
  chosen by the true term biases every group's signed error alike): 1 circumstance, <=6 -0.606 [-1.081, -0.037],
  7-36 -0.198 [-0.396, -0.011], 37-120 +0.234 [-0.244, +0.674], all -0.213 [-0.425, +0.010]; 2, 7-36 (n=4)
  -0.529 [-1.082, -0.114]. Opposite signs in the two lowest bands and an interval over 0 on all: no direction
  that a change of the additive composition would correct.
- Reading checked on `--sample 6`: the 13 cases printed state the circumstances read (投案, 如实供述, 赔偿, 谅解,
  退回被害单位, 和解协议); the 5 amounts-dev plea texts are read with their 坦白/退赔/谅解 and the plea.

The law's composition (2021 guiding opinions 三(14); 2019认罪认罚指导意见 第9条, via FACTS.md row 14 and §2): the plea
alone up to 30%; with 自首、重大坦白、退赃退赔、赔偿谅解、刑事和解 up to 60% (a minor crime more, or exemption); these are
not evaluated again beside the plea; a plea gives more than 坦白 alone, and with 自首/坦白 "comparatively more" within
the bracket. The text sets ceilings and forbids counting one fact twice; it names no composition inside the bucket,
so the general method of 二(三) (同向相加) applies to the distinct facts. The engine's bucket is that: each absorbed
circumstance once at its own default, plus the plea's own share for 认罚 (10% x stage), capped at 30%/60%, never below
what the circumstances give without a plea. It counts nothing twice and stays inside the ceilings, so it is not a
stronger composition than the law's; a weaker one (e.g. the largest share plus part of the rest) is not in the text.
Neither the law nor the dev figures support a change, and none was made.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.extraction_bands import BANDS, RESAMPLES, band, bootstrap  # noqa: E402
from leniency.sentencing.calculator_adjust import applicable_circumstances  # noqa: E402
from leniency.sentencing.calibrate_engine import engine_prediction, run_engine  # noqa: E402
from leniency.sentencing.corpus import read_judgments  # noqa: E402
from leniency.sentencing.devdata import shared_data_dir  # noqa: E402
from leniency.sentencing.metrics import LIFE_EQUIVALENT_MONTHS  # noqa: E402

# the circumstances the plea bucket absorbs and that a court states in the facts (method.yaml plea_bucket.absorbs,
# less 当庭自愿认罪, which a plea case nearly always has and which the bucket drops beside 坦白)
COUNTED = (
    "surrender",
    "confession",
    "restitution",
    "compensation",
    "forgiveness",
    "compensation_and_forgiveness",
    "reconciliation",
)
CIRCUMSTANCE_CODES = {
    "plea",
    "surrender",
    "confession",
    "restitution",
    "compensation",
    "forgiveness",
    "reconciliation",
}
GROUP_ORDER = (
    "plea alone",
    "plea + 1",
    "plea + 2",
    "plea + 3+",
    "no plea, none",
    "no plea, 1",
    "no plea, 2",
    "no plea, 3+",
)


def composition(rules: Sequence[str]) -> tuple[str, list[str]]:
    """The group name and the counted circumstances for one case's applied rule ids."""
    found = [r for r in rules if r in COUNTED]
    k = "3+" if len(found) >= 3 else str(len(found))
    if "plea" in rules:
        return ("plea alone" if not found else f"plea + {k}"), found
    return ("no plea, none" if not found else f"no plea, {k}"), found


def signed_error(true_months: int, pred) -> float:
    months = pred.months if not (pred.death_penalty or pred.life_imprisonment) else LIFE_EQUIVALENT_MONTHS
    return math.log(1 + months) - math.log(1 + true_months)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def interval(values: Sequence[float]) -> str:
    value, low, high = bootstrap(values, mean, seed=0)
    if value is None:
        return "—"
    if low is None or len(values) < 2:
        return f"{value:+.3f} (no interval)"
    mark = " *" if low > 0 or high < 0 else ""
    return f"{value:+.3f} [{low:+.3f}, {high:+.3f}]{mark}"


def difference(first: Sequence[float], second: Sequence[float]) -> str:
    """mean(first) - mean(second) with a percentile bootstrap 95% interval, each sample resampled on its own."""
    rng = random.Random(0)
    draws = sorted(
        mean([rng.choice(first) for _ in first]) - mean([rng.choice(second) for _ in second])
        for _ in range(RESAMPLES)
    )
    low, high = draws[int(0.025 * RESAMPLES)], draws[int(0.975 * RESAMPLES) - 1]
    mark = " *" if low > 0 or high < 0 else ""
    return f"{mean(first) - mean(second):+.3f} [{low:+.3f}, {high:+.3f}]{mark}"


def rows(data_dir: Path) -> list[dict]:
    gold, _ = read_judgments(data_dir / "cail-term-dev.jsonl", require_term=True)
    fixed = [j for j in gold if j.term.fixed]
    fallback = int(statistics.median(j.term.months for j in fixed))
    out = []
    for j in fixed:
        result = run_engine(j.fact, j.accusation, j.relevant_articles)
        pred = engine_prediction(result, fallback)
        applied = applicable_circumstances(result.facts)
        group, found = composition(applied.rules)
        bucket = [
            s.ratio
            for s in (result.calculation.steps if result.calculation else [])
            if s.rule_id == "circ.plea.bucket"
        ]
        out.append(
            {
                "judgment": j,
                "facts": result.facts,
                "group": group,
                "found": found,
                "band": band(j.term),
                "error": signed_error(j.term.months, pred),
                "pred": pred.months,
                "bucket": bucket[0] if bucket else None,
            }
        )
    return out


def report(table: list[dict]) -> None:
    print(
        "signed error ln(1+pred) - ln(1+true), mean [bootstrap 95%] (* : the interval excludes 0); |error| mean"
    )
    print(f"{'group':16} {'band':7} {'n':>3}  {'signed':34} {'|error|':>7}  bucket cut")
    for group in GROUP_ORDER:
        members = [r for r in table if r["group"] == group]
        if not members:
            print(f"{group:16} {'all':7} {0:>3}")
        for band_name in ("all",) + tuple(name for name, _, _ in BANDS):
            chosen = members if band_name == "all" else [r for r in members if r["band"] == band_name]
            if not chosen:
                continue
            errors = [r["error"] for r in chosen]
            cuts = [-r["bucket"] for r in chosen if r["bucket"] is not None]
            cut = f"{mean(cuts):.2f}" if cuts else ""
            print(
                f"{group:16} {band_name:7} {len(chosen):>3}  {interval(errors):34} "
                f"{mean([abs(e) for e in errors]):7.3f}  {cut}"
            )
    several = [r["error"] for r in table if r["group"] in ("plea + 2", "plea + 3+")]
    print(f"plea + 2 or more, all bands: n={len(several)} {interval(several)}")
    # a band is chosen by the true term, so any noisy predictor looks heavy in the low bands and light in the
    # high ones: a group's signed error says something only beside the cases without circumstances in its band
    print("difference from 'no plea, none' in the same band [bootstrap 95%]:")
    for group in GROUP_ORDER[:4] + GROUP_ORDER[5:]:
        for band_name in ("all",) + tuple(name for name, _, _ in BANDS):
            chosen, base = (
                [r["error"] for r in table if r["group"] == g and band_name in ("all", r["band"])]
                for g in (group, "no plea, none")
            )
            if len(chosen) >= 2 and len(base) >= 2:
                print(
                    f"  {group:16} {band_name:7} n={len(chosen):>3}/{len(base):>3}  {difference(chosen, base)}"
                )


def sample(table: list[dict], k: int) -> None:
    """K cases of each group with circumstances, each circumstance read with the words it was read from."""
    rng = random.Random(0)
    by_group = defaultdict(list)
    for r in table:
        by_group[r["group"]].append(r)
    for group in GROUP_ORDER:
        members = by_group.get(group, [])
        if group.endswith("none"):
            continue
        for r in rng.sample(members, min(k, len(members))):
            words = [
                f"{f.code}「{f.span.quote[:24] if f.span else '?'}」"
                for f in r["facts"].circumstances
                if str(f.code) in CIRCUMSTANCE_CODES
            ]
            j = r["judgment"]
            print(
                f"[{group}] true {j.term.months} pred {r['pred']} {'/'.join(j.accusation)}: {'; '.join(words)}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sample", type=int, default=0, help="print K cases of each group with circumstances"
    )
    args = parser.parse_args(argv)
    data_dir = shared_data_dir()
    if data_dir is None:
        print("no development data: ../shared/data is not beside this checkout (set LENIENCY_SHARED_DATA)")
        return 2
    table = rows(data_dir)
    report(table)
    if args.sample:
        sample(table, args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
