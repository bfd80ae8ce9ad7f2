"""A charge without a guideline standard but with amount thresholds in a judicial interpretation:
the amount picks the statutory bracket and the place inside it (standards/amount_brackets.yaml)."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts

RULE = "method.no_guideline.amount"


def _start(calc):
    return next(s for s in calc.steps if s.kind == "starting_point").months_after


def test_embezzlement_of_250000_yuan_is_in_the_three_to_ten_year_bracket():
    """贪污 250,000 yuan ≥ 200,000 (数额巨大, 2016 interpretation art. 2) -> 刑法第383条 3-10 years.

    Position: ln(250000/200000) / ln(3000000/200000) = 0.082 of the way to the next threshold, so
    0.1 + 0.5 × 0.082 = 14% into [36, 120] months: 36 + 0.14 × 84 ≈ 47.8 months.
    """
    calc = calculate(CaseFacts(text="被告人甲贪污公款。", charges=["贪污"], amount_yuan=Decimal(250000)))
    step = next(s for s in calc.steps if s.rule_id == RULE)
    assert "2016" in step.citation and "200,000" in step.description_zh
    assert abs(_start(calc) - 47.8) < 0.2


def test_a_larger_amount_never_starts_lower():
    starts = [
        _start(calculate(CaseFacts(text="被告人甲受贿。", charges=["受贿"], amount_yuan=Decimal(amount))))
        for amount in (10000, 30000, 100000, 200000, 1000000, 3000000, 9000000)
    ]
    assert starts == sorted(starts)
    assert starts[-1] >= 120  # 数额特别巨大: ten years or more


def test_statutory_sales_figures_of_article_140():
    """生产、销售伪劣产品: 销售金额 600,000 yuan is in art. 140's 7-to-15-year bracket (500,000–2,000,000)."""
    calc = calculate(
        CaseFacts(text="被告人甲销售伪劣产品。", charges=["生产、销售伪劣产品"], amount_yuan=Decimal(600000))
    )
    assert 84 <= _start(calc) <= 180


def test_no_amount_keeps_the_lowest_bracket():
    calc = calculate(CaseFacts(text="被告人甲贪污公款。", charges=["贪污"]))
    assert not [s for s in calc.steps if s.rule_id == RULE]
    assert _start(calc) < 36


def test_misappropriation_needs_non_return_for_the_ten_year_bracket():
    """挪用公款 6,000,000 yuan ≥ 5,000,000 (数额巨大, 2016 interpretation art. 6): 刑法第384条 gives ten
    years or more only when the money is not returned (数额巨大不退还). Without words saying so the
    amount reaches the 情节严重 bracket (five years or more); with 未归还 it reaches ten years or more."""
    returned = calculate(
        CaseFacts(
            text="被告人甲挪用公款进行营利活动，案发前已全部归还。",
            charges=["挪用公款"],
            amount_yuan=Decimal(6000000),
        )
    )
    kept = calculate(
        CaseFacts(
            text="被告人甲挪用公款进行营利活动，至案发仍未归还。",
            charges=["挪用公款"],
            amount_yuan=Decimal(6000000),
        )
    )
    note = next(s for s in returned.steps if s.rule_id == RULE).description_zh
    assert "达到2,000,000元的标准" in note and "5年以上有期徒刑" in note
    assert 60 <= _start(returned) < 180
    note = next(s for s in kept.steps if s.rule_id == RULE).description_zh
    assert "达到5,000,000元的标准" in note and "10年以上" in note
    assert _start(kept) >= 120


def test_facts_before_amendment_11_use_the_earlier_brackets():
    """非国家工作人员受贿 686,260 yuan, facts in 2015: before Amendment 11 (2021-03-01) art. 163 had two
    brackets, 数额较大 → up to five years or 拘役 and 数额巨大 (1,000,000, 2016 interpretation art. 11) →
    five years or more. 686,260 ≥ 60,000 is 数额较大: position 0.1 + 0.5 × ln(686260/60000) /
    ln(1000000/60000) = 0.532 of [6, 60] months -> 6 + 0.532 × 54 ≈ 34.7 months. The same facts in
    2022 are in the current first bracket (three years or less): 6 + 0.532 × 30 ≈ 22.0 months."""

    def run(year):
        text = f"{year}年3月，被告人甲利用职务便利收受他人财物共计686260元。"
        return calculate(CaseFacts(text=text, charges=["非国家工作人员受贿"], amount_yuan=Decimal(686260)))

    old, new = run(2015), run(2022)
    assert any(s.rule_id == "method.earlier_law" for s in old.steps)
    assert not any(s.rule_id == "method.earlier_law" for s in new.steps)
    assert abs(_start(old) - 34.7) < 0.2
    assert abs(_start(new) - 22.0) < 0.2


def test_earlier_misappropriation_of_funds_is_capped_at_ten_years():
    """挪用资金 200,000,000 yuan in 2014: the earlier art. 272 has no bracket above 3-10 years."""
    calc = calculate(
        CaseFacts(
            text="2014年5月，被告人甲挪用本单位资金2亿元。",
            charges=["挪用资金"],
            amount_yuan=Decimal(200000000),
        )
    )
    assert 36 <= _start(calc) <= 120
    assert calc.months <= 120


def test_an_amount_below_the_lowest_threshold_is_not_said_to_reach_it():
    """挪用公款 for 营利活动 reaches 数额较大 at 50,000 yuan (2016 interpretation art. 6): 597 yuan does not,
    and the step says so instead of "达到50,000元的标准"; the bracket is still the lowest one."""
    below = calculate(
        CaseFacts(text="被告人甲挪用公款进行营利活动。", charges=["挪用公款"], amount_yuan=Decimal(597))
    )
    step = next(s for s in below.steps if s.rule_id == RULE)
    assert "未达到50,000元" in step.description_zh and "below the 50,000" in step.description_en
    assert "达到50,000元的标准" not in step.description_zh
    above = calculate(
        CaseFacts(text="被告人甲挪用公款进行营利活动。", charges=["挪用公款"], amount_yuan=Decimal(60000))
    )
    step = next(s for s in above.steps if s.rule_id == RULE)
    assert "达到50,000元的标准" in step.description_zh and "未达到" not in step.description_zh
    assert _start(below) <= _start(above) < 60
