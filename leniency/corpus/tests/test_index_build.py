"""The similar-case index is built a row at a time without keeping the judgments' texts (issue 21 item 5)."""

import random
import tracemalloc

import numpy as np
import pytest

from leniency.corpus.index import ChargeIndex, ChargeIndexBuilder, IdfTable, Row, doc_terms
from leniency.corpus.index_build import build_index
from leniency.corpus.models import Judgment

CHARS = "被告人于年月日在市区窃得被害人手机一部价值人民币元驾驶机动车血液酒精含量毫克故意伤害轻伤诈骗骗取"


def fact(rng, length):
    return "".join(rng.choice(CHARS) for _ in range(length)) + str(rng.randint(0, 99999))


def rows(n, length=300, seed=1):
    rng = random.Random(seed)
    return [
        Row(
            id=1000 + i,
            fact=fact(rng, length),
            months=rng.choice([-1, 0, 6, 36]),
            probation=rng.random() < 0.3,
            amount=None if i % 3 else 1000.0 * i,
            injury=rng.choice(["", "轻伤二级", "重伤一级"]),
            drug_grams=None if i % 4 else 0.5 * i,
            flags=rng.randint(0, 255),
            region="110105",
            year=2019,
            charges=("盗窃",) if i % 5 else ("盗窃", "诈骗"),
            victims=None if i % 2 else 2,
            bac=None if i % 6 else 95.0,
        )
        for i in range(n)
    ]


def test_the_builder_gives_every_row_its_factors_and_the_postings_sorted_by_term_then_row():
    sample = rows(120)
    table = IdfTable.fit(r.fact for r in sample)
    builder = ChargeIndexBuilder(table.idf, 300.0)
    for row in sample:
        builder.add(row)
    index = builder.finish()

    # reference: every (term, row, weight) of every row, ordered by term then row
    triples = sorted(
        (int(t), i, float(w))
        for i, row in enumerate(sample)
        for t, w in zip(*doc_terms(row.fact, table.idf, 300.0), strict=True)
    )
    assert len(index) == 120 and index.postings_doc.size == len(triples)
    assert index.terms.tolist() == sorted({t for t, _, _ in triples})
    for k, term in enumerate(index.terms.tolist()):
        a, b = index.postings_ptr[k], index.postings_ptr[k + 1]
        expected = [(i, w) for t, i, w in triples if t == term]
        assert index.postings_doc[a:b].tolist() == [i for i, _ in expected]
        assert index.postings_w[a:b].tolist() == pytest.approx([w for _, w in expected])
    assert index.ids.tolist() == [r.id for r in sample]
    assert index.months.tolist() == [r.months for r in sample]
    assert index.probation.dtype == bool and index.probation.tolist() == [r.probation for r in sample]
    assert np.isnan(index.amount[1]) and index.amount[3] == 3000.0
    assert index.victims.tolist()[:2] == [2, -1] and index.bac[0] == 95.0 and np.isnan(index.bac[1])
    assert index.charge_set[0] != index.charge_set[1]  # 盗窃+诈骗 against 盗窃 alone
    assert index.injury.tolist() == ChargeIndex.build(sample, table.idf, 300.0).injury.tolist()


def test_the_builder_keeps_of_a_row_its_terms_not_its_text():
    """6,000-character facts (12 KB of text each): the builder holds under 1.5 KB a row, so a charge's texts never
    sit in memory. 100 rows: every character hashed under tracemalloc costs, 400 took 28 s in the suite."""
    sample = rows(100, length=6000, seed=2)
    table = IdfTable.fit(r.fact for r in sample[:50])
    builder = ChargeIndexBuilder(table.idf, 6000.0)
    builder.add(sample[0])  # the arrays' first allocation
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for row in sample[1:]:
        builder.add(row)
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert held / 99 < 1500, f"{held / 99:.0f} bytes a row"
    assert len(builder) == 100


@pytest.mark.django_db
def test_build_index_streams_the_database_into_the_files_of_each_charge(tmp_path, monkeypatch):
    monkeypatch.setattr("leniency.corpus.index_build.CHUNK", 7)  # several chunks per charge
    for i, row in enumerate(rows(30)):
        Judgment.objects.create(
            content_hash=f"h{i}",
            fact=row.fact,
            main_charge="盗窃" if i % 3 else "诈骗",
            charges=["盗窃"] if i % 3 else ["诈骗"],
            term_months=6,
        )
    manifest = build_index(tmp_path / "index", publish=False)
    assert manifest["n"] == 30 and manifest["charges"] == 2
    assert {c: v["n"] for c, v in manifest["by_charge"].items()} == {"盗窃": 20, "诈骗": 10}
    assert len(manifest["by_charge"]["盗窃"]["shards"]) == 1  # 20 judgments: one shard of at most SHARD_SIZE
    theft = ChargeIndex.load(tmp_path / "index" / manifest["by_charge"]["盗窃"]["shards"][0]["file"])
    assert theft.ids.tolist() == sorted(
        Judgment.objects.filter(main_charge="盗窃").values_list("id", flat=True)
    )
    assert theft.postings_doc.size > 0
