"""The total face value of counterfeit money (extraction/face_value.py; 法释〔2000〕26号第一条、第三条、第五条 measure 伪造货币,
出售、购买、运输假币 and 持有、使用假币 by 总面额). Fact texts written for these tests."""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.face_value import face_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年5月，被告人甲以3万元人民币向乙购买15万元的假币，后藏于家中。", "150000"),
        ("被告人甲在集市上使用假币共计4500元。", "4500"),
        ("被告人甲的住处查获假币，总面额为8000元。", "8000"),
        ("被告人甲购买面额100元的假人民币60张，带回家中。", "6000"),
        ("被告人甲持有假币80张，面额均为100元。", "8000"),
        ("被告人甲运输100元面额的假币300张。", "30000"),
        ("被告人甲购买面额100元的假币30张、面额50元的假币20张，共计50张。", "4000"),
    ],
)
def test_the_face_value_is_read_as_judgments_tell_it(text, expected):
    assert face_value(text) == Decimal(expected)


def test_the_real_money_paid_for_the_notes_is_not_their_face_value():
    text = "被告人甲以1.2万元人民币向乙购买6万元的假币。"
    assert face_value(text) == Decimal(60000)
    assert face_value("被告人甲以1.2万元人民币向乙购买假币。") is None


def test_a_price_per_note_is_not_a_denomination():
    assert face_value("被告人甲以每张20元的价格购买面额100元的假币50张。") == Decimal(5000)
    assert face_value("被告人甲以每张20元的价格购买假币50张。") is None


def test_goods_and_change_got_with_the_notes_are_not_their_face_value():
    assert face_value("被告人甲使用假币购买价值30元的香烟，找回真币70元。") is None
    assert face_value("被告人甲使用假币100元购买价值30元的香烟，找回真币70元。") == Decimal(100)


def test_count_times_denomination_is_the_stated_sum_told_again():
    assert face_value("被告人甲购买假币50张（面额100元），共计5000元。") == Decimal(5000)


def test_sentences_are_added_and_a_restatement_is_not():
    two = "被告人甲使用假币2000元购买手机。次日，被告人甲又使用假币2500元购买烟酒。"
    assert face_value(two) == Decimal(4500)
    assert face_value(two + "上述假币共计4500元。") == Decimal(4500)
    assert face_value("被告人甲使用假币共计4000元。上述假币4000元已被扣押。") == Decimal(4000)


def test_a_money_sum_without_counterfeit_notes_in_its_sentence_is_none():
    assert face_value("被告人甲盗窃现金4000元。") is None
    assert face_value("") is None


def test_foreign_counterfeit_money_is_not_read_in_yuan():
    assert face_value("被告人甲持有假美元共计5000美元。") is None


def test_a_forgers_notes_are_told_as_the_currency_they_imitate():
    assert face_value("被告人甲在其住处伪造面额100元的人民币300张。") == Decimal(30000)
    assert face_value("被告人甲伪造人民币共计3万元。") == Decimal(30000)
    # real notes paid out, and money got by another forgery, are no counterfeit notes
    assert face_value("被告人甲以面额100元的人民币300张购买手机。") is None
    assert face_value("被告人甲伪造了身份证，骗取人民币3万元。") is None
