"""危险驾驶's own heavier circumstances (《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条, dangerous_driving.yaml's
heavier tier), on fact texts written here in the style of judgments, each with a text just outside its rule.

FIRST were scored before any change (8/22 right on HEAD 7f67ad9); SECOND were written after the first round of fixes
and scored before fixing what they showed (7/11 right; 5/11 on HEAD)."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

CASE = (
    "公诉机关指控，被告人王某于2022年8月9日23时许醉酒后驾驶小型轿车，构成××罪。经审理查明，2022年8月9日23时许，"
    "被告人王某饮酒后驾驶小型轿车{road}被民警查获。经鉴定，被告人王某血液中乙醇含量为132mg/100ml。{more}"
    "本院认为，被告人王某在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。"
)
PLAIN = calculate(extract(CASE.format(road="行驶至城区解放路时", more=""), charges=["危险驾驶"]))

FIRST = [
    pytest.param(
        "行驶至城区解放路时",
        "另查明，被告人王某曾于2020年5月因犯危险驾驶罪被某县人民法院判处拘役二个月，并处罚金人民币三千元。",
        "heavier",
        id="prior_dui_conviction_3y",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某2019年10月因醉酒驾驶机动车被判处拘役一个月，缓刑二个月。",
        "heavier",
        id="prior_dui_conviction_named_as_drunk",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "另查明，被告人王某曾于2020年5月因犯盗窃罪被某县人民法院判处拘役三个月。",
        "basic",
        id="prior_theft_conviction_outside",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某曾于2021年3月因醉酒驾驶机动车被某县人民检察院作出不起诉决定。",
        "heavier",
        id="prior_dui_relative_nonprosecution",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某于2021年12月曾因饮酒后驾驶机动车被交警查获。",
        "heavier",
        id="prior_dui_caught_not_punished_word",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某2022年1月因酒后驾驶机动车被处以吊销驾驶证的处罚。",
        "heavier",
        id="prior_drink_drive_admin_detention",
    ),
    pytest.param(
        "行驶至解放路时与李某驾驶的电动自行车相撞，造成两车受损的交通事故，",
        "经交警部门认定，被告人王某承担此次事故的主要责任。",
        "heavier",
        id="accident_main_responsibility",
    ),
    pytest.param(
        "行驶至解放路时与李某驾驶的电动自行车相撞，造成两车受损的交通事故，",
        "经交警部门认定，被告人王某负事故同等责任。",
        "basic",
        id="accident_equal_responsibility_outside",
    ),
    pytest.param(
        "行驶至解放路时追尾前方停放的小型货车，",
        "经认定，王某应承担事故的全部责任。",
        "heavier",
        id="accident_full_responsibility_bears",
    ),
    pytest.param(
        "行驶至解放路时与李某驾驶的轿车发生碰撞，",
        "经认定，王某负事故次要责任，李某负主要责任。",
        "basic",
        id="accident_minor_responsibility_outside",
    ),
    pytest.param("行驶至沈海高速公路某路段时", "", "heavier", id="expressway"),
    pytest.param(
        "行驶至城区解放路时",
        "经查，被告人王某未依法取得机动车驾驶证。",
        "heavier",
        id="no_licence_never_obtained",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "经查，被告人王某持有C1驾驶证，处于有效期内。",
        "basic",
        id="licence_valid_outside",
    ),
    pytest.param("行驶至解放路时遇民警设卡检查，遂弃车逃跑，后", "", "heavier", id="fled_the_check"),
    pytest.param("行驶至解放路酒驾检查点前时掉头逃离，后", "", "heavier", id="turned_to_avoid_check"),
    pytest.param(
        "行驶至城区解放路时",
        "案发后，被告人王某让其朋友李某冒充驾驶人接受检查。",
        "heavier",
        id="let_someone_take_his_place",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "在民警对其进行呼气酒精测试时，被告人王某拒不配合并推搡民警。",
        "heavier",
        id="refused_breath_test_by_running",
    ),
    pytest.param("驾驶出租车载客行驶至解放路时", "", "heavier", id="taxi_with_passenger"),
    pytest.param(
        "以每小时120公里的速度在限速60公里的解放路上行驶，超过规定时速百分之一百，",
        "",
        "heavier",
        id="serious_speeding_percent",
    ),
    pytest.param("在解放路上超速行驶（超过规定时速百分之十），", "", "basic", id="speeding_slight_outside"),
    pytest.param("驾驶重型半挂牵引车行驶至解放路时", "", "heavier", id="heavy_truck"),
    pytest.param("驾驶轻型普通货车行驶至解放路时", "", "basic", id="light_truck_outside"),
]

SECOND = [
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某，男，1985年生。2020年7月15日因犯危险驾驶罪被本院判处拘役一个月十五日，并处罚金人民币二千元。",
        "heavier",
        id="header_prior_dui_without_ceng",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某于2021年因醉驾被他县人民法院以危险驾驶罪定罪处罚。",
        "heavier",
        id="prior_dui_within_five_years_drunk_words",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某因涉嫌危险驾驶罪于2022年8月10日被某市公安局刑事拘留。",
        "basic",
        id="prior_dui_held_in_custody_current_outside",
    ),
    # 2022: the 2013 opinion's 第二条(三) (城市快速路) still governed; the 2023 list leaves it out (test_e83_written_texts)
    pytest.param("行驶至城市快速路内环段时", "", "heavier", id="urban_expressway_under_2013_opinion"),
    pytest.param("行驶至解放路时撞上路边护栏后驾车逃离现场，", "", "heavier", id="hit_and_ran"),
    pytest.param("驾驶接送学生的校车载有学生八名行驶至解放路时", "", "heavier", id="school_bus_with_pupils"),
    pytest.param("驾驶装载液化石油气的罐式货车行驶至解放路时", "", "heavier", id="dangerous_goods_tanker"),
    pytest.param(
        "驾驶核载七人实载十五人的小型普通客车行驶至解放路时",
        "",
        "heavier",
        id="overloaded_passengers_percent",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某见民警检查，遂与副驾驶座位上的李某调换座位。",
        "heavier",
        id="obstruct_by_swapping_seat",
    ),
    pytest.param(
        "行驶至城区解放路时",
        "被告人王某在等待抽血期间又故意饮酒，意图逃避检验。",
        "heavier",
        id="blood_test_evaded_by_drinking_more",
    ),
    pytest.param(
        "行驶至城区解放路时", "被告人王某系在小区内挪车。", "basic", id="parked_car_moved_short_outside"
    ),
]


def _calc(road, more):
    return calculate(extract(CASE.format(road=road, more=more), charges=["危险驾驶"]))


@pytest.mark.parametrize(("road", "more", "tier"), FIRST + SECOND)
def test_drunk_driving_tier(road, more, tier):
    calc = _calc(road, more)
    assert calc.steps[0].rule_id == f"crime.dangerous_driving.{tier}"
    if tier == "heavier":
        assert calc.months > PLAIN.months


def test_plain_case_is_basic():
    assert PLAIN.steps[0].rule_id == "crime.dangerous_driving.basic"


def test_an_earlier_drunk_driving_conviction_weighs_more_than_an_earlier_theft():
    """第十条(十四): the earlier drunk-driving conviction is this crime's own heavier circumstance, not only a 前科."""
    dui = _calc(
        "行驶至城区解放路时", "另查明，被告人王某曾于2020年5月因犯危险驾驶罪被某县人民法院判处拘役二个月。"
    )
    theft = _calc(
        "行驶至城区解放路时", "另查明，被告人王某曾于2020年5月因犯盗窃罪被某县人民法院判处拘役三个月。"
    )
    assert dui.months > theft.months
