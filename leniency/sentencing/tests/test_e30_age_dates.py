"""The age at the crime (刑法第17条) counts to the first date of the facts however it is written (numbers.DATE_RE:
Chinese numerals, 元月, 5月下旬, 年初). Fact texts written for these tests."""

import pytest

from leniency.sentencing.extraction.quantities import find_age

BORN = "被告人王某，男，2002年6月1日出生。"
THEFT = "，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"


@pytest.mark.parametrize(
    ("when", "age"),
    [
        ("2020年5月3日", 17),
        ("二〇二〇年五月三日", 17),
        ("2020年元月5日", 17),
        ("2020年初", 17),
        ("2020年5月下旬", 17),
        ("2021年元月5日", 18),
    ],
)
def test_the_age_is_counted_to_the_first_date_of_the_facts(when, age):
    assert find_age(BORN + when + THEFT)[0] == age


def test_a_school_year_is_no_date_of_the_facts():
    text = BORN + "2018年初中毕业后务工。2021年元月5日" + THEFT
    assert find_age(text)[0] == 18
