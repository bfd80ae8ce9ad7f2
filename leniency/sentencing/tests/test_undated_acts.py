"""Acts listed under a heading that tells their time (issue 16, class 3), on fact texts written here: "2019年4月
至6月间，被告人甲先后实施盗窃三起：1、…；2、…" numbers three acts though no item names a date of its own, while
"窃得：1、手机一部；2、…" still lists things."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.document import acts, parse

ITEMS = (
    "1、在某超市窃得手机一部，价值人民币2000元；2、在某小区窃得电动自行车一辆，价值人民币1500元；"
    "3、在某餐馆窃得钱包一个，内有现金800元。"
)
HEADED = "经审理查明：2019年4月至6月间，被告人甲先后实施盗窃三起：" + ITEMS


@pytest.mark.parametrize(
    "lead",
    [
        "经审理查明：2019年4月至6月间，被告人甲先后实施盗窃三起：",
        "经审理查明：2019年4月至6月间，被告人甲先后三次盗窃他人财物：",
        "经审理查明：2019年4月至6月间，被告人甲在本市作案多次，具体如下：",
    ],
)
def test_items_under_a_dated_lead_that_announces_acts_are_acts(lead):
    document = parse(lead + ITEMS)
    assert [c.path for c in acts(document)] == ["1、", "2、", "3、"]


def test_items_under_a_lead_without_a_time_are_no_acts():
    """The lead names no time: nothing says the items are acts at all (a list of circumstances reads the same)."""
    document = parse("经审理查明：被告人甲先后实施盗窃三起：" + ITEMS)
    assert acts(document) == []


def test_things_under_a_dated_lead_that_announces_no_acts_are_no_acts():
    """窃得： announces what was taken: the items are things, not acts."""
    text = "经审理查明：2019年4月5日，被告人甲在某超市窃得：1、手机一部，价值人民币2000元；2、现金800元。"
    assert acts(parse(text)) == []


NESTED = (
    "经审理查明：\n一、盗窃事实\n2019年4月至6月间，被告人甲先后实施盗窃：" + ITEMS + "\n"
    "二、诈骗事实\n2019年8月10日，被告人甲谎称能办理贷款，骗取被害人乙人民币5000元。"
)


def test_acts_under_a_section_with_a_dated_lead_are_counts_of_their_charge():
    """Before, "实施盗窃：1、在某超市窃得…" was read as a list of things (no item names a time or a defendant): the
    three thefts were one count, so the theft charge had one act (多次盗窃 is three acts within two years,
    法释〔2013〕8号第三条)."""
    facts = extract(NESTED, ["盗窃", "诈骗"])
    assert facts.counts_by_charge == {"盗窃": 3, "诈骗": 1}


def test_a_list_of_things_inside_a_section_stays_one_act():
    text = NESTED.replace(
        "先后实施盗窃：" + ITEMS, "在某超市窃得：1、手机一部，价值人民币2000元；2、现金800元。"
    ).replace("2019年4月至6月间", "2019年4月5日")
    facts = extract(text, ["盗窃", "诈骗"])
    assert facts.counts_by_charge == {"盗窃": 1, "诈骗": 1}


def test_a_single_charge_counts_the_acts_of_a_dated_lead():
    facts = extract(HEADED.replace("先后实施盗窃三起", "先后实施盗窃"), ["盗窃"])
    assert facts.counts == 3


TWO_COUNTS = (
    "经审理查明：一、2018年3月5日，被告人甲在某超市窃得手机一部，价值人民币2000元。{again}"
    "二、2018年4月2日，被告人甲在某小区窃得电动自行车一辆，价值人民币1500元。"
)


@pytest.mark.parametrize(
    "again",
    [
        "当晚，甲又窃得钱包一个，内有现金800元。",
        "次日凌晨，甲再次来到该超市窃得香烟两条，价值人民币500元。",
        "同年3月9日，被告人甲又在该超市窃得白酒两瓶，得手后将白酒卖掉。",
        "同日10时许，甲又在该商场二楼窃得钱包一个。",  # the same day at another spot
    ],
)
def test_an_act_told_again_inside_a_numbered_one_is_an_act(again):
    """The sentence opens with its own time and says the act was done again: three thefts, not two (多次盗窃 is three
    within two years, 法释〔2013〕8号第三条); before, the act inside count 一 was not counted."""
    assert extract(TWO_COUNTS.format(again=again), ["盗窃"]).counts == 3


@pytest.mark.parametrize(
    "after",
    [
        "次日，甲又将手机以500元销赃。",  # disposal of what was taken
        "当晚，甲在住处将手机藏匿。",  # no 又: nothing done again
        "2018年3月6日，甲又因形迹可疑被公安机关抓获。",  # what happened to him, not an act
        "当晚，甲又在该处窃得香烟一条。",  # the same day, the same place: one act done on (法发〔2005〕8号第三条)
        "当晚8时许，甲又在原处窃得香烟一条。",
    ],
)
def test_what_follows_an_act_is_not_another_act(after):
    assert extract(TWO_COUNTS.format(again=after), ["盗窃"]).counts == 2


SEVERAL = (
    "经审理查明：一、2019年3月5日，被告人甲在某超市窃得香烟一条，价值人民币300元。当晚，甲又在某商场窃得白酒两瓶，价值"
    "人民币400元；次日，甲又窃得现金200元。二、2019年8月10日，被告人甲谎称能办理贷款，骗取被害人乙人民币5000元。"
)


def test_with_several_charges_the_acts_told_again_are_their_charges_acts():
    """calculator_scope.own_counts: the theft count tells three thefts, the fraud count one fraud."""
    calc = calculate(extract(SEVERAL, ["盗窃", "诈骗"]))
    scoped = {
        s.charge: s.description_zh for s in calc.steps if s.rule_id == "method.several_charges.own_counts"
    }
    assert "3次" in scoped["盗窃"] and "诈骗" not in scoped
