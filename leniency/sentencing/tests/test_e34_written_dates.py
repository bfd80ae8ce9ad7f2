"""numbers.written_dates is the one reader of the dates of the facts (issue 16, E34): every date in order, a year
alone, the dates written relative to the one before (同年8月, 次年初, 同月20日), birth dates marked, and what was
written (year, month, day). calculator_thresholds.latest_date (which interpretation's figures apply, 刑法第12条) is a
short policy on top of it. The texts are written for these tests."""

from datetime import date

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_thresholds import decided_before, latest_date
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.numbers import DATE_RE, date_of, written_dates


def _read(text):
    return [(d.year, d.month, d.day, d.part, d.precision) for d in written_dates(text)]


def test_every_date_in_order_with_what_was_written():
    text = "2013年，张某开始吸收存款；2014年5月下旬又吸收；2015年3月8号案发，二〇一五年四月二十日退赔。"
    assert _read(text) == [
        (2013, None, None, None, "year"),
        (2014, 5, None, "下旬", "month"),
        (2015, 3, 8, None, "day"),
        (2015, 4, 20, None, "day"),
    ]
    found = list(written_dates(text))
    assert (
        found[2].span.quote == "2015年3月8号"
        and text[found[2].span.start : found[2].span.end] == "2015年3月8号"
    )
    assert [d.as_date() for d in found] == [
        date(2013, 1, 1),
        date(2014, 5, 21),
        date(2015, 3, 8),
        date(2015, 4, 20),
    ]


def test_relative_dates_are_read_against_the_date_before():
    text = (
        "2016年11月3日，李某借款。同月底，李某又借款。次年元月，李某携款潜逃；同年3月20日被抓获，当年底退赔。"
    )
    found = list(written_dates(text))
    assert [(d.year, d.month, d.day, d.part) for d in found] == [
        (2016, 11, 3, None),
        (2016, 11, None, "底"),
        (2017, 1, None, None),
        (2017, 3, 20, None),
        (2017, None, None, "底"),
    ]
    assert [d.relative for d in found] == [False, True, True, True, True]
    assert found[1].as_date() == date(2016, 11, 30) and found[4].as_date() == date(2017, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "同年8月，被告人张某盗窃电动车一辆。",  # nothing before it
        "2015年3月，张某盗窃。同年，张某又盗窃。",  # 同年 with no month or part: not read
        "2015年3月，张某盗窃。同年十二个月内三次盗窃。",  # a duration, not December
        "2015年3月，张某盗窃。被害人当年十二岁。",
        "2015年，张某多次盗窃。同月20日，张某被抓获。",  # 同月 after a year alone: no month to refer to
    ],
)
def test_a_relative_date_with_nothing_to_refer_to_is_no_date(text):
    assert all(not d.relative for d in written_dates(text))


def test_a_birth_date_is_marked_and_is_not_what_a_relative_date_refers_to():
    text = "2014年3月，被告人猥亵被害人李某（女，2009年4月1日出生）。同年8月，被告人再次猥亵李某。"
    found = list(written_dates(text))
    assert [(d.year, d.month, d.birth) for d in found] == [
        (2014, 3, False),
        (2009, 4, True),
        (2014, 8, False),
    ]
    # a child born in the facts is an event of them
    assert [d.birth for d in written_dates("双方于2015年4月20日生一对子女。")] == [False]
    assert [d.birth for d in written_dates("介绍吴某（2001年生）到其店内打工。")] == [True]


def test_forms_of_the_year_and_what_is_no_year():
    assert _read("二ＯＯ九年三月，张某盗窃。") == [(2009, 3, None, None, "month")]  # the letter Ｏ for nought
    assert _read("2014 年 8 月 5 日，张某盗窃。") == [(2014, 8, 5, None, "day")]
    assert _read("一二〇一四年五月") == [] and _read("12014年5月") == []  # five digits: no year
    assert _read("2014年13月") == []
    assert _read("住3号楼。2014年5月3号楼下") == [(2014, 5, None, None, "month")]  # a building, not a day


def test_a_day_its_month_has_not_tells_no_calendar_date():
    (found,) = written_dates("2015年2月30日")
    assert found.day == 30 and found.as_date() is None


def test_date_re_still_needs_a_month_and_date_of_reads_as_before():
    assert DATE_RE.search("2014年，张某多次盗窃。") is None
    assert date_of(DATE_RE.search("2014年元月5日")) == date(2014, 1, 5)
    assert date_of(DATE_RE.search("2014年5月下旬")) == date(2014, 5, 21)
    assert date_of(DATE_RE.search("2014年底")) == date(2014, 12, 31)
    assert date_of(DATE_RE.search("2014年2月30日")) is None


# latest_date: the day or the part of the month written counts. 法释〔2016〕9号 (贪污贿赂解释) is in force from
# 2016-04-18 (embezzlement.yaml before_2016); the interpretation in force when the case is decided applies, and the
# latest date of the facts is the earliest the case can have been decided. Before E34 latest_date read 5月20号 and
# 5月下旬 as the month's first day, so acts after the cut-off were judged on the figures before it.
@pytest.mark.parametrize(
    ("text", "latest", "before_cut_off"),
    [
        ("2016年4月20号，被告人王某侵占公司货款。", date(2016, 4, 20), False),
        ("2016年4月17号，被告人王某侵占公司货款。", date(2016, 4, 17), True),
        ("2016年4月下旬，被告人王某侵占公司货款。", date(2016, 4, 21), False),
        ("2016年4月中旬，被告人王某侵占公司货款。", date(2016, 4, 15), True),
        ("2016年4月3日，王某侵占公司货款；同月底，王某携款潜逃。", date(2016, 4, 28), False),
        ("2016年4月3日，王某侵占公司货款。", date(2016, 4, 3), True),
    ],
)
def test_latest_date_counts_the_day_or_part_of_the_month_written(text, latest, before_cut_off):
    assert latest_date(text) == latest
    assert decided_before(text, "2016-04-18") is before_cut_off


def test_latest_date_keeps_its_choices():
    assert latest_date("2016年4月3日，王某侵占货款；同年底退赔。") == date(
        2016, 12, 31
    )  # a year's part: its end
    assert latest_date("2014年初，王某侵占货款。") == date(2014, 12, 31)  # a year named alone: its last day
    assert latest_date("2016年3月31日，王某侵占货款。") == date(2016, 3, 28)  # days 29-31 as the 28th
    assert latest_date("被告人（1985年3月生）于1978年5月参军。") is None  # a birth date; before 1979


def _embezzlement(text: str):
    return [s.rule_id for s in calculate(extract(text, charges=["职务侵占"])).steps]


def test_acts_late_in_april_2016_are_judged_on_the_2016_figures():
    """125,150 yuan taken 2016年4月下旬: decided after 2016-04-18, on 法释〔2016〕9号's figures; 4月上旬 may have
    been decided before it (embezzlement.yaml before_2016)."""
    late = _embezzlement("2016年4月下旬，被告人王某利用职务便利，侵占公司货款125150元。")
    early = _embezzlement("2016年4月上旬，被告人王某利用职务便利，侵占公司货款125150元。")
    assert "crime.embezzlement.thresholds.before_2016" not in late
    assert "crime.embezzlement.thresholds.before_2016" in early
