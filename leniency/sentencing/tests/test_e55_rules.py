"""The rules task E55 added to earlier_convictions, recidivism and excepted_earlier_crimes, each with a text where it
binds and one just outside it. Fact texts written for these tests."""

from datetime import date

import pytest

from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.earlier_convictions import earlier_convictions
from leniency.sentencing.extraction.excepted_earlier_crimes import minor_crime, negligent_crime

HEAD = "被告人甲，男，1984年7月9日出生，汉族。"


def _theft(day: str) -> str:
    return f"{day}，被告人甲在某小区窃得电动车一辆，价值人民币3000元。"


def _codes(text: str, charges=("盗窃",)) -> set[str]:
    return {str(f.code) for f in extract(text, list(charges)).circumstances}


def _weighed(text: str) -> bool:
    return "prior_record" in applicable_circumstances(extract(text, ["盗窃"])).rules


LIST = "有如下前科：1、2012年3月因犯盗窃罪被判处有期徒刑八个月；2、2015年7月因犯诈骗罪被判处有期徒刑一年。"


def test_a_heading_whose_items_are_read_is_no_conviction_of_its_own():
    text = HEAD + LIST + _theft("2021年6月3日")
    heading, *items = earlier_convictions(text)
    assert text[heading.start : heading.end] == "有如下前科"
    assert heading.heading and not heading.criminal
    assert [c.heading for c in items] == [False, False]
    assert len(prior_records(text)) == 2


@pytest.mark.parametrize(
    "told",
    [
        pytest.param("有前科。", id="no-list"),
        pytest.param("有如下前科：详见某区人民法院刑事判决书。", id="colon-without-items"),
    ],
)
def test_a_heading_without_items_is_still_a_record(told):
    text = HEAD + told + _theft("2021年6月3日")
    (record,) = earlier_convictions(text)
    assert not record.heading and record.criminal
    assert len(prior_records(text)) == 1


PAROLE_EXPIRED = (
    "曾因犯抢劫罪于2011年6月被判处有期徒刑七年，2015年9月1日假释，2018年3月1日假释期满。",
    "曾因犯抢劫罪于2011年6月被判处有期徒刑七年，2015年9月1日被裁定假释，假释考验期于2018年3月1日届满。",
)


@pytest.mark.parametrize("told", PAROLE_EXPIRED, ids=["jiashi-qiman", "kaoyanqi-yu-jieman"])
@pytest.mark.parametrize(
    ("crime_day", "expected"),
    [
        pytest.param("2023年3月1日", True, id="last-day-of-five-years"),
        pytest.param("2023年3月2日", False, id="day-after"),
    ],
)
def test_a_parole_period_told_as_expired_on_a_day_counts_from_that_day(told, crime_day, expected):
    # 刑法第65条第2款: 被假释的犯罪分子，从假释期满之日起计算
    assert ("recidivist" in _codes(HEAD + told + _theft(crime_day))) is expected


GANG = "被告人甲加入以乙为首的黑社会性质组织，多次参与强迫交易、寻衅滋事等违法犯罪活动。"
GANG_PAROLED = "曾因犯参加黑社会性质组织罪于2009年5月被判处有期徒刑四年，2011年5月1日被裁定假释，假释考验期至2013年2月1日止。"


@pytest.mark.parametrize(
    ("told", "start", "expected"),
    [
        pytest.param(GANG_PAROLED, "2022年3月起，", True, id="years-after-the-parole-ended"),
        pytest.param(GANG_PAROLED, "2012年3月起，", False, id="within-the-parole-period-is-article-86"),
        pytest.param(
            "曾因犯参加黑社会性质组织罪于2009年5月被判处有期徒刑四年，2011年5月1日被裁定假释。",
            "2022年3月起，",
            False,
            id="parole-end-not-told",
        ),
    ],
)
def test_article_66_counts_a_parole_from_the_end_of_its_period(told, start, expected):
    codes = _codes(HEAD + told + start + GANG, ["组织、领导、参加黑社会性质组织"])
    assert ("recidivist" in codes) is expected


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        pytest.param(date(1999, 1, 1), True, id="seventeen-all-that-year"),
        pytest.param(date(1998, 12, 31), True, id="eighteenth-birthday-on-the-years-last-day"),
        pytest.param(date(1998, 12, 30), False, id="eighteen-on-the-years-last-day"),
    ],
)
def test_a_judgment_told_by_its_year_alone_is_a_minors_where_he_was_under_18_at_its_end(born, expected):
    # 刑法第65条第1款: 不满十八周岁的人犯罪的除外; a 周岁 counts from the day after the birthday (法释〔2006〕1号)
    told = f"被告人甲，男，{born.year}年{born.month}月{born.day}日出生。"
    text = told + "2016年因犯抢劫罪被判处有期徒刑二年，2018年6月刑满释放。" + _theft("2021年6月3日")
    (c,) = earlier_convictions(text)
    assert minor_crime(text, c, born) is expected
    assert ("recidivist" in _codes(text)) is not expected


@pytest.mark.parametrize(
    ("told", "weighed"),
    [
        pytest.param(
            "曾于2002年（时年十七周岁）因犯抢劫罪被判处有期徒刑二年，2004年刑满释放。",
            False,
            id="minors",
        ),
        pytest.param(
            "曾于2002年（时年十八周岁）因犯抢劫罪被判处有期徒刑二年，2004年刑满释放。", True, id="adults"
        ),
        pytest.param(
            "曾因犯交通肇事罪于2010年被判处有期徒刑一年，2011年刑满释放。",
            False,
            id="negligent",
        ),
        pytest.param("曾因犯危险驾驶罪于2010年被判处拘役二个月。", True, id="intentional-drunk-driving"),
    ],
)
def test_a_prior_crime_of_a_minor_or_by_negligence_is_not_weighed_as_a_prior_record(told, weighed):
    # 2021量刑指导意见 三(16): 前科犯罪为过失犯罪和未成年人犯罪的除外
    text = HEAD + told + _theft("2021年6月3日")
    assert len(prior_records(text)) == 1
    assert _weighed(text) is weighed


def test_the_courts_own_prior_record_is_weighed_beside_a_minors_one():
    text = (
        HEAD
        + "曾于2002年（时年十七周岁）因犯抢劫罪被判处有期徒刑二年，2004年刑满释放。"
        + _theft("2021年6月3日")
        + "本院认为，被告人甲有前科，可酌情从重处罚。"
    )
    assert _weighed(text)


def test_negligent_crime_is_read_from_the_conviction_only():
    text = HEAD + "曾因犯盗窃罪于2010年被判处有期徒刑一年。2021年6月3日，被告人甲犯交通肇事罪后逃逸。"
    (c,) = earlier_convictions(text)
    assert not negligent_crime(text, c)


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        pytest.param(
            HEAD + "曾因犯抢劫罪（犯罪时不满十八周岁）于2002年被判处有期徒刑二年。" + _theft("2021年6月3日"),
            False,
            id="age-of-the-earlier-crime",
        ),
        pytest.param(
            "被告人甲，男，汉族。" + _theft("2021年6月3日") + "被告人甲作案时不满十八周岁。",
            True,
            id="age-at-this-crime",
        ),
    ],
)
def test_an_age_told_of_an_earlier_crime_is_not_the_defendants_now(text, minor):
    # 刑法第17条 asks the age when this crime was committed
    assert ("minor" in _codes(text)) is minor


@pytest.mark.parametrize(
    ("crime_day", "expected"),
    [
        pytest.param("2023年3月31日", True, id="last-day-of-five-years-from-its-end"),
        pytest.param("2023年4月1日", False, id="day-after"),
    ],
)
def test_a_parole_period_told_by_its_length_ends_the_day_before_that_length_is_reached(crime_day, expected):
    # 刑法第65条第2款 counts from its end; 第83条第2款: 假释考验期限，从假释之日起计算 (recalled, unconfirmed)
    told = "曾因犯抢劫罪于2012年3月被判处有期徒刑六年，2016年4月1日被裁定假释，假释考验期二年。"
    assert ("recidivist" in _codes(HEAD + told + _theft(crime_day))) is expected


@pytest.mark.parametrize(
    ("inside", "outside", "expected"),
    [
        pytest.param("（系未成年犯）", "", False, id="juvenile-offender-in-its-words"),
        pytest.param("", "被害人乙系未成年人。", True, id="a-minor-named-outside-it"),
    ],
)
def test_a_juvenile_offender_named_in_the_conviction_makes_it_a_minors(inside, outside, expected):
    told = f"曾因犯抢劫罪于2018年1月被判处有期徒刑一年{inside}，2019年1月刑满释放。"
    text = HEAD + told + outside + _theft("2021年6月3日")
    assert ("recidivist" in _codes(text)) is expected


@pytest.mark.parametrize(
    ("crime", "weighed"),
    [
        pytest.param("过失致人重伤", False, id="negligent-without-zui"),
        pytest.param("故意伤害", True, id="intentional"),
    ],
)
def test_a_negligent_crime_named_without_its_zui_is_still_negligent(crime, weighed):
    text = HEAD + f"2015年曾因{crime}被判处有期徒刑一年，2016年刑满释放。" + _theft("2021年6月3日")
    assert _weighed(text) is weighed
