"""Where a charge without its own starting points starts: the guideline's own shares and the dev error.

    LENIENCY_SHARED_DATA=/work/shared/data .venv/bin/python bench/no_guideline_start.py

Part 1, the law's own data (no dev text read): for every tier of a crime the 2021 guideline or its 2024 supplement
gives starting points for (standards/crimes/*.yaml with a guideline document; FACTS §1.5), the midpoint of the
starting range (量刑起点幅度) as a share of the statutory bracket it lies in, measured as
calculator_baseline.bracket_baseline places a no-guideline start: low + (high - low) * share, low the bracket's
prison floor, high its ceiling. Each distinct (crime, bracket, range) counts once; 危险驾驶 (拘役 alone, a pronounced
term rather than a starting point) and 15年以上 (no span) have no share. The brackets are grouped as the position
would be if each kind had its own position: 三年以下 (6-36 months), 五年以下 (6-60), 三年以上 (a floor of three years
or more), other (二年以下 and the like; the guideline has none).

Part 2, the dev error: on cail-term-dev.jsonl with the court's charges, the engine's prediction as
bench/sentencing.py's "engine" column makes it, the signed error ln(1+pred) - ln(1+true) (positive: heavier than
the court) and the absolute one, bootstrap 95% intervals (2,000 resamples, seed 0), for texts whose charges all have
their own standards against texts with a charge without them; the latter overall, where a position sets the start
(no amount places it inside the bracket, the bracket has a prison span), by the kind of that bracket, and by band
of the court's term. A band is chosen by the true term, so any noisy predictor looks heavy in the low bands and
light in the high ones: bands describe, they decide nothing.

Figures (2026-12-06, E78, at c3632fc; the 661 dev engine outputs are the same at bfe56a7; 207 fixed-term truths of 209).

Part 1, the share of the starting range's midpoint (of start_at, the point the engine uses, in brackets):

    三年以下 n=19 median 0.000 (0.067), quartiles 0.000-0.100, range 0.000-0.400; ✅/⚠️ tiers n=11 0.000
        (一年以下 in 14 crimes -> 0.000; 二年以下 in 故意伤害 交通肇事 妨害公务 聚众斗殴 -> 0.200; 毒品 少量 -> 0.400)
    五年以下 n=6 median 0.111 (0.074), quartiles 0.111-0.194, range 0.000-0.333; ✅/⚠️ n=2 0.222
        (开设赌场 0.000; 信用卡诈骗 非法经营 引诱容留介绍卖淫 0.111; 寻衅滋事 0.222; 猥亵儿童 0.333)
    三年以上 n=45 median 0.143 (0.000), quartiles 0.100-0.200, range 0.050-0.500; ✅/⚠️ n=24 0.165

Every kind lies below the first commit's 0.25, and the kinds differ.

Part 2, before the change (all positions 0.25), signed [95%] and |e|:

    all charges with standards   n= 72  -0.029 [-0.146, +0.095]  |e| 0.385
    a charge without standards   n=135  +0.311 [+0.156, +0.482]  |e| 0.730
      a position sets the start  n=107  +0.301 [+0.122, +0.493]  |e| 0.754
        三年以下                  n= 72  +0.220 [-0.004, +0.442]  |e| 0.743
        五年以下                  n= 17  +0.821 [+0.303, +1.373]  |e| 0.978
        三年以上                  n= 13  +0.337 [+0.113, +0.543]  |e| 0.446
        other                    n=  5  -0.390 [-1.230, +0.559]  |e| 0.945
    by band, a charge without standards: <=6 n=35 +1.411 [+1.111, +1.747]; 7-36 n=72 -0.028 [-0.149, +0.098];
      37-120 n=23 -0.136 [-0.503, +0.212]; >120 n=5 -0.435 [-1.065, +0.004]

Decision: no change. E78 first set all three kinds to their derived shares; 三年以下, the largest group, then swung
to -0.372 [-0.592, -0.149] with a larger |e|, so the derived share is not where a no-guideline baseline lies: a
guideline crime's start is a lower bound on its baseline, which adds increments for amount, count and the like on top
of it (二(二)), and a no-guideline charge has only the start. E78 then kept the two kinds whose own before-figures
excluded zero (五年以下 1/9, 三年以上 1/7: engine 0.610 -> 0.591, every band inside its interval), a rule chosen after
seeing the after-figures, which put a 五年以下 start (12 months) below a 三年以下 one (13.5) against the statute's order.
The lead reverted it (dev figures chose it, the law did not). What the figures do say: the error of the charges
without standards is in the <=6 band (+1.411, n=35), mostly true terms of 0 (a fine alone, an exemption) that no
start position reaches; it stays open for the outcome rules (calculator_outcome), not the start.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.extraction_bands import BANDS, band  # noqa: E402
from bench.plea_bucket import interval, signed_error  # noqa: E402
from leniency.sentencing import calculator  # noqa: E402
from leniency.sentencing.calibrate_engine import engine_prediction, run_engine  # noqa: E402
from leniency.sentencing.catalogue import Bracket, find_charge  # noqa: E402
from leniency.sentencing.corpus import read_judgments  # noqa: E402
from leniency.sentencing.devdata import shared_data_dir  # noqa: E402
from leniency.sentencing.standards import load_standard  # noqa: E402

KINDS = ("三年以下", "五年以下", "三年以上", "other")


def position_span(bracket: Bracket) -> tuple[int, int]:
    """The months a position is a share of, as bracket_baseline reads them: the prison floor to the ceiling."""
    low = bracket.imprisonment[0] if bracket.imprisonment else bracket.floor_months
    return low, bracket.ceiling_months


def bracket_kind(bracket: Bracket) -> str | None:
    """The bracket's kind by its prison span (三年以下 6-36 months, 五年以下 6-60, 三年以上 a floor of three years or
    more, else "other"), or None where a position sets no start (no prison span)."""
    low, high = position_span(bracket)
    if bracket.imprisonment is None or high <= low:
        return None
    if low >= 36:
        return "三年以上"
    return {(6, 36): "三年以下", (6, 60): "五年以下"}.get((low, high), "other")


@dataclass(frozen=True)
class GuidelineShare:
    crime: str
    tier: str
    kind: str
    mid_share: float
    start_at_share: float
    confidence: str


def guideline_shares() -> list[GuidelineShare]:
    """Each distinct (crime, bracket, starting range) of the guideline's crimes, as a share of its bracket."""
    standard = load_standard()
    seen, out = set(), []
    for crime in standard.crimes.values():
        info = find_charge(crime.charge)
        if not crime.from_guideline or info is None:
            continue
        for tier in crime.tiers:
            if tier.bracket is None or (crime.charge, tier.bracket, tier.start) in seen:
                continue
            seen.add((crime.charge, tier.bracket, tier.start))
            bracket = info.brackets[tier.bracket]
            kind = bracket_kind(bracket)
            if kind is None:
                continue
            low, high = position_span(bracket)
            mid = (tier.start[0] + tier.start[1]) / 2
            out.append(
                GuidelineShare(
                    crime=crime.charge,
                    tier=tier.id,
                    kind=kind,
                    mid_share=(mid - low) / (high - low),
                    start_at_share=(tier.start_at - low) / (high - low),
                    confidence=tier.confidence,
                )
            )
    return out


def describe(values: list[float]) -> str:
    if not values:
        return "n=0"
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
    return (
        f"n={len(values)} median {statistics.median(values):.3f}, quartiles {q[0]:.3f}-{q[2]:.3f}, "
        f"range {min(values):.3f}-{max(values):.3f}"
    )


def report_shares(shares: list[GuidelineShare]) -> None:
    print("Part 1: the guideline's starting-range midpoints as a share of the bracket (start_at in brackets)")
    for kind in KINDS:
        members = [s for s in shares if s.kind == kind]
        if not members:
            print(f"  {kind:8} n=0")
            continue
        confirmed = [s.mid_share for s in members if s.confidence in ("high", "medium")]
        start_at = statistics.median([s.start_at_share for s in members])
        print(
            f"  {kind:8} {describe([s.mid_share for s in members])} ({start_at:.3f}); ✅/⚠️ {describe(confirmed)}"
        )
        for s in sorted(members, key=lambda s: s.mid_share):
            print(f"      {s.mid_share:.3f} {s.crime} {s.tier} ({s.confidence})")


@dataclass
class Start:
    """One no-guideline start the calculator made: the kind of its bracket and whether the position set it."""

    kind: str | None
    position_binds: bool


@contextmanager
def recording_starts() -> Iterator[list[Start]]:
    """Record every bracket_baseline call of calculate() (the charges without their own standards)."""
    original = calculator.bracket_baseline
    starts: list[Start] = []

    def recorded(info, facts, standard, trace):
        base = original(info, facts, standard, trace)
        bracket = info.brackets[base.bracket_index]
        kind = bracket_kind(bracket)
        low, high = position_span(bracket)
        # the general or kind position set the start, not an amount's own place in the bracket
        position = float(standard.method["no_guideline"]["position"])
        binds = kind is not None and abs(base.months - (low + (high - low) * position)) < 1e-6
        starts.append(Start(kind=kind, position_binds=binds))
        return base

    calculator.bracket_baseline = recorded
    try:
        yield starts
    finally:
        calculator.bracket_baseline = original


def dev_rows(data_dir: Path) -> list[dict]:
    gold, _ = read_judgments(data_dir / "cail-term-dev.jsonl", require_term=True)
    fixed = [j for j in gold if j.term.fixed]
    fallback = int(statistics.median(j.term.months for j in fixed))
    out = []
    for j in fixed:
        with recording_starts() as starts:
            result = run_engine(j.fact, j.accusation, j.relevant_articles)
        pred = engine_prediction(result, fallback)
        binding = [s.kind for s in starts if s.position_binds]
        out.append(
            {
                "judgment": j,
                "no_guideline": bool(starts),
                "binds": bool(binding),
                # several no-guideline charges: the highest kind the position set
                "kind": max(binding, key=KINDS.index) if binding else None,
                "band": band(j.term),
                "error": signed_error(j.term.months, pred),
                "pred": pred.months,
            }
        )
    return out


def line(name: str, chosen: list[dict]) -> None:
    errors = [r["error"] for r in chosen]
    if not errors:
        print(f"  {name:34} n=  0")
        return
    absolute = [abs(e) for e in errors]
    print(f"  {name:34} n={len(errors):>3}  signed {interval(errors):34} |e| {interval(absolute)}")


def report_dev(table: list[dict]) -> None:
    print("Part 2: signed error ln(1+pred) - ln(1+true), mean [bootstrap 95%] (*: excludes 0); |error|")
    groups = {
        "all charges with standards": [r for r in table if not r["no_guideline"]],
        "a charge without standards": [r for r in table if r["no_guideline"]],
        "  the position binds": [r for r in table if r["binds"]],
        "  amount-placed or no prison span": [r for r in table if r["no_guideline"] and not r["binds"]],
    }
    for name, chosen in groups.items():
        line(name, chosen)
        for band_name, _, _ in BANDS:
            line(f"    band {band_name}", [r for r in chosen if r["band"] == band_name])
    print("the position binds, by the triggered bracket:")
    for kind in KINDS:
        chosen = [r for r in table if r["kind"] == kind]
        line(kind, chosen)
        for band_name, _, _ in BANDS:
            line(f"    band {band_name}", [r for r in chosen if r["band"] == band_name])


def main(argv: list[str] | None = None) -> int:
    report_shares(guideline_shares())
    data_dir = shared_data_dir()
    if data_dir is None:
        print("no development data: ../shared/data is not beside this checkout (set LENIENCY_SHARED_DATA)")
        return 2
    report_dev(dev_rows(data_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
