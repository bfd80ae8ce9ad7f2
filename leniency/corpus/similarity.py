"""What "similar" means (类案的"相近"): the tolerances, the facts that decide a charge's sentence, the labels.

No Django. The tolerances are a prosecutor's, not fitted to any data set: two amounts (or drug quantities)
are close when the larger is at most ×1.5 the smaller — the width of a half step between the guidelines'
amount tiers; drug quantities must also lie in the same statutory tier (art. 347/348: 10 g and 50 g of
heroin or methamphetamine); injuries must be of the same grade; the key circumstances (自首, 累犯, 未遂 …)
must be the same. A label that says "相近" is written only within these tolerances, and states the
measured distance; a fact the case at hand lacks is said, not silently left out of the match.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

AMOUNT_RATIO = 1.5  # amounts within ×1.5 of each other are "相近"
DRUG_RATIO = 1.5  # drug quantities within ×1.5 …
DRUG_TIER_GRAMS = (10.0, 50.0)  # … and in the same statutory tier (heroin / methamphetamine, art. 347, 348)
INJURY_GRADE_STEPS = 0  # injuries must be of the same grade
BAC_RATIO = 1.5  # blood alcohol (mg/100 ml) within ×1.5 …
BAC_BRACKETS = (
    150.0,
    180.0,
)  # … and on the same side of the 2023 drunk-driving opinion's lines (art. 12, 13)
MIN_STATS = 5  # fewer factor-matched cases than this: no statistics, no similar-case warning
BAND_COVERAGE = 0.8  # the similar cases' band: order statistics covering a new case with probability ≥ 80%
MEASURES = ("amount", "drug", "injury", "bac")  # the facts the index can match on

MEASURE_MISSING_ZH = {
    "amount": "本案未识别出金额",
    "drug": "本案未识别出毒品数量",
    "injury": "本案未识别出伤情等级",
    "bac": "本案未识别出血液酒精含量",
}


def charge_set_key(charges: Iterable[str]) -> int:
    """One signed 64-bit number for a set of charges (order and repetitions do not matter); 0 for none."""
    names = sorted({c.strip() for c in charges if c and c.strip()})
    if not names:
        return 0
    digest = hashlib.blake2b("|".join(names).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True) or 1


def ratio(a: float, b: float) -> float:
    """How many times the larger is the smaller (≥ 1); inf when either is not positive."""
    if a is None or b is None or not (a > 0 and b > 0):
        return math.inf
    return max(a, b) / min(a, b)


def drug_tier(grams: float | None) -> int:
    """0 below 10 g, 1 from 10 g, 2 from 50 g; -1 without a quantity."""
    if grams is None or not grams > 0:
        return -1
    return sum(grams >= t for t in DRUG_TIER_GRAMS)


def amount_close(case: float | None, query: float | None) -> bool:
    return ratio(case, query) <= AMOUNT_RATIO


def drug_close(case: float | None, query: float | None) -> bool:
    return ratio(case, query) <= DRUG_RATIO and drug_tier(case) == drug_tier(query)


def bac_bracket(bac: float | None) -> int:
    """0 below 150 mg/100 ml, 1 from 150, 2 above 180; -1 without a measurement."""
    if bac is None or not bac > 0:
        return -1
    return int(bac >= BAC_BRACKETS[0]) + int(bac > BAC_BRACKETS[1])


def bac_close(case: float | None, query: float | None) -> bool:
    return ratio(case, query) <= BAC_RATIO and bac_bracket(case) == bac_bracket(query)


def injury_close(case_rank: int, query_rank: int) -> bool:
    return case_rank >= 0 and query_rank >= 0 and abs(case_rank - query_rank) <= INJURY_GRADE_STEPS


def charge_measure(charge: str) -> str | None:
    """What the charge's starting point is measured by in the standard ("amount", "drug", "injury", "bac",
    "none"), or None when the standard does not cover the charge."""
    from leniency.sentencing.standards import load_standard

    standard = load_standard()
    crime = standard.crime(charge)
    if crime is not None:
        return crime.measure
    if charge in ((standard.amount_brackets or {}).get("charges") or {}):
        return "amount"
    return None


def band_ranks(n: int, coverage: float = BAND_COVERAGE) -> tuple[int, int, float] | None:
    """The band of n terms as ranks counted from 0 in ascending order: (j − 1, n − j, nominal coverage), with
    j = ⌊(n+1)(1−c)/2⌋ and coverage (n+1−2j)/(n+1); None when n is too small for any band (n < 9 for 80%)."""
    j = math.floor((n + 1) * (1 - coverage) / 2 + 1e-9)
    if j < 1:
        return None
    return j - 1, n - j, (n + 1 - 2 * j) / (n + 1)


def order_band(
    months: Iterable[float] | np.ndarray, coverage: float = BAND_COVERAGE
) -> tuple[float, float, float] | None:
    """(low, high, nominal coverage) from the j-th smallest to the j-th largest of n terms, j = ⌊(n+1)(1−c)/2⌋.

    For a new case exchangeable with the n, the chance that it falls inside is at least (n+1−2j)/(n+1) ≥ c
    (distribution-free). None when n is too small for any such band (n < 9 for 80%).

    Only the two order statistics are selected (np.partition, linear time), not the whole pool sorted: a
    pool of 150,000 matched judgments cost 40 ms sorted as Python floats (issue 21 item 5).
    """
    if isinstance(months, np.ndarray):
        values = months.astype(np.float64, copy=True).ravel()
    else:
        values = np.fromiter((float(m) for m in months), dtype=np.float64)
    ranks = band_ranks(values.size, coverage)
    if ranks is None:
        return None
    low, high, nominal = ranks
    values.partition((low, high))
    return float(values[low]), float(values[high]), nominal


class CountedTerms:
    """Terms in whole months (non-negative integers), held sorted as a running count per month: an order
    statistic is one binary search over the months' range, so the statistics of a pool of any size cost one
    bincount over it, not a sort or a selection (issue 21 item 5). Every figure equals that of the sorted
    terms exactly: `order_band`'s band, and `np.percentile`'s default (linear) percentiles."""

    def __init__(self, months: np.ndarray):
        self.cumulative = np.cumsum(np.bincount(months))
        self.n = int(self.cumulative[-1]) if self.cumulative.size else 0

    def at(self, ranks) -> np.ndarray:
        """The terms at these ranks (from 0, ascending) of the sorted terms, as float64."""
        return np.searchsorted(self.cumulative, ranks, side="right").astype(np.float64)

    def band(self, coverage: float = BAND_COVERAGE) -> tuple[float, float, float] | None:
        """`order_band` of the terms."""
        ranks = band_ranks(self.n, coverage)
        if ranks is None:
            return None
        low, high = self.at([ranks[0], ranks[1]])
        return float(low), float(high), ranks[2]

    def percentiles(self, q) -> np.ndarray:
        """`np.percentile(terms, q)` (method "linear"), step for step as numpy computes it: the virtual index
        (n − 1)·q/100, its floor and the next rank (the last one at most), and numpy's interpolation, which
        counts back from the upper neighbour when the fraction is at least one half."""
        quantiles = np.true_divide(np.asarray(q, dtype=np.float64), 100)
        virtual = (self.n - 1) * quantiles
        previous = np.floor(virtual)
        above = virtual >= self.n - 1
        previous[above] = self.n - 1
        fraction = virtual - previous
        below = self.at(previous.astype(np.intp))
        upper = self.at(np.minimum(previous + 1, self.n - 1).astype(np.intp))
        step = upper - below
        return np.where(fraction >= 0.5, upper - step * (1 - fraction), below + step * fraction)


@dataclass(frozen=True)
class Reason:
    """One "why similar" statement with the numbers it rests on, so that it can be checked."""

    factor: str  # "charges", "amount", "drug", "injury", "victims", "circumstances", "text"
    close: bool  # True only within the factor's tolerance
    text: str  # Chinese, shown on the page
    case: float | None = None
    query: float | None = None
    distance: float | None = None  # ×ratio for quantities, grade steps for injuries

    def to_dict(self) -> dict:
        return {
            "factor": self.factor,
            "close": self.close,
            "text": self.text,
            "case": self.case,
            "query": self.query,
            "distance": self.distance,
        }


def amount_reason(case: float | None, query: float | None) -> Reason:
    if query is None:
        return Reason("amount", False, MEASURE_MISSING_ZH["amount"])
    if case is None or math.isnan(case):
        return Reason("amount", False, "该案未识别出金额", None, query)
    r = ratio(case, query)
    shown = f"{case:,.0f} 元（本案 {query:,.0f} 元，相差 ×{r:.2f}）"
    if r <= AMOUNT_RATIO:
        return Reason("amount", True, f"金额相近：{shown}", case, query, round(r, 4))
    return Reason("amount", False, f"金额相差较大：{shown}，超出 ×{AMOUNT_RATIO:g}", case, query, round(r, 4))


def drug_reason(case: float | None, query: float | None) -> Reason:
    if query is None:
        return Reason("drug", False, MEASURE_MISSING_ZH["drug"])
    if case is None or math.isnan(case):
        return Reason("drug", False, "该案未识别出毒品数量", None, query)
    r = ratio(case, query)
    shown = f"{case:g} 克（本案 {query:g} 克，相差 ×{r:.2f}）"
    if drug_close(case, query):
        return Reason("drug", True, f"毒品数量相近：{shown}，同一数量档", case, query, round(r, 4))
    why = "不在同一数量档" if drug_tier(case) != drug_tier(query) else f"超出 ×{DRUG_RATIO:g}"
    return Reason("drug", False, f"毒品数量不同：{shown}，{why}", case, query, round(r, 4))


def bac_reason(case: float | None, query: float | None) -> Reason:
    if query is None:
        return Reason("bac", False, MEASURE_MISSING_ZH["bac"])
    if case is None or math.isnan(case):
        return Reason("bac", False, "该案未识别出血液酒精含量", None, query)
    r = ratio(case, query)
    shown = f"{case:g} mg/100ml（本案 {query:g} mg/100ml，相差 ×{r:.2f}）"
    if bac_close(case, query):
        return Reason("bac", True, f"血液酒精含量相近：{shown}，同一档", case, query, round(r, 4))
    why = (
        "不在同一档（150、180 mg/100ml 为界）"
        if bac_bracket(case) != bac_bracket(query)
        else f"超出 ×{BAC_RATIO:g}"
    )
    return Reason("bac", False, f"血液酒精含量不同：{shown}，{why}", case, query, round(r, 4))


def injury_reason(case_rank: int, query_rank: int, names: tuple[str, ...], zh: dict) -> Reason:
    if query_rank < 0:
        return Reason("injury", False, MEASURE_MISSING_ZH["injury"])
    query_name = zh.get(names[query_rank], names[query_rank])
    if case_rank < 0:
        return Reason("injury", False, f"该案未识别出伤情等级（本案 {query_name}）", None, query_rank)
    case_name = zh.get(names[case_rank], names[case_rank])
    steps = abs(case_rank - query_rank)
    if steps <= INJURY_GRADE_STEPS:
        return Reason("injury", True, f"伤情相同：{case_name}", case_rank, query_rank, steps)
    return Reason(
        "injury", False, f"伤情不同：{case_name}（本案 {query_name}）", case_rank, query_rank, steps
    )
