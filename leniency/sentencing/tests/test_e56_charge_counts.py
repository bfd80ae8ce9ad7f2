"""Task E56, debt 1: the acts of each charge read from that charge's own counts (issue 16, class 3).

A numbered count that tells several acts of its charge, each on a date of its own, is that many acts of that charge
(extraction/dated_acts.py, extract._acts_by_charge), so 多次盗窃 (刑法第264条, 法释〔2013〕8号第三条), 多次抢劫 (第263条
第4项), 多次抢夺 (第267条) and 多次敲诈勒索 (第274条) are read from the counts of THAT charge in a case of several
charges, and never from another charge's dates. A case of one charge counts its dated acts over the whole text, as a
theft case did before (E48). Fact texts written for this task, none copied from the dev data: the first batch was
scored before any change (4 of 13 right; 12 after), the second, in new phrasings, after the first batch's rules and
before its own (5 of 7; 3 of 7 on the tree before this task; 7 after the two rules it showed were needed: a later
date that names the thing taken, 甲盗窃的电动车, tells no act, and a dated count is no evidence item for a word of
proof told in the act after its first comma).
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_scope import own_counts
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.dated_acts import dated_acts
from leniency.sentencing.extraction.document import parse

# (id, text, charges, {charge: expected number of acts as the calculation reads it})
BATCH1 = [
    (
        "theft_section_three_dates_beside_fraud",
        "经审理查明：一、盗窃事实。2020年3月5日，被告人甲在某小区窃得电动车一辆，价值1200元；2020年6月8日，甲在某超市窃得香烟两条，"
        "价值460元；2021年1月12日，甲在某商场窃得手机一部，价值900元。二、诈骗事实。2021年3月2日，被告人甲谎称能办理贷款，"
        "骗取被害人乙手续费人民币5000元。",
        ["盗窃", "诈骗"],
        {"盗窃": 3, "诈骗": 1},
    ),
    (
        "fraud_count_first_then_dated_thefts",
        "经审理查明：一、2019年8月，被告人甲冒充某公司员工，以代办信用卡为由骗取被害人乙人民币6000元。"
        "二、2019年10月3日凌晨，甲在某村窃得丙的摩托车一辆；同年11月20日，甲在某菜市场扒窃丁的钱包一个，内有现金300元；"
        "2020年2月14日，甲在某网吧盗走戊的笔记本电脑一台。",
        ["诈骗", "盗窃"],
        {"诈骗": 1, "盗窃": 3},
    ),
    (
        "dated_frauds_beside_one_theft",
        "经审理查明：一、诈骗事实：2020年4月1日，被告人甲以投资为名骗取乙人民币2万元；2020年5月9日，甲以同样手段骗取丙人民币1万元；"
        "2020年7月21日，甲又骗取丁人民币8000元。二、盗窃事实：2020年9月5日，甲在某工地窃得钢管若干，价值800元。",
        ["诈骗", "盗窃"],
        {"盗窃": 1},
    ),
    (
        "robbery_section_three_dates_beside_theft",
        "经审理查明：一、抢劫事实。2018年5月2日晚，被告人甲在某路段持刀抢走被害人乙手机一部；2018年6月17日晚，甲在某公园持刀"
        "抢劫被害人丙现金300元；2018年9月1日，甲在某巷内采用殴打手段劫取被害人丁的挎包一个。二、盗窃事实。2018年10月8日，"
        "甲在某小区窃得电动车一辆，价值1500元。",
        ["抢劫", "盗窃"],
        {"抢劫": 3, "盗窃": 1},
    ),
    (
        "theft_dates_are_no_robberies",
        "经审理查明：一、2021年2月3日，被告人甲在某商场窃得手机一部，价值1800元；2021年3月9日，甲在某小区窃得电动车一辆，"
        "价值900元；2021年5月30日，甲在某超市窃得白酒两瓶，价值600元。二、2021年7月4日晚，甲在某路段持刀抢劫被害人乙"
        "现金人民币500元。",
        ["盗窃", "抢劫"],
        {"盗窃": 3, "抢劫": 1},
    ),
    (
        "extortion_three_dates_beside_injury",
        "经审理查明：一、2019年1月10日，被告人甲以曝光被害人乙隐私相要挟，向乙勒索人民币5000元；2019年3月2日，甲以同样手段"
        "敲诈被害人丙人民币3000元；2019年6月15日，甲又以举报相威胁，敲诈勒索被害人丁人民币2000元。"
        "二、2019年8月1日，甲因琐事持木棍殴打被害人戊，致戊轻伤二级。",
        ["敲诈勒索", "故意伤害"],
        {"敲诈勒索": 3, "故意伤害": 1},
    ),
    (
        "snatching_three_dates_beside_theft",
        "经审理查明：一、2020年5月6日，被告人甲驾驶摩托车在某路段夺走被害人乙的挎包一个；2020年5月20日，甲在某街道抢夺被害人丙"
        "金项链一条；2020年8月2日，甲在某公交站台抢夺被害人丁手机一部。二、2020年9月9日，甲在某小区窃得自行车一辆，价值600元。",
        ["抢夺", "盗窃"],
        {"抢夺": 3, "盗窃": 1},
    ),
    (
        "outside_two_thefts_on_one_day",
        "经审理查明：一、2020年3月5日上午，被告人甲在某超市窃得香烟两条；2020年3月5日下午，甲在某商场窃得手机一部。"
        "二、2020年6月1日，甲以帮忙办理户口为由骗取被害人乙人民币8000元。",
        ["盗窃", "诈骗"],
        {"盗窃": 1, "诈骗": 1},
    ),
    (
        "outside_a_dated_sale_and_arrest",
        "经审理查明：一、2020年3月5日，被告人甲在某小区窃得电动车一辆；2020年3月8日，甲将该车以300元销赃；2020年4月1日，"
        "甲被公安机关抓获。二、2020年2月1日，甲以介绍工作为由骗取被害人乙人民币6000元。",
        ["盗窃", "诈骗"],
        {"盗窃": 1, "诈骗": 1},
    ),
    (
        "outside_an_earlier_theft_conviction",
        "经审理查明：一、被告人甲曾于2016年5月10日因犯盗窃罪被判处有期徒刑六个月；2019年7月2日，甲在某商场窃得手机一部，"
        "价值2000元。二、2019年9月1日，甲持刀抢劫被害人乙现金200元。",
        ["盗窃", "抢劫"],
        {"盗窃": 1, "抢劫": 1},
    ),
    (
        "single_robbery_three_dates",
        "经审理查明：2017年4月2日晚，被告人甲在某路口持刀抢走被害人乙手机一部；2017年5月11日，甲在某公园采用暴力手段劫取"
        "被害人丙现金400元；2017年6月23日，甲在某巷内持刀抢劫被害人丁电动车一辆。",
        ["抢劫"],
        {"抢劫": 3},
    ),
    (
        "single_fraud_three_dates",
        "经审理查明：2020年1月3日，被告人甲以借款为由骗取乙人民币1万元；2020年2月8日，甲骗取丙人民币8000元；2020年3月15日，"
        "甲骗取丁人民币5000元。",
        ["诈骗"],
        {"诈骗": None},
    ),
    (
        "prosecutor_masked_theft_and_fraud",
        "公诉机关指控：一、2021年3月1日，被告人甲在某小区盗窃电动车一辆；2021年4月12日，甲在某超市盗窃香烟三条；"
        "2021年6月6日，甲在某停车场盗窃汽车内财物若干，共计价值2100元。二、2021年7月9日，甲虚构出售手机的事实，"
        "骗取乙人民币4000元。公诉机关认为，被告人甲的行为已构成××罪、××罪。",
        ["盗窃", "诈骗"],
        {"盗窃": 3, "诈骗": 1},
    ),
]

BATCH2 = [
    (
        "paren_sections_robberies_robbed_with_obtained",
        "经审理查明：（一）抢劫罪的事实。2016年7月3日凌晨，被告人甲持水果刀在某ATM机旁逼迫被害人乙交出现金，抢得人民币800元；"
        "2016年8月14日晚，甲在某桥下以相同方式抢得被害人丙的手机一部；2016年10月2日，甲在某小区门口殴打被害人丁，抢得金戒指一枚。"
        "（二）盗窃罪的事实。2016年11月5日，甲在某菜市场窃得电动三轮车一辆，价值2600元。",
        ["抢劫", "盗窃"],
        {"抢劫": 3, "盗窃": 1},
    ),
    (
        "relative_months_in_a_theft_count",
        "经审理查明：一、2020年3月5日，被告人甲在某小区盗走电动车一辆；同年5月，甲在某工地盗走电缆线一捆；次年1月，甲在某仓库"
        "窃取铜管若干。二、2021年2月10日，甲冒充民警骗取被害人乙人民币3000元。",
        ["盗窃", "诈骗"],
        {"盗窃": 3, "诈骗": 1},
    ),
    (
        "extortion_by_demanding_money",
        "经审理查明：一、2018年4月2日，被告人甲以将被害人乙的不雅照片发给其家人相威胁，向乙索要人民币1万元，乙被迫转账；"
        "2018年6月9日，甲以举报被害人丙偷税相要挟，向丙索要人民币2万元；2018年9月23日，甲以同样手段向被害人丁索取人民币8000元。"
        "二、2018年10月1日，甲酒后持砖块砸伤被害人戊，致其轻伤一级。",
        ["敲诈勒索", "故意伤害"],
        {"敲诈勒索": 3, "故意伤害": 1},
    ),
    (
        "snatching_from_behind_beside_injury",
        "经审理查明：一、2019年2月6日晚，被告人甲骑电动车尾随被害人乙，趁其不备抢走乙手中的手提包；2019年3月18日，甲采用同样"
        "手段抢走被害人丙的手机；2019年4月27日，甲在某路口抢夺被害人丁的挎包。二、2019年5月2日，甲因琐事持刀捅伤被害人戊，"
        "致戊轻伤二级。",
        ["抢夺", "故意伤害"],
        {"抢夺": 3, "故意伤害": 1},
    ),
    (
        "outside_robbery_then_dated_sale_and_arrest",
        "经审理查明：一、2019年5月1日晚，被告人甲持刀抢劫被害人乙手机一部；2019年5月3日，甲将该手机卖给他人；2019年6月10日，"
        "甲被公安机关抓获。二、2019年4月2日，甲在某超市窃得洗发水两瓶，价值120元。",
        ["抢劫", "盗窃"],
        {"抢劫": 1, "盗窃": 1},
    ),
    (
        "outside_a_dated_valuation_of_the_stolen",
        "经审理查明：一、2020年3月5日，被告人甲在某小区窃得电动车一辆；2020年3月20日，经某区价格认证中心认定，甲盗窃的电动车"
        "价值1500元。二、2020年4月1日，甲以借钱为由骗取被害人乙人民币5000元。",
        ["盗窃", "诈骗"],
        {"盗窃": 1, "诈骗": 1},
    ),
    (
        "chinese_numeral_dates_single_theft_charge",
        "经审理查明：二〇二一年三月二日，被告人甲在某商场窃得手机一部；二〇二一年四月十日，甲在某小区窃得电动车一辆；"
        "二〇二一年六月一日，甲在某超市窃得香烟三条。",
        ["盗窃"],
        {"盗窃": 3},
    ),
]

# a count that opens with the defendant's record is dropped by the reader of counts (document._tells_a_record), so
# the acts told after the record in it are read with no count: the theft and robbery are not told apart
RECORD_OPENS_THE_COUNT = (
    "opening_record_drops_the_count",
    "经审理查明：一、被告人甲曾于2016年5月10日因犯盗窃罪被判处有期徒刑六个月；2019年7月2日，甲在某商场窃得手机一部，"
    "价值2000元。二、2019年9月1日，甲持刀抢劫被害人乙现金200元。",
    ["盗窃", "抢劫"],
    {"盗窃": 1, "抢劫": 1},
)
RECORD_AFTER_THE_ACT = (
    "outside_a_record_told_after_the_act",
    "经审理查明：一、2019年7月2日，被告人甲在某商场窃得手机一部，价值2000元。甲曾于2016年5月10日因犯盗窃罪被判处有期徒刑"
    "六个月，2017年1月9日刑满释放。二、2019年9月1日，甲持刀抢劫被害人乙现金200元。",
    ["盗窃", "抢劫"],
    {"盗窃": 1, "抢劫": 1},
)
KNOWN = [case for case in BATCH1 if case[0] != "outside_an_earlier_theft_conviction"] + [RECORD_AFTER_THE_ACT]


def _acts_read(text, charges, want):
    facts = extract(text, charges)
    if len(charges) == 1:
        return {charges[0]: facts.counts}
    return {charge: own_counts(charge, facts) for charge in want}


@pytest.mark.parametrize(("text", "charges", "want"), [c[1:] for c in KNOWN], ids=[c[0] for c in KNOWN])
def test_first_batch_acts_of_each_charge(text, charges, want):
    assert _acts_read(text, charges, want) == want


@pytest.mark.parametrize(("text", "charges", "want"), [c[1:] for c in BATCH2], ids=[c[0] for c in BATCH2])
def test_second_batch_acts_of_each_charge(text, charges, want):
    assert _acts_read(text, charges, want) == want


@pytest.mark.xfail(
    strict=True, reason="a count that opens with a record is no count (document._tells_a_record)"
)
def test_a_count_opening_with_a_record_keeps_its_acts():
    _, text, charges, want = RECORD_OPENS_THE_COUNT
    assert _acts_read(text, charges, want) == want


def _results(text, charges):
    return {r.charge: r for r in calculate(extract(text, charges)).charges}


def test_three_dated_robberies_of_the_robbery_count_are_repeated_robbery():
    """刑法第263条第4项: 多次抢劫 is ten years or more; the three robberies are the robbery count's own."""
    _, text, charges, _ = next(c for c in BATCH1 if c[0] == "robbery_section_three_dates_beside_theft")
    assert _results(text, charges)["抢劫"].low >= 120


def test_three_dated_thefts_beside_one_robbery_leave_the_robbery_in_its_first_bracket():
    _, text, charges, _ = next(c for c in BATCH1 if c[0] == "theft_dates_are_no_robberies")
    robbery = _results(text, charges)["抢劫"]
    assert robbery.low == 36 and robbery.high < 120


def test_each_dated_act_is_one_act_of_its_count():
    _, text, charges, _ = BATCH1[0]
    facts = extract(text, charges)
    thefts = [a.span for a in facts.acts if a.charge == "盗窃"]
    assert len(thefts) == 3 and all(a.end == b.start for a, b in pairwise(thefts))
    assert facts.counts_by_charge == {"盗窃": 3, "诈骗": 1}


@pytest.mark.parametrize(
    ("charge", "act", "acts"),
    [
        ("盗窃", "窃得手机一部", 1),
        ("盗窃", "将窃得的手机销赃", 0),
        ("抢劫", "持刀抢得现金500元", 1),
        ("抢劫", "因犯抢劫罪被判处有期徒刑三年", 0),
        ("抢夺", "夺走乙的挎包", 1),
        ("抢夺", "将抢夺的挎包丢弃", 0),
        ("敲诈勒索", "以举报相要挟，向乙索要人民币1万元", 1),
        ("敲诈勒索", "将勒索的钱款挥霍", 0),
        ("诈骗", "骗取乙人民币1万元", 0),
    ],
    ids=[
        "theft_taken",
        "theft_thing_named_after",
        "robbery_taken",
        "robbery_crime_named",
        "snatching_taken",
        "snatching_thing_named_after",
        "extortion_demanded",
        "extortion_money_named_after",
        "fraud_not_read_by_date",
    ],
)
def test_a_date_tells_an_act_of_its_charge_only_by_its_conduct(charge, act, acts):
    assert len(dated_acts(f"经审理查明：2020年3月5日，被告人甲{act}。", charge)) == acts


def test_dated_acts_are_read_inside_the_span_asked():
    text = "经审理查明：2020年3月5日，被告人甲窃得手机一部；2020年4月2日，甲窃得钱包一个。"
    assert len(dated_acts(text, "盗窃")) == 2
    assert len(dated_acts(text, "盗窃", 0, text.index("2020年4月"))) == 1


def test_a_dated_count_naming_a_thing_of_proof_in_its_act_is_an_act():
    text = (
        "经审理查明：一、2018年4月2日，被告人甲以将乙的不雅照片发给其家人相威胁，勒索人民币1万元。"
        "二、2018年10月1日，甲持砖块砸伤被害人丙，致其轻伤一级。"
    )
    assert [c.evidence for c in parse(text).counts] == [False, False]


def test_an_evidence_item_opening_with_a_date_stays_evidence():
    text = (
        "经审理查明：被告人甲在某商场窃得手机一部。\n1、2018年4月3日出具的价格认定结论书，证实手机价值2000元；"
        "\n2、2018年5月2日的被害人乙的陈述，证实手机被盗。"
    )
    assert [c.evidence for c in parse(text).counts] == [True, True]
