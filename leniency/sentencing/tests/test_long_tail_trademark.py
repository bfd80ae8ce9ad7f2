"""假冒注册商标 placed by its illegal business volume (amount_brackets.yaml `measure: business_volume`; 刑法第213条;
法释〔2004〕19号第一条): 5万 yuan 情节严重, 25万 情节特别严重, 3万 / 15万 for two or more marks; before Amendment 11
(2021-03-01) the upper bracket was three to seven years. Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

RULE = "method.no_guideline.amount"
FAKE = (
    "经审理查明：2022年3月至2022年9月，被告人甲未经注册商标所有人许可，在其加工厂内生产假冒某品牌注册商标的白酒"
    "并对外销售，非法经营数额共计人民币{amount}元，获利6万元。"
)


def _calc(amount, more="", period=None):
    text = FAKE.format(amount=amount) + more
    if period:
        text = text.replace("2022年3月至2022年9月", period)
    calc = calculate(extract(text, ["假冒注册商标"]))
    return calc, {s.rule_id: s for s in calc.steps}


def test_a_volume_above_fifty_thousand_yuan_is_serious():
    calc, steps = _calc(80000)
    assert "达到50,000元的标准" in steps[RULE].description_zh and "法释〔2004〕19号" in steps[RULE].citation
    assert calc.charges[0].bracket_label == "3年以下有期徒刑"


def test_below_fifty_thousand_yuan_no_standard_is_reached():
    calc, steps = _calc(40000)
    assert "未达到50,000元" in steps[RULE].description_zh


def test_two_marks_lower_the_figure_to_thirty_thousand_yuan():
    calc, steps = _calc(40000, "被告人甲假冒两种以上注册商标。")
    assert "method.no_guideline.amount.two_marks" in steps
    assert "达到30,000元的标准" in steps[RULE].description_zh


def test_a_quarter_million_is_especially_serious_three_to_ten_years():
    calc, _ = _calc(300000)
    assert calc.charges[0].bracket_label == "3年以上10年以下有期徒刑"


def test_before_amendment_eleven_the_upper_bracket_was_three_to_seven_years():
    calc, _ = _calc(300000, period="2018年3月至2018年9月")
    assert calc.charges[0].bracket_label == "3年以上7年以下有期徒刑"
