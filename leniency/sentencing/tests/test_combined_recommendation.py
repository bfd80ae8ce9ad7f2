"""A recommendation for several charges (以A罪判处…，以B罪判处…，决定执行…) binds as a whole in a plea case (CPL art.
201) when its combined term lies within art. 69's limits: not below the longest single term, not above their
total, at most 1 year of 拘役, 20 years of 有期徒刑 under a total of 35 years and 25 from 35; 有期徒刑 with 拘役
executes the 有期徒刑 alone (art. 69 ¶2).

Fact texts written for these tests, not taken from any data set."""

import pytest

from leniency.sentencing.adoption import art69_limits, binding_recommendation
from leniency.sentencing.calibrate_engine import engine_prediction, run_engine
from leniency.sentencing.extraction.recommendation import find_recommendation
from leniency.sentencing.facts import QuotedTerm

PLEA = "到案后被告人孙某如实供述，自愿认罪认罚，在值班律师见证下签署了具结书。"
FACTS = (
    "2023年4月2日，被告人孙某在某商场盗窃手机一部，价值人民币3200元。"
    "2023年6月8日，孙某以帮助办理贷款为名，骗取被害人钱某人民币6000元。"
)
TWO = (
    FACTS
    + PLEA
    + "公诉机关建议对被告人孙某以盗窃罪判处{a}，以诈骗罪判处{b}，决定执行{c}，并处罚金人民币五千元。"
)
CHARGES = ["盗窃", "诈骗"]


def _predicted(text, charges=CHARGES):
    result = run_engine(text, charges)
    return result, engine_prediction(result, fallback=12)


def test_the_combined_term_and_each_charges_term_are_read():
    rec = find_recommendation(TWO.format(a="有期徒刑一年", b="有期徒刑八个月", c="有期徒刑一年六个月"))
    assert (rec.low_months, rec.high_months, rec.penalty) == (18, 18, "imprisonment")
    assert [(t.charge, t.low_months, t.high_months) for t in rec.per_charge] == [
        ("盗窃", 12, 12),
        ("诈骗", 8, 8),
    ]
    assert rec.fine_low_yuan == 5000
    assert rec.span.quote.endswith("决定执行有期徒刑一年六个月")


def test_a_combined_term_within_art_69_binds_the_prediction_with_both_articles():
    result, prediction = _predicted(TWO.format(a="有期徒刑一年", b="有期徒刑八个月", c="有期徒刑一年六个月"))
    assert prediction.months == 18
    assert prediction.low <= 18 <= prediction.high
    line = prediction.explanation[-1]
    assert "刑事诉讼法第201条" in line and "刑法第69条" in line and "12–20 个月" in line
    assert result.calculation.months == 7  # the calculator's own computation is left as it is
    assert prediction.raw_months == 7


def test_masked_charges_and_kinds_as_cail_writes_them_bind_too():
    text = (
        FACTS + PLEA + "公诉机关建议以××对被告人孙某判处一年以上一年六个月以下××，并处罚金；"
        "以××判处六个月××，数罪并罚，决定执行一年九个月××，并处罚金人民币一万元。"
    )
    _, prediction = _predicted(text)
    assert prediction.months == 21 and "刑法第69条" in prediction.explanation[-1]


@pytest.mark.parametrize(
    ("combined", "why"),
    [
        ("有期徒刑十个月", "below the longest single term (12 months)"),
        ("有期徒刑二年", "above the total of the single terms (20 months)"),
    ],
)
def test_a_combined_term_outside_art_69_does_not_bind(combined, why):
    _, prediction = _predicted(TWO.format(a="有期徒刑一年", b="有期徒刑八个月", c=combined))
    assert "刑事诉讼法第201条" not in " ".join(prediction.explanation), why


def test_without_a_plea_a_combined_recommendation_does_not_bind():
    text = TWO.format(a="有期徒刑一年", b="有期徒刑八个月", c="有期徒刑一年六个月").replace(PLEA, "")
    _, prediction = _predicted(text)
    assert "刑事诉讼法第201条" not in " ".join(prediction.explanation)


def test_a_several_charge_recommendation_without_a_combined_term_does_not_bind():
    text = FACTS + PLEA + "公诉机关建议对被告人孙某以盗窃罪判处有期徒刑一年，以诈骗罪判处有期徒刑八个月。"
    assert find_recommendation(text).per_charge == []
    _, prediction = _predicted(text)
    assert "刑事诉讼法第201条" not in " ".join(prediction.explanation)


def test_a_combined_recommendation_in_a_case_of_one_charge_does_not_bind():
    """The court finds one charge where two were recommended (CPL 201 ¶1 (4)): no combination to adopt."""
    result = run_engine(TWO.format(a="有期徒刑一年", b="有期徒刑八个月", c="有期徒刑一年六个月"), ["盗窃"])
    assert binding_recommendation(result.facts) is None


def test_a_single_term_outside_every_charges_range_does_not_bind():
    """拘役 runs to six months (art. 42): 拘役八个月 is no lawful term of either charge."""
    _, prediction = _predicted(TWO.format(a="拘役八个月", b="拘役三个月", c="拘役十个月"))
    assert "刑事诉讼法第201条" not in " ".join(prediction.explanation)


def test_detention_and_imprisonment_execute_the_imprisonment_alone():
    """Art. 69 ¶2: 有期徒刑和拘役的，执行有期徒刑 — the 拘役 adds nothing to the combined term."""
    _, bound = _predicted(TWO.format(a="有期徒刑一年", b="拘役四个月", c="有期徒刑一年"))
    assert bound.months == 12 and "刑法第69条" in bound.explanation[-1]
    _, added = _predicted(TWO.format(a="有期徒刑一年", b="拘役四个月", c="有期徒刑一年四个月"))
    assert "刑事诉讼法第201条" not in " ".join(added.explanation)


def test_several_terms_of_detention_combine_to_at_most_one_year():
    three = [
        QuotedTerm("盗窃", 6, 6, "detention"),
        QuotedTerm("诈骗", 6, 6, "detention"),
        QuotedTerm("寻衅滋事", 5, 5, "detention"),
    ]
    assert art69_limits(three, "detention") == (6, 12)
    assert art69_limits(three, "imprisonment") is None  # 拘役 alone combines into 拘役
    text = (
        FACTS + PLEA + "公诉机关建议对被告人孙某以盗窃罪判处拘役六个月，以诈骗罪判处拘役六个月，"
        "以寻衅滋事罪判处拘役五个月，决定执行{c}。"
    )
    charges = ["盗窃", "诈骗", "寻衅滋事"]
    _, bound = _predicted(text.format(c="拘役一年"), charges)
    assert bound.months == 12
    _, over = _predicted(text.format(c="拘役一年一个月"), charges)
    assert "刑事诉讼法第201条" not in " ".join(over.explanation)


def test_the_twenty_and_twenty_five_year_caps():
    """Under a total of 35 years the combined term is at most 20 years; from 35 years, at most 25."""
    two = [QuotedTerm("抢劫", 180, 180, "imprisonment"), QuotedTerm("故意伤害", 180, 180, "imprisonment")]
    assert art69_limits(two, "imprisonment") == (180, 240)  # total 30 years
    three = [*two, QuotedTerm("强奸", 180, 180, "imprisonment")]
    assert art69_limits(three, "imprisonment") == (180, 300)  # total 45 years
    assert art69_limits([*two, QuotedTerm("××", 12, None, "imprisonment")], "imprisonment") is None
    assert art69_limits([*two, QuotedTerm("××", 6, 6, "surveillance")], "imprisonment") is None
