"""Exemptions of the special part that Amendment IX (in force 2015-11-01) changed, applied by the date of the facts
(method.yaml `non_custodial.by_statute`, `when`; 刑法第12条 从旧兼从轻):

- 刑法第390条第2款 (行贿): before, a bribe confessed before prosecution 可以减轻处罚或者免除处罚 (exempt in the
  lowest bracket, taken below the floor above it); since, 可以从轻或者减轻处罚 (a mitigation in every bracket), and
  减轻或者免除 only where the text states 犯罪较轻, 对侦破重大案件起关键作用 or 重大立功表现;
- 刑法第241条第6款 (收买被拐卖的妇女、儿童): before, 可以不追究刑事责任 (the nearest outcome: exempt); since, no exemption;
- 刑法第164条第4款 (对非国家工作人员行贿), unchanged: exempt in either period, 减轻 above the lowest bracket.

The fact texts are written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

BRIBE = (
    "经审理查明：{y0}年至{y1}年6月，被告人张某为承揽某县水利工程，先后三次送给时任该县水利局局长李某现金共计"
    "人民币12万元。{y1}年9月，{told}"
)
TOLD = "被告人张某在被追诉前主动交待了上述行贿事实。"
FOUND_OUT = "检察机关对张某立案侦查，张某到案后如实供述了上述事实。"
KEY_ROLE = "被告人张某在被追诉前主动交待了上述行贿事实，对侦破李某受贿重大案件起关键作用。"
SERIOUS = (
    "公诉机关指控：{y0}年至{y1}年3月，被告人王某为获取某市政道路工程，先后多次送给该市建设局副局长刘某现金及"
    "购物卡共计人民币160万元。{y1}年8月，王某{told}"
)
SERIOUS_TOLD = "在被追诉前主动交代了上述行贿行为。"
SERIOUS_FOUND_OUT = "被检察机关传唤到案后如实供述了上述行贿行为。"
BOUGHT_WOMAN = (
    "经审理查明：{y}年3月，被告人陈某以人民币3万元从他人处收买被拐卖的妇女黄某为妻。{y}年10月，黄某提出回家，"
    "陈某按照被买妇女的意愿，不阻碍其返回原居住地，黄某于同月返回原籍。"
)
BOUGHT_CHILD = (
    "经审理查明：2013年5月，被告人周某以人民币4万元收买被拐卖的男童一名。周某对被买儿童没有虐待行为，"
    "2014年2月公安机关解救该男童时，周某不阻碍对其进行解救。"
)
PRIVATE_BRIBE = (
    "经审理查明：{y}年，被告人钱某为承接某公司的物流业务，送给该公司采购经理吴某人民币8万元。"
    "{y}年12月，钱某在被追诉前主动交待了上述行贿事实。"
)


def _calc(text, charge="行贿"):
    return calculate(extract(text, charges=[charge]))


def _rule_ids(calc):
    return [s.rule_id for s in calc.steps]


def test_a_bribe_of_2013_confessed_before_prosecution_is_exempt_under_the_earlier_text():
    calc = _calc(BRIBE.format(y0=2012, y1=2013, told=TOLD))
    assert (calc.penalty, calc.months) == ("exempt", 0)
    step = next(s for s in calc.steps if s.rule_id == "method.exempt.statute")
    assert "刑法修正案（九）施行前" in step.citation and "可以减轻处罚或者免除处罚" in step.citation


def test_the_same_bribe_of_2017_is_a_mitigation_not_an_exemption():
    told = _calc(BRIBE.format(y0=2016, y1=2017, told=TOLD))
    found_out = _calc(BRIBE.format(y0=2016, y1=2017, told=FOUND_OUT))
    assert (told.penalty, told.months) == ("imprisonment", 19)
    assert "method.exempt.statute.mitigation" in _rule_ids(told)
    assert "method.exempt.statute" not in _rule_ids(told)
    assert (found_out.penalty, found_out.months) == ("imprisonment", 19)  # 坦白 weighs the same 从轻


def test_a_bribe_of_2017_with_a_key_role_in_a_major_case_stated_is_exempt():
    calc = _calc(BRIBE.format(y0=2016, y1=2017, told=KEY_ROLE))
    assert (calc.penalty, calc.months) == ("exempt", 0)
    step = next(s for s in calc.steps if s.rule_id == "method.exempt.statute")
    assert "对侦破重大案件起关键作用的" in step.citation and "2015年11月1日施行" in step.citation


def test_a_bribe_of_2017_stated_to_be_a_lesser_crime_is_exempt():
    text = (
        "经审理查明：2017年春节前，被告人赵某为在工程验收中获得关照，送给某镇副镇长孙某现金人民币5万元。"
        "2017年10月，赵某在被追诉前主动交待了上述行贿事实，其犯罪较轻。"
    )
    assert (_calc(text).penalty, _calc(text).months) == ("exempt", 0)


def test_a_bribe_found_out_before_the_confession_is_not_exempt_in_either_period():
    calc = _calc(BRIBE.format(y0=2012, y1=2013, told=FOUND_OUT))
    assert (calc.penalty, calc.months) == ("imprisonment", 19)
    assert not any("statute" in r for r in _rule_ids(calc))


def test_a_bribe_not_confessed_before_prosecution_is_not_exempt():
    text = (
        "经审理查明：2013年春节前，被告人赵某为在工程验收中获得关照，送给某镇副镇长孙某现金人民币5万元。"
        "赵某未在被追诉前主动交待行贿行为，2013年11月被检察机关传唤到案。"
    )
    assert _calc(text).penalty == "imprisonment" and _calc(text).months > 0


@pytest.mark.parametrize(("y0", "y1", "months"), [(2011, 2014, 59), (2014, 2016, 64)])
def test_a_serious_bribe_confessed_before_prosecution_is_taken_below_the_floor_only_before_2015_11(
    y0, y1, months
):
    """情节严重 (五年以上): before, 减轻 (below five years); since, 从轻或者减轻 (weighed, 减轻 allowed)."""
    told = _calc(SERIOUS.format(y0=y0, y1=y1, told=SERIOUS_TOLD))
    found_out = _calc(SERIOUS.format(y0=y0, y1=y1, told=SERIOUS_FOUND_OUT))
    assert (told.penalty, told.months) == ("imprisonment", months)
    assert found_out.months == 64


def test_a_bought_woman_let_go_home_before_2015_11_is_exempt_and_after_it_is_not():
    before = _calc(BOUGHT_WOMAN.format(y=2012), "收买被拐卖的妇女、儿童")
    after = _calc(BOUGHT_WOMAN.format(y=2017), "收买被拐卖的妇女、儿童")
    assert (before.penalty, before.months) == ("exempt", 0)
    assert (
        "可以不追究刑事责任" in next(s for s in before.steps if s.rule_id == "method.exempt.statute").citation
    )
    assert after.penalty == "imprisonment" and after.months == 8


def test_a_bought_child_not_abused_and_let_be_rescued_before_2015_11_is_exempt():
    calc = _calc(BOUGHT_CHILD, "收买被拐卖的妇女、儿童")
    assert (calc.penalty, calc.months) == ("exempt", 0)


@pytest.mark.parametrize("year", [2013, 2017])
def test_a_bribe_to_a_company_employee_confessed_before_prosecution_is_exempt_in_either_period(year):
    calc = _calc(PRIVATE_BRIBE.format(y=year), "对非国家工作人员行贿")
    assert (calc.penalty, calc.months) == ("exempt", 0)


def test_a_huge_bribe_to_a_company_employee_confessed_before_prosecution_is_taken_below_three_years():
    """刑法第164条第4款 allows 减轻 or 免除 (no 从轻): above the lowest bracket (数额巨大) the term goes below its floor."""
    text = (
        "经审理查明：2016年至2017年，被告人钱某为承接某公司的物流业务，先后多次送给该公司采购经理吴某人民币260万元。"
        "2017年12月，钱某{told}"
    )
    told = _calc(text.format(told="在被追诉前主动交待了上述行贿事实。"), "对非国家工作人员行贿")
    found_out = _calc(text.format(told="被公安机关抓获，到案后如实供述了上述事实。"), "对非国家工作人员行贿")
    assert found_out.months >= 36
    assert (told.penalty, told.months) == ("imprisonment", 35)


ROAD = "经审理查明：{acts}，被告人孙某为承揽某镇道路工程，送给该镇镇长周某现金共计人民币10万元。{told}"


def test_a_bribe_confessed_before_the_procuratorate_opened_a_case_is_confessed_before_prosecution():
    """被追诉前: before 立案 (法释〔2012〕22号第十三条), also told in those words."""
    text = ROAD.format(
        acts="2013年至2014年4月", told="2014年7月，在检察机关对其立案侦查前，孙某主动交代了上述行贿事实。"
    )
    assert (_calc(text).penalty, _calc(text).months) == ("exempt", 0)


def test_a_bribe_of_2014_confessed_in_2016_is_judged_by_the_earlier_text():
    """刑法第12条: the acts' date (told before the confession), not the confession's, decides which text governs."""
    text = ROAD.format(acts="2013年至2014年4月", told="2016年3月，孙某在被追诉前主动交代了上述行贿事实。")
    calc = _calc(text)
    assert (calc.penalty, calc.months) == ("exempt", 0)
    assert (
        "刑法修正案（九）施行前"
        in next(s for s in calc.steps if s.rule_id == "method.exempt.statute").citation
    )


@pytest.mark.parametrize(
    "further",
    [
        "，对侦破周某受贿案起到了关键作用。",
        "。另查明，孙某在羁押期间检举他人重大犯罪，经查证属实，有重大立功表现。",
    ],
)
def test_a_bribe_of_2017_with_the_amended_articles_further_condition_told_apart_is_exempt(further):
    text = ROAD.format(acts="2016年", told="2017年5月，孙某在被追诉前主动交代了上述行贿事实" + further)
    assert (_calc(text).penalty, _calc(text).months) == ("exempt", 0)


def test_a_bribe_confessed_only_after_the_case_was_opened_is_not_exempt():
    text = ROAD.format(
        acts="2012年", told="2013年8月，检察机关对孙某以涉嫌行贿罪立案侦查后，孙某交代了上述事实。"
    )
    assert (_calc(text).penalty, _calc(text).months) == ("imprisonment", 21)


@pytest.mark.parametrize(
    ("let_go", "penalty"),
    [
        ("陈某同意并未加阻拦，杨某遂返回原籍。", "exempt"),
        ("陈某不允许，后杨某被公安机关解救。", "imprisonment"),
    ],
)
def test_a_bought_woman_whose_wish_to_go_home_was_granted_in_2012_is_exempt(let_go, penalty):
    text = (
        "经审理查明：2011年5月，被告人陈某以人民币2.5万元收买被拐卖的妇女杨某为妻。2012年2月，杨某要求返回云南老家，"
        + let_go
    )
    assert _calc(text, "收买被拐卖的妇女、儿童").penalty == penalty
