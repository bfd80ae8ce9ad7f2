"""A drug sold to someone told as under eighteen by the age words (向未满十八周岁的王某出售冰毒) is sold to a minor, as
one told as 未成年人 already was: 刑法第347条第6款 (向未成年人出售毒品的，从重处罚), weighed as a vulnerable victim
(2021量刑指导意见 三(17), a minor of no stated age). E59's patch to extraction/vulnerable_victims.py; the seller's own
age in the same words, just outside, is his minority (刑法第17条). Fact texts written here."""

from __future__ import annotations

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

SALE = "走私、贩卖、运输、制造毒品"
ADULT = "经审理查明，2021年4月，被告人蒋某在某网吧门口向三十二岁的王某出售冰毒0.2克。"


def _codes(text):
    return {(c.code, c.value) for c in extract(text, [SALE]).circumstances}


@pytest.mark.parametrize("age_words", ["未满十八周岁", "不满十八周岁"])
def test_a_buyer_under_eighteen_is_a_minor_sold_to(age_words):
    text = f"经审理查明，2021年4月，被告人蒋某在某网吧门口向{age_words}的王某出售冰毒0.2克。"
    assert ("vulnerable_victim", "minor_unstated") in _codes(text)
    assert calculate(extract(text, [SALE])).months > calculate(extract(ADULT, [SALE])).months


def test_the_sellers_own_age_is_his_minority_not_a_minor_sold_to():
    codes = _codes("经审理查明，被告人蒋某作案时未满十八周岁，2021年4月，其在某网吧门口向王某出售冰毒0.2克。")
    assert ("minor", None) in codes and not any(code == "vulnerable_victim" for code, _ in codes)
