"""Amounts stated only in the evidence list (issue 16 class 4, second half): "上述事实，有下列证据证实：…价格认定结论书，
证实…价值人民币2350元". The figure proves the crime amount the facts leave unstated; one the facts already state is
not counted again. Fact texts written for these tests."""

from decimal import Decimal

from leniency.sentencing.extract import extract

LIST = "上述事实，有下列证据证实："


def test_a_value_stated_only_in_the_price_finding_is_the_amount():
    text = (
        "经审理查明：2020年5月3日凌晨，被告人甲窜至某小区，盗走被害人乙停放在楼下的电动自行车一辆。"
        + LIST
        + "1、被害人乙的陈述；2、价格认定结论书，证实被盗电动自行车价值人民币2350元；3、被告人甲的供述与辩解。"
    )
    assert extract(text).amount_yuan == Decimal("2350")


def test_a_finding_written_without_a_comma_or_in_capital_numerals_is_read():
    no_comma = (
        "经审理查明，被告人甲于2021年3月在某网吧窃取被害人乙的手机一部。认定上述事实的证据有："
        "价格认定结论书证实涉案手机价值人民币3180元，被害人乙的陈述等。"
    )
    capitals = (
        "经审理查明，被告人甲盗走被害人乙的电动车一辆。"
        + LIST
        + "1、价格认定结论书，证实该电动车价值人民币贰仟陆佰元。"
    )
    assert extract(no_comma).amount_yuan == Decimal("3180")
    assert extract(capitals).amount_yuan == Decimal("2600")


def test_each_victims_loss_proved_by_his_own_statement_is_summed():
    """The sentence that opens the list ("上述事实，有下列证据证实：1、…3万元") is the first item's proof, not a
    restatement of the whole case: before, its 3万 was taken as the total and the second victim's 2万 dropped."""
    text = (
        "经审理查明，2020年间，被告人甲以代办贷款为名，先后骗取被害人乙、丙钱款。"
        + LIST
        + "1、被害人乙的陈述，证实其被甲骗走人民币3万元；2、被害人丙的陈述，证实其被甲骗走人民币2万元；3、被告人甲的供述。"
    )
    assert extract(text).amount_yuan == Decimal("50000")


def test_a_figure_the_facts_state_is_not_counted_again_from_the_evidence():
    text = (
        "经审理查明，被告人甲盗走被害人乙的金项链一条，经鉴定价值人民币6200元。"
        + LIST
        + "1、被害人乙的陈述；2、价格鉴定意见书，证实被盗金项链价值人民币6200元。"
    )
    assert extract(text).amount_yuan == Decimal("6200")


def test_a_restitution_the_evidence_proves_is_not_the_amount():
    text = (
        "经审理查明，被告人甲窃取被害人乙的笔记本电脑一台。"
        + LIST
        + "1、价格认定结论书，证实笔记本电脑价值人民币4500元；2、收条，证实甲已赔偿乙人民币4500元，乙对其表示谅解。"
    )
    assert extract(text).amount_yuan == Decimal("4500")
