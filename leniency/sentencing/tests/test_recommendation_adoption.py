"""CPL art. 201: in a plea case the court generally adopts the procuratorate's sentencing recommendation, so the
predicted term follows a quoted one that lies within the statutory range; the calculation stays the law's own.

Fact texts written for these tests, not taken from any data set."""

import io

from leniency.sentencing.adoption import follow_recommendation, statutory_bounds
from leniency.sentencing.calibrate_engine import engine_prediction, run_engine
from leniency.sentencing.cli import main
from leniency.sentencing.corpus import Judgment
from leniency.sentencing.facts import CaseFacts, Finding, QuotedRecommendation, Span
from leniency.sentencing.model.estimator import ModelPrediction
from leniency.sentencing.model.evaluation import predictions as model_predictions
from leniency.sentencing.prediction import Prediction

PLEA = "案发后张某如实供述，自愿认罪认罚，签署了具结书。"
THEFT = (
    "2023年3月5日，被告人张某在某超市盗窃洗发水等商品，价值人民币2500元。"
    + PLEA
    + "公诉机关建议判处被告人张某{rec}，并处罚金人民币二千元。"
)
DRUNK = (
    "2023年5月1日晚，被告人李某饮酒后驾驶小型轿车在道路上行驶，经鉴定血液酒精含量为180mg/100ml。"
    "李某到案后如实供述，自愿认罪认罚。公诉机关建议判处被告人李某{rec}。"
)


def _predicted(text, charge="盗窃"):
    result = run_engine(text, [charge])
    return result, engine_prediction(result, fallback=12)


def test_a_quoted_fixed_term_binds_the_prediction_in_a_plea_case():
    result, prediction = _predicted(THEFT.format(rec="拘役三个月"))
    assert result.calculation.months == 4  # the calculator's own computation is left as it is
    assert (prediction.months, prediction.raw_months) == (3, 4)
    assert prediction.low <= 3 <= prediction.high
    line = prediction.explanation[-1]
    assert "刑事诉讼法第201条" in line and "「建议判处被告人张某拘役三个月」" in line


def test_a_quoted_range_holds_the_prediction_inside_it():
    _, prediction = _predicted(THEFT.format(rec="有期徒刑一年至一年六个月"))
    assert prediction.months == 12  # the calculator's 4 months, raised to the range's lower end
    assert "一年至一年六个月" in prediction.explanation[-1]


def test_a_term_inside_the_quoted_range_stays():
    _, prediction = _predicted(THEFT.format(rec="拘役二至六个月"))
    assert prediction.months == 4 and "刑事诉讼法第201条" in prediction.explanation[-1]


def test_without_a_plea_the_recommendation_bounds_the_prediction_by_its_own_rule():
    """Not art. 201: the court reviews a recommendation outside a plea case and generally keeps within it
    (task E41, `adoption.NON_PLEA`); the calculation stays the law's own."""
    result, prediction = _predicted(THEFT.format(rec="拘役三个月").replace(PLEA, "案发后张某如实供述。"))
    assert result.calculation.months == 4 and (prediction.months, prediction.raw_months) == (3, 4)
    line = prediction.explanation[-1]
    assert "非认罪认罚案件" in line and "刑事诉讼法第201条" not in line


def test_detention_beyond_six_months_is_outside_the_law_and_does_not_bind():
    """拘役 runs from one to six months (Criminal Law art. 42)."""
    _, prediction = _predicted(THEFT.format(rec="拘役八个月"))
    assert prediction.months == 4 and prediction.explanation == []


def test_imprisonment_for_a_charge_punished_by_detention_only_does_not_bind():
    """危险驾驶 (art. 133-1) is punished by 拘役 alone: 有期徒刑八个月 is outside its statutory range."""
    assert statutory_bounds(["危险驾驶"], "imprisonment") is None
    _, prediction = _predicted(DRUNK.format(rec="有期徒刑八个月"), "危险驾驶")
    assert prediction.months != 8 and prediction.explanation == []
    _, bound = _predicted(DRUNK.format(rec="拘役四个月"), "危险驾驶")
    assert bound.months == 4


def test_with_several_charges_a_quoted_term_does_not_bind():
    """The quoted term may be one charge's; the term served is the court's combination (art. 69)."""
    result = run_engine(THEFT.format(rec="拘役三个月"), ["盗窃", "故意毁坏财物"])
    prediction = engine_prediction(result, fallback=12)
    assert "刑事诉讼法第201条" not in " ".join(prediction.explanation)


def test_without_a_quoted_recommendation_nothing_changes():
    _, prediction = _predicted(
        THEFT.format(rec="拘役三个月").replace("公诉机关建议判处被告人张某拘役三个月，", "")
    )
    assert prediction.months == 4 and prediction.explanation == []


def _plea_facts(low, high, penalty="imprisonment"):
    quote = "建议判处…"
    return CaseFacts(
        text=quote,
        charges=["故意杀人"],
        circumstances=[Finding("plea", "prosecution_review")],
        recommendation=QuotedRecommendation(low, high, penalty, Span(0, len(quote), quote)),
    )


def test_a_quoted_ceiling_brings_a_life_prediction_to_a_fixed_term():
    life = Prediction(0, 180, 180, life_imprisonment=True)
    adopted = follow_recommendation(life, _plea_facts(None, 120))
    assert (adopted.months, adopted.life_imprisonment, adopted.death_penalty) == (120, False, False)
    assert follow_recommendation(life, _plea_facts(120, None)) == life  # a floor only: life is not below it


class _Model:
    version = "stub"

    def predict_records(self, records):
        return [ModelPrediction(9, 5, 14, 0.0, self.version) for _ in records]


def test_the_models_prediction_follows_the_recommendation_too():
    text = THEFT.format(rec="拘役三个月")
    result = run_engine(text, ["盗窃"])
    (prediction,) = model_predictions(_Model(), [Judgment(fact=text, accusation=["盗窃"])], [result])
    assert (prediction.months, prediction.low, prediction.high) == (3, 3, 14)
    assert (
        prediction.explanation[0].startswith("model stub")
        and "刑事诉讼法第201条" in prediction.explanation[1]
    )


def test_recommend_prints_the_predicted_term_and_the_article():
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(["recommend", "--fact", THEFT.format(rec="拘役三个月"), "--charge", "盗窃"], out=out, err=err)
        == 0
    )
    text = out.getvalue()
    assert "预测宣告刑：3 个月" in text and "刑事诉讼法第201条" in text
