"""Charges of the long tail measured in yuan by a national standard (standards/amount_brackets.yaml, issue 16).

故意毁坏财物 (刑法第275条): 数额较大 is a loss of 5,000 yuan (立案追诉标准（一）第三十三条第（一）项); 数额巨大 has no
national figure, so the amount alone never reaches the 3-7-year bracket, the statute's words do. Fact texts written
for these tests, not taken from any data set.
"""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

RULE = "method.no_guideline.amount"
SMASHED = (
    "经审理查明：2021年4月9日晚，被告人孙某因与邻居钱某有宅基地纠纷，持铁锤将钱某停放在院外的货车车窗、"
    "车灯砸坏。经价格认定，该车损失价值人民币{amount}元。"
)


def _damage(amount: int, more: str = ""):
    return calculate(extract(SMASHED.format(amount=amount) + more, ["故意毁坏财物"]))


def _start(calc) -> float:
    return next(s for s in calc.steps if s.kind == "starting_point").months_after


def test_a_loss_above_five_thousand_yuan_is_placed_by_the_standard_of_article_33():
    calc = _damage(12000)
    step = next(s for s in calc.steps if s.rule_id == RULE)
    assert "第三十三条" in step.citation and "5,000" in step.description_zh
    # ln(12000/5000)/ln(10) = 0.38 of the way: 0.1 + 0.5 × 0.38 = 29% into [6, 36] months
    assert abs(_start(calc) - (6 + 30 * (0.1 + 0.5 * 0.380))) < 0.1


def test_a_loss_below_five_thousand_yuan_reaches_no_standard():
    calc = _damage(4999)
    [step] = [s for s in calc.steps if s.rule_id == RULE]
    assert "未达到5,000元的数额较大标准" in step.description_zh
    assert _start(calc) == 6 + 30 * 0.1  # the lowest place of the lowest bracket


def test_a_larger_loss_never_starts_lower():
    starts = [_start(_damage(a)) for a in (1000, 5000, 8000, 20000, 50000, 400000)]
    assert starts == sorted(starts) and starts[0] < starts[2] < starts[-1]


def test_no_national_figure_for_a_huge_loss_keeps_the_lowest_bracket():
    """400,000 yuan of damage: no interpretation sizes 数额巨大, so the amount stays in the three-year bracket."""
    calc = _damage(400000)
    assert calc.charges[0].bracket_label == "3年以下有期徒刑、拘役"
    assert _start(calc) <= 36


def test_the_statutes_words_reach_the_three_to_seven_year_bracket():
    calc = _damage(400000, "被告人孙某毁坏他人财物，数额巨大。")
    assert calc.charges[0].bracket_label == "3年以上7年以下有期徒刑"
    assert 36 <= _start(calc) <= 84
