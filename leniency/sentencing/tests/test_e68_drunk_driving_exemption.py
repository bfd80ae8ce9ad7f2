"""危险驾驶: 免予刑事处罚 on the crime's own conditions (dangerous_driving.yaml `exemption`, calculator_outcome._exempt),
the accident responsibility that is the defendant's (第十条(一)), and a drunk-driving record told as 前科 (第十条(十四)),
on fact texts written here in the style of judgments, each rule with a text just outside it.

FIRST were scored before any change (with the double-counting and limit texts of test_e68_weighed_once and
test_e68_limits: 10/21 right on HEAD d2c3f97); SECOND were written after fixing what FIRST showed and scored before
fixing what they showed (10/11 right with the FIRST fixes, 5/11 on HEAD): the one miss was a blood alcohol told after
a comma (检出乙醇，含量为181毫克/100毫升) not read, so a 181 mg text was exempted; the exemption now asks for a reading,
and quantities.BAC_RE reads it (E68_4.diff)."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FIRST_CASE = (
    "公诉机关指控，2023年3月5日21时许，被告人陈某饮酒后驾驶小型普通客车{where}，被执勤民警查获。经鉴定，陈某血液中"
    "乙醇含量为{bac}mg/100ml。{more}本院认为，被告人陈某在道路上醉酒驾驶机动车，其行为已构成××罪。{court}"
)
SECOND_CASE = (
    "经审理查明：2022年11月2日22时许，被告人刘某某在某酒店饮酒后，{act}。经某司法鉴定中心检验，刘某某静脉血液中检出"
    "乙醇，含量为{bac}毫克/100毫升。{more}上述事实，被告人刘某某在开庭审理过程中亦无异议。{court}"
)
ROAD = "行驶至城区滨江路"
STOPPED = "驾驶车牌号为某A12345的小型轿车沿幸福大道由东向西行驶，在幸福大道与建设路交叉口被公安民警当场查获"
PLEA = "被告人陈某到案后如实供述犯罪事实，自愿认罪认罚。"
MINOR = "鉴于被告人陈某醉酒程度较轻，行驶距离短，未造成危害后果，且认罪认罚，其犯罪情节轻微。"


def first(where=ROAD, bac=130, more="", court=""):
    return FIRST_CASE.format(where=where, bac=bac, more=more, court=court)


def second(act=STOPPED, bac="116.4", more="", court=""):
    return SECOND_CASE.format(act=act, bac=bac, more=more, court=court)


EXEMPTION = [
    pytest.param(first(bac=95, more=PLEA, court=MINOR), True, id="minor_with_plea"),
    pytest.param(
        first(
            where=ROAD + "时与停放的轿车发生碰撞，经交警认定陈某负事故全部责任",
            bac=95,
            more=PLEA,
            court=MINOR,
        ),
        False,
        id="minor_with_plea_but_accident_to_blame_outside",
    ),
    pytest.param(first(bac=186, more=PLEA, court=MINOR), False, id="minor_with_plea_but_186mg_outside"),
    pytest.param(
        first(bac=95, more=PLEA + "陈某曾于2020年因犯危险驾驶罪被判处拘役一个月。", court=MINOR),
        False,
        id="minor_with_plea_but_earlier_dui_outside",
    ),
    pytest.param(
        first(
            where="在小区停车场内挪车", bac=120, more=PLEA, court="被告人陈某犯罪情节轻微，不需要判处刑罚。"
        ),
        True,
        id="whole_condition_stated",
    ),
    pytest.param(
        first(
            where=ROAD + "时撞上护栏，经交警认定陈某负事故主要责任",
            bac=110,
            more="案发后陈某主动报警并在现场等候。",
            court="被告人陈某系自首，情节轻微。",
        ),
        False,
        id="surrender_and_minor_but_accident_to_blame_outside",
    ),
    pytest.param(
        first(
            where="为送突发高烧的儿子就医，行驶至城区人民医院门口",
            bac=140,
            more=PLEA,
            court="考虑其系为送病人就医而驾车，犯罪情节轻微。",
        ),
        True,
        id="emergency_drive_minor_with_plea",
    ),
]

EXEMPTION_SECOND = [
    pytest.param(
        second(
            act="为给他人车辆让出车位，驾驶小型轿车在某小区地面停车场内倒车约十米时被民警查获",
            bac="98",
            more="刘某某自愿认罪认罚，签署了认罪认罚具结书。",
            court="本院认为，被告人刘某某醉酒驾驶机动车，其行为已构成××罪，但其仅为挪动车位短距离驾驶，犯罪情节轻微。",
        ),
        True,
        id="moved_car_in_car_park_minor_with_plea",
    ),
    pytest.param(
        second(
            act="驾驶小型轿车驶入京港澳高速公路，行驶约二公里后被查获",
            bac="98",
            more="刘某某自愿认罪认罚。",
            court="本院认为，被告人刘某某犯罪情节轻微。",
        ),
        False,
        id="minor_but_on_an_expressway_outside",
    ),
    pytest.param(
        second(
            bac="181", more="刘某某到案后如实供述了自己的罪行。", court="本院认为，被告人刘某某犯罪情节轻微。"
        ),
        False,
        id="minor_with_confession_but_181mg_outside",
    ),
    pytest.param(
        second(
            bac="98",
            more="刘某某自愿认罪认罚。",
            court="辩护人提出被告人刘某某犯罪情节轻微，建议免予刑事处罚。",
        ),
        False,
        id="minor_only_in_the_defence_claim_outside",
    ),
]


@pytest.mark.parametrize(("text", "exempt"), EXEMPTION + EXEMPTION_SECOND)
def test_drunk_driving_exemption(text, exempt):
    calc = calculate(extract(text, charges=["危险驾驶"]))
    assert (calc.penalty == "exempt") is exempt
    assert (calc.months == 0) is exempt


def test_the_plea_ground_is_this_crimes_own():
    """The same admission and 情节轻微 in a theft exempt nothing: the plea is a ground for 危险驾驶 only."""
    text = (
        "经审理查明，2022年5月3日，被告人陈某在某超市窃取香烟两条，价值人民币1200元。"
        + PLEA
        + "本院认为，被告人陈某"
        "犯罪情节轻微。"
    )
    assert calculate(extract(text, charges=["盗窃"])).penalty != "exempt"


TIERS = [
    pytest.param(
        first(
            where=ROAD + "时与李某驾驶的货车相撞",
            more="经交警部门认定，李某负事故的主要责任，陈某负次要责任。",
        ),
        "basic",
        id="other_party_main_responsibility_outside",
    ),
    pytest.param(
        first(
            where=ROAD + "时与李某驾驶的货车相撞",
            more="经交警部门认定，陈某负事故的主要责任，李某负次要责任。",
        ),
        "heavier",
        id="defendants_main_responsibility_by_name",
    ),
    pytest.param(
        first(where=ROAD + "时与行人相撞", more="交警部门认定由被告人陈某承担事故全部责任。"),
        "heavier",
        id="full_responsibility_borne_by_the_defendant",
    ),
    pytest.param(
        first(where="行驶至路口时被闯红灯的李某驾车撞上", more="经认定，李某承担此事故的全部责任。"),
        "basic",
        id="only_the_other_party_responsible_outside",
    ),
    pytest.param(first(more="被告人陈某有危险驾驶前科。"), "heavier", id="drunk_driving_record_word"),
    pytest.param(first(more="被告人陈某有盗窃前科。"), "basic", id="theft_record_word_outside"),
    pytest.param(
        second(
            act="驾驶小型轿车沿幸福大道行驶时，被对向驶来的张某驾驶的货车越线撞击",
            more="经交警大队认定，张某负此事故全部责任，刘某某无责任。",
        ),
        "basic",
        id="second_opposite_driver_full_blame_outside",
    ),
    pytest.param(
        second(
            act="驾驶小型轿车与张某驾驶的电动车相撞，致张某受轻微伤",
            more="某交警大队作出事故认定书，认定刘某某负事故主要责任，张某负次要责任。",
        ),
        "heavier",
        id="second_defendant_main_after_the_finding",
    ),
]


@pytest.mark.parametrize(("text", "tier"), TIERS)
def test_drunk_driving_tier(text, tier):
    calc = calculate(extract(text, charges=["危险驾驶"]))
    assert calc.steps[0].rule_id == f"crime.dangerous_driving.{tier}"
