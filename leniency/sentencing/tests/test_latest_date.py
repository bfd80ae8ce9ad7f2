"""latest_date reads the dates as judgments write them (issue 16, E21): a year named alone counts as its last day,
同年/当年 and 次年/翌年 with a month take the year of the date before them, 同月/当月 its month; birth dates are no
dates of the acts. What it decides: which figures a dated threshold variant applies (刑法第12条; a judicial
interpretation in force when the case was decided). The texts are written for these tests."""

from datetime import date
from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_thresholds import decided_before, latest_date
from leniency.sentencing.facts import CaseFacts


def test_same_year_takes_the_year_of_the_date_before_it():
    text = "2014年3月5日，被告人张某在某市场盗窃手机一部。同年8月，张某又在该市场盗窃钱包一个。"
    assert latest_date(text) == date(2014, 8, 1)
    assert latest_date("2014年3月5日晚，张某盗窃。当年9月12日，张某再次盗窃。") == date(2014, 9, 12)


def test_the_next_year_and_the_same_month():
    assert latest_date("2016年11月，李某借款。次年2月，李某携款潜逃。") == date(2017, 2, 1)
    assert latest_date("2016年11月，李某借款；翌年1月10日到期。") == date(2017, 1, 10)
    assert latest_date("2019年6月3日，王某诈骗钱某。同月20日，王某又诈骗孙某。") == date(2019, 6, 20)


def test_a_relative_date_with_nothing_before_it_is_no_date():
    assert latest_date("同年8月，被告人张某盗窃电动车一辆。") is None
    assert latest_date("同月20日，被告人张某盗窃电动车一辆。") is None
    # 同月 after a year named alone: no month to refer to
    assert latest_date("2015年，张某多次盗窃。同月20日，张某被抓获。") == date(2015, 12, 31)


def test_a_year_alone_counts_as_its_last_day():
    text = "2011年至2013年期间，被告人赵某以高息为诱饵向社会公众吸收存款。"
    assert latest_date(text) == date(2013, 12, 31)
    assert decided_before(text, "2014-01-01")
    assert not decided_before(text, "2013-12-31")  # a cut-off inside the year: not known to be before it
    # a year alone never reaches past a later dated act
    assert latest_date("2013年起，赵某吸收存款，至2015年5月案发。") == date(2015, 5, 1)


def test_birth_dates_are_not_dates_of_the_acts():
    assert latest_date("被告人猥亵被害人李某（女，2009年4月1日出生）。") is None
    assert latest_date("介绍吴某（2001年生）到其店内打工。") is None
    # a child born in the facts ("生一对子女") is an event of them, with its date
    assert latest_date("双方于2015年4月20日生一对子女。") == date(2015, 4, 20)


def test_existing_readings_stay():
    assert latest_date("2013年3月至2014年2月25日，共计") == date(2014, 2, 25)
    assert latest_date("1950年出生的被告人") is None
    assert latest_date("1970年，被告人参军") is None  # before the first Criminal Law
    assert latest_date("2014年13月") is None
    assert latest_date("没有日期") is None


def _deposits(text):
    calc = calculate(CaseFacts(text=text, charges=["非法吸收公众存款"], amount_yuan=Decimal(3000000)))
    return next((s.rule_id for s in calc.steps if ".thresholds." in (s.rule_id or "")), None)


def test_a_year_alone_chooses_the_figures_of_the_interpretation_then_in_force():
    """3,000,000 yuan taken "2011年至2013年期间": decided before 2022-03-01, so on 法释〔2010〕18号第三条's figures
    (illegal_deposits.yaml before_2022); taken "2020年至2022年期间" it may have ended after that day: the 2022 figures."""
    assert _deposits("2011年至2013年期间，被告人赵某向社会公众吸收存款300万元。") == (
        "crime.illegal_deposits.thresholds.before_2022"
    )
    assert _deposits("2020年至2022年期间，被告人赵某向社会公众吸收存款300万元。") is None
