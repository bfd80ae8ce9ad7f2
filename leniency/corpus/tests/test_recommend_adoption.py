"""The server's recommendation follows CPL art. 201 as the CLI does: in a plea case a quoted recommendation
within the statutory range holds the predicted term, and the notes (shown on the page) name the article.

Fact texts written for these tests, not taken from any data set."""

import pytest

from leniency.corpus.recommend import recommend
from leniency.sentencing.calibrate_engine import engine_prediction, run_engine
from leniency.sentencing.extract import extract
from leniency.sentencing.model.estimator import ModelPrediction

PLEA = "到案后如实供述，自愿认罪认罚，签署了具结书。"
THEFT = (
    "被告人王某于2023年6月2日在某商场窃得笔记本电脑一台，价值人民币3000元。"
    + PLEA
    + "公诉机关建议判处被告人王某有期徒刑一年至一年六个月，并处罚金人民币三千元。"
)
NO_PLEA = THEFT.replace(PLEA, "到案后如实供述。")


class _StubModel:
    """A learned model that answers 5 months, interval 3–8, whatever the case."""

    version = "stub"

    def predict_one(self, facts, calculation):
        return ModelPrediction(5, 3, 8, 0.0, self.version)


@pytest.mark.django_db
def test_without_a_model_the_server_predicts_what_the_cli_predicts():
    rec = recommend(extract(THEFT, ["盗窃"]))
    cli = engine_prediction(run_engine(THEFT, ["盗窃"]), fallback=12)
    assert rec.calculation.months < 12  # the law's computation alone would be below the recommended range
    assert rec.months == cli.months == 12
    assert rec.low <= 12 <= rec.high
    (line,) = [n for n in rec.notes if "刑事诉讼法第201条" in n]
    assert "一年至一年六个月" in line


@pytest.mark.django_db
def test_the_models_term_is_held_inside_the_recommended_range_and_its_interval_widened():
    rec = recommend(extract(THEFT, ["盗窃"]), model=_StubModel())
    assert rec.model_version == "stub"
    assert (rec.months, rec.interval) == (12, (3, 12))
    assert any("刑事诉讼法第201条" in n for n in rec.notes)


@pytest.mark.django_db
def test_without_a_plea_the_recommendation_bounds_the_server_by_its_own_rule():
    """Not art. 201 (task E41, `adoption.NON_PLEA`): the court reviews it and generally keeps within it."""
    plain = recommend(extract(NO_PLEA, ["盗窃"]))
    assert plain.calculation.months < 12 and plain.months == 12
    modelled = recommend(extract(NO_PLEA, ["盗窃"]), model=_StubModel())
    assert (modelled.months, modelled.interval) == (12, (3, 12))
    for rec in (plain, modelled):
        assert any("非认罪认罚案件" in n for n in rec.notes)
        assert not any("刑事诉讼法第201条" in n for n in rec.notes)
