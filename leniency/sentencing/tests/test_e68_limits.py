"""严重超速、超员、超载 (《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条(四)) told as figures, through the whole engine:
the speed limit passed by more than half (道路交通安全法第99条第1款第(四)项), the rated passengers by more than a fifth
and the rated load by more than three tenths (第92条; recalled, unconfirmed). FIRST: 0/3 right before the change (their
outside texts were right); SECOND: written after it, 2/2 before any further change."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

CASE = (
    "公诉机关指控，2023年3月5日21时许，被告人陈某饮酒后驾驶{where}，被执勤民警查获。经鉴定，陈某血液中乙醇含量为"
    "130mg/100ml。本院认为，被告人陈某在道路上醉酒驾驶机动车，其行为已构成××罪。"
)


@pytest.mark.parametrize(
    ("where", "tier"),
    [
        pytest.param(
            "小型普通客车以每小时98公里的速度行驶至限速60公里每小时的城区滨江路",
            "heavier",
            id="speed_63pc_over",
        ),
        pytest.param(
            "小型普通客车以每小时70公里的速度行驶至限速60公里每小时的城区滨江路",
            "basic",
            id="speed_17pc_over_outside",
        ),
        pytest.param(
            "小型普通客车以每小时90公里的速度行驶至限速60公里每小时的城区滨江路",
            "basic",
            id="speed_exactly_half_over_outside",
        ),
        pytest.param(
            "小型普通客车，核定载客5人，实际载客9人，行驶至城区滨江路", "heavier", id="passengers_80pc_over"
        ),
        pytest.param(
            "小型普通客车，核定载客5人，实际载客6人，行驶至城区滨江路",
            "basic",
            id="passengers_exactly_a_fifth_over_outside",
        ),
        pytest.param(
            "核定载质量1.5吨实际载货3.2吨的轻型货车行驶至城区滨江路", "heavier", id="load_more_than_double"
        ),
        pytest.param(
            "核定载质量1.5吨实际载货1.8吨的轻型货车行驶至城区滨江路", "basic", id="load_a_fifth_over_outside"
        ),
        pytest.param(
            "小型轿车在城区滨江路行驶，经测速，车速为每小时112公里，该路段限速70公里",
            "heavier",
            id="second_speed_camera",
        ),
        pytest.param(
            "核定载质量1495千克的轻型厢式货车，实际装载货物2600千克，沿城区滨江路行驶",
            "heavier",
            id="second_load_in_kg",
        ),
    ],
)
def test_a_limit_passed_by_the_law_s_share(where, tier):
    calc = calculate(extract(CASE.format(where=where), charges=["危险驾驶"]))
    assert calc.steps[0].rule_id == f"crime.dangerous_driving.{tier}"
