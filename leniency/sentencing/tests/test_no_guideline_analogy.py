"""A charge without a guideline starts where the guideline starts the crimes it covers with the same bracket.

The texts are written for this test. The old start, a quarter of the prison part of the bracket (三年以下: 13.5 months),
put the dev judgments of such charges about 40% above the courts' terms; the guideline's crimes were not biased.
"""

from __future__ import annotations

from statistics import median

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract
from leniency.sentencing.standards import load_standard

SEALS = "伪造、变造、买卖国家机关公文、证件、印章"


def _start(text: str, charge: str):
    calc = calculate(extract(text, charges=[charge]))
    return next(s for s in calc.steps if s.kind == "starting_point")


def test_a_forged_official_seal_starts_where_the_guideline_starts_its_three_year_crimes():
    step = _start("2016年3月，被告人韩某为他人私刻某镇人民政府公章一枚，收取费用300元。", SEALS)
    assert step.rule_id == "method.no_guideline.analogy"
    assert step.months_after == 8  # not 6 + 30 × 25% = 13.5
    assert "3年以下有期徒刑、拘役" in step.description_zh and "19个罪名" in step.description_zh


def test_a_pyramid_scheme_starts_where_the_guideline_starts_its_five_year_crimes():
    step = _start(
        "被告人彭某自2015年起组织传销活动，要求参加者缴纳入门费并发展下线。",  # no members told (E100: they place it)
        "组织、领导传销活动",
    )
    assert (step.rule_id, step.months_after) == ("method.no_guideline.analogy", 10)


def test_a_bracket_the_guideline_gives_one_crime_alone_keeps_the_share_of_the_bracket():
    """五年以下有期徒刑 without 拘役: only 猥亵儿童 among the guideline's crimes, too few to stand for the bracket."""
    step = _start(
        "被告人温某明知他人持有的枪支系违规制造，仍于2017年5月在其店内出售枪支三支。", "违规制造、销售枪支"
    )
    assert (step.rule_id, step.months_after) == ("method.no_guideline", 6 + 54 * 0.25)


def test_the_start_is_the_median_of_the_guidelines_own_starting_points_for_that_bracket():
    standard = load_standard()
    bracket = find_charge(SEALS).brackets[0]
    start, crimes = standard.guideline_start(bracket)
    theirs = [
        tier.start_at
        for crime in standard.crimes.values()
        if crime.from_guideline
        for tier in crime.tiers
        # a tier in a bracket only the earlier text has (集资诈骗's 数额特别巨大) is no start of the present law
        if tier.bracket is not None
        and tier.bracket < len(find_charge(crime.charge).brackets)
        and (b := find_charge(crime.charge).brackets[tier.bracket]).imprisonment == bracket.imprisonment
        and b.detention
    ]
    assert start == median(theirs) and len(crimes) >= 2
    assert {"盗窃", "诈骗", "故意伤害"} <= set(crimes)
    # a crime file the Criminal Law alone gives (故意杀人, 过失致人死亡) is no guideline start
    homicide_lighter = standard.guideline_start(find_charge("故意杀人").brackets[0])
    assert homicide_lighter[0] == 36 and "故意杀人" not in homicide_lighter[1]
    assert standard.guideline_start(find_charge("过失致人死亡").brackets[0]) is None  # 三年以下, no 拘役
