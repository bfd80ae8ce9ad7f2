"""No harsher sentence on the defendant's own appeal (刑事诉讼法第237条, issue 16 class 7), on fact texts
written here: the original sentence an appeal text states bounds the engine's sentence, unless a protest
(抗诉) is named."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

APPEAL = (
    "原判认定，2019年4月至5月间，被告人尤某先后三次在某小区窃取电动自行车，共计价值人民币6000元。"
    "原审法院以盗窃罪判处被告人尤某拘役五个月，并处罚金人民币3000元。宣判后，尤某不服，提出上诉。"
    "经审理查明的事实与原判相同。"
)


def _calc(text):
    return calculate(extract(text, ["盗窃"]))


def test_the_defendants_appeal_cannot_bring_a_heavier_sentence_than_the_original():
    """6,000 yuan of theft starts above five months of 拘役 (and in 有期徒刑); on the defendant's appeal the
    original 拘役五个月 is the most the second instance may give."""
    first_instance = _calc(APPEAL.replace("原判认定，", "经审理查明，").split("原审法院")[0])
    assert first_instance.penalty == "imprisonment" and first_instance.months > 5
    calc = _calc(APPEAL)
    assert (calc.penalty, calc.months) == ("detention", 5)
    step = next(s for s in calc.steps if s.rule_id == "method.appeal.no_harsher")
    assert "刑事诉讼法第237条" in step.citation and "拘役五个月" in step.description_zh


def test_a_protest_lifts_the_bound():
    """刑事诉讼法第237条第2款: 人民检察院提出抗诉的，不受前款规定的限制."""
    protested = APPEAL.replace("宣判后，尤某不服，提出上诉。", "宣判后，原公诉机关以量刑畸轻为由提出抗诉。")
    calc = _calc(protested)
    assert calc.penalty == "imprisonment" and calc.months > 5
    assert not any(s.rule_id == "method.appeal.no_harsher" for s in calc.steps)


def test_a_lighter_engine_sentence_is_left_as_it_is():
    calc = _calc(APPEAL.replace("拘役五个月", "有期徒刑一年六个月"))
    assert calc.penalty == "imprisonment" and calc.months < 18
    assert not any(s.rule_id == "method.appeal.no_harsher" for s in calc.steps)


LOW_FINE = APPEAL.replace("并处罚金人民币3000元", "并处罚金人民币一千元")


def test_the_defendants_appeal_cannot_bring_a_heavier_fine_than_the_original():
    """罚金 is a penalty (刑法第34条): the engine's fine for 6,000 yuan of theft is above the original 1,000 yuan, and
    on the defendant's appeal the original's is the most the second instance may give."""
    first_instance = _calc(LOW_FINE.replace("原判认定，", "经审理查明，").split("原审法院")[0])
    assert first_instance.fine_yuan > 1000
    calc = _calc(LOW_FINE)
    assert calc.fine_yuan == 1000
    step = next(s for s in calc.steps if "原判罚金" in s.description_zh)
    assert "刑事诉讼法第237条" in step.citation and "1,000元" in step.description_zh


def test_a_protest_lifts_the_bound_on_the_fine():
    protested = LOW_FINE.replace("宣判后，尤某不服，提出上诉。", "宣判后，原公诉机关以量刑畸轻为由提出抗诉。")
    calc = _calc(protested)
    assert calc.fine_yuan > 1000
    assert not any("原判罚金" in s.description_zh for s in calc.steps)


def test_a_fine_the_original_does_not_state_is_not_bounded():
    """并处罚金 without a figure: nothing to compare, the engine's fine stands."""
    calc = _calc(LOW_FINE.replace("并处罚金人民币一千元", "并处罚金"))
    assert calc.fine_yuan > 1000
    assert not any("原判罚金" in s.description_zh for s in calc.steps)


SEVERAL = (
    "原判认定：一、2019年3月5日，被告人甲在某超市窃得手机一部，价值人民币3000元。二、2019年4月2日，被告人甲持木棍将"
    "被害人乙打伤，经鉴定，乙的损伤程度为轻伤一级。原判以盗窃罪判处被告人甲拘役六个月，并处罚金人民币二千元；以故意伤害罪"
    "判处有期徒刑一年，决定执行有期徒刑一年，并处罚金人民币二千元。宣判后，甲不服，提出上诉。"
)


def test_with_several_charges_below_the_sentence_executed_is_the_bound():
    """The first charge's 拘役六个月 is not the original sentence: the one executed (决定执行) is (刑法第69条). Before,
    the engine's twelve months for the two charges were cut to the theft's six."""
    original = extract(SEVERAL, ["盗窃", "故意伤害"]).procedure.original
    assert (original.penalty, original.months) == ("imprisonment", 12)
    assert "决定执行有期徒刑一年" in original.span.quote
    calc = calculate(extract(SEVERAL, ["盗窃", "故意伤害"]))
    assert (calc.penalty, calc.months) == ("imprisonment", 12)
    assert not any("原判有期徒刑" in s.description_zh for s in calc.steps)


def test_with_several_charges_below_a_longer_engine_term_is_cut_to_the_sentence_executed():
    """重伤 gives the injury thirty-six months alone; the sentence executed below, twelve, is the most."""
    heavier = SEVERAL.replace("轻伤一级", "重伤二级")
    calc = calculate(extract(heavier, ["盗窃", "故意伤害"]))
    assert (calc.penalty, calc.months) == ("imprisonment", 12)
    assert any("原判有期徒刑12个月" in s.description_zh for s in calc.steps)
