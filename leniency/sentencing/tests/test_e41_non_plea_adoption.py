"""A quoted recommendation outside a plea case (task E41): the court reviews it and says why it adopts it or not
(《关于规范量刑程序若干问题的意见（试行）》, 法发〔2010〕35号, and its 2020 successor; recalled, unconfirmed), so it
bounds the predicted term with its own line, never the calculation; art. 201's line stays the plea case's.

Every passage was written for this test in the style of a judgment; none is taken from any data set.
"""

import pytest

from leniency.sentencing.calibrate_engine import engine_prediction, run_engine

FACTS = (
    "公诉机关指控，2023年6月9日，被告人赵某在某菜市场窃取被害人放在摊位上的钱包一个，内有现金人民币二千六百元。"
    "经审理查明的事实与指控一致。"
)
PLEA = "被告人赵某自愿认罪认罚，签署了认罪认罚具结书。"
NON_PLEA_LINE = "量刑建议（非认罪认罚案件，法院参考）"
ART_201 = "刑事诉讼法第201条"


def case(case_id, text, months, line, xfail=None, charge="盗窃"):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, charge, months, line, id=case_id, marks=marks)


def predicted(text, charge="盗窃"):
    result = run_engine(text, [charge])
    return result, engine_prediction(result, fallback=12)


def test_the_calculation_the_passages_start_from():
    result, prediction = predicted(FACTS)
    assert result.calculation.months == prediction.months == 5 and prediction.explanation == []


BATCH_1 = [
    case("non_plea_fixed_detention", FACTS + "公诉机关建议判处被告人赵某拘役三个月。", 3, NON_PLEA_LINE),
    case(
        "non_plea_range_above_the_calculation",
        FACTS + "公诉机关建议判处被告人赵某有期徒刑六个月至八个月，并处罚金。",
        6,
        NON_PLEA_LINE,
    ),
    case(
        "non_plea_ceiling_holds_a_term_under_it",
        FACTS + "公诉机关建议判处被告人赵某一年以下××。",
        5,
        NON_PLEA_LINE,
    ),
    case(
        "non_plea_ceiling_below_the_calculation",
        FACTS + "公诉机关建议判处被告人赵某拘役二个月以下。",
        2,
        NON_PLEA_LINE,
    ),
    case("plea_case_keeps_article_201", FACTS + PLEA + "公诉机关建议判处被告人赵某拘役三个月。", 3, ART_201),
    case(
        "non_plea_improper_detention_term",
        FACTS + "公诉机关建议判处被告人赵某拘役八个月。",
        None,
        None,
    ),
    case(
        "non_plea_imprisonment_above_art_45",
        FACTS + "公诉机关建议判处被告人赵某有期徒刑十六年。",
        None,
        None,
    ),
    case(
        "recommendation_for_a_co_offender",
        FACTS + "同案人孙某另案处理，公诉机关对其建议判处拘役二个月。",
        None,
        None,
    ),
    case(
        "withdrawn_recommendation",
        FACTS + "公诉机关建议判处被告人赵某拘役二个月。庭审中赵某翻供，公诉机关撤回了该量刑建议。",
        None,
        None,
    ),
    case(
        "defence_suggestion_is_not_a_recommendation",
        FACTS + "辩护人建议对被告人赵某判处拘役二个月。",
        None,
        None,
    ),
    case(
        "plea_fine_alone",
        FACTS + PLEA + "公诉机关建议对被告人赵某单处罚金人民币五千元。",
        0,
        ART_201,
    ),
    case(
        "non_plea_exemption",
        FACTS + "赃款已全部退还被害人。公诉机关建议对被告人赵某免予刑事处罚。",
        0,
        NON_PLEA_LINE,
    ),
    case(
        "fine_alone_for_a_charge_without_one",
        "公诉机关指控，2023年6月9日，被告人赵某与邻居发生争执，持木棍将邻居打成轻伤一级。"
        + PLEA
        + "公诉机关建议对被告人赵某单处罚金人民币五千元。",
        None,
        None,
        charge="故意伤害",
    ),
]


@pytest.mark.parametrize(("text", "charge", "months", "line"), BATCH_1)
def test_batch_1(text, charge, months, line):
    result, prediction = predicted(text, charge)
    if months is None:  # bound to nothing: the calculator's own term stands
        months = result.calculation.custodial_months
    assert prediction.months == months
    explained = " ".join(prediction.explanation)
    if line is None:
        assert NON_PLEA_LINE not in explained and ART_201 not in explained
    else:
        assert line in explained
        other = ART_201 if line == NON_PLEA_LINE else NON_PLEA_LINE
        assert other not in explained


BATCH_2 = [
    case(
        "non_plea_floor_only",
        FACTS + "公诉机关建议判处被告人赵某三年以上有期徒刑。",
        36,
        NON_PLEA_LINE,
    ),
    case(
        "non_plea_probation_without_a_term",
        FACTS + "公诉机关建议对被告人赵某适用缓刑。",
        None,
        None,
    ),
    case(
        "non_plea_detention_for_a_charge_without_it",
        "公诉机关指控，2023年6月9日，被告人赵某持刀在路边抢走被害人手机一部，价值人民币二千元。"
        "公诉机关建议判处被告人赵某拘役五个月。",
        None,
        None,
        charge="抢劫",
    ),
    case(
        "non_plea_fine_alone_where_the_fine_goes_with_detention",
        "公诉机关指控，2023年5月1日晚，被告人赵某醉酒后驾驶小型轿车在道路上行驶，经鉴定血液酒精含量为160mg/100ml。"
        "公诉机关建议对被告人赵某单处罚金人民币三千元。",
        None,
        None,
        charge="危险驾驶",
    ),
    case(
        "non_plea_defendant_changed_recommendation",
        FACTS + "公诉机关建议判处被告人赵某拘役五个月。后公诉机关当庭将量刑建议变更为拘役二个月。",
        2,
        NON_PLEA_LINE,
    ),
    case(
        "plea_case_with_a_range_below",
        FACTS + PLEA + "公诉机关建议判处被告人赵某拘役一至二个月。",
        2,
        ART_201,
    ),
]


@pytest.mark.parametrize(("text", "charge", "months", "line"), BATCH_2)
def test_batch_2(text, charge, months, line):
    test_batch_1(text, charge, months, line)
