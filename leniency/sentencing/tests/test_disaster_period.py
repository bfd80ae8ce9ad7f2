"""2021量刑指导意见 三(18): 在重大自然灾害、预防、控制突发传染病疫情等灾害期间故意犯罪的，可以增加基准刑的20%以下. The facts
must place the crime in such a period; a date alone, the court's own business in an epidemic (视频开庭), a negligent
crime and a crime whose article makes the epidemic an element do not count (circumstances.yaml `not_with_charges`).
Fact texts written here."""

import pytest

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.circumstance_rules import rules as _rules
from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.standards import load_standard

MASKS = "经审理查明，2020年2月，新冠肺炎疫情防控期间，被告人陈某在微信朋友圈发布出售口罩的虚假信息，骗取被害人褚某货款人民币12000元。"


def _disaster(text: str, charge: str):
    findings, _ = find_circumstances(text, None, [charge])
    return next((f for f in findings if f.code == "disaster"), None)


@pytest.mark.parametrize(
    ("charge", "text", "quote"),
    [
        ("诈骗", MASKS, "疫情防控期间"),
        ("盗窃", "经审理查明，2020年7月，在当地抗洪抢险期间，被告人韩某潜入被转移群众的住所，窃取电视机等物品，价值人民币5200元。", "抗洪抢险期间"),
        ("故意伤害", "经审理查明，2008年5月，汶川地震灾害期间，被告人姜某在安置点因琐事持砖块将被害人戚某打致轻伤二级。", "地震灾害期间"),
        ("寻衅滋事", "经审理查明，2022年4月，在疫情防控的关键时期，被告人方某拒不配合卡口检查，殴打防疫人员任某，致其轻微伤。", "疫情防控的关键时期"),
    ],
)  # fmt: skip
def test_an_intentional_crime_the_facts_place_in_a_disaster_or_epidemic_period(charge, text, quote):
    found = _disaster(text, charge)
    assert found is not None and found.span.quote == quote


@pytest.mark.parametrize(
    ("charge", "text"),
    [
        # a date in 2020 is no epidemic period the facts state
        ("诈骗", "经审理查明，2020年2月，被告人陈某在微信朋友圈发布出售口罩的虚假信息，骗取被害人褚某货款人民币12000元。"),
        # the court's hearing by video in the epidemic, not the time of the crime
        ("盗窃", "经审理查明，2019年10月，被告人沈某在某小区盗窃电动车一辆，价值人民币3000元。新冠肺炎疫情防控期间，本院依法采用远程视频方式开庭审理了本案。"),
        ("诈骗", "经审理查明，被告人谢某于2021年9月骗取邹某人民币8000元，并非在疫情防控期间作案。"),
    ],
)  # fmt: skip
def test_no_disaster_period_where_the_facts_do_not_place_the_crime_in_one(charge, text):
    assert _disaster(text, charge) is None


@pytest.mark.parametrize(
    ("charge", "text"),
    [
        # 故意犯罪 only (刑法第15条: a negligent crime)
        ("过失致人死亡", "经审理查明，2020年2月，新冠肺炎疫情防控期间，被告人卫某在自家院内修剪树枝时不慎将树枝掉落，砸中路过的蒋某头部，致其经抢救无效死亡。"),
        ("交通肇事", "经审理查明，2020年2月，新冠肺炎疫情防控期间，被告人卫某驾驶小型轿车未注意观察路况，将行人蒋某撞倒，致其经抢救无效死亡。"),
        # 刑法第330条: the epidemic is the crime's own element
        ("妨害传染病防治", "经审理查明，2020年2月，新冠肺炎疫情防控期间，被告人卫某自武汉返乡后拒不执行居家隔离措施，多次出入公共场所，致三人被确诊感染。"),
    ],
)  # fmt: skip
def test_no_disaster_period_for_a_negligent_crime_or_one_whose_element_it_is(charge, text):
    assert _disaster(text, charge) is None
    assert _disaster(text, "故意伤害") is not None  # the same words for an intentional crime


def test_every_charge_the_rule_leaves_out_is_a_known_charge():
    rule = load_standard().circumstances["disaster"]
    assert rule.range == (0.0, 0.20) and rule.direction == "up"
    for charge in _rules()["disaster"]["not_with_charges"]:
        assert find_charge(charge) is not None and find_charge(charge).name == charge, charge
