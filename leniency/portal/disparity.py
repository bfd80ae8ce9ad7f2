"""Regional disparity index (pure numpy): how far the same crime's sentences differ between regions once
the facts the engine extracted are held fixed.

For one crime: ordinary least squares of log(term in months) on the facts (log of the calculator's term
for those facts, log amount, injury grade, each circumstance flag) plus one effect per region, coded
against the mean of the regions (sum-to-zero), so each effect reads "this region's sentences are x %
above or below the average region for the same facts". The index is the standard deviation of the
region effects (log points); `exp(index) - 1` is the typical region's distance from the average, in
percent. A bootstrap over judgments (resampled within region) gives a 95 % percentile interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Observation:
    region: str
    months: int
    calc_months: int | None = None
    amount: float | None = None
    injury_rank: int = -1
    flags: int = 0


@dataclass
class Disparity:
    crime: str
    n: int
    regions: list[str]
    effects: dict[str, float]  # log points against the average region
    index: float  # SD of the region effects (log points)
    low: float  # bootstrap 95 % interval of the index
    high: float
    covariates: list[str] = field(default_factory=list)
    excluded_regions: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100 * (math.exp(self.index) - 1)

    @property
    def percent_low(self) -> float:
        return 100 * (math.exp(self.low) - 1)

    @property
    def percent_high(self) -> float:
        return 100 * (math.exp(self.high) - 1)


def _design(obs: list[Observation], regions: list[str]) -> tuple[np.ndarray, list[str]]:
    columns: list[np.ndarray] = [np.ones(len(obs))]
    names = ["intercept"]
    calc = np.array([math.log(o.calc_months) if o.calc_months and o.calc_months > 0 else 0.0 for o in obs])
    has_calc = np.array([1.0 if o.calc_months and o.calc_months > 0 else 0.0 for o in obs])
    amount = np.array([math.log1p(o.amount) if o.amount else 0.0 for o in obs])
    injury = np.array([float(o.injury_rank + 1) for o in obs])
    for name, col in (
        ("log_calc_months", calc),
        ("has_calc", has_calc),
        ("log_amount", amount),
        ("injury", injury),
    ):
        if np.ptp(col) > 0:
            columns.append(col)
            names.append(name)
    bits = max((o.flags.bit_length() for o in obs), default=0)
    for b in range(bits):
        col = np.array([float(o.flags >> b & 1) for o in obs])
        if 0 < col.sum() < len(obs):
            columns.append(col)
            names.append(f"flag_{b}")
    # sum-to-zero region coding: the last region's effect is minus the sum of the others
    index = {r: k for k, r in enumerate(regions)}
    for k in range(len(regions) - 1):
        col = np.array(
            [
                1.0 if index[o.region] == k else (-1.0 if index[o.region] == len(regions) - 1 else 0.0)
                for o in obs
            ]
        )
        columns.append(col)
        names.append(f"region:{regions[k]}")
    return np.column_stack(columns), names


def _effects(x: np.ndarray, y: np.ndarray, n_regions: int) -> np.ndarray:
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    k = n_regions - 1
    head = coef[-k:] if k else np.array([])
    return np.append(head, -head.sum())


def region_disparity(
    crime: str,
    observations: list[Observation],
    *,
    min_per_region: int = 10,
    bootstrap: int = 200,
    seed: int = 7,
) -> Disparity | None:
    """The index for one crime, or None when fewer than two regions have `min_per_region` judgments."""
    obs = [o for o in observations if o.months and o.months > 0]
    counts: dict[str, int] = {}
    for o in obs:
        counts[o.region] = counts.get(o.region, 0) + 1
    regions = sorted(r for r, n in counts.items() if n >= min_per_region)
    excluded = sorted(r for r, n in counts.items() if n < min_per_region)
    if len(regions) < 2:
        return None
    obs = [o for o in obs if o.region in regions]
    x, names = _design(obs, regions)
    y = np.log(np.array([o.months for o in obs], dtype=float))
    effects = _effects(x, y, len(regions))
    index = float(np.std(effects))
    rng = np.random.default_rng(seed)
    members = [np.array([i for i, o in enumerate(obs) if o.region == r]) for r in regions]
    samples = []
    for _ in range(bootstrap):  # resample judgments within each region
        idx = np.concatenate([m[rng.integers(0, len(m), len(m))] for m in members])
        samples.append(float(np.std(_effects(x[idx], y[idx], len(regions)))))
    low, high = (
        (float(np.percentile(samples, 2.5)), float(np.percentile(samples, 97.5)))
        if samples
        else (index, index)
    )
    return Disparity(
        crime=crime,
        n=len(obs),
        regions=regions,
        effects=dict(zip(regions, map(float, effects), strict=True)),
        index=index,
        low=low,
        high=high,
        covariates=[n for n in names if n != "intercept" and not n.startswith("region:")],
        excluded_regions=excluded,
    )
