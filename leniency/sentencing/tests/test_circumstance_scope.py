"""A circumstance's scope: of one crime's acts or of the defendant (circumstances.yaml `scope`; issue 16, class 3).

预备/未遂/中止 (刑法第22-24条), 从犯 (第27条) and 赔偿/谅解 (2021量刑指导意见 三(11)) are circumstances of the crime whose
acts tell them: with several charges, a charge whose acts do not tell them is not reduced (刑法第69条: each crime is
sentenced on its own facts). Told outside every charge's acts (a summary), whose it is is not known: every charge
keeps it. Circumstances of the person (自首, 累犯, age …) are every charge's.

Fact texts written for these tests, not taken from any data set.
"""

import copy

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.standards import (
    STANDARDS_DIR,
    StandardError,
    _read,
    load_standard,
    parse_circumstances,
)

THEFT = "一、2020年4月2日晚，被告人张某在某小区车棚内盗窃被害人赵某的电动自行车两辆，价值人民币20000元。"
ROBBERY = "二、2020年5月9日凌晨，被告人张某在某路口持刀威胁被害人李某，欲劫取其手机"
ROBBERY_DONE = (
    "二、2020年5月9日凌晨，被告人张某在某路口持刀威胁被害人李某，劫取其手机一部，价值人民币3000元。"
)
INJURY = "二、2020年6月3日，被告人张某因琐事殴打被害人李某，致李某轻伤二级。"


def _calc(text, charges):
    return calculate(extract(text, charges))


def _circ(calc, rule):
    """The charges the circumstance `rule` adjusted."""
    return {s.charge for s in calc.steps if s.rule_id == f"circ.{rule}"}


def _months(calc):
    return {r.charge: r.months for r in calc.charges}


def test_an_attempt_told_in_the_robbery_count_does_not_reduce_the_theft():
    text = "经审理查明：" + THEFT + ROBBERY + "，因李某呼救，张某未能得逞，系犯罪未遂。"
    calc = _calc(text, ["盗窃", "抢劫"])
    assert _circ(calc, "attempt") == {"抢劫"}
    # the theft alone (its own count, no attempt) is calculated exactly as in the two-count case
    alone = _months(_calc("经审理查明：" + THEFT, ["盗窃"]))["盗窃"]
    assert _months(calc)["盗窃"] == alone
    # and the robbery is reduced: the same count completed is heavier
    done = _calc("经审理查明：" + THEFT + ROBBERY_DONE, ["盗窃", "抢劫"])
    assert _months(calc)["抢劫"] < _months(done)["抢劫"]


def test_an_attempt_told_in_a_summary_reduces_both_counts():
    text = "经审理查明：" + THEFT + ROBBERY + "。本院认为，被告人张某的上述犯罪均系犯罪未遂。"
    calc = _calc(text, ["盗窃", "抢劫"])
    assert _circ(calc, "attempt") == {"盗窃", "抢劫"}
    alone = _months(_calc("经审理查明：" + THEFT, ["盗窃"]))["盗窃"]
    assert _months(calc)["盗窃"] < alone
    assert any(n.startswith("盗窃：犯罪未遂在各罪行为之外叙述") for n in calc.notes)


def test_an_accessory_in_the_theft_count_is_not_an_accessory_to_the_robbery():
    theft = THEFT.replace("被告人张某在", "被告人张某伙同王某在").replace("。", "，张某负责望风，系从犯。")
    calc = _calc("经审理查明：" + theft + ROBBERY_DONE, ["盗窃", "抢劫"])
    assert _circ(calc, "accessory") == {"盗窃"}
    # the robbery is calculated as the robbery alone, without a 从犯 reduction
    alone = _calc("经审理查明：" + ROBBERY_DONE.removeprefix("二、"), ["抢劫"])
    assert _months(calc)["抢劫"] == _months(alone)["抢劫"]


def test_an_accessory_told_in_a_summary_is_every_counts():
    text = "经审理查明：" + THEFT + ROBBERY_DONE + "以上犯罪中，被告人张某均在共同犯罪中起次要作用，系从犯。"
    calc = _calc(text, ["盗窃", "抢劫"])
    assert _circ(calc, "accessory") == {"盗窃", "抢劫"}
    assert any(n.startswith("抢劫：从犯在各罪行为之外叙述") for n in calc.notes)


def test_the_forgiveness_of_the_theft_victim_does_not_reduce_the_injury():
    theft = THEFT.replace("。", "，案发后张某赔偿赵某经济损失20000元，取得赵某谅解。")
    calc = _calc("经审理查明：" + theft + INJURY, ["盗窃", "故意伤害"])
    assert _circ(calc, "compensation_and_forgiveness") == {"盗窃"}
    assert not ({"compensation", "forgiveness"} & {s.rule_id.removeprefix("circ.") for s in calc.steps})
    alone = _calc("经审理查明：" + INJURY.removeprefix("二、"), ["故意伤害"])
    assert _months(calc)["故意伤害"] == _months(alone)["故意伤害"]


def test_forgiveness_told_in_a_summary_is_every_counts():
    text = (
        "经审理查明："
        + THEFT
        + INJURY
        + "以上犯罪事实发生后，被告人张某赔偿了各被害人的经济损失，取得了各被害人的谅解。"
    )
    calc = _calc(text, ["盗窃", "故意伤害"])
    assert _circ(calc, "compensation_and_forgiveness") == {"盗窃", "故意伤害"}


def test_compensation_in_one_count_and_forgiveness_in_the_other_are_not_both_either_counts():
    """三(11) weighs 赔偿并取得谅解 of the same loss: one count's compensation and another's forgiveness are each
    only what they are."""
    theft = THEFT.replace("。", "，案发后张某赔偿赵某经济损失20000元。")
    injury = INJURY.replace("。", "，李某对张某表示谅解。")
    calc = _calc("经审理查明：" + theft + injury, ["盗窃", "故意伤害"])
    assert _circ(calc, "compensation") == {"盗窃"}
    assert _circ(calc, "forgiveness") == {"故意伤害"}
    assert _circ(calc, "compensation_and_forgiveness") == set()


def test_forgiveness_told_in_each_count_is_each_counts():
    """The extraction keeps a circumstance's first mention; the second count's own 谅解 is read in its own acts."""
    theft = THEFT.replace("。", "，后张某赔偿赵某损失，取得赵某谅解。")
    injury = INJURY.replace("。", "，后张某赔偿李某损失，取得李某谅解。")
    calc = _calc("经审理查明：" + theft + injury, ["盗窃", "故意伤害"])
    assert _circ(calc, "compensation_and_forgiveness") == {"盗窃", "故意伤害"}
    assert not any("在各罪行为之外叙述" in n for n in calc.notes)


def test_a_charge_none_of_whose_acts_was_read_keeps_the_whole_cases_circumstances():
    """Both numbered counts read as thefts: whose the 谅解 is cannot be told for the robbery, which keeps it."""
    theft = THEFT.replace("。", "，后张某赔偿赵某损失，取得赵某谅解。")
    second = "二、2020年5月9日，被告人张某在某商场盗窃手机一部，价值3000元。"
    calc = _calc(
        "经审理查明：" + theft + second + "另查明，被告人张某曾持刀抢劫被害人李某现金500元。",
        ["盗窃", "抢劫"],
    )
    assert _circ(calc, "compensation_and_forgiveness") == {"盗窃", "抢劫"}
    assert any(n.startswith("抢劫：未读出本罪的行为") for n in calc.notes)


def test_a_circumstance_of_the_person_told_in_one_count_is_every_counts():
    """自首 is the defendant's (刑法第67条): the engine keeps it on the person wherever it is told (法释〔1998〕8号
    第三条's partial confession is not read from the text yet)."""
    injury = INJURY.replace("。", "，后张某主动到公安机关投案，如实供述了犯罪事实，系自首。")
    calc = _calc("经审理查明：" + THEFT + injury, ["盗窃", "故意伤害"])
    assert _circ(calc, "surrender") == {"盗窃", "故意伤害"}
    assert not any(
        s.rule_id == "method.several_charges.own_circumstances" and "自首" in s.description_zh
        for s in calc.steps
    )


def test_one_charge_keeps_every_circumstance_wherever_it_is_told():
    text = (
        "经审理查明："
        + THEFT
        # 6万元 attempted beside 2万元 obtained: the attempted part's bracket governs (法释〔2013〕8号第十二条第二款, E97)
        + "二、2020年4月9日晚，被告人张某又在该车棚盗窃电动自行车十辆，价值6万元，未能得逞，系犯罪未遂。"
    )
    calc = _calc(text, ["盗窃"])
    assert _circ(calc, "attempt") == {"盗窃"}
    assert not any("在各罪行为之外叙述" in n for n in calc.notes)


def _circumstances():
    return copy.deepcopy(_read(STANDARDS_DIR / "circumstances.yaml"))


def test_every_circumstance_has_a_scope():
    rules = load_standard().circumstances
    assert {r.scope for r in rules.values()} == {"act", "person"}
    assert {k for k, r in rules.items() if r.scope == "act"} >= {
        "attempt",
        "accessory",
        "forgiveness",
        "disaster",
    }
    assert rules["surrender"].scope == "person" and rules["recidivist"].scope == "person"


def test_a_circumstance_without_a_scope_is_rejected():
    data = _circumstances()
    del data["circumstances"]["attempt"]["scope"]
    with pytest.raises(StandardError, match=r"circumstances\.attempt: missing key 'scope'"):
        parse_circumstances(data)


def test_an_unknown_scope_is_rejected():
    data = _circumstances()
    data["circumstances"]["accessory"]["scope"] = "count"
    with pytest.raises(
        StandardError, match=r"circumstances\.accessory\.scope: must be 'act' or 'person', got 'count'"
    ):
        parse_circumstances(data)
    data["circumstances"]["accessory"]["scope"] = "act"
    assert parse_circumstances(data)["accessory"].scope == "act"
