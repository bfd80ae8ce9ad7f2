"""latest_date reads dates written in Chinese numerals as it reads the same dates in Arabic ones (issue 16, E22):
judgments and indictments often write 二〇一四年八月十二日, 二〇一四年八月, 同年十月. The date decides which figures a dated rule
applies (刑法第12条: the law, and the judicial interpretation, in force when the case is decided). Other numerals are
no dates: a term (三年有期徒刑), a document number (二〇一四号), a count of months. The texts are written for these tests."""

from datetime import date
from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_thresholds import latest_date
from leniency.sentencing.extraction.numbers import arabic_dates
from leniency.sentencing.facts import CaseFacts


@pytest.mark.parametrize(
    "chinese, arabic",
    [
        ("二〇一四年八月十二日晚，被告人张某在某超市盗窃。", "2014年8月12日晚，被告人张某在某超市盗窃。"),
        ("二〇一四年八月，被告人张某在某超市盗窃。", "2014年8月，被告人张某在某超市盗窃。"),
        ("二〇一三年，被告人张某多次盗窃。", "2013年，被告人张某多次盗窃。"),
        ("二零一五年十二月三十一日，张某盗窃。", "2015年12月31日，张某盗窃。"),
        ("二○一六年十一月二十日，张某盗窃。", "2016年11月20日，张某盗窃。"),  # ○ (U+25CB) for nought
        (
            "二〇一四年三月五日，张某盗窃。同年十月，张某再次盗窃。",
            "2014年3月5日，张某盗窃。同年10月，张某再次盗窃。",
        ),
        ("二〇一六年十一月，李某借款。次年二月，李某潜逃。", "2016年11月，李某借款。次年2月，李某潜逃。"),
        (
            "二〇一九年六月三日，王某诈骗。同月二十五日，王某又诈骗。",
            "2019年6月3日，王某诈骗。同月25日，王某又诈骗。",
        ),
        ("2014年十月十日，张某盗窃。", "2014年10月10日，张某盗窃。"),
    ],
)
def test_a_date_in_chinese_numerals_reads_as_the_same_date_in_arabic_ones(chinese, arabic):
    assert arabic_dates(chinese) == arabic
    assert latest_date(chinese) == latest_date(arabic) is not None


def test_each_form_gives_its_date():
    assert latest_date("二〇一四年八月十二日晚，被告人张某盗窃电动车一辆。") == date(2014, 8, 12)
    assert latest_date("二〇一四年八月，被告人张某盗窃电动车一辆。") == date(2014, 8, 1)
    assert latest_date("二〇一四年三月五日，张某盗窃。同年十月，张某再次盗窃。") == date(2014, 10, 1)
    assert latest_date("二〇一三年，张某多次盗窃。") == date(2013, 12, 31)  # a year alone: its last day
    # the latest of both kinds, whichever is written in which
    assert latest_date("2014年3月，张某盗窃；二〇一五年一月，张某再次盗窃。") == date(2015, 1, 1)
    assert latest_date("二〇一五年一月，张某盗窃；2015年3月8日，张某再次盗窃。") == date(2015, 3, 8)


def test_numerals_that_are_no_dates_stay_what_they_are():
    for text in (
        "被告人张某曾因盗窃罪被判处三年有期徒刑。",
        "某市公安局某分局（二〇一四号）立案决定书。",
        "判处有期徒刑二年六个月，缓刑三年。",
        "同年十二个月内，张某三次盗窃。",  # 十二个月 is a duration, not 十二月
        "被害人当年十二岁。",
        "同月二十余日",  # no day
        "一二〇一四年",  # five numerals before 年: not a year
    ):
        assert arabic_dates(text) == text
        assert latest_date(text) is None, text


def test_a_birth_date_in_chinese_numerals_is_no_date_of_the_acts():
    assert latest_date("被告人猥亵被害人李某（女，二〇〇九年四月一日出生）。") is None
    assert latest_date("二〇一五年四月二十日，双方生一对子女。") == date(2015, 4, 20)


def test_a_month_no_calendar_has_is_no_date_as_in_arabic():
    assert latest_date("二〇一四年十三月") is None and latest_date("2014年13月") is None
    assert latest_date("一九六〇年，张某参军。") is None  # before the first Criminal Law, as 1960年 is


def _deposits(text):
    calc = calculate(CaseFacts(text=text, charges=["非法吸收公众存款"], amount_yuan=Decimal(3000000)))
    return next((s.rule_id for s in calc.steps if ".thresholds." in (s.rule_id or "")), None)


def test_a_date_in_chinese_numerals_chooses_the_figures_of_the_interpretation_then_in_force():
    """3,000,000 yuan taken up to 二〇二一年十月: decided before 2022-03-01, so on 法释〔2010〕18号第三条's figures
    (illegal_deposits.yaml before_2022); up to 二〇二二年三月, on the 2022 interpretation's (no variant step)."""
    assert _deposits("二〇二〇年五月至二〇二一年十月，被告人赵某向社会公众吸收存款300万元。") == (
        "crime.illegal_deposits.thresholds.before_2022"
    )
    assert _deposits("二〇二〇年五月至二〇二二年三月，被告人赵某向社会公众吸收存款300万元。") is None
