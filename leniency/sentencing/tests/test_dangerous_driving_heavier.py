"""危险驾驶: the circumstances of 《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条 that place a drunk driving in the
heavier tier (dangerous_driving.yaml), and the vehicle words that are not one of them. Fact texts written here."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

DRIVE = (
    "经审理查明，2022年5月3日22时许，被告人张某饮酒后驾驶{vehicle}行驶至某市人民路时被执勤民警查获。"
    "经鉴定，被告人张某血液中乙醇含量为96mg/100ml。被告人张某到案后如实供述了自己的罪行。{more}"
)


def _tier(vehicle="小型轿车", more=""):
    calc = calculate(extract(DRIVE.format(vehicle=vehicle, more=more), charges=["危险驾驶"]))
    return calc.steps[0].rule_id, calc.months


@pytest.mark.parametrize(
    "vehicle",
    ["小型载客汽车", "号牌为苏A12345的小型普通客车（非营运）", "非营运小型轿车并搭载其朋友李某"],
)
def test_a_private_cars_vehicle_class_is_not_a_passenger_carrying_commercial_vehicle(vehicle):
    """第十条(六) is 驾驶载有乘客的营运机动车: 小型载客汽车 is the class of any private car, and 非营运 says it is not one."""
    assert _tier(vehicle)[0] == "crime.dangerous_driving.basic"


@pytest.mark.parametrize("vehicle", ["载有三名乘客的出租车", "营运客车搭载乘客五人"])
def test_a_commercial_vehicle_with_passengers_on_board_is_heavier(vehicle):
    tier, months = _tier(vehicle)
    assert tier == "crime.dangerous_driving.heavier"
    assert months > _tier()[1]


def test_driving_after_taking_drugs_is_heavier():
    """第十条(五): 服用国家规定管制的精神药品或者麻醉药品后驾驶."""
    more = "另查明，被告人张某当晚吸食甲基苯丙胺后驾驶车辆上路。"
    assert _tier(more=more)[0] == "crime.dangerous_driving.heavier"
    assert _tier(more="另查明，被告人张某当晚未吸食毒品。")[0] == "crime.dangerous_driving.basic"


def test_an_earlier_administrative_penalty_for_drink_driving_is_heavier_and_another_penalty_is_not():
    """第十条(十三): 曾因饮酒后驾驶机动车受过行政处罚 (no criminal record, so the prior record does not weigh it)."""
    drink = "被告人张某曾于2021年3月因饮酒后驾驶机动车被公安机关处以暂扣机动车驾驶证六个月、罚款一千元的行政处罚。"
    other = "被告人张某曾于2021年3月因赌博被公安机关处以行政拘留五日的行政处罚。"
    assert _tier(more=drink)[0] == "crime.dangerous_driving.heavier"
    assert _tier(more=other)[0] == "crime.dangerous_driving.basic"
