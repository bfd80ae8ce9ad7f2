"""The calculation says why the judgment a 漏罪 is combined with is not weighed as a record (刑法第65条、第70条).
Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

MISSED = (
    "经审理查明，2013年4月，被告人赵某在某小区盗窃电动车三辆，价值共计人民币9000元。"
    "被告人赵某因犯抢劫罪于2015年3月10日被某县人民法院判处有期徒刑六年，本案系其在服刑期间被发现的漏罪。"
)
AFTER_RELEASE = (
    "被告人赵某因犯抢劫罪于2015年3月10日被某县人民法院判处有期徒刑二年六个月，2017年5月刑满释放。"
    "经审理查明，2019年4月，被告人赵某在某小区盗窃电动车三辆，价值共计人民币9000元。"
)


def _noted(text: str) -> list[str]:
    return [n for n in calculate(extract(text, ["盗窃"])).notes if "不以该判决认定累犯或前科" in n]


def test_the_missed_crimes_judgment_is_said_to_found_no_record():
    (note,) = _noted(MISSED)
    assert "因犯抢劫罪于2015年3月10日" in note and "arts. 65, 70" in note


def test_no_such_word_where_the_crime_came_after_the_judgment():
    assert _noted(AFTER_RELEASE) == []
