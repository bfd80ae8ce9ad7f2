"""An earlier sentence's release told relative to the date before it (…于2014年5月被判处有期徒刑六个月，同年11月刑满释放) is
read (numbers.written_dates), so 累犯 can be read from 刑法第65条's conditions: released from a sentence of
imprisonment and a new crime within five years. Fact texts written for these tests (issue 16, E34)."""

from datetime import date

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions

NAME = "被告人王某，男，1980年5月1日出生。"
THEFT = "2022年3月5日晚，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"


def _record(judged: str, released: str) -> str:
    return f"被告人王某曾因犯盗窃罪于{judged}被某县人民法院判处有期徒刑二年，{released}刑满释放。"


def _recidivist(text: str):
    return next((f for f in extract(text, ["盗窃"]).circumstances if f.code == "recidivist"), None)


def test_a_release_in_the_same_year_or_the_next_is_read_against_the_judgment_date():
    (told,) = earlier_convictions(_record("2017年4月", "次年10月20日"))
    assert told.released == date(2018, 10, 20)
    (told,) = earlier_convictions(_record("2019年3月", "同年底"))
    assert told.released == date(2019, 12, 31)
    (told,) = earlier_convictions(_record("2019年3月2日", "同月28日"))
    assert told.released == date(2019, 3, 28)


def test_what_was_read_before_stays():
    (told,) = earlier_convictions(_record("2017年4月", "2019年4月10日"))
    assert told.released == date(2019, 4, 10)
    (told,) = earlier_convictions(_record("2017年4月", "2019年底"))
    assert told.released == date(2019, 12, 31)
    (told,) = earlier_convictions(_record("2017年4月", "2019年"))  # a year alone: no release date
    assert told.released is None
    (told,) = earlier_convictions(_record("2017年4月", "同年"))  # 同年 with no month: none either
    assert told.released is None


def test_a_release_told_relative_to_the_judgment_makes_a_recidivism_within_five_years():
    assert _recidivist(NAME + _record("2017年4月", "次年10月") + THEFT) is not None
    # released in 2016 (同年 of a 2015 judgment): more than five years before the 2022 theft
    assert _recidivist(NAME + _record("2015年4月", "次年10月") + THEFT) is None
