"""2021量刑指导意见 三(17): 对犯罪对象为未成年人、老年人、残疾人、孕妇等弱势人员的，可以增加基准刑的20%以下. The victim's
vulnerability, told in the facts; not the defendant's own age or trait, not a disability the crime caused, and not where
the charge's article already makes it an element (circumstances.yaml `not_when_element`). Fact texts written here."""

import pytest

from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extraction.circumstance_rules import rules as _rules
from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.standards import load_standard


def _victim(text: str, charge: str):
    findings, _ = find_circumstances(text, None, [charge])
    return next((f for f in findings if f.code == "vulnerable_victim"), None)


@pytest.mark.parametrize(
    ("charge", "text", "kind"),
    [
        ("盗窃", "经审理查明，2021年3月5日上午，被告人李某在某菜市场内，趁七旬老人王某挑选蔬菜之机，扒窃其上衣口袋内的现金人民币2600元。", "elderly"),
        ("故意伤害", "经审理查明，被告人金某与被害人魏某（男，时年67岁）因邻里纠纷发生口角，金某将魏某推倒致其轻伤一级。", "elderly"),
        ("抢夺", "经审理查明，被告人孔某于2021年10月在街头抢夺年过六旬的被害人曹某手中的手提包，内有现金人民币3000元。", "elderly"),
        ("诈骗", "经审理查明，2021年，被告人陈某冒充医生，以推销保健品为名骗取多名老年人钱款共计人民币56000元。", "elderly"),
        ("绑架", "经审理查明，被告人赵某为勒索财物，于2019年6月将被害人孙某（男，9岁）劫持至出租屋内，向其父索要赎金人民币50万元。", "under_14"),
        ("强奸", "经审理查明，2020年7月，被告人钱某在某村田间小路上，以暴力手段强行与被害人吴某（女，15岁）发生性关系。", "minor"),
        ("故意伤害", "经审理查明，2020年8月，被告人郑某因琐事与被害人冯某发生争执，持木棍殴打怀孕五个月的冯某，致其轻伤二级。", "pregnant"),
        ("抢劫", "经审理查明，2021年4月，被告人许某在某公园内持刀抢劫智力残疾人何某的现金人民币800元。", "disabled"),
        ("盗窃", "经审理查明，2021年4月，被告人秦某在某商场扒窃被害人尤某的手机一部，价值人民币4300元。被害人尤某系聋哑人。", "disabled"),
    ],
)  # fmt: skip
def test_a_vulnerable_victim_told_in_the_facts_is_found_with_its_kind(charge, text, kind):
    found = _victim(text, charge)
    assert found is not None and found.value == kind
    assert text[found.span.start : found.span.end] == found.span.quote


@pytest.mark.parametrize(
    ("charge", "text"),
    [
        # the defendant's age and traits are the defendant's (三(2), 三(3)), not the victim's
        ("盗窃", "经审理查明，被告人李某（男，1946年5月出生）年过七旬，于2021年3月5日在某超市内窃取白酒两瓶，价值人民币1800元。"),
        ("盗窃", "经审理查明，被告人秦某系聋哑人，于2021年4月在某商场扒窃被害人尤某的手机一部，价值人民币4300元。"),
        ("抢夺", "经审理查明，被告人孔某年近六旬，于2021年10月在街头抢夺被害人曹某手中的手提包，内有现金人民币3000元。"),
        # a victim's age told, adult; 年过六旬 is sixty, 年近六旬 is not
        ("故意伤害", "经审理查明，2020年8月，被告人郑某因琐事与被害人冯某（男，35岁）发生争执，持木棍将冯某打致轻伤二级。"),
        ("抢夺", "经审理查明，被告人孔某于2021年10月在街头抢夺年近六旬的被害人曹某手中的手提包，内有现金人民币3000元。"),
        # a disability the crime caused is its harm, weighed by the injury
        ("故意伤害", "经审理查明，被告人杨某持刀将被害人朱某砍伤，致朱某左手肢体残疾，经鉴定为重伤二级。"),
        # a place, not a person
        ("盗窃", "经审理查明，被告人陶某在某幼儿园门口盗窃电动车一辆，价值人民币2500元。被告人陶某到案后如实供述。"),
        ("寻衅滋事", "经审理查明，2022年5月，被告人张某在某儿童乐园门口无故殴打路人李某，致其轻微伤。"),
        # a body named for them, goods for them, offending by minors
        ("违法发放贷款", "经审理查明，2016年3月，被告人邓某在没有担保的情况下，违规批准向某县残疾人联合会发放贷款人民币40万元。"),
        ("盗窃", "经审理查明，被告人罗某在某超市内将4罐幼儿配方奶粉藏匿于背包内，未付款离开，价值人民币1200元。"),
        ("盗窃", "经审理查明，被告人王某犯罪时系未成年人，到案后如实供述。本着对未成年人犯罪教育为主、惩罚为辅的原则，可从轻处罚。"),
        # denied
        ("盗窃", "经审理查明，被告人陶某窃取被害人周某的手机一部，价值人民币2500元，被害人周某并非老年人。"),
    ],
)  # fmt: skip
def test_no_vulnerable_victim_where_the_facts_tell_of_none(charge, text):
    assert _victim(text, charge) is None


@pytest.mark.parametrize(
    ("charge", "text"),
    [
        # 刑法第236条第2款、第3款第(五)项: 奸淫幼女 is the bracket's own ground
        ("强奸", "经审理查明，被告人钱某明知被害人周某（女，12岁）系不满十四周岁的幼女，仍于2020年7月在其家中与周某发生性关系。"),
        ("猥亵儿童", "经审理查明，2022年5月，被告人吕某在某小区楼道内对被害人施某（女，7岁）实施猥亵。"),
        ("拐骗儿童", "经审理查明，2019年6月，被告人赵某在某小区门口，以买玩具为诱饵将被害人孙某（男，5岁）带离其监护人，后被民警解救。"),
        ("拐卖妇女、儿童", "经审理查明，2018年3月，被告人冯某以出卖为目的，将被害人孙某（男，2岁）从其家门口抱走，以人民币6万元卖给他人。"),
        ("组织残疾人、儿童乞讨", "经审理查明，被告人何某以暴力手段组织被害人肢体残疾人郭某及儿童马某（8岁）在车站乞讨。"),
        ("遗弃", "经审理查明，被告人严某对其年迈的母亲、被害人华某（82岁）负有扶养义务，却拒不扶养，将华某遗弃在外。"),
        ("虐待被监护、看护人", "经审理查明，被告人林某系某养老院护工，多次殴打其看护的被害人七旬老人高某。"),
        # a minor of no stated age may be the child of the article
        ("强奸", "经审理查明，2020年7月，被告人钱某在其家中与被害人未成年女性周某发生性关系。"),
    ],
)  # fmt: skip
def test_no_vulnerable_victim_where_the_charge_already_makes_it_an_element(charge, text):
    assert _victim(text, charge) is None
    assert _victim(text, "故意伤害") is not None  # the same facts under a charge without that element


def test_the_same_vulnerability_counts_for_a_charge_that_does_not_make_it_an_element():
    text = "经审理查明，被告人钱某明知被害人周某（女，12岁）系不满十四周岁的幼女，仍于2020年7月将周某劫持至出租屋内，向其父索要赎金。"
    assert _victim(text, "绑架").value == "under_14"
    assert _victim(text, "强奸") is None


def test_every_charge_the_rule_names_is_a_known_charge_and_every_kind_one_extraction_gives():
    rules = load_standard().circumstances
    assert rules["vulnerable_victim"].range == (0.0, 0.20) and rules["vulnerable_victim"].direction == "up"
    elements = _rules()["vulnerable_victim"]["not_when_element"]
    kinds = {"under_14", "minor", "elderly", "disabled", "pregnant"}
    for charge, excluded in elements.items():
        assert find_charge(charge) is not None and find_charge(charge).name == charge, charge
        assert set(excluded) <= kinds, charge
