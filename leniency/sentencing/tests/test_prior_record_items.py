"""A numbered record (前科) is no count of this case (issue 16, class 3), on fact texts written here: "曾受过如下刑事处罚：
1、2014年5月因犯盗窃罪被判处有期徒刑六个月；2、…" tells earlier sentences, not acts judged here."""

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.document import acts, parse

PERSON = "被告人甲，男，1985年5月出生。"
RECORDS = (
    "曾受过如下刑事处罚：1、2014年5月因犯盗窃罪被判处有期徒刑六个月；2、2016年3月因犯盗窃罪被判处有期徒刑一年，"
    "2017年3月刑满释放。"
)
ONE_ACT = "经审理查明：2019年3月5日，被告人甲在某超市窃得手机一部，价值人民币3000元。"
TWO_ACTS = (
    "经审理查明：1、2019年3月5日，被告人甲在某超市窃得手机一部，价值人民币3000元。2、2019年4月2日，被告人甲在某小区"
    "窃得电动自行车一辆，价值人民币1500元。"
)


@pytest.mark.parametrize(
    "records",
    [
        RECORDS,
        RECORDS.replace("1、", "一、").replace("2、", "二、"),
        "1、2017年5月因盗窃被行政拘留十日；2、2018年3月因盗窃被行政拘留十五日。",
    ],
)
def test_a_numbered_record_is_no_count(records):
    """Before, the two earlier sentences were this case's two acts."""
    document = parse(PERSON + records + ONE_ACT)
    assert document.counts == []
    assert extract(PERSON + records + ONE_ACT, ["盗窃"]).counts is None


def test_the_acts_numbered_after_a_numbered_record_are_the_counts():
    """Before, the record's items held the numbering and the acts' own 1、2、 were lost in its item 2."""
    document = parse(PERSON + RECORDS + TWO_ACTS)
    assert [c.path for c in acts(document)] == ["1、", "2、"]
    assert "2019年3月5日" in document.text[acts(document)[0].start : acts(document)[0].end]


def test_an_act_that_ends_in_an_arrest_is_still_an_act():
    """被刑事拘留 after the act is what followed it, not a record: the acts stay counts."""
    text = TWO_ACTS.replace("1500元。", "1500元。次日，被告人甲因涉嫌盗窃被公安机关刑事拘留。")
    assert len(acts(parse(PERSON + text))) == 2


def test_an_item_of_proof_that_names_a_record_stays_in_its_evidence_list():
    evidence = "上述事实，有下列证据证实：1、刑事判决书、刑满释放证明，证实被告人甲因犯盗窃罪被判处有期徒刑一年；2、被害人陈述。"
    document = parse(PERSON + TWO_ACTS + evidence)
    assert [c.path for c in acts(document)] == ["1、", "2、"]
