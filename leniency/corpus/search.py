"""Matching and ranking judgments against the case at hand (no Django).

Three pools, from close to loose:

0. **factors** (因素匹配): the same set of charges, the deciding quantities within their tolerances
   (`leniency.corpus.similarity`), the same injury grade, the same key circumstances. Only this pool
   gives statistics and deviation warnings.
1. **charge_set**: the same set of charges, other facts apart — context only (同罪名案件，仅供参考).
2. **charge**: judgments whose main charge is one of the case's, with another set of charges (数罪并罚
   on one side or the other) — context only.

Within a pool, judgments are ranked by the distance of their deciding facts (quantities on a log scale in
units of the tolerance, injury grades, key circumstances, victims); the BM25 text score only orders
judgments whose fact distance is the same to one decimal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from leniency.corpus.factors import KEY_MASK
from leniency.corpus.index import ChargeIndex, query_terms
from leniency.corpus.similarity import (
    AMOUNT_RATIO,
    BAC_BRACKETS,
    BAC_RATIO,
    DRUG_RATIO,
    DRUG_TIER_GRAMS,
    INJURY_GRADE_STEPS,
    MIN_STATS,
)

LEVELS = ("factors", "charge_set", "charge")
UNKNOWN_DISTANCE = 3.0  # a deciding fact the judgment lacks counts as three tolerances away
CIRCUMSTANCE_DISTANCE = 0.5  # per key circumstance present on one side only
VICTIMS_DISTANCE = 0.5  # a different number of victims
TIE_DECIMALS = 1  # fact distances equal to this many decimals are ordered by text


@dataclass
class Query:
    text: str
    charge_set: int  # similarity.charge_set_key of the case's charges
    measures: tuple[str, ...] = ()  # the deciding facts matched on: "amount", "drug", "injury"
    can_match: bool = True  # False when a deciding fact of the case is unknown: no factor match possible
    amount: float | None = None
    drug_grams: float | None = None
    bac: float | None = None
    injury_rank: int = -1
    victims: int | None = None
    flags: int = 0
    region: str | None = None
    years: tuple[int, int] | None = None
    exclude: frozenset[int] = field(default_factory=frozenset)  # judgment ids left out (leave-one-out)


@dataclass
class Hit:
    source: int  # which of the searched indexes
    row: int
    id: int
    level: int  # 0 factors, 1 charge set, 2 main charge only
    distance: float
    text: float  # BM25 relative to the best text score of its index (0–1)


@dataclass
class SearchResult:
    hits: list[Hit]
    matched: list[np.ndarray]  # per index, the rows of the factor-matched pool (what statistics describe)
    counts: tuple[int, int, int]  # judgments in each pool (factors, charge set only, main charge only)

    @property
    def n_matched(self) -> int:
        return self.counts[0]

    @property
    def level(self) -> int:
        """The loosest pool a shown judgment comes from (0 when every one matched on the facts)."""
        return max((h.level for h in self.hits), default=0)


def _ratio(values: np.ndarray, q: float) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.maximum(values, q) / np.minimum(values, q)
    return np.where(values > 0, r, np.inf)


def _tier(values: np.ndarray) -> np.ndarray:
    tiers = np.zeros(values.shape, dtype=np.int8)
    for t in DRUG_TIER_GRAMS:
        tiers += values >= t
    return tiers


def _bac_bracket(values: np.ndarray) -> np.ndarray:
    return (values >= BAC_BRACKETS[0]).astype(np.int8) + (values > BAC_BRACKETS[1])


def _scope(index: ChargeIndex, query: Query) -> np.ndarray:
    m = np.ones(len(index), dtype=bool)
    if query.region:
        digits = "".join(c for c in query.region if c.isdigit())[:6]
        if digits:
            scale = 10 ** (6 - len(digits))
            m &= (index.region // scale) == int(digits)
    if query.years:
        m &= (index.year >= query.years[0]) & (index.year <= query.years[1])
    if query.exclude:
        m &= ~np.isin(index.ids, np.fromiter(query.exclude, dtype=np.int64))
    return m


def factor_mask(index: ChargeIndex, query: Query) -> np.ndarray:
    """Rows whose deciding facts are all within tolerance of the case's (ignoring the charge set)."""
    if not query.can_match:
        return np.zeros(len(index), dtype=bool)
    m = np.ones(len(index), dtype=bool)
    if "amount" in query.measures:
        m &= _ratio(index.amount, query.amount) <= AMOUNT_RATIO
    if "drug" in query.measures:
        drug = index.drug.astype(np.float64)
        m &= (_ratio(drug, query.drug_grams) <= DRUG_RATIO) & (
            _tier(drug) == _tier(np.array(query.drug_grams))
        )
    if "bac" in query.measures:
        bac = index.bac.astype(np.float64)
        m &= (_ratio(bac, query.bac) <= BAC_RATIO) & (_bac_bracket(bac) == _bac_bracket(np.array(query.bac)))
    if "injury" in query.measures:
        m &= (index.injury >= 0) & (
            np.abs(index.injury.astype(np.int16) - query.injury_rank) <= INJURY_GRADE_STEPS
        )
    m &= (index.flags & KEY_MASK) == (query.flags & KEY_MASK)
    return m


def fact_distance(index: ChargeIndex, query: Query) -> np.ndarray:
    d = np.zeros(len(index), dtype=np.float64)
    if "amount" in query.measures and query.amount:
        r = _ratio(index.amount, query.amount)
        d += np.where(np.isfinite(r), np.log(r) / math.log(AMOUNT_RATIO), UNKNOWN_DISTANCE)
    if "drug" in query.measures and query.drug_grams:
        drug = index.drug.astype(np.float64)
        r = _ratio(drug, query.drug_grams)
        d += np.where(np.isfinite(r), np.log(r) / math.log(DRUG_RATIO), UNKNOWN_DISTANCE)
        d += _tier(drug) != _tier(np.array(query.drug_grams))
    if "bac" in query.measures and query.bac:
        bac = index.bac.astype(np.float64)
        r = _ratio(bac, query.bac)
        d += np.where(np.isfinite(r), np.log(r) / math.log(BAC_RATIO), UNKNOWN_DISTANCE)
        d += _bac_bracket(bac) != _bac_bracket(np.array(query.bac))
    if "injury" in query.measures and query.injury_rank >= 0:
        steps = np.abs(index.injury.astype(np.float64) - query.injury_rank)
        d += np.where(index.injury >= 0, steps, UNKNOWN_DISTANCE)
    if query.victims is not None:
        d += VICTIMS_DISTANCE * ((index.victims >= 0) & (index.victims != query.victims))
    differing = (index.flags ^ query.flags) & KEY_MASK
    d += CIRCUMSTANCE_DISTANCE * np.bitwise_count(differing)
    return d


def _ranked(rows: np.ndarray, distance: np.ndarray, text: np.ndarray, k: int) -> np.ndarray:
    """The k best of `rows`: by fact distance to TIE_DECIMALS, then by text (higher first)."""
    key = np.round(distance[rows] * 10**TIE_DECIMALS) - 0.5 * text[rows]  # text in [0, 1] only breaks ties
    if rows.size > k:
        top = np.argpartition(key, k - 1)[:k]
        rows, key = rows[top], key[top]
    return rows[np.argsort(key, kind="stable")]


def search(indexes: list[ChargeIndex], idfs: list[np.ndarray], query: Query, k: int) -> SearchResult:
    """The k closest judgments over the indexes of the case's charges (the first index is the main charge's).

    Judgments come from the factor-matched pool; only when it holds fewer than MIN_STATS are they filled up,
    up to k, from the same-charge-set pool and then from the main charge's other judgments.
    """
    pools: list[list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]] = [[], [], []]
    sizes = [0, 0, 0]
    matched: list[np.ndarray] = []
    for source, (index, idf) in enumerate(zip(indexes, idfs, strict=True)):
        if len(index) == 0:
            matched.append(np.zeros(0, dtype=np.int64))
            continue
        scope = _scope(index, query)
        same_set = scope & (index.charge_set == query.charge_set)
        factors = same_set & factor_mask(index, query)
        terms, weights = query_terms(query.text, idf)
        text = index.text_scores(terms, weights).astype(np.float64)
        text = text / (text.max() or 1.0)
        distance = fact_distance(index, query)
        masks = [factors, same_set & ~factors, (scope & ~same_set) if source == 0 else None]
        matched.append(np.flatnonzero(factors))
        for level, mask in enumerate(masks):
            if mask is not None and mask.any():
                sizes[level] += int(mask.sum())
                pools[level].append(
                    (source, _ranked(np.flatnonzero(mask), distance, text, k), distance, text)
                )
    counts = (sizes[0], sizes[1], sizes[2])
    hits: list[Hit] = []
    for level, pool in enumerate(pools):
        if level > 0 and counts[0] >= MIN_STATS:
            break
        found = [
            Hit(source, int(r), int(indexes[source].ids[r]), level, float(distance[r]), float(text[r]))
            for source, rows, distance, text in pool
            for r in rows[:k]
        ]
        found.sort(key=lambda h: (round(h.distance * 10**TIE_DECIMALS), -h.text))
        hits.extend(found[: k - len(hits)])
        if len(hits) >= k:
            break
    return SearchResult(hits, matched, counts)
