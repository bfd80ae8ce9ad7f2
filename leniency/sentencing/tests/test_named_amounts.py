"""Sums a judgment names for what they are (违法所得, 销售金额, 偷逃应缴税额 …), read apart from the crime amount:
the statute sets some fines as multiples of them (刑法第175条 并处违法所得一倍以上五倍以下罚金, 第140条 销售金额百分之
五十以上二倍以下, 第153条 偷逃应缴税额一倍以上五倍以下). Fact texts written here."""

from decimal import Decimal

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.amounts import named_amount

RELENDING = (
    "经审理查明，2018年3月，被告人周某以购买生产设备为由向某农村商业银行贷款人民币200万元，后将该笔贷款以月息3分的"
    "利率转贷给王某等人，从中非法获利人民币25万元。案发后，周某退缴违法所得25万元。"
)


def test_the_profit_is_the_figure_named_as_profit_not_the_loan():
    """The loan (200万) is not the 违法所得; the profit returned (退缴违法所得25万元) is the same sum, told again."""
    assert named_amount(RELENDING, "违法所得") == Decimal("250000")


def test_profits_of_several_counts_are_added():
    text = (
        "经审理查明，2019年，被告人周某两次套取银行贷款高利转贷他人：第一次贷款100万元，获利8万元；"
        "第二次贷款150万元，获利12万元。"
    )
    assert named_amount(text, "违法所得") == Decimal("200000")


def test_no_figure_named_as_profit_is_none():
    """违法所得无法查清: the profit is not stated, and the business turnover is no profit."""
    text = "经审理查明，被告人吴某未经许可经营烟草专卖品，非法经营数额达人民币52万元，违法所得无法查清。"
    assert named_amount(text, "违法所得") is None
    stated = text.replace("违法所得无法查清", "违法所得数额为人民币6万元")
    assert named_amount(stated, "违法所得") == Decimal("60000")


def test_a_figure_told_before_the_words_is_not_named_by_them():
    text = "经审理查明，被告人周某将银行贷款200万元转贷他人，从中获利。"
    assert named_amount(text, "违法所得") is None


def test_the_sales_are_the_figure_named_as_sales_not_the_value_of_goods_unsold():
    """法释〔2001〕10号第二条: 销售金额 is what the goods sold brought; goods seized unsold (货值金额) are not sales."""
    text = (
        "经审理查明，2019年1月至8月，被告人刘某在其经营的门店内以假充真，销售假冒某品牌白酒，销售金额共计人民币"
        "32.6万元。公安机关在其仓库内查获尚未销售的假酒，货值金额8万元。"
    )
    assert named_amount(text, "销售金额") == Decimal("326000")


def test_the_duty_evaded_is_read_where_the_taxes_are_named_together():
    text = "经审理查明，被告人陈某走私进口冻品，经海关核定，偷逃应缴关税、增值税合计人民币60万元。"
    assert named_amount(text, "偷逃应缴税额") == Decimal("600000")
    assert named_amount(text, "违法所得") is None


def test_a_sum_the_module_does_not_know_is_none():
    assert named_amount(RELENDING, "逃汇数额") is None


def test_a_profit_beside_the_larger_sum_it_was_made_on_is_not_added_to_the_amount():
    """非法经营数额52万元，违法所得6万元: the 6万 is the gain on the 52万, not more business (issue 16 class 4)."""
    text = "经审理查明，被告人吴某未经许可经营烟草专卖品，非法经营数额达人民币52万元，违法所得数额为人民币6万元。"
    assert extract(text).amount_yuan == Decimal("520000")
    assert extract(RELENDING).amount_yuan == Decimal("2000000")


def test_a_profit_told_alone_stays_the_amount():
    text = "经审理查明，2020年至2021年，被告人孙某在其经营的足浴店内容留多名妇女卖淫，从中获利人民币5万元。"
    assert extract(text).amount_yuan == Decimal("50000")
