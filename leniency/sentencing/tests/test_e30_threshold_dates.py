"""calculator_thresholds.latest_date reads 元月 as January (2014年元月5日), not as the year alone, whose last day
would put January's acts eleven months late and could choose an interpretation not yet in force (刑法第12条). Fact
texts written for these tests."""

from datetime import date

import pytest

from leniency.sentencing.calculator_thresholds import latest_date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2014年元月5日，被告人王某在某超市窃得白酒两瓶。", date(2014, 1, 5)),
        ("二〇一四年元月五日，被告人王某在某超市窃得白酒两瓶。", date(2014, 1, 5)),
        ("2013年5月3日、同年元月8日，被告人王某两次在某超市窃得白酒。", date(2013, 5, 3)),
        ("2014年1月5日，被告人王某在某超市窃得白酒两瓶。", date(2014, 1, 5)),
    ],
)
def test_january_written_as_yuanyue_is_january(text, day):
    assert latest_date(text) == day


def test_a_year_alone_still_counts_as_its_last_day():
    assert latest_date("2014年元旦前后，被告人王某在某超市窃得白酒两瓶。") == date(2014, 12, 31)
