"""The sums 逃税 and 拒不支付劳动报酬 are measured by (extraction/unpaid_amounts.py): the tax evaded (刑法第201条) and
the wages owed (刑法第276条之一, 法释〔2013〕3号第三条), told apart from the other sums their judgments name. Fact texts
written for these tests, not taken from any data set."""

from decimal import Decimal

from leniency.sentencing.extraction.charge_amounts import measured_amount
from leniency.sentencing.extraction.unpaid_amounts import evaded_tax, wages_owed

TAX = (
    "经审理查明：2016年至2018年，被告人甲经营的某商贸公司采取隐瞒销售收入500万元的手段进行虚假纳税申报，"
    "少缴增值税、企业所得税等税款共计人民币62万元，占同期应纳税额的38.5%。经税务机关下达追缴通知后，甲仍未补缴。"
    "案发后，甲补缴税款20万元，缴纳滞纳金3万元。"
)
WAGES = (
    "经审理查明：2022年3月至12月，被告人王某承包某小区的外墙装修工程，拖欠工人李某等十二人工资共计人民币186000元。"
    "2023年1月，区人力资源和社会保障局向王某下达限期支付工资的指令书，王某逃匿。后镇政府垫付工资12万元。"
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


def test_the_wages_owed_are_not_what_another_advanced():
    assert wages_owed(WAGES) == Decimal(186000)
    assert measured_amount(WAGES, "wages_owed") == Decimal(186000)


def test_wages_named_in_the_clause_before_their_figure():
    text = (
        "被告人甲利用职务便利，非法占有单位财物，价值145万元；被告人甲以转移财产、逃匿的方法逃避支付劳动者报酬，"
        "共计230299.7元，数额较大。"
    )
    assert wages_owed(text) == Decimal("230299.7")


def test_wages_paid_or_advanced_are_no_wages_owed():
    assert wages_owed("被告人甲经营某厂，已支付工人工资10万元。") is None
    assert wages_owed("拖欠工资案发后，镇政府垫付工人工资总额的66.8%，合计179600元。") is None
