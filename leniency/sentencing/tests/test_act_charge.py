"""Which charge a numbered act tells of, from the conduct each charge's statute defines (issue 16, class 3).

A kidnapping's, a robbery's or a detention's own beating belongs to that charge (arts. 239, 263, 238 make
the harm their own circumstance); an injury the judgment tells as an act of its own stays 故意伤害's.
Fact texts written for these tests, not taken from any data set.
"""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.act_charge import tells_of

INJURY = "一、2019年3月5日，被告人甲因琐事与被害人乙发生争执，用拳头殴打乙，致乙轻伤二级。"
KIDNAPPING = (
    "二、2019年6月1日，被告人甲伙同他人将被害人丙强行拉上车，关押在出租屋内，多次殴打丙，致丙轻伤一级，"
    "并以丙作为人质向其家属索要赎金人民币10万元。"
)
ROBBERY = "二、2020年2月3日晚，被告人甲在某路段持刀威胁并殴打被害人丙，致丙轻微伤，劫得丙现金500元。"
DETENTION = "二、2020年2月3日，被告人甲因讨债将被害人丙关押在其家中两天，期间殴打丙，致丙轻伤二级。"


def _acts(text, charges):
    return [(a.charge, a.count) for a in extract(text, charges).acts]


@pytest.mark.parametrize(
    ("second", "charge"), [(KIDNAPPING, "绑架"), (ROBBERY, "抢劫"), (DETENTION, "非法拘禁")]
)
def test_the_violence_of_an_act_belongs_to_the_charge_whose_statute_makes_it_its_own(second, charge):
    text = "经审理查明：" + INJURY + second
    assert _acts(text, ["故意伤害", charge]) == [("故意伤害", "一、"), (charge, "二、")]


def test_the_injury_count_keeps_only_its_own_injury():
    """The 轻伤一级 of the kidnapped person is the kidnapping's; the injury count is sentenced on its 轻伤二级."""
    calc = calculate(extract("经审理查明：" + INJURY + KIDNAPPING, ["故意伤害", "绑架"]))
    own = {s.charge: s.description_zh for s in calc.steps if s.rule_id == "method.several_charges.own_injury"}
    assert "（轻伤二级；全案最重轻伤一级）" in own["故意伤害"]
    assert "（轻伤一级；全案最重轻伤一级）" in own["绑架"]


def test_a_detention_for_ransom_is_the_kidnappings_and_one_for_a_debt_the_detentions():
    """Art. 239 absorbs the detention its kidnapping needs; art. 238 para. 3: detaining someone to collect a
    debt is 非法拘禁."""
    text = "经审理查明：一、2020年1月5日，被告人甲因讨债将被害人乙关押在仓库内三天。" + KIDNAPPING
    assert _acts(text, ["非法拘禁", "绑架"]) == [("非法拘禁", "一、"), ("绑架", "二、")]


def test_conduct_that_decides_nothing_is_left_to_the_charge_profiles():
    assert tells_of("2020年1月，被告人甲盗窃电动车一辆。", ["盗窃", "诈骗"]) is None
    assert (
        tells_of("2020年1月，被告人甲殴打乙，劫得现金500元并强奸乙。", ["抢劫", "强奸", "故意伤害"]) is None
    )
    text = "经审理查明：一、2020年1月5日，被告人甲盗窃电动车一辆，价值3000元。二、2020年2月1日，被告人甲虚构事实骗取乙现金5000元。"
    assert _acts(text, ["盗窃", "诈骗"]) == [("盗窃", "一、"), ("诈骗", "二、")]


def test_a_heading_naming_the_charge_decides():
    """ "（一）…非法拘禁的事实": the judgment's own words, though the act also tells of 辱骂 and 拦截 (art. 293)."""
    text = (
        "经审理查明：（一）被告人甲非法拘禁的事实：2020年1月5日，被告人甲将被害人乙关在房间内，辱骂乙，拦截乙不让离开。"
        "（二）被告人甲寻衅滋事的事实：2020年3月1日，被告人甲在某饭店随意殴打顾客丙。"
    )
    assert _acts(text, ["非法拘禁", "寻衅滋事"]) == [("非法拘禁", "（一）"), ("寻衅滋事", "（二）")]


def test_an_armed_gang_fight_is_the_affrays_and_a_fight_of_two_the_injurys():
    """Art. 292 (四) 持械聚众斗殴: gathering people with weapons to beat someone is the affray's act."""
    text = (
        "经审理查明：一、2014年1月20日22时许，被告人甲与乙因债务发生争执并互相厮打，甲将乙鼻部打伤，致乙轻伤二级。"
        "二、2013年8月19日晚，被告人甲邀集他人携带械具到某医院殴打丙。"
    )
    assert _acts(text, ["故意伤害", "聚众斗殴"]) == [("故意伤害", "一、"), ("聚众斗殴", "二、")]


def test_violence_is_not_read_as_an_injury_act_beside_a_violent_charge_the_table_does_not_know():
    """刑法第226条 强迫交易 is committed 以暴力、威胁手段: its beating may be its own, so 故意伤害's generic
    conduct decides nothing and the charge profiles do."""
    text = "2020年1月，被告人甲在菜市场殴打摊主乙，强迫乙以低价卖给其蔬菜。"
    assert tells_of(text, ["强迫交易", "故意伤害"]) is None
    assert tells_of(text, ["开设赌场", "故意伤害"]) == "故意伤害"  # 开设赌场's statute speaks of no violence


def test_the_heading_outweighs_the_conduct():
    """Act 二 tells of a short detention, but the judgment heads it as the injury: the detention was only
    the means of the beating. Without the heading the conduct would give it to 非法拘禁 (art. 238)."""
    text = (
        "经审理查明：一、被告人甲非法拘禁的事实：2020年1月5日，被告人甲因讨债将乙关押在仓库内三天。"
        "二、被告人甲故意伤害的事实：2020年2月1日，被告人甲将丙关押在屋内，用木棍殴打丙，致丙轻伤一级。"
    )
    assert _acts(text, ["非法拘禁", "故意伤害"]) == [("非法拘禁", "一、"), ("故意伤害", "二、")]
    assert (
        tells_of(text[text.index("二、") :].replace("故意伤害的事实", "的事实"), ["非法拘禁", "故意伤害"])
        == "非法拘禁"
    )


def test_conduct_said_not_to_have_happened_tells_of_no_charge():
    """ "丙摔倒在地，未受伤害": the words say no harm was done, so they are not 故意伤害's act (刑法第234条);
    the snatching (第267条) is the act of count 二."""
    text = (
        "经审理查明：" + INJURY + "二、2019年6月1日，被告人甲骑摩托车抢夺被害人丙的挎包，内有现金2000元，"
        "丙摔倒在地，未受伤害。"
    )
    # the negated 伤害 states no injury, so the snatching's own conduct (act_conduct.yaml 抢夺) decides; were the
    # 伤害 read, both would be stated and the conduct would decide nothing
    assert tells_of(text[text.index("二、") :], ["抢夺", "故意伤害"]) == "抢夺"
    assert _acts(text, ["抢夺", "故意伤害"]) == [("故意伤害", "一、"), ("抢夺", "二、")]


UNHARMED_HOSTAGE = (
    "二、2018年7月10日，被告人甲为索要财物，将被害人丙（男，10岁）骗至其租住处关押，随后打电话向丙的家属"
    "索要人民币20万元。当日，公安机关将丙解救，丙未受伤害。"
)


def test_money_demanded_from_the_hostages_family_is_the_kidnappings_act():
    """刑法第239条: 以勒索财物为目的绑架他人 — the family asked for money for the child's release; a debt
    collected so is 非法拘禁's (第238条第3款)."""
    assert _acts("经审理查明：" + INJURY + UNHARMED_HOSTAGE, ["故意伤害", "绑架"]) == [
        ("故意伤害", "一、"),
        ("绑架", "二、"),
    ]
    debt = "二、2020年1月5日，被告人甲因讨债将被害人丙关押在仓库内，打电话向丙的家属索要欠款5万元。"
    assert tells_of(debt, ["非法拘禁", "绑架"]) == "非法拘禁"


def test_a_serious_injury_in_the_injury_count_leaves_the_kidnapping_in_its_basic_bracket():
    """Count 一's 重伤 is not the hostage's (art. 239 para. 2's bracket needs 杀害 or 故意伤害被绑架人): the
    kidnapping stays in 10 years to life, and the injury count is sentenced on its one injured victim."""
    text = (
        "经审理查明：一、2018年5月3日，被告人陈某与被害人刘某因债务纠纷发生争执，陈某持木棍击打刘某头部，"
        "致刘某颅骨骨折。经鉴定，刘某的损伤程度为重伤二级。"
        + UNHARMED_HOSTAGE.replace("被告人甲", "被告人陈某").replace("丙", "周某")
    )
    calc = calculate(extract(text, ["绑架", "故意伤害"]))
    by_charge = {r.charge: r for r in calc.charges}
    assert by_charge["绑架"].penalty == "imprisonment" and 120 <= by_charge["绑架"].months < 180
    assert by_charge["故意伤害"].months == 36  # 致一人重伤: 3 years, no second victim added
    assert not any(s.rule_id.endswith("increment.injured_victims") for s in calc.steps)
