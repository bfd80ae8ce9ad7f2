"""A charge's index built in shards answers exactly as one index of the charge would (issue 21 item 5).

The build writes every `shard_size` judgments of a charge as a file of its own, so its memory does not grow
with the largest charge; `ChargeIndex.join` puts the shards back together when the charge is loaded.
"""

import functools
import json
import logging
import random

import numpy as np
import pytest
from django.core.management import call_command

from leniency.corpus import similar
from leniency.corpus.factors import circumstance_flags
from leniency.corpus.index import (
    INDEX_VERSION,
    ChargeIndex,
    ChargeIndexBuilder,
    IdfTable,
    Row,
    charge_key,
    query_terms,
    read_manifest,
)
from leniency.corpus.index_build import build_index
from leniency.corpus.models import Judgment
from leniency.corpus.similar import find_similar
from leniency.sentencing.extract import extract

WORDS = ["超市", "商场", "手机", "钱包", "电动车", "窃得", "价值", "坦白", "自首", "被害人", "骗取", "网络"]
QUERIES = [
    ("被告人张某在超市窃得被害人李某的手机一部，价值人民币5000元。到案后如实供述，系坦白。", ["盗窃"]),
    ("被告人张某在商场窃得钱包一个，价值人民币3500元。", ["盗窃"]),
    ("被告人张某通过网络骗取被害人人民币20000元，另在超市窃得手机，价值6000元。", ["盗窃", "诈骗"]),
    ("被告人张某骗取被害人人民币7000元，到案后如实供述。", ["诈骗"]),
]


def rows(rng, n):
    return [
        Row(
            id=10 + i,
            fact="".join(rng.choice(WORDS) for _ in range(rng.randint(0, 30))),
            months=rng.choice([-1, 0, 6, 9, 12]),
            probation=rng.random() < 0.3,
            amount=rng.choice([None, 3000.0, 5000.0]),
            injury="",
            drug_grams=None,
            flags=0,
            region="110105",
            year=2021,
            charges=("盗窃",),
        )
        for i in range(n)
    ]


def built(sample, idf, *bounds):
    """The index of `sample` built in one go, and built in shards split at `bounds`, then joined."""
    parts = []
    for a, b in zip((0, *bounds), (*bounds, len(sample)), strict=True):
        builder = ChargeIndexBuilder(idf, 40.0)
        for row in sample[a:b]:
            builder.add(row)
        parts.append(builder.finish())
    return ChargeIndex.build(sample, idf, 40.0), ChargeIndex.join(parts)


@pytest.mark.parametrize("seed", range(4))
def test_joined_shards_hold_the_same_rows_and_give_the_same_text_scores_bit_for_bit(seed):
    rng = random.Random(seed)
    sample = rows(rng, rng.randint(30, 600))
    idf = IdfTable.fit(r.fact for r in sample).idf
    bounds = sorted(rng.sample(range(1, len(sample)), 3))
    one, joined = built(sample, idf, *bounds)
    assert len(joined.shards) == 4 and [s.start for s in joined.shards] == [0, *bounds]
    for name in ChargeIndex.ROWS:
        assert getattr(joined, name).tobytes() == getattr(one, name).tobytes(), name
    scored = 0
    for _ in range(20):
        terms, weights = query_terms("".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12))), idf)
        got = joined.text_scores(terms, weights)
        assert got.dtype == np.float32 and got.tobytes() == one.text_scores(terms, weights).tobytes()
        scored += bool(got.any())
    assert scored


def test_a_shard_without_the_query_terms_scores_its_rows_zero():
    sample = rows(random.Random(1), 40)
    for row in sample[20:]:
        row.fact = "血液酒精含量"  # terms the other shard lacks
    idf = IdfTable.fit(r.fact for r in sample).idf
    one, joined = built(sample, idf, 20)
    terms, weights = query_terms("血液酒精含量", idf)
    got = joined.text_scores(terms, weights)
    assert not got[:20].any() and got[20:].all()
    assert got.tobytes() == one.text_scores(terms, weights).tobytes()


def test_a_joined_index_has_no_single_postings_matrix_and_tiles_shard_by_shard():
    sample = rows(random.Random(2), 50)
    idf = IdfTable.fit(r.fact for r in sample).idf
    one, joined = built(sample, idf, 25)
    with pytest.raises(ValueError, match="joined from 2 shards has no single postings matrix"):
        joined.save("unused.npz")
    tiled = joined.tiled(3)
    assert len(tiled) == 150 and len(tiled.shards) == 6 and tiled.ids.tolist() == one.ids.tolist() * 3
    terms, weights = query_terms("超市窃得手机", idf)
    assert tiled.text_scores(terms, weights).tobytes() == one.tiled(3).text_scores(terms, weights).tobytes()
    assert ChargeIndex.join([one]) is one and len(ChargeIndex.join([])) == 0


# -- the build and the search over a database ---------------------------------------------------------


@pytest.fixture
def corpus(db):
    rng = random.Random(21)
    flags = circumstance_flags(extract(QUERIES[0][0], ["盗窃"]))
    judgments = []
    for i in range(150):
        charges = [["盗窃"], ["诈骗"], ["盗窃", "诈骗"]][i % 3]
        amount = rng.choice([3000, 4000, 5000, 6000, 7000, 20000])
        judgments.append(
            Judgment(
                content_hash=f"shard-{i}",
                fact=f"被告人王某{i}{''.join(rng.sample(WORDS, 5))}，价值人民币{amount}元。",
                charges=charges,
                main_charge=charges[0],
                term_months=rng.choice([0, 3, 5, 6, 6, 7, 8, 10, 12, 15]),
                probation=rng.random() < 0.4,
                amount_yuan=amount,
                region_code="110105",
                year=2022,
                circumstances=flags if rng.random() < 0.7 else 0,
            )
        )
    Judgment.objects.bulk_create(judgments)


@functools.cache
def query_facts(i):
    return extract(*QUERIES[i])  # once: extraction is most of a query's time here


def answers(settings, directory):
    settings.CORPUS_INDEX_DIR = directory
    similar.clear_cache()
    got = [find_similar(query_facts(i)).to_dict() for i in range(len(QUERIES))]
    assert isinstance(similar._cache.get(("charge", "盗窃")), ChargeIndex)  # from the prebuilt index
    return got


def test_an_index_in_tiny_shards_finds_the_same_similar_cases(corpus, settings, tmp_path):
    whole = build_index(tmp_path / "whole", publish=False)
    sharded = build_index(tmp_path / "sharded", publish=False, shard_size=7)
    theft = sharded["by_charge"]["盗窃"]
    assert sharded["version"] == INDEX_VERSION and sharded["shard_size"] == 7
    assert [s["n"] for s in theft["shards"]] == [7] * 14 + [2] and theft[
        "n"
    ] == 100  # 盗窃 alone and with 诈骗
    assert len(whole["by_charge"]["盗窃"]["shards"]) == 1
    ids = [ChargeIndex.load(tmp_path / "sharded" / s["file"]).ids.tolist() for s in theft["shards"]]
    expected = list(Judgment.objects.filter(main_charge="盗窃").order_by("id").values_list("id", flat=True))
    assert sum(ids, []) == expected  # the shards in id order, each judgment in one
    assert sorted(p.name for p in (tmp_path / "sharded").iterdir()) == sorted(
        [s["file"] for c in sharded["by_charge"].values() for s in c["shards"]] + ["idf.npz", "manifest.json"]
    )

    expected_answers = answers(settings, tmp_path / "whole")
    got = answers(settings, tmp_path / "sharded")
    assert len(similar._cache[("charge", "盗窃")].shards) == 15
    assert got == expected_answers  # the same cases in the same order, scores, distances, statistics
    assert all(g["cases"] for g in got) and any(g["stats"] for g in got)
    assert len({c["distance"] for g in got for c in g["cases"]}) > 1


def test_an_index_of_version_3_still_loads_each_charge_from_its_one_file(corpus, settings, tmp_path):
    manifest = build_index(tmp_path / "index", publish=False)
    expected = answers(settings, tmp_path / "index")
    manifest["version"] = 3
    for charge, entry in manifest["by_charge"].items():  # version 3: one file a charge, named by its key
        (shard,) = entry.pop("shards")
        (tmp_path / "index" / shard["file"]).rename(tmp_path / "index" / f"{charge_key(charge)}.npz")
        entry["file"] = f"{charge_key(charge)}.npz"
    (tmp_path / "index" / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    assert answers(settings, tmp_path / "index") == expected


def test_an_older_index_is_set_aside_with_a_message_to_rebuild_it(corpus, settings, tmp_path, caplog):
    manifest = build_index(tmp_path / "index", publish=False)
    manifest["version"] = 2
    (tmp_path / "index" / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    settings.CORPUS_INDEX_DIR = tmp_path / "index"
    similar.clear_cache()
    with caplog.at_level(logging.WARNING, logger="leniency.corpus.index"):
        first = find_similar(query_facts(0))
        find_similar(query_facts(1))
    warnings = [
        r.getMessage() for r in caplog.records if "rebuild it with `leniency corpus index`" in r.getMessage()
    ]
    assert len(warnings) == 1 and "is version 2" in warnings[0]  # said once, not at every query
    assert first.cases and ("db", "盗窃") in {k[:2] for k in similar._cache if isinstance(k, tuple)}


def test_a_shard_size_below_one_is_refused(tmp_path):
    with pytest.raises(ValueError, match="shard_size must be at least 1, not 0"):
        build_index(tmp_path / "index", publish=False, shard_size=0)


def test_the_command_builds_in_the_shard_size_it_is_given(corpus, tmp_path):
    call_command("corpus", "index", "--no-progress", "--shard-size", "40", "--out", str(tmp_path / "cli"))
    manifest = read_manifest(tmp_path / "cli")
    assert manifest["shard_size"] == 40
    assert [s["n"] for s in manifest["by_charge"]["盗窃"]["shards"]] == [40, 40, 20]
