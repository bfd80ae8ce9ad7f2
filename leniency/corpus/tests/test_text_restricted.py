"""Text scores only for the rows in contention give the same ranking and the same shown values as scoring
every row of the charge (issue 21 item 5)."""

import random

import numpy as np
import pytest

from leniency.corpus import search as search_module
from leniency.corpus.factors import KEY_MASK
from leniency.corpus.index import ChargeIndex, IdfTable, Row, query_terms
from leniency.corpus.search import Query, search
from leniency.corpus.similarity import charge_set_key

CHARS = "被告人于年月日在市区窃得被害人手机一部价值人民币元驾驶机动车血液酒精含量毫克故意伤害轻伤诈骗骗取"
THEFT = charge_set_key(["盗窃"])


def full_texts(index, idf, query, candidates):
    """The code before: every row of the index scored, relative to the best of them."""
    terms, weights = query_terms(query.text, idf)
    text = index.text_scores(terms, weights).astype(np.float64)
    return text / (text.max() or 1.0)


def every_row(rows, distance, k):
    """The code before: every row of a pool ranked."""
    return rows


def build(rows):
    table = IdfTable.fit(r.fact for r in rows)
    return ChargeIndex.build(rows, table.idf, 300.0), table.idf


def row(i, fact, amount, flags=0, charges=("盗窃",)):
    return Row(
        id=i,
        fact=fact,
        months=6,
        probation=False,
        amount=amount,
        injury="",
        drug_grams=None,
        flags=flags,
        region="110105",
        year=2020,
        charges=charges,
    )


def hits(result):
    return [(h.id, h.level, h.distance, h.text) for h in result.hits]


def test_text_breaks_a_tie_of_facts_and_only_that(monkeypatch):
    query_text = "被告人张某在超市窃得被害人李某的手机一部价值人民币五千元"
    rows = [
        row(1, "被告人王某驾驶机动车血液酒精含量超标", 5000.0),  # same amount, other words
        row(2, "被告人赵某在超市窃得被害人的手机一部价值人民币五千元", 5000.0),  # same amount, same words
        row(
            3, "被告人张某在超市窃得被害人李某的手机一部价值人民币五千元", 9000.0
        ),  # same words, further amount
        row(4, "故意伤害致人轻伤", 5000.0),
    ]
    index, idf = build(rows)
    query = Query(text=query_text, charge_set=THEFT, measures=("amount",), amount=5000.0)
    result = search([index], [idf], query, 2)
    assert result.hits[0].id == 2 and result.hits[1].id in (1, 4)
    assert result.hits[0].text > result.hits[1].text
    assert 3 not in [h.id for h in result.hits]  # the closest text does not beat a closer amount
    shown = hits(result)
    monkeypatch.setattr(search_module, "_texts", full_texts)
    monkeypatch.setattr(search_module, "_contention", every_row)
    assert hits(search([index], [idf], query, 2)) == shown
    # the best text of the charge (row 3, not shown) still sets the scale: row 2's score is below 1
    assert 0 < result.hits[0].text < 1


AMOUNTS = [None, 800.0, 1000.0, 1200.0, 1500.0, 2000.0, 2500.0, 3000.0, 4000.0, 5000.0, 7000.0]


def random_rows(rng, vocabulary, n, start):
    return [
        row(
            start + i,
            "".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 60))),
            rng.choice(AMOUNTS),
            flags=rng.choice([0, 0, 0, KEY_MASK & -KEY_MASK]),
            charges=rng.choice([("盗窃",), ("盗窃",), ("盗窃", "诈骗")]),
        )
        for i in range(n)
    ]


def words(rng, n):
    return [rng.choice(CHARS) + rng.choice(CHARS) for _ in range(n)]


@pytest.mark.parametrize("seed", range(12))
def test_random_queries_rank_and_score_as_scoring_every_row(seed, monkeypatch):
    rng = random.Random(seed)
    vocabulary = words(rng, 40)
    main_rows = random_rows(rng, vocabulary, rng.randint(1, 400), 1)
    other_rows = random_rows(rng, vocabulary, rng.randint(0, 60), 10_000)
    indexes, idfs = zip(*(build(rows) for rows in (main_rows, other_rows) if rows), strict=True)
    shown_text = 0
    for _ in range(15):
        query = Query(
            text="".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 40))),
            charge_set=THEFT,
            measures=rng.choice([(), ("amount",), ("amount",)]),
            amount=rng.choice(AMOUNTS[1:]),
            flags=rng.choice([0, KEY_MASK & -KEY_MASK]),
            exclude=frozenset(rng.sample(range(1, 50), 3)),
        )
        k = rng.choice([1, 2, 5, 10, 30])
        with monkeypatch.context() as m:
            m.setattr(search_module, "_texts", full_texts)
            m.setattr(search_module, "_contention", every_row)
            expected = search(list(indexes), list(idfs), query, k)
        got = search(list(indexes), list(idfs), query, k)
        assert hits(got) == hits(expected)  # same ids, same order, same text values (exactly)
        assert got.counts == expected.counts
        assert [m.tolist() for m in got.matched] == [m.tolist() for m in expected.matched]
        shown_text += sum(h.text > 0 for h in got.hits)
    assert shown_text > 0  # the queries share words with the judgments


@pytest.mark.parametrize("seed", range(8))
def test_scores_of_some_rows_and_the_best_are_those_of_scoring_every_row(seed):
    rng = random.Random(100 + seed)
    vocabulary = words(rng, 60)
    index, idf = build(random_rows(rng, vocabulary, rng.randint(1, 3000), 1))
    for _ in range(20):
        terms, weights = query_terms("".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 60))), idf)
        full = index.text_scores(terms, weights)
        rows = np.array(sorted(rng.sample(range(len(index)), rng.randint(0, len(index)))), dtype=np.int64)
        part = index.text_scores_of(terms, weights, rows)
        assert part.dtype == np.float32 and part.tobytes() == full[rows].tobytes()  # bit for bit
        assert index.text_max(terms, weights, part) == float(full.max())
        assert index.text_max(terms, weights, part[:0]) == float(full.max())
