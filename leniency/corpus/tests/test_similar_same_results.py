"""The faster statistics and text scores give exactly what the code before gave (issue 21 item 5).

The code before is kept here as the reference: the band from the whole pool sorted as Python floats,
the percentiles from np.percentile, the text scores from one bincount over the concatenated postings.
"""

import math
import random
from decimal import Decimal

import numpy as np
import pytest

from leniency.corpus import similar
from leniency.corpus.factors import circumstance_flags
from leniency.corpus.index import ChargeIndex, IdfTable, Row, query_terms
from leniency.corpus.models import Judgment
from leniency.corpus.results import SimilarStats
from leniency.corpus.similar import find_similar
from leniency.corpus.similarity import CountedTerms, order_band
from leniency.sentencing.extract import extract

# -- the code before ----------------------------------------------------------------------------------


def band_before(months, coverage=0.8):
    values = sorted(float(m) for m in months)
    n = len(values)
    j = math.floor((n + 1) * (1 - coverage) / 2 + 1e-9)
    if j < 1:
        return None
    return values[j - 1], values[n - j], (n + 1 - 2 * j) / (n + 1)


def stats_before(indexes, matched):
    months = np.concatenate([index.months[rows] for index, rows in zip(indexes, matched, strict=True)])
    probation = np.concatenate([index.probation[rows] for index, rows in zip(indexes, matched, strict=True)])
    fixed = months[months >= 0].astype(float)
    if fixed.size < 5:
        return None
    p10, q1, median, q3, p90 = (round(float(x), 1) for x in np.percentile(fixed, [10, 25, 50, 75, 90]))
    band = band_before(fixed)
    return SimilarStats(
        n=int(fixed.size),
        median=median,
        q1=q1,
        q3=q3,
        p10=p10,
        p90=p90,
        probation_share=round(float(probation.mean()), 4),
        exempt_share=round(float((months == 0).mean()), 4),
        band_low=band[0] if band else None,
        band_high=band[1] if band else None,
        band_coverage=round(band[2], 4) if band else None,
    )


def text_scores_before(self, terms, weights):
    if terms.size == 0 or self.terms.size == 0:
        return np.zeros(len(self), dtype=np.float32)
    pos = np.minimum(np.searchsorted(self.terms, terms), self.terms.size - 1)
    found = self.terms[pos] == terms
    docs, values = [], []
    for p, qw in zip(pos[found], weights[found], strict=True):
        a, b = self.postings_ptr[p], self.postings_ptr[p + 1]
        docs.append(self.postings_doc[a:b])
        values.append(self.postings_w[a:b] * qw)
    if not docs:
        return np.zeros(len(self), dtype=np.float32)
    return np.bincount(np.concatenate(docs), weights=np.concatenate(values), minlength=len(self)).astype(
        np.float32
    )


# -- pools of terms -----------------------------------------------------------------------------------


def pool(rng, n):
    """Terms as the index holds them (int16 months; -1 for death or life), drawn from a few shapes."""
    shape = rng.choice(["few", "wide", "one", "skewed"])
    if shape == "few":
        values = rng.choice([0, 6, 7, 12], size=n)
    elif shape == "wide":
        values = rng.integers(0, 400, size=n)
    elif shape == "one":
        values = np.full(n, rng.integers(0, 60))
    else:
        values = np.minimum(rng.geometric(0.08, size=n), 300)
    values[rng.random(n) < 0.02] = -1
    return values.astype(np.int16)


@pytest.mark.parametrize("seed", range(6))
def test_counted_percentiles_and_band_are_numpys_and_the_sorted_pools_bit_for_bit(seed):
    rng = np.random.default_rng(seed)
    qs = [0, 1, 10, 25, 33.3, 50, 66.7, 75, 90, 99, 100]
    for n in [1, 2, 3, 4, 5, 8, 9, 10, 19, 20, 21, *rng.integers(22, 5000, size=60).tolist()]:
        terms = pool(rng, n)
        terms = terms[terms >= 0]
        if terms.size == 0:
            continue
        counted = CountedTerms(terms)
        expected = np.percentile(terms.astype(float), qs)
        assert counted.percentiles(qs).tobytes() == expected.tobytes()  # not approximately: the same bits
        for coverage in (0.5, 0.8, 0.9):
            assert counted.band(coverage) == band_before(terms, coverage)
            assert order_band(terms, coverage) == band_before(terms, coverage)


def test_counted_percentiles_are_numpys_for_every_pool_size_up_to_2000():
    """numpy counts back from the upper neighbour when the fraction is ≥ ½; the one-sided formula
    a + (b − a)·t differs from it in the last bit for two of these pools (sizes 2 to 1,999)."""
    rng = np.random.default_rng(21)
    for n in range(2, 2000):
        terms = rng.integers(0, 400, n).astype(np.int16)
        expected = np.percentile(terms.astype(float), [10, 25, 50, 75, 90])
        assert CountedTerms(terms).percentiles([10, 25, 50, 75, 90]).tobytes() == expected.tobytes(), n


def test_order_band_takes_any_numbers_as_the_sorted_list_did():
    rng = random.Random(5)
    for n in range(0, 60):
        terms = [rng.choice([3, 6.5, Decimal("7.25"), 12, 0]) for _ in range(n)]
        got = order_band(terms)
        assert got == band_before(terms)
        assert got is None or all(type(x) is float for x in got)
    assert order_band(x for x in range(20)) == band_before(range(20)) == (1.0, 18.0, 17 / 21)


def index_of(rng, n, start=1):
    vocabulary = [
        rng.choice("被告人窃得手机价值元驾驶酒精伤害诈骗")
        + rng.choice("被告人窃得手机价值元驾驶酒精伤害诈骗")
        for _ in range(30)
    ]
    rows = [
        Row(
            id=start + i,
            fact="".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 50))),
            months=rng.choice([-1, 0, 3, 6, 6, 7, 9, 12, 36]),
            probation=rng.random() < 0.3,
            amount=rng.choice([None, 1000.0, 5000.0]),
            injury="",
            drug_grams=None,
            flags=0,
            region="110105",
            year=2020,
            charges=("盗窃",),
        )
        for i in range(n)
    ]
    table = IdfTable.fit(r.fact for r in rows)
    return ChargeIndex.build(rows, table.idf, 40.0), table.idf, vocabulary


@pytest.mark.parametrize("seed", range(6))
def test_stats_of_matched_pools_are_those_of_the_code_before(seed):
    rng = random.Random(seed)
    indexes = [index_of(rng, rng.randint(1, 3000))[0], index_of(rng, rng.randint(0, 300), 10_000)[0]]
    said = 0
    for _ in range(30):
        matched = [
            np.array(sorted(rng.sample(range(len(i)), rng.randint(0, len(i)))), dtype=np.int64)
            for i in indexes
        ]
        got = similar._stats(indexes, matched)
        assert got == stats_before(indexes, matched)
        said += got is not None and got.band_low is not None
    assert said  # pools large enough for a band were compared


@pytest.mark.parametrize("seed", range(6))
def test_text_scores_are_those_of_the_code_before_bit_for_bit(seed):
    rng = random.Random(100 + seed)
    index, idf, vocabulary = index_of(rng, rng.randint(1, 4000))
    scored = 0
    for _ in range(20):
        terms, weights = query_terms("".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 40))), idf)
        got = index.text_scores(terms, weights)
        assert (
            got.dtype == np.float32 and got.tobytes() == text_scores_before(index, terms, weights).tobytes()
        )
        wide = weights.astype(np.float64)  # float64 query weights multiply in float64, as before
        assert index.text_scores(terms, wide).tobytes() == text_scores_before(index, terms, wide).tobytes()
        scored += bool(got.any())
    assert scored
    none = np.array([7], dtype=np.int64)  # a term no judgment has
    assert not index.text_scores(none, np.ones(1, np.float32)).any()


QUERY = "被告人张某在超市窃得被害人李某的手机一部，价值人民币5000元。到案后如实供述，系坦白。"


@pytest.mark.django_db
def test_find_similar_on_a_corpus_gives_what_the_code_before_gave(monkeypatch):
    rng = random.Random(11)
    flags = circumstance_flags(extract(QUERY, ["盗窃"]))
    words = ["超市", "商场", "手机", "钱包", "电动车", "窃得", "价值", "坦白", "自首", "被害人"]
    Judgment.objects.bulk_create(
        Judgment(
            content_hash=f"same-{i}",
            fact=f"被告人王某{i}在{''.join(rng.sample(words, 4))}，价值人民币{amount}元。",
            charges=["盗窃"],
            main_charge="盗窃",
            term_months=rng.choice([0, 3, 5, 6, 6, 7, 8, 10, 12, 15]),
            probation=rng.random() < 0.4,
            amount_yuan=amount,
            region_code="110105",
            year=2022,
            circumstances=flags if rng.random() < 0.8 else 0,
        )
        for i, amount in enumerate(rng.choice([3000, 4000, 5000, 6000, 7000, 20000]) for _ in range(400))
    )
    queries = [QUERY.replace("5000", str(a)) for a in (3500, 5000, 6500, 15000)]
    got = [find_similar(extract(q, ["盗窃"])).to_dict() for q in queries]
    monkeypatch.setattr(similar, "_stats", stats_before)
    monkeypatch.setattr(ChargeIndex, "text_scores", text_scores_before)
    similar.clear_cache()
    expected = [find_similar(extract(q, ["盗窃"])).to_dict() for q in queries]
    assert got == expected  # the same cases in the same order, scores, distances, statistics and band
    assert all(g["stats"] is not None and g["stats"]["band_low"] is not None for g in got[:3])
    assert len({g["stats"]["n"] for g in got}) > 1  # the queries drew different pools
