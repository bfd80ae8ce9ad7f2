"""Similar cases that are similar (issue 23): labels within their tolerance, statistics and warnings only from
the factor-matched pool, a missing fact said, several charges matched as a set, the model's interval where
the matched pool is thin. Fact texts and corpus rows are written here."""

import pytest

from bench.similar import check_labels, evaluate_case
from leniency.corpus.factors import circumstance_flags
from leniency.corpus.models import Judgment
from leniency.corpus.recommend import recommend
from leniency.corpus.similar import find_similar
from leniency.corpus.similarity import AMOUNT_RATIO, amount_close
from leniency.sentencing.extract import extract
from leniency.sentencing.model.estimator import ModelPrediction

THEFT = "被告人张某在超市窃得被害人李某的手机一部，价值人民币{amount}元。到案后如实供述。"
NO_AMOUNT = "被告人张某在超市窃得被害人李某的手机一部。到案后如实供述。"
FRAUD_AND_THEFT = (
    "被告人张某冒充客服骗取被害人王某人民币8000元；又在超市窃得被害人李某的手机一部，价值人民币3000元。"
    "到案后如实供述。"
)


def judgment(i, *, fact, charges, months, amount=None, injury=""):
    facts = extract(fact, charges)
    return Judgment.objects.create(
        content_hash=f"h{i}",
        fact=fact,
        charges=charges,
        main_charge=charges[0],
        term_months=months,
        amount_yuan=amount,
        injury=injury,
        circumstances=circumstance_flags(facts),
        facts={"victims": facts.victims},
    )


def theft(i, amount, months):
    return judgment(i, fact=THEFT.format(amount=amount), charges=["盗窃"], months=months, amount=amount)


@pytest.mark.django_db
def test_no_close_label_outside_its_tolerance_in_the_benchmarks_output():
    amounts = [4000, 5000, 6000, 7400, 9000, 20_000, 150_000, 5_000_000]
    for i, amount in enumerate(amounts):
        theft(i, amount, months=6 + i)
    judgment(
        50,
        fact="被告人赵某持刀将被害人钱某砍伤，经鉴定为轻伤二级。到案后如实供述。",
        charges=["故意伤害"],
        months=10,
        injury="light_2",
    )
    judgment(
        51,
        fact="被告人孙某持刀将被害人周某砍伤，经鉴定为重伤二级。到案后如实供述。",
        charges=["故意伤害"],
        months=40,
        injury="serious_2",
    )
    checked = []
    for j in Judgment.objects.order_by("id"):
        result = evaluate_case(j)
        checked.extend(result.labels)
        left_out = find_similar(extract(j.fact, j.charges), exclude={j.pk})
        assert result.truth == j.term_months and j.pk not in [c.judgment_id for c in left_out.cases]
    assert {f for f, _ in checked} >= {"amount", "charges"}
    assert all(ok for _, ok in checked), [c for c in checked if not c[1]]
    # and the labels say what they measured: the far amounts are named as far, never as close
    facts = extract(THEFT.format(amount=5000), ["盗窃"])
    similar = find_similar(facts, k=10)
    for case in similar.cases:
        for reason in case.reasons:
            if reason["factor"] == "amount" and reason["case"] is not None:
                assert reason["close"] == amount_close(reason["case"], 5000)
                assert ("相近" in reason["text"]) == (reason["distance"] <= AMOUNT_RATIO)
    assert any("相差较大" in r["text"] for c in similar.cases for r in c.reasons)
    assert check_labels(facts, similar)


@pytest.mark.django_db
def test_a_charge_only_pool_gives_no_statistic_and_no_warning():
    for i in range(20):
        theft(i, 1_000_000 + i, months=120)  # same charge, amounts 200× the case's
    facts = extract(THEFT.format(amount=5000), ["盗窃"])
    rec = recommend(facts, proposed_months=3)
    similar = rec.similar
    assert similar.stats is None and similar.match_level == "charge_set" and similar.n_filtered == 0
    assert similar.pool_sizes == {"factors": 0, "charge_set": 20, "charge": 0}
    assert "仅供参考" in similar.note and "不显示统计" in similar.note
    assert rec.warning_band is None  # no model here either
    assert [w.kind for w in rec.warnings if w.kind != "calculation"] == []
    assert rec.to_dict()["similar"]["context_only"] is True


@pytest.mark.django_db
def test_a_missing_amount_is_said_not_dropped():
    for i in range(8):
        theft(i, 5000, months=6)
    facts = extract(NO_AMOUNT, ["盗窃"])
    assert facts.amount_yuan is None
    similar = find_similar(facts)
    assert similar.missing == ["本案未识别出金额"] and similar.note.startswith("本案未识别出金额")
    assert similar.stats is None and similar.n_filtered == 0  # not a factor match without the amount
    assert all("本案未识别出金额" in c.shared_factors for c in similar.cases)
    assert not any("金额相近" in text for c in similar.cases for text in c.shared_factors)


@pytest.mark.django_db
def test_several_charges_match_on_the_set_whichever_comes_first():
    for i in range(6):  # the same two charges, filed under the other one as main charge
        judgment(100 + i, fact=FRAUD_AND_THEFT, charges=["诈骗", "盗窃"], months=20, amount=11_000)
    for i in range(6):
        theft(200 + i, 11_000, months=8)
    facts = extract(FRAUD_AND_THEFT, ["盗窃", "诈骗"])
    similar = find_similar(facts, k=20)
    matched = [c for c in similar.cases if c.match != "charge"]
    assert {c.judgment_id for c in matched} == set(
        Judgment.objects.filter(content_hash__startswith="h10").values_list("id", flat=True)
    )
    assert all(c.shared_factors[0] == "罪名相同：诈骗、盗窃（数罪并罚）" for c in matched)
    assert similar.pool_sizes["charge_set"] + similar.pool_sizes["factors"] == 6
    single = [c for c in similar.cases if c.match == "charge"]
    assert all(c.shared_factors[0].startswith("罪名组合不同") for c in single)
    # and a single-charge case does not take the two-charge judgments as its match
    alone = find_similar(extract(THEFT.format(amount=11_000), ["盗窃"]))
    assert alone.stats is not None and alone.stats.n == 6 and alone.stats.median == 8


class StubModel:
    version = "stub"

    def predict_one(self, facts, calculation):
        return ModelPrediction(months=10, low=8, high=13, point_log=2.4, version=self.version)


@pytest.mark.django_db
def test_a_thin_pool_warns_from_the_models_interval_instead():
    for i in range(3):
        theft(i, 5000, months=6)
    facts = extract(THEFT.format(amount=5000), ["盗窃"])
    rec = recommend(facts, proposed_months=20, model=StubModel())
    assert rec.similar.stats is None and rec.similar.n_filtered == 3
    assert rec.warning_band == {
        "source": "model",
        "low": 8,
        "high": 13,
        "n": None,
        "coverage": 0.8,
        "level": None,
    }
    (warning,) = [w for w in rec.warnings if w.kind == "model_interval"]
    assert "高于判决数据模型 80% 预测区间上限（13 个月）" in warning.message
    inside = recommend(facts, proposed_months=13, model=StubModel())
    calculated = inside.calculation.months
    assert abs(13 - calculated) / calculated > 0.25  # the share rule alone would have warned
    assert inside.warnings == []  # within the band: no reason asked, however far from the calculation


@pytest.mark.django_db
def test_the_closer_amount_ranks_first_and_text_only_breaks_ties():
    far_same_words = theft(1, 7400, months=9)  # the query's own words, amount ×1.48
    other_words = judgment(
        2,
        fact="被告人钱某在商场偷走他人钱包，内有现金人民币5100元。到案后如实供述。",
        charges=["盗窃"],
        months=6,
        amount=5100,
    )
    same_words = theft(3, 5100, months=6)  # as close in amount as the one above, closer in words
    similar = find_similar(extract(THEFT.format(amount=5000), ["盗窃"]))
    assert [c.judgment_id for c in similar.cases] == [same_words.pk, other_words.pk, far_same_words.pk]
    assert similar.cases[0].distance == similar.cases[1].distance < similar.cases[2].distance


@pytest.mark.django_db
def test_drunk_driving_matches_on_blood_alcohol_within_its_bracket():
    text = "被告人张某醉酒驾驶机动车在道路上行驶，经鉴定其血液中乙醇含量为{bac}mg/100ml。到案后如实供述。"
    for i, (bac, months) in enumerate([(160, 3), (170, 3), (140, 2), (300, 5), (175, 3), (155, 3), (165, 4)]):
        judgment(i, fact=text.format(bac=bac), charges=["危险驾驶"], months=months)
        Judgment.objects.filter(content_hash=f"h{i}").update(facts={"blood_alcohol": bac})
    facts = extract(text.format(bac=165), ["危险驾驶"])
    similar = find_similar(facts, k=10)
    assert similar.measures == ["bac"] and similar.pool_sizes["factors"] == 5  # 150–180, within ×1.5
    assert similar.stats is not None and similar.stats.median == 3
    close = [r for c in similar.cases for r in c.reasons if r["factor"] == "bac" and r["close"]]
    assert len(close) == 5 and all(150 <= r["case"] <= 180 for r in close)
    assert all(ok for _, ok in check_labels(facts, similar))
    unmeasured = find_similar(extract("被告人张某醉酒驾驶机动车在道路上行驶。", ["危险驾驶"]))
    assert unmeasured.missing == ["本案未识别出血液酒精含量"] and unmeasured.stats is None
