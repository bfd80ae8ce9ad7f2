"""Fines the statute sets as multiples of a sum it names (statutory_brackets.yaml fine_multiple), on fact texts
written here: 刑法第175条 高利转贷 (并处违法所得一倍以上五倍以下罚金), 第225条 非法经营 (the same), 第140条 生产、销售伪劣
产品 (销售金额百分之五十以上二倍以下), 第153条 走私普通货物、物品 (偷逃应缴税额一倍以上五倍以下)."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract

RELENDING = (
    "经审理查明，2018年3月，被告人周某以购买生产设备为由向某农村商业银行贷款人民币200万元，后将该笔贷款以月息3分的"
    "利率转贷给王某等人，从中非法获利人民币25万元。案发后，周某退缴违法所得25万元。被告人周某到案后如实供述。"
)


def _fine_steps(calc):
    return [s for s in calc.steps if s.kind == "fine"]


def test_the_catalogue_carries_the_multiple_of_each_bracket():
    assert [b.fine_multiple for b in find_charge("高利转贷").brackets] == [("违法所得", 1.0, 5.0)] * 2
    assert all(b.fine_multiple is None for b in find_charge("信用卡诈骗").brackets)


def test_the_profit_named_in_the_text_is_the_floor_of_the_relending_fine():
    """250,000 yuan of 违法所得 is a fine of at least 250,000 (art. 175), whatever the loan was."""
    calc = calculate(extract(RELENDING, charges=["高利转贷"]))
    assert calc.fine_yuan == Decimal(250000)
    step = _fine_steps(calc)[-1]
    assert "第一百七十五条" in step.citation and "违法所得250,000元" in step.description_zh


def test_without_the_profit_stated_the_estimate_stands_at_low_confidence():
    text = RELENDING.replace("从中非法获利人民币25万元", "从中牟取利益").replace(
        "退缴违法所得25万元", "退缴全部违法所得"
    )
    calc = calculate(extract(text, charges=["高利转贷"]))
    assert calc.fine_yuan < Decimal(250000)
    step = _fine_steps(calc)[-1]
    assert "文中未见违法所得数额" in step.description_zh and step.confidence == "low"


def test_a_small_profit_caps_the_fine_of_illegal_business():
    """非法经营 (art. 225): 2,000 yuan of 违法所得 caps the fine at five times it, 10,000, though the estimate from the
    turnover (52万) is higher."""
    text = (
        "经审理查明，2020年3月至2021年5月，被告人吴某未经烟草专卖行政主管部门许可，在其经营的超市内收购、销售卷烟，"
        "非法经营数额达人民币52万元，违法所得人民币2000元。"
    )
    calc = calculate(extract(text, charges=["非法经营"]))
    assert calc.fine_yuan == Decimal(10000)
    larger = calculate(
        extract(text.replace("违法所得人民币2000元", "违法所得人民币2万元"), charges=["非法经营"])
    )
    assert larger.fine_yuan > Decimal(10000)  # inside 20,000 to 100,000: the cap no longer binds


def test_the_sales_and_the_duty_evaded_set_the_floor_of_their_fines():
    sales = (
        "经审理查明，2019年1月至8月，被告人刘某在其经营的门店内以假充真，销售假冒某品牌白酒，销售金额共计人民币"
        "32.6万元。被告人刘某到案后如实供述。"
    )
    assert calculate(extract(sales, charges=["生产、销售伪劣产品"])).fine_yuan == Decimal(163000)
    duty = (
        "经审理查明，2020年5月，被告人陈某采用低报价格的方式走私进口冻品，经海关关税部门核定，偷逃应缴税款共计"
        "人民币28.5万元。"
    )
    assert calculate(extract(duty, charges=["走私普通货物、物品"])).fine_yuan == Decimal(285000)


def test_a_charge_whose_fine_is_no_multiple_is_left_as_it_is():
    """盗窃 (art. 264) names no multiple: a 获利 figure in the text does not bound its fine."""
    text = "经审理查明，被告人赵某盗窃他人手机一部，价值人民币5000元，后将手机变卖，获利1500元。"
    calc = calculate(extract(text, charges=["盗窃"]))
    unsold = calculate(extract(text.replace("，后将手机变卖，获利1500元", ""), charges=["盗窃"]))
    assert calc.fine_yuan == unsold.fine_yuan and calc.fine_yuan is not None
    assert not any("倍数" in s.description_zh for s in calc.steps)
