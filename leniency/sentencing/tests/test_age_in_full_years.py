"""Ages in 周岁 (刑法第17条): 法释〔2006〕1号第二条 counts a 周岁 from the day after the birthday, so a crime committed on
the eighteenth birthday is a minor's. Fact texts written for these tests."""

from datetime import date

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.quantities import age_on, find_age

BORN = "被告人王某，男，2000年6月1日出生。"


def test_on_the_birthday_itself_the_year_is_not_yet_full():
    assert age_on(date(2000, 6, 1), date(2018, 6, 1)) == 17
    assert age_on(date(2000, 6, 1), date(2018, 6, 2)) == 18
    assert age_on(date(2000, 6, 1), date(2018, 5, 31)) == 17


def test_a_theft_on_the_eighteenth_birthday_is_a_minors():
    text = BORN + "2018年6月1日晚，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"
    assert find_age(text)[0] == 17
    assert "minor" in {f.code for f in extract(text, ["盗窃"]).circumstances}


def test_a_theft_the_day_after_is_an_adults():
    text = BORN + "2018年6月2日晚，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"
    assert find_age(text)[0] == 18
    assert "minor" not in {f.code for f in extract(text, ["盗窃"]).circumstances}
