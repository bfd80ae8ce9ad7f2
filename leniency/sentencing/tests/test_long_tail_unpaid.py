"""The sum 逃税 is measured by (extraction/unpaid_amounts.py): the tax evaded (刑法第201条), told apart from the other
sums its judgments name. Fact texts
written for these tests, not taken from any data set."""

from decimal import Decimal

from leniency.sentencing.extraction.charge_amounts import measured_amount
from leniency.sentencing.extraction.unpaid_amounts import evaded_tax

TAX = (
    "经审理查明：2016年至2018年，被告人甲经营的某商贸公司采取隐瞒销售收入500万元的手段进行虚假纳税申报，"
    "少缴增值税、企业所得税等税款共计人民币62万元，占同期应纳税额的38.5%。经税务机关下达追缴通知后，甲仍未补缴。"
    "案发后，甲补缴税款20万元，缴纳滞纳金3万元。"
)


def test_the_evaded_tax_is_not_the_income_hidden_nor_the_tax_paid_back():
    assert evaded_tax(TAX) == Decimal(620000)
    assert measured_amount(TAX, "evaded_tax") == Decimal(620000)


def test_yearly_evasions_and_their_stated_total_are_the_total():
    text = "被告人甲2017年逃避缴纳税款12万元，2018年逃避缴纳税款18万元，合计逃避缴纳税款30万元，占应纳税额的15%。"
    assert evaded_tax(text) == Decimal(300000)


def test_a_text_naming_only_income_tax_due_or_back_tax_names_no_evaded_tax():
    assert evaded_tax("被告人甲隐瞒销售收入500万元，应纳税额80万元。") is None
    assert evaded_tax("案发后，被告人甲补缴税款10万元，缴纳罚款5万元。") is None
