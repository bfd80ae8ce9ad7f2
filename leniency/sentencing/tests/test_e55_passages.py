"""Earlier convictions, 累犯 and 前科 on passages the engine had not seen (task E55): a list of records under a heading,
the five years of 刑法第65条 and the any-time of 第66条 after a parole, an earlier crime committed under 18 or by
negligence.

Every passage was written for this test in the style of a judgment's profile paragraph and facts; none is taken from
any data set. Each: (id, text, charges, whether 累犯 is found, how many prior records of the defendant's are read,
whether 前科 is weighed in the calculation). FIRST was scored before any change, SECOND written after FIRST's fixes
and scored before fixing what it showed (the figures are in the module's commit messages).
"""

import pytest

from leniency.sentencing.calculator_adjust import applicable_circumstances
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import prior_records

HEAD = "被告人甲，男，1984年7月9日出生，汉族，小学文化，住某市某区。"
THEFT = "2021年6月3日，被告人甲在某超市窃取香烟十条，价值人民币2800元。"
THEFT_2022 = "2022年10月5日，被告人甲在某小区窃得电动车一辆，价值人民币3000元。"
GANG = "2022年3月起，被告人甲加入以乙为首的黑社会性质组织，多次参与强迫交易、寻衅滋事等违法犯罪活动。"
GANG_CHARGE = ["组织、领导、参加黑社会性质组织"]

FIRST = [
    (
        "heading-as-follows-two-items-latest-within-five",
        HEAD
        + "有如下前科：1、2012年3月因犯盗窃罪被某县人民法院判处有期徒刑八个月；2、2015年7月因犯盗窃罪被某县人民法院"
        "判处有期徒刑一年二个月，2016年8月刑满释放。" + THEFT,
        ["盗窃"],
        True,
        2,
        False,
    ),
    (
        "heading-record-situation-detention-item",
        HEAD
        + "前科情况：1. 2013年因犯故意伤害罪被判处有期徒刑一年；2. 2016年因犯寻衅滋事罪被判处拘役五个月。"
        + THEFT,
        ["盗窃"],
        False,
        2,
        True,
    ),
    (
        "heading-three-times-bracketed-marks",
        HEAD
        + "有三次前科：（1）2008年因犯抢夺罪被判处有期徒刑六个月；（2）2010年因犯盗窃罪被判处有期徒刑一年；（3）2012年"
        "因犯盗窃罪被判处有期徒刑一年六个月。" + THEFT,
        ["盗窃"],
        False,
        3,
        True,
    ),
    (
        "heading-over-administrative-items-only",
        HEAD + "有如下前科劣迹：1、2014年因盗窃被行政拘留十日；2、2016年因殴打他人被行政拘留五日。" + THEFT,
        ["盗窃"],
        False,
        0,
        False,
    ),
    (
        "heading-without-items-still-a-record",
        HEAD + "有前科。" + THEFT,
        ["盗窃"],
        False,
        1,
        True,
    ),
    (
        "parole-period-expired-told-as-jiashi-qiman",
        HEAD
        + "曾因犯抢劫罪于2011年6月被判处有期徒刑七年，2015年9月1日假释，2018年3月1日假释期满。"
        + THEFT_2022,
        ["盗窃"],
        True,
        1,
        False,
    ),
    (
        "parole-period-fell-due-on-a-date",
        HEAD
        + "曾因犯抢劫罪于2011年6月被判处有期徒刑七年，2015年9月1日被裁定假释，假释考验期于2018年3月1日届满。"
        + THEFT_2022,
        ["盗窃"],
        True,
        1,
        False,
    ),
    (
        "parole-expired-more-than-five-years-before",
        HEAD
        + "曾因犯抢劫罪于2008年6月被判处有期徒刑七年，2012年9月1日假释，2015年3月1日假释期满。"
        + THEFT_2022,
        ["盗窃"],
        False,
        1,
        True,
    ),
    (
        "article-66-gang-after-parole-ended",
        HEAD
        + "曾因犯参加黑社会性质组织罪于2009年5月被判处有期徒刑四年，2011年5月1日被裁定假释，假释考验期至2013年"
        "2月1日止。" + GANG,
        GANG_CHARGE,
        True,
        1,
        False,
    ),
    (
        "article-66-gang-during-parole-is-article-86",
        HEAD
        + "曾因犯参加黑社会性质组织罪于2019年5月被判处有期徒刑四年，2021年5月1日被裁定假释，假释考验期至2023年"
        "2月1日止。" + GANG,
        GANG_CHARGE,
        False,
        1,
        True,
    ),
    (
        "article-66-state-security-nine-years-on",
        HEAD
        + "曾因犯煽动分裂国家罪于2009年2月被判处有期徒刑三年，2012年1月20日刑满释放。2021年5月起，被告人甲多次在"
        "网络上发布煽动颠覆国家政权的文章。",
        ["煽动颠覆国家政权"],
        True,
        1,
        False,
    ),
    (
        "article-66-class-earlier-theft-now-beyond-five",
        HEAD + "曾因犯参加黑社会性质组织罪于2009年5月被判处有期徒刑三年，2012年4月刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        True,
    ),
    (
        "minor-by-birth-date-pronounced-at-seventeen",
        "被告人甲，男，2000年9月10日出生，汉族。2017年12月因犯抢劫罪被某区人民法院判处有期徒刑一年六个月，2019年5月"
        "刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "minor-told-as-weichengnian-shi",
        HEAD + "曾在未成年时因犯盗窃罪于2001年被判处有期徒刑一年，2002年3月刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "minor-told-in-brackets-not-yet-eighteen",
        HEAD + "曾因犯抢劫罪（犯罪时不满十八周岁）于2017年4月被判处有期徒刑二年，2019年3月刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "minor-by-birth-year-and-judgment-year-only",
        "被告人甲，男，1999年10月1日出生，汉族。2016年因犯抢劫罪被判处有期徒刑二年，2018年6月刑满释放。"
        + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "adult-all-through-the-judgment-year",
        "被告人甲，男，1998年1月1日出生，汉族。2016年因犯抢劫罪被判处有期徒刑二年，2018年6月刑满释放。"
        + THEFT,
        ["盗窃"],
        True,
        1,
        False,
    ),
    (
        "minor-long-sentence-still-not-weighed",
        HEAD + "曾于2000年（时年十六周岁）因犯故意伤害罪被判处有期徒刑六年，2006年刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "minor-record-court-weighs-it-in-its-own-words",
        HEAD
        + "曾于2000年（时年十六周岁）因犯故意伤害罪被判处有期徒刑二年，2002年刑满释放。"
        + THEFT
        + "本院认为，被告人甲有前科，可酌情从重处罚。",
        ["盗窃"],
        False,
        2,
        True,
    ),
    (
        "negligent-prior-traffic-death",
        HEAD + "曾因犯交通肇事罪于2017年5月被判处有期徒刑一年，2018年5月刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "intentional-prior-drunk-driving-detention",
        HEAD + "曾因犯危险驾驶罪于2019年5月被判处拘役二个月。" + THEFT,
        ["盗窃"],
        False,
        1,
        True,
    ),
]

# Written after FIRST's fixes, in new phrasings, and scored before any fix they showed.
SECOND = [
    (
        "heading-ru-xia-chinese-ordinals",
        HEAD
        + "其前科如下：一、2011年因犯盗窃罪被判处有期徒刑六个月；二、2014年因犯盗窃罪被判处有期徒刑一年，2015年2月"
        "刑满释放。" + THEFT,
        ["盗窃"],
        False,
        2,
        True,
    ),
    (
        "heading-crime-record-count-er-ci",
        HEAD
        + "有犯罪前科二次：1、2009年因犯故意伤害罪被判处有期徒刑一年；2、2013年因犯故意伤害罪被判处有期徒刑二年。"
        + THEFT,
        ["盗窃"],
        False,
        2,
        True,
    ),
    (
        "items-in-sentences-of-their-own",
        HEAD
        + "前科情况：1、2010年因犯盗窃罪被判处有期徒刑一年。2、2013年因犯盗窃罪被判处有期徒刑一年六个月，2014年10月"
        "刑满释放。" + THEFT,
        ["盗窃"],
        False,
        2,
        True,
    ),
    (
        "record-list-of-offences-and-crimes-no-qianke-word",
        HEAD
        + "有如下违法犯罪记录：1、2015年因盗窃被行政拘留十五日；2、2017年3月因犯盗窃罪被判处有期徒刑十个月，2017年12月"
        "刑满释放。" + THEFT,
        ["盗窃"],
        True,
        1,
        False,
    ),
    (
        "parole-period-told-as-a-length",
        HEAD + "曾因犯抢劫罪于2012年3月被判处有期徒刑六年，2016年4月1日被裁定假释，假释考验期二年。"
        "2023年2月1日，被告人甲在某小区窃得电动车一辆，价值人民币3000元。",
        ["盗窃"],
        True,
        1,
        False,
    ),
    (
        "minor-told-after-in-a-sentence-of-its-own",
        HEAD + "曾因犯抢劫罪于2001年5月被判处有期徒刑三年，2004年4月刑满释放。该罪系其未成年时所犯。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "minor-told-as-juvenile-offender-in-brackets",
        HEAD + "曾因犯抢劫罪于2018年1月被判处有期徒刑一年（系未成年犯），2019年1月刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "adult-age-told-with-the-earlier-crime",
        HEAD + "曾于2017年（时年二十周岁）因犯抢劫罪被判处有期徒刑一年，2018年3月刑满释放。" + THEFT,
        ["盗窃"],
        True,
        1,
        False,
    ),
    (
        "negligent-prior-without-zui",
        HEAD + "2015年曾因过失致人重伤被判处有期徒刑一年，2016年刑满释放。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "negligent-prior-major-liability-accident-suspended",
        HEAD + "曾因犯重大责任事故罪于2016年被判处有期徒刑一年，缓刑一年。" + THEFT,
        ["盗窃"],
        False,
        1,
        False,
    ),
    (
        "one-minors-record-one-adults",
        HEAD
        + "2000年（时年十六周岁）因犯抢劫罪被判处有期徒刑二年；2012年因犯盗窃罪被判处有期徒刑八个月。"
        + THEFT,
        ["盗窃"],
        False,
        2,
        True,
    ),
    (
        "article-66-terror-earlier-sentence-suspended",
        HEAD
        + "曾因犯参加恐怖组织罪于2015年被判处有期徒刑二年，缓刑三年，缓刑考验期满。2021年5月起，被告人甲多次在网络上"
        "发布宣扬恐怖主义的视频。",
        ["宣扬恐怖主义、极端主义、煽动实施恐怖活动"],
        False,
        1,
        True,
    ),
    (
        "birth-year-only-adult-then",
        "被告人甲，男，1990年出生，汉族。2016年因犯抢劫罪被判处有期徒刑二年，2018年6月刑满释放。" + THEFT,
        ["盗窃"],
        True,
        1,
        False,
    ),
]


def _param(case):
    if hasattr(case, "marks"):  # a pytest.param already, with its marks
        return pytest.param(*case.values, id=case.values[0], marks=case.marks)
    return pytest.param(*case, id=case[0])


def _read(text: str, charges: list[str]) -> tuple[bool, int, bool]:
    facts = extract(text, charges)
    recidivist = any(f.code == "recidivist" for f in facts.circumstances)
    return recidivist, len(prior_records(text)), "prior_record" in applicable_circumstances(facts).rules


@pytest.mark.parametrize(
    ("case_id", "text", "charges", "recidivist", "records", "weighed"), [_param(c) for c in FIRST + SECOND]
)
def test_recidivism_records_and_their_weight_as_a_court_would_read_them(
    case_id, text, charges, recidivist, records, weighed
):
    assert _read(text, charges) == (recidivist, records, weighed)
