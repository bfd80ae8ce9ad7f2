"""The volume of timber felled (extraction/timber_volume.py; 法释〔2000〕36号: 盗伐林木 and 滥伐林木 are measured by the
standing volume, 立木蓄积, in cubic metres). Fact texts written for these tests."""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.timber_volume import timber_volume


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经鉴定，被告人甲砍伐的杉木立木蓄积为12.5立方米。", "12.5"),
        ("被告人甲无证采伐松树80株，经林业部门检尺，蓄积量8.3立方米。", "8.3"),
        ("被告人甲在他人承包的山场共盗伐林木6立方米。", "6"),
        ("被告人甲滥伐杨树40株，折合立木蓄积15.2m³。", "15.2"),
    ],
)
def test_the_standing_volume_is_read(text, expected):
    assert timber_volume(text) == Decimal(expected)


def test_the_value_of_the_timber_in_yuan_is_no_volume():
    assert timber_volume("被告人甲盗伐杉木20株，经鉴定价值人民币8000元。") is None
    assert timber_volume("被告人甲盗伐杉木20株，立木蓄积3.1立方米，经鉴定价值人民币8000元。") == Decimal(
        "3.1"
    )


def test_the_logs_volume_counts_only_where_no_standing_volume_is_told():
    assert timber_volume("被告人甲砍伐的林木立木蓄积16立方米，出材量11立方米。") == Decimal(16)
    assert timber_volume("被告人甲砍伐的林木原木材积11立方米。") == Decimal(11)


def test_the_volume_a_permit_allowed_is_not_the_felling():
    text = "被告人甲办理了采伐许可证，许可采伐松木30立方米，实际超数量采伐松木立木蓄积18.4立方米。"
    assert timber_volume(text) == Decimal("18.4")
    assert timber_volume("被告人甲获准采伐松木30立方米。") is None


def test_a_lot_described_by_its_volume_is_not_felled_unless_its_clause_fells():
    assert timber_volume("被告人甲购买了某山林地内蓄积20立方米的杉木林。") is None
    assert timber_volume("被告人甲擅自砍伐了蓄积20立方米的杉木林。") == Decimal(20)


def test_lots_are_added_and_a_restated_total_is_not():
    lots = "被告人甲在东山盗伐林木立木蓄积4.2立方米；又在西山盗伐林木立木蓄积3.3立方米"
    assert timber_volume(lots + "。") == Decimal("7.5")
    assert timber_volume(lots + "，共计立木蓄积7.5立方米。") == Decimal("7.5")
    assert timber_volume(lots + "。上述林木立木蓄积7.5立方米。") == Decimal("7.5")


def test_two_fellings_told_with_the_same_total_word_are_two_lots():
    text = "2016年3月，被告人甲共盗伐林木5立方米。2016年9月，被告人甲共盗伐林木5立方米。"
    assert timber_volume(text) == Decimal(10)


def test_a_threshold_the_text_quotes_is_no_volume():
    assert timber_volume("滥伐林木立木蓄积十立方米以上的，属于数量较大。") is None


def test_other_volumes_are_none():
    assert timber_volume("某公司将高炉规模由125立方米报为318立方米。") is None
    assert timber_volume("") is None
