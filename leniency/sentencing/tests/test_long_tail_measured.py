"""逃税 placed by the sum its statute measures (amount_brackets.yaml `measure`, read by
extraction/unpaid_amounts.py): the tax evaded (刑法第201条; 法释〔2024〕4号第一条, before it the prosecution standards).
Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

RULE = "method.no_guideline.amount"
TAX = (
    "经审理查明：2023年1月至2024年6月，被告人甲经营的某商贸公司采取隐瞒销售收入的手段进行虚假纳税申报，"
    "少缴增值税、企业所得税等税款共计人民币{amount}元，占同期应纳税额的38%。经税务机关下达追缴通知后，甲仍未补缴。"
    "案发后，甲补缴税款20万元。"
)


def _steps(text, charge):
    calc = calculate(extract(text, [charge]))
    return calc, {s.rule_id: s for s in calc.steps}


def test_the_evaded_tax_not_the_tax_paid_back_is_measured():
    calc, steps = _steps(TAX.format(amount=120000), "逃税")
    assert "120,000元" in steps["method.measured_amount"].description_zh
    assert "达到100,000元的标准" in steps[RULE].description_zh and "法释〔2024〕4号" in steps[RULE].citation


def test_below_one_hundred_thousand_yuan_no_standard_is_reached():
    calc, steps = _steps(TAX.format(amount=90000), "逃税")
    assert "未达到100,000元的数额较大标准" in steps[RULE].description_zh


def test_before_may_2022_the_figure_was_fifty_thousand_yuan():
    text = TAX.format(amount=90000).replace("2023年1月至2024年6月", "2016年1月至2017年6月")
    calc, steps = _steps(text, "逃税")
    assert "method.no_guideline.amount.before_2022" in steps
    assert "达到50,000元的标准" in steps[RULE].description_zh


def test_half_a_million_reaches_three_years_only_with_the_courts_shuju_judu():
    """刑法第201条: 数额巨大 *and* 30% of the tax due; the share is not read, so the amount alone stays below."""
    alone, _ = _steps(TAX.format(amount=620000), "逃税")
    said, _ = _steps(
        TAX.format(amount=620000) + "被告人甲逃避缴纳税款数额巨大并且占应纳税额百分之三十以上。", "逃税"
    )
    assert alone.charges[0].bracket_label == "3年以下有期徒刑、拘役"
    assert said.charges[0].bracket_label == "3年以上7年以下有期徒刑"
