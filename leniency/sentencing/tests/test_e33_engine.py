"""Counterfeit money placed by its face value, timber by its volume (amount_brackets.yaml `measure: face_value` and
`measure: timber_volume`): 法释〔2000〕26号第一条、第三条、第五条 and 法释〔2000〕36号第四条、第六条 (the top of each range).
Fact texts written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

RULE = "method.no_guideline.amount"
BASIC = "3年以下"


def _steps(text, charge):
    calc = calculate(extract(text, [charge]))
    return calc, {s.rule_id: s for s in calc.steps}


@pytest.mark.parametrize(
    ("face", "bracket"),
    [
        (49999, BASIC),
        (50000, "3年以上10年以下有期徒刑"),
        (199999, "3年以上10年以下有期徒刑"),
        (200000, "10年以上"),
    ],
)
def test_holding_counterfeit_money_is_placed_by_its_face_value(face, bracket):
    calc, steps = _steps(
        f"2019年5月，被告人甲明知是假币而持有，经查，其持有的假币共计{face}元。", "持有、使用假币"
    )
    assert calc.charges[0].bracket_label.startswith(bracket)
    assert "法释〔2000〕26号）第五条" in steps[RULE].citation


def test_the_real_money_paid_does_not_place_the_purchase():
    text = "2019年5月，被告人甲以1.5万元人民币向乙购买6万元的假币。"
    calc, steps = _steps(text, "出售、购买、运输假币")
    assert "涉案数额60,000元" in steps[RULE].description_zh
    assert calc.charges[0].bracket_label.startswith("3年以上10年以下")
    # the price alone places nothing: the notes' face value is not told
    _, steps = _steps("2019年5月，被告人甲以1.5万元人民币向乙购买假币。", "出售、购买、运输假币")
    assert RULE not in steps


def test_forging_thirty_thousand_yuan_of_notes_is_especially_large():
    calc, _ = _steps("2019年5月，被告人甲在其住处伪造面额100元的人民币300张。", "伪造货币")
    assert calc.charges[0].bracket_label.startswith("10年以上")
    calc, _ = _steps("2019年5月，被告人甲在其住处伪造面额100元的人民币299张。", "伪造货币")
    assert calc.charges[0].bracket_label.startswith("3年以上10年以下")


def test_a_timber_volume_is_shown_in_cubic_metres_never_in_yuan():
    _, steps = _steps(
        "2019年3月，被告人甲无证砍伐杉木，经鉴定立木蓄积为24立方米，价值人民币9000元。", "滥伐林木"
    )
    text = steps[RULE].description_zh
    assert "涉案数量24立方米，达到20立方米的标准" in text and "元" not in text.split("，适用")[0]
    assert "数量为24立方米" in steps["method.measured_amount"].description_zh
    assert "24 cubic metres" in steps[RULE].description_en


@pytest.mark.parametrize(
    ("volume", "below", "bracket"),
    [("19.9", True, BASIC), ("20", False, BASIC), ("99.9", False, BASIC), ("100", False, "3年以上7年以下")],
)
def test_unlicensed_felling_is_placed_by_its_volume(volume, below, bracket):
    calc, steps = _steps(f"2019年3月，被告人甲无证采伐松树，立木蓄积{volume}立方米。", "滥伐林木")
    assert ("未达到20立方米的数量较大标准" in steps[RULE].description_zh) is below
    assert calc.charges[0].bracket_label.startswith(bracket)


@pytest.mark.parametrize(
    ("volume", "bracket"), [("4.9", BASIC), ("50", "3年以上7年以下"), ("200", "7年以上")]
)
def test_stealing_timber_is_placed_by_its_volume(volume, bracket):
    calc, _ = _steps(f"2019年3月，被告人甲盗伐他人林木，立木蓄积{volume}立方米。", "盗伐林木")
    assert calc.charges[0].bracket_label.startswith(bracket)


def test_a_timber_value_in_yuan_places_no_bracket():
    _, steps = _steps("2019年3月，被告人甲盗伐他人杉木20株，经鉴定价值人民币3万元。", "盗伐林木")
    assert RULE not in steps and RULE + "_below" not in steps


def test_beside_another_charge_a_timber_volume_never_takes_the_cases_yuan():
    text = (
        "2019年3月，被告人甲盗伐他人杉木，立木蓄积25立方米。2019年4月，被告人甲故意伤害乙，致乙轻伤二级，"
        "并抢走乙的手机一部价值2000元。"
    )
    calc = calculate(extract(text, ["盗伐林木", "故意伤害"]))
    steps = [s for s in calc.steps if s.charge == "盗伐林木" and s.rule_id == RULE]
    assert steps and "涉案数量25立方米" in steps[0].description_zh
