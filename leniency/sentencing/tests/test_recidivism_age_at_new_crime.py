"""find_age counts the defendant's age to the first date of the facts, not to an earlier conviction's date: a defendant
sentenced at 16 who offends again at 21 is no minor (刑法第17条 looks at the age when the crime is committed), and is no
recidivist either (刑法第65条: 不满十八周岁的人犯罪的除外, the earlier crime). Fact texts written for these tests."""

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.quantities import find_age

RECORD = "被告人王某曾因犯盗窃罪于2017年3月被某县人民法院判处有期徒刑二年，2018年3月1日刑满释放。"
THEFT = "2022年3月5日晚，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"


def test_the_age_is_the_one_at_the_new_crime_not_at_the_earlier_judgment():
    text = "被告人王某，男，2000年6月1日出生。" + RECORD + THEFT
    assert find_age(text)[0] == 21
    codes = {f.code for f in extract(text, ["盗窃"]).circumstances}
    # the earlier crime a minor's: no recidivism (刑法第65条) and no 前科 weighed (2021量刑指导意见 三(16): 前科犯罪为…未成年人
    # 犯罪的除外)
    assert "minor" not in codes and "recidivist" not in codes and "prior_record" not in codes


def test_a_date_of_the_facts_before_the_record_is_still_the_first():
    text = "被告人王某，男，2000年6月1日出生。" + THEFT.replace("2022年3月5日", "2016年3月5日")
    assert find_age(text)[0] == 15
