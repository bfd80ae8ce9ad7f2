"""The rules task E49 added to earlier_convictions and recidivism, each with a text where it binds and one just outside
it. Fact texts written for these tests."""

from datetime import date

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.earlier_convictions import (
    earlier_convictions,
    without_earlier_convictions,
)

HEAD = "被告人甲，男，1985年3月2日出生，汉族。"
PAROLED = "曾因犯抢劫罪于2012年5月被判处有期徒刑六年，2016年3月1日被裁定假释，假释考验期至2018年2月28日止。"


def _theft(day: str) -> str:
    return f"{day}，被告人甲在某小区窃得电动车一辆，价值人民币3000元。"


def _recidivist(text: str, charges=("盗窃",)) -> bool:
    return any(f.code == "recidivist" for f in extract(text, list(charges)).circumstances)


@pytest.mark.parametrize(
    ("crime_day", "expected"),
    [
        pytest.param("2023年2月28日", True, id="last-day-of-five-years-from-parole-end"),
        pytest.param("2023年3月1日", False, id="day-after-five-years-from-parole-end"),
        pytest.param("2017年6月5日", False, id="within-the-parole-period-is-article-86"),
    ],
)
def test_a_parole_counts_its_five_years_from_the_end_of_its_period(crime_day, expected):
    # 刑法第65条第2款: 被假释的犯罪分子，从假释期满之日起计算
    assert _recidivist(HEAD + PAROLED + _theft(crime_day)) is expected


def test_a_parole_whose_end_is_not_told_makes_no_inferred_recidivism():
    told = "曾因犯抢劫罪于2012年5月被判处有期徒刑六年，2016年3月1日被裁定假释。"
    assert not _recidivist(HEAD + told + _theft("2019年6月5日"))


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        pytest.param("在某国因犯贩卖毒品罪被当地法院", False, id="foreign-court"),
        pytest.param("在某市因犯贩卖毒品罪被该市中级人民法院", True, id="chinese-court"),
    ],
)
def test_a_foreign_conviction_makes_no_inferred_recidivism(where, expected):
    told = f"曾于2015年5月{where}判处有期徒刑三年，2018年5月3日刑满释放。"
    assert _recidivist(HEAD + told + _theft("2021年6月3日")) is expected
    assert len(prior_records(HEAD + told + _theft("2021年6月3日"))) == 1


@pytest.mark.parametrize(
    ("age", "expected"),
    [pytest.param("十七", False, id="seventeen-then"), pytest.param("十八", True, id="eighteen-then")],
)
def test_an_earlier_crime_told_as_a_minors_makes_no_recidivism(age, expected):
    # 刑法第65条第1款: 但是…不满十八周岁的人犯罪的除外
    told = (
        f"被告人甲，男，汉族。曾于2015年8月（时年{age}周岁）因犯抢劫罪被判处有期徒刑二年，2017年3月刑满释放。"
    )
    assert _recidivist(told + _theft("2020年5月6日")) is expected


@pytest.mark.parametrize(
    ("text", "records"),
    [
        pytest.param("被害人乙曾因犯故意伤害罪被判处有期徒刑一年。", 0, id="victims-record"),
        pytest.param("证人丙曾因犯盗窃罪被判处有期徒刑一年。", 0, id="witness-record"),
        pytest.param("同案被告人乙曾因犯盗窃罪被判处有期徒刑一年。", 0, id="co-defendants-record"),
        pytest.param(
            "被告人甲检举同监室人员丁贩卖毒品，丁已因此被判处有期徒刑三年。", 0, id="reported-cellmate"
        ),
        pytest.param(
            "被告人甲与被害人乙系同乡，被告人甲曾因犯盗窃罪被判处有期徒刑一年。",
            1,
            id="defendant-after-victim",
        ),
        pytest.param("被告人甲曾因犯盗窃罪被判处有期徒刑一年。", 1, id="defendants-own"),
        pytest.param(
            "上述事实，有被害人杨某的陈述，证人刘某乙、刘某丙的证言、辨认笔录，刑事判决书及刑满释放证明书等证据证实。",
            1,
            id="papers-in-evidence-list",
        ),
    ],
)
def test_a_record_is_the_last_named_persons(text, records):
    assert len(prior_records(HEAD + text)) == records


def test_what_follows_a_release_with_hou_is_the_new_story():
    text = HEAD + "被告人甲因邻居乙曾作证指认其盗窃，刑满释放后怀恨在心，于2021年8月持刀将乙砍伤。"
    (told,) = earlier_convictions(text)
    assert text[told.start : told.end] == "刑满释放后"
    assert "怀恨在心" in without_earlier_convictions(text)


def test_a_release_without_hou_keeps_its_clause():
    text = HEAD + "曾因犯盗窃罪被判处有期徒刑一年，2019年3月刑满释放，2021年8月又窃得电动车一辆。"
    (told,) = earlier_convictions(text)
    assert text[told.start : told.end].endswith("2019年3月刑满释放")


REVOKED_APART = (
    "曾因犯诈骗罪于2016年9月被判处有期徒刑一年六个月，缓刑二年。2017年10月，该院裁定撤销缓刑，收监执行原判刑罚。"
    "2019年3月刑满释放。"
)


def test_a_revocation_in_sentences_of_its_own_is_the_same_conviction():
    # 刑法第77条: 撤销缓刑 executes the same sentence
    (told,) = earlier_convictions(HEAD + REVOKED_APART + _theft("2021年6月3日"))
    assert told.released == date(2019, 3, 1)
    assert _recidivist(HEAD + REVOKED_APART + _theft("2021年6月3日"))


def test_a_sentence_after_a_suspended_sentence_that_tells_an_act_is_not_its_continuation():
    text = HEAD + "曾因犯诈骗罪于2016年9月被判处有期徒刑一年六个月，缓刑二年。" + _theft("2017年10月5日")
    (told,) = earlier_convictions(text)
    assert told.end < text.index("2017年10月5日")


def test_a_release_after_a_semicolon_in_a_word_of_its_own_goes_with_its_judgment():
    text = (
        HEAD + "因犯抢劫罪于2015年8月被某区人民法院判处有期徒刑三年；2018年7月释放。" + _theft("2021年6月3日")
    )
    (told,) = earlier_convictions(text)
    assert told.released == date(2018, 7, 1)
    assert _recidivist(text)


def test_a_commutation_goes_with_its_sentence():
    # 刑法第78条: 减刑 is part of the execution of the same sentence
    text = (
        HEAD
        + "曾因犯故意杀人罪于2003年被判处无期徒刑，经多次减刑，于2018年9月12日刑满释放。"
        + _theft("2022年4月7日")
    )
    (told,) = earlier_convictions(text)
    assert told.released == date(2018, 9, 12)
    assert _recidivist(text)


def test_a_list_heading_with_a_count_takes_nothing_of_its_first_item():
    text = (
        HEAD
        + "有前科两次：1. 2010年4月因犯盗窃罪被判处有期徒刑一年；2. 2017年6月因犯抢劫罪被判处有期徒刑三年。"
    )
    heading, first, _ = earlier_convictions(text)
    assert text[heading.start : heading.end] == "有前科"
    assert first.pronounced == date(2010, 4, 1)
