"""Dates as judgments write them (numbers.DATE_RE / date_of): 元月 for January, 号 for the day, 月份, and the parts of a
month or year (初, 上旬, 中旬, 下旬, 底, 末). Dates decide which interpretation's thresholds apply (刑法第12条), the five
years of 累犯 (第65条) and the age at the crime (第17条). Fact texts written for these tests."""

import re
from datetime import date

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.numbers import DATE, DATE_RE, date_of


def read(text: str) -> date | None:
    return date_of(DATE_RE.search(text))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2014年5月3日", date(2014, 5, 3)),
        ("二〇一四年五月三日", date(2014, 5, 3)),
        ("2014年元月5日", date(2014, 1, 5)),
        ("二〇一四年元月", date(2014, 1, 1)),
        ("2014年5月3号晚", date(2014, 5, 3)),
        ("2014年5月份", date(2014, 5, 1)),
        ("2014年5月初", date(2014, 5, 1)),
        ("2014年5月上旬", date(2014, 5, 1)),
        ("2014年5月中旬", date(2014, 5, 15)),
        ("2014年5月份下旬", date(2014, 5, 21)),
        ("2014年4月底", date(2014, 4, 30)),
        ("2016年2月末", date(2016, 2, 29)),
        ("2015年2月底", date(2015, 2, 28)),
        ("2014年初", date(2014, 1, 1)),
        ("2014年年初", date(2014, 1, 1)),
        ("2014年底", date(2014, 12, 31)),
        ("2014年年末", date(2014, 12, 31)),
    ],
)
def test_each_form_gives_its_date(text, day):
    assert read(text) == day


def test_the_match_covers_the_whole_written_date():
    assert DATE_RE.search("被告人于2014年5月份下旬起多次").group(0) == "2014年5月份下旬"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a building, a yard, a room: 3号楼 is no day, the month stays
        ("2014年5月3号楼", date(2014, 5, 1)),
        ("2014年5月在某小区3号院", date(2014, 5, 1)),
        # 初中 (a school) and 初三 (a lunar day) are no beginning of a year or a month
        ("2014年5月初三", date(2014, 5, 1)),
    ],
)
def test_words_after_a_date_that_are_no_part_of_it(text, day):
    assert read(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "元月5日，被告人王某",
        "2014年初中毕业",
        "2014年，被告人王某",
        "有期徒刑三年底",
        "2014年13月",
        "2014年2月30日",
    ],
)
def test_no_date_without_a_year_or_a_calendar_day(text):
    assert read(text) is None


def test_the_pattern_without_named_groups_stands_twice_in_one_expression():
    term = re.compile(rf"自(?P<start>{DATE})起至(?P<end>{DATE})止")
    match = term.search("刑期自2014年元月5日起至2015年元月4号止")
    assert match is not None
    assert read(match.group("start")) == date(2014, 1, 5)
    assert read(match.group("end")) == date(2015, 1, 4)


RECORD = "被告人王某曾因犯盗窃罪于2016年3月被某县人民法院判处有期徒刑一年，2017年元月5日刑满释放。"
THEFT = "，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"


def codes(text: str) -> set[str]:
    return {f.code for f in extract(text, ["盗窃"]).circumstances}


@pytest.mark.parametrize("when", ["2022年元月初", "2022年1月5号", "2021年底"])
def test_a_release_in_january_and_a_crime_within_five_years_is_recidivism(when):
    assert "recidivist" in codes(RECORD + when + THEFT)


@pytest.mark.parametrize("when", ["2022年元月下旬", "2022年1月6号"])
def test_a_crime_just_after_the_five_years_is_no_recidivism(when):
    found = codes(RECORD + when + THEFT)
    assert "recidivist" not in found and "prior_record" in found
