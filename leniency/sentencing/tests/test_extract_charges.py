"""Charge inference when the user gives none: named charges first, then conduct words; always noted."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract


def test_a_named_charge_is_taken_longest_name_first():
    facts = extract("公诉机关认为，被告人的行为已构成生产、销售伪劣产品罪，提请依法判处。")
    assert facts.charges == ["生产、销售伪劣产品"]
    assert any("推定" in note for note in facts.notes)


def test_conduct_words_name_a_common_crime():
    facts = extract("被告人甲醉酒驾驶机动车，经检测血液酒精含量为150mg/100ml。")
    assert facts.charges == ["危险驾驶"]
    assert calculate(facts).charges[0].charge == "危险驾驶"


def test_given_charges_are_never_replaced():
    assert extract("被告人窃取手机一部，价值3000元。", charges=["诈骗"]).charges == ["诈骗"]


def test_no_charge_is_invented_from_unrelated_text():
    facts = extract("被告人甲与乙系邻居，二人于某日在村口聊天。")
    assert facts.charges == []
    assert calculate(facts).confidence == "low"
