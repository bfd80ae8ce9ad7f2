"""虚开增值税专用发票 placed by the tax on the invoices (amount_brackets.yaml `measure: tax`), on the figures in force
(法释〔2024〕4号第十一条 from 2024-03-20: 10万 / 50万 / 500万; before it 法〔2018〕226号: 5万 / 50万 / 250万; before
2018-08-22 法发〔1996〕30号: 1万 / 10万 / 50万, where the facts end before that day); and the
threshold variants of amount_brackets.yaml reaching the calculator (贪污 of 特定款物). Fact texts written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FALSE_INVOICES = "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票"


@pytest.mark.parametrize(
    ("when", "tax", "bracket"),
    [
        ("2019年3月", "税额50.8万元", "3年以上10年以下有期徒刑"),  # 价税合计350万 is not the measure
        ("2019年3月", "税额8万元", "3年以下有期徒刑、拘役"),
        ("2019年3月", "税额260万元", "10年以上有期徒刑、无期徒刑"),  # ≥ 250万 before 2024-03-20
        ("2024年6月", "税额260万元", "3年以上10年以下有期徒刑"),  # < 500万 under 法释〔2024〕4号
        ("2017年3月", "税额8万元", "3年以下有期徒刑、拘役"),  # < 10万 under 法发〔1996〕30号
        ("2017年3月", "税额12万元", "3年以上10年以下有期徒刑"),  # ≥ 10万: 数额较大 in 1996's figures
        ("2017年3月", "税额50.8万元", "10年以上有期徒刑、无期徒刑"),  # ≥ 50万: 数额巨大 in 1996's figures
        ("2018年10月", "税额12万元", "3年以下有期徒刑、拘役"),  # after the 2018 notice, 5万 to 50万
    ],
    ids=[
        "2019-508k",
        "2019-80k",
        "2019-2.6m",
        "2024-2.6m",
        "2017-80k",
        "2017-120k",
        "2017-508k",
        "2018-10-120k",
    ],
)
def test_false_invoices_are_placed_by_the_tax_on_the_figures_in_force(when, tax, bracket):
    text = (
        f"经审理查明，{when}，被告人刘某在无真实货物交易的情况下，让他人为其经营的某商贸有限公司虚开增值税专用发票30份，"
        f"价税合计350万元，{tax}，上述发票均已申报抵扣。"
    )
    calc = calculate(extract(text, charges=[FALSE_INVOICES]))
    assert calc.charges[0].bracket_label == bracket


def test_no_tax_named_is_no_amount_not_the_face_value():
    text = "经审理查明，2017年3月，被告人何某介绍他人虚开增值税专用发票，票面金额共计2000万元。"
    calc = calculate(extract(text, charges=[FALSE_INVOICES]))
    assert calc.charges[0].bracket_label == "3年以下有期徒刑、拘役"


@pytest.mark.parametrize(
    ("text", "bracket"),
    [
        (
            "经审理查明，2018年5月，被告人赵某利用担任村会计的职务便利，协助人民政府管理扶贫资金，侵吞扶贫款人民币12万元。",
            "3年以上10年以下有期徒刑",  # 法释〔2016〕9号第二条第二款: 10万 with a 情形 is 其他严重情节
        ),
        (
            "经审理查明，2018年5月，被告人赵某利用协助人民政府从事征地补偿管理的职务便利，侵吞征地补偿款人民币12万元。",
            "3年以下有期徒刑、拘役",
        ),
    ],
    ids=["poverty-funds", "land-compensation"],
)
def test_embezzled_poverty_funds_reach_the_bracket_of_other_serious_circumstances(text, bracket):
    calc = calculate(extract(text, charges=["贪污"]))
    assert calc.charges[0].bracket_label == bracket
