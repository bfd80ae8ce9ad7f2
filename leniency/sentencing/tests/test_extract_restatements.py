"""Amounts restated are counted once (issue 16, class 4), on fact texts written here."""

import pytest

from leniency.sentencing.extract import extract

CASES = {
    "a part after 其中": (
        "2019年5月1日，被告人张某以投资为名骗取被害人李某人民币5万元，其中3万元用于归还个人债务，2万元被其挥霍。",
        50000,
    ),
    "parts after 其中 under a total": (
        "被告人张某盗窃财物价值共计8000元，其中手机一部价值5000元、现金3000元。",
        8000,
    ),
    "the same money as the object of 将": (
        "被告人张某冒充房东，骗取被害人李某租房款6000元，后张某将租房款6000元打入其妻子的银行账户。",
        6000,
    ),
    "money returned after 退清": (
        "被告人张某盗窃被害人李某现金4000元。案发后，张某的家属代其退清3000元，取得被害人谅解。",
        4000,
    ),
    "money returned, told after the figure": (
        "被告人张某诈骗被害人李某8000元，案发后8000元已全部退赔。",
        8000,
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_restated_amount_is_counted_once(name):
    text, expected = CASES[name]
    assert extract(text).amount_yuan == expected


def test_a_part_after_qizhong_is_marked_as_such():
    text, _ = CASES["a part after 其中"]
    facts = extract(text)
    assert [int(f.value) for f in facts.amounts] == [50000]


def test_two_different_takings_in_one_sentence_are_both_counted():
    text = "被告人张某先骗取李某3000元，又骗取王某2000元。"
    assert extract(text).amount_yuan == 5000


RESALE = {
    "proceeds after 销赃 in the sentence": (
        "2019年3月1日，被告人刘某窃取被害人电动车一辆，经鉴定价值人民币1500元。"
        "随后，刘某将电动车销赃给他人，非法获利400元。",
        1500,
    ),
    "a price before 将…销赃": (
        "被告人莫某窃取轿车一辆，经鉴定价值人民币6000元。当日，莫某通过李某以480元将该车销赃给赵某。",
        6000,
    ),
    "proceeds of goods sold by weight": (
        "被告人窃取电动机两台，经鉴定价值人民币5200元，后将电动机以4.6元每公斤的价格卖给废品收购站，获利1780元。",
        5200,
    ),
}


@pytest.mark.parametrize("name", RESALE)
def test_resale_proceeds_are_not_the_value_of_what_was_stolen(name):
    text, expected = RESALE[name]
    assert extract(text).amount_yuan == expected


def test_a_valuation_stays_counted_when_the_goods_were_returned_after_a_comma():
    text = "被告人张某窃取手机一部。经鉴定，该手机价值人民币1800元，现已退还被害人。"
    assert extract(text).amount_yuan == 1800


def test_a_full_width_thousands_separator_is_read():
    text = "被告人窃取柴油260升，价值人民币1，794元。"
    assert extract(text).amount_yuan == 1794


def test_an_amount_told_only_in_the_evidence_list_is_read():
    text = (
        "2019年5月1日，被告人张某在某小区盗窃电动自行车一辆。上述事实，有下列证据证实：1、被害人李某的陈述；"
        "2、价格认定结论书，证实被盗电动自行车价值人民币1800元。"
    )
    assert extract(text).amount_yuan == 1800


def test_an_amount_restated_in_the_evidence_list_is_counted_once():
    text = (
        "2019年5月1日，被告人张某在某小区盗窃电动自行车一辆，价值人民币1800元。上述事实，有下列证据证实："
        "1、被害人李某的陈述；2、价格认定结论书，证实被盗电动自行车价值人民币1800元。"
    )
    assert extract(text).amount_yuan == 1800
