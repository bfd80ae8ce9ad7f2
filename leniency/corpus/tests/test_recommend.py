from decimal import Decimal

import pytest

from leniency.corpus.models import Judgment
from leniency.corpus.recommend import recommend
from leniency.corpus.service import Corrections, Request, build_facts
from leniency.sentencing.extract import extract

THEFT = "被告人张某于2020年3月5日在某超市窃得手机一部，价值人民币5000元。到案后如实供述，系坦白。"


@pytest.mark.django_db
def test_without_model_or_corpus_the_calculation_answers_with_low_confidence():
    rec = recommend(extract(THEFT, ["盗窃"]))
    assert rec.months == rec.calculation.months
    assert rec.low <= rec.months <= rec.high
    assert rec.confidence == "low"
    assert rec.model_version is None and rec.interval is None
    assert rec.similar.stats is None
    assert any("未加载判决数据模型" in n for n in rec.notes)
    assert rec.to_dict()["similar"]["cases"] == []


@pytest.mark.django_db
def test_calculation_warning_when_proposal_departs_by_more_than_the_share(settings):
    base = recommend(extract(THEFT, ["盗窃"])).calculation.months
    settings.SENTENCING_DEVIATION_SHARE = 0.5
    inside = recommend(extract(THEFT, ["盗窃"]), proposed_months=round(base * 1.4))
    assert [w.kind for w in inside.warnings] == []
    settings.SENTENCING_DEVIATION_SHARE = 0.25
    outside = recommend(extract(THEFT, ["盗窃"]), proposed_months=round(base * 1.4) + 1)
    (warning,) = outside.warnings
    assert warning.kind == "calculation"
    assert warning.compared["calculated_months"] == base
    assert "高于量刑计算结果" in warning.message


def _judgment(i, months, fact=THEFT, amount=5000, probation=False):
    return Judgment(
        content_hash=f"h{i}",
        fact=fact + f"（第{i}号）",
        charges=["盗窃"],
        articles=[264],
        main_charge="盗窃",
        term_months=months,
        probation=probation,
        amount_yuan=amount,
        circumstances=2,
    )


@pytest.mark.django_db
def test_similar_band_warning_names_the_percentile_and_n():
    from leniency.corpus.factors import circumstance_flags

    facts = extract(THEFT, ["盗窃"])
    flags = circumstance_flags(facts)
    Judgment.objects.bulk_create([_judgment(i, 6 + i % 5) for i in range(20)])
    Judgment.objects.update(circumstances=flags)
    rec = recommend(facts, proposed_months=30)
    assert rec.similar.stats is not None and rec.similar.stats.n == 20
    # 20 matched cases: the band runs from the 2nd smallest to the 2nd largest term, ≥ 17/21 coverage
    assert (rec.similar.stats.band_low, rec.similar.stats.band_high) == (6, 10)
    assert rec.warning_band["source"] == "similar" and rec.to_dict()["warning_band"]["n"] == 20
    band = [w for w in rec.warnings if w.kind == "similar_band"]
    assert band and "20 件因素匹配类案的区间上限（10 个月）（次序统计量，名义覆盖率 81%）" in band[0].message
    low = recommend(facts, proposed_months=1)
    assert any("区间下限（6 个月）" in w.message for w in low.warnings)
    assert not [w for w in recommend(facts, proposed_months=8).warnings if w.kind == "similar_band"]


def test_a_corrected_amount_leaves_no_part_attempted():
    fact = "经审理查明，2016年5月，被告人张某窃得王某现金3000元；同月，张某欲窃取李某存放的现金4万元，因被发现而未得逞。"
    read = build_facts(Request(fact=fact, charges=["盗窃"]))
    assert (read.amount_yuan, read.attempted_yuan) == (Decimal("3000"), Decimal("40000"))
    corrected = build_facts(
        Request(fact=fact, charges=["盗窃"], corrections=Corrections(amount_yuan=Decimal("43000")))
    )
    assert (corrected.amount_yuan, corrected.attempted_yuan) == (Decimal("43000"), None)
