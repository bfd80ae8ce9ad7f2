"""No harsher sentence on the defendant's appeal (刑事诉讼法第237条, issue 16 class 7) when the original sentence is a
lighter kind than the engine's: a fine alone (刑法第52条), an exemption (第37条) or 管制, on fact texts written here.
The principal penalties rank from the lightest, 管制、拘役、有期徒刑 (刑法第33条); a fine alone is lighter than any."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FACTS = "原判认定，2019年4月，被告人甲在某超市窃取香烟两条，价值人民币2500元。"
APPEAL = "宣判后，甲不服，提出上诉。经审理查明的事实与原判相同。"
PROTEST = "宣判后，原公诉机关以量刑畸轻为由提出抗诉。经审理查明的事实与原判相同。"


def _calc(sentence, after=APPEAL):
    return calculate(extract(FACTS + sentence + after, ["盗窃"]))


def _bound(calc):
    return next((s for s in calc.steps if s.rule_id == "method.appeal.no_harsher"), None)


def test_the_engine_gives_a_principal_penalty_for_this_theft():
    """The premise: at first instance 2,500 yuan of theft draws 拘役 or prison, not a fine alone."""
    calc = calculate(extract(FACTS.replace("原判认定", "经审理查明"), ["盗窃"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0


def test_a_fine_alone_below_stays_a_fine_alone_on_the_defendants_appeal():
    calc = _calc("原判以被告人甲犯盗窃罪，判处罚金人民币三千元。")
    assert (calc.penalty, calc.months, calc.low, calc.high) == ("fine_only", 0, 0, 0)
    assert calc.fine_yuan is not None and calc.fine_yuan <= Decimal(3000)
    assert not calc.probation_lawful and calc.probation_months is None
    step = _bound(calc)
    assert "刑事诉讼法第237条" in step.citation and "单处罚金" in step.description_zh


def test_a_fine_alone_whose_sum_the_text_leaves_out_still_bounds_the_kind():
    calc = _calc("原审法院以盗窃罪判处被告人甲罚金。")
    assert (calc.penalty, calc.months) == ("fine_only", 0)


def test_a_protest_lifts_the_bound_of_a_fine_alone():
    calc = _calc("原判以被告人甲犯盗窃罪，判处罚金人民币三千元。", PROTEST)
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _bound(calc) is None


def test_an_exemption_below_stays_an_exemption_without_a_fine():
    calc = _calc("原判对被告人甲免予刑事处罚。")
    assert (calc.penalty, calc.months, calc.fine_yuan) == ("exempt", 0, None)
    assert "免予刑事处罚" in _bound(calc).description_zh


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("原审法院以盗窃罪判处被告人甲管制六个月，并处罚金人民币二千元。", ("surveillance", 6)),
        ("原审法院以盗窃罪判处被告人甲拘役三个月，并处罚金人民币二千元。", ("detention", 3)),
    ],
)
def test_a_lighter_principal_penalty_below_bounds_kind_and_term(sentence, expected):
    calc = _calc(sentence)
    assert (calc.penalty, calc.months) == expected
    assert _bound(calc) is not None


def test_a_heavier_original_leaves_the_engines_sentence_as_it_is():
    """有期徒刑二年 below: the engine's lighter sentence is no harsher, nothing to bound."""
    calc = _calc("原审法院以盗窃罪判处被告人甲有期徒刑二年，并处罚金人民币五千元。")
    assert calc.penalty in ("detention", "imprisonment") and calc.months < 24
    assert _bound(calc) is None


def test_an_unserved_detention_beside_a_new_prison_term_is_not_executed():
    """刑法第71条 with 第69条第2款: the new crime's 有期徒刑 is executed, the 拘役 left unserved is not; the step says so
    (before, it read as a combination "between 8 and 8 months" of a total that counts the 拘役)."""
    text = (
        "经审理查明：2019年3月5日，被告人甲在某超市窃得手机两部，价值人民币9000元。本院认为，被告人甲在前罪刑罚执行完毕"
        "以前又犯新罪，应将前罪尚未执行的拘役二个月与新罪并罚。"
    )
    alone = calculate(extract(text.split("本院认为")[0], ["盗窃"]))
    calc = calculate(extract(text, ["盗窃"]))
    assert alone.penalty == "imprisonment"
    assert (calc.penalty, calc.months) == ("imprisonment", alone.months)
    step = next(s for s in calc.steps if s.rule_id == "method.art71")
    assert "前罪余刑拘役2个月" in step.description_zh and "执行有期徒刑" in step.description_zh


def test_an_unserved_prison_term_is_still_combined():
    text = (
        "经审理查明：2019年3月5日，被告人甲在某超市窃得手机两部，价值人民币9000元。本院认为，被告人甲在前罪刑罚执行完毕"
        "以前又犯新罪，应将前罪尚未执行的有期徒刑六个月与新罪并罚。"
    )
    alone = calculate(extract(text.split("本院认为")[0], ["盗窃"]))
    calc = calculate(extract(text, ["盗窃"]))
    assert alone.months < calc.months <= alone.months + 6
    assert "前罪余刑6个月" in next(s for s in calc.steps if s.rule_id == "method.art71").description_zh
