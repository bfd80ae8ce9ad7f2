"""One fact weighed once, through the whole engine (E68): an earlier drunk-driving conviction reaches 危险驾驶's
heavier tier (《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条(十四)) and is not weighed again as a 前科 (2021量刑指导意见
三(16)); an earlier conviction for another crime is a 前科 of its own. Written texts: FIRST scored before the change
(the three where the rule binds wrong, the 前科 weighed twice and 有危险驾驶前科 not reaching the tier; the two outside
right); SECOND written after it, 2/2 right before any further change."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

FIRST_CASE = (
    "公诉机关指控，2023年3月5日21时许，被告人陈某饮酒后驾驶小型普通客车{where}，被执勤民警查获。经鉴定，陈某血液中"
    "乙醇含量为130mg/100ml。{more}本院认为，被告人陈某在道路上醉酒驾驶机动车，其行为已构成××罪。"
)
SECOND_CASE = (
    "经审理查明：2022年11月2日22时许，被告人刘某某在某酒店饮酒后，驾驶小型轿车沿幸福大道行驶，被公安民警当场查获。"
    "经检验，刘某某血液中乙醇含量为116.4mg/100ml。{more}"
)
ROAD = "行驶至城区滨江路"


def _prior_weighed(text: str) -> tuple[str, bool]:
    calc = calculate(extract(text, charges=["危险驾驶"]))
    return calc.steps[0].rule_id.rsplit(".", 1)[-1], any(s.rule_id == "circ.prior_record" for s in calc.steps)


@pytest.mark.parametrize(
    ("text", "tier", "prior_weighed"),
    [
        pytest.param(
            FIRST_CASE.format(
                where=ROAD,
                more="另查明，被告人陈某曾于2019年6月因犯危险驾驶罪被某区人民法院判处拘役一个月，并处罚金人民币二千元。",
            ),
            "heavier",
            False,
            id="earlier_dui_conviction",
        ),
        pytest.param(
            FIRST_CASE.format(where=ROAD, more="陈某2018年因醉驾被判处拘役二个月，缓刑三个月。"),
            "heavier",
            False,
            id="earlier_dui_told_as_zuijia",
        ),
        pytest.param(
            FIRST_CASE.format(where=ROAD, more="被告人陈某有危险驾驶前科。"),
            "heavier",
            False,
            id="drunk_driving_record_word",
        ),
        pytest.param(
            FIRST_CASE.format(
                where="行驶至沪昆高速公路某路段",
                more="另查明，被告人陈某曾于2019年6月因犯盗窃罪被某区人民法院判处有期徒刑八个月。",
            ),
            "heavier",
            True,
            id="earlier_theft_on_an_expressway_outside",
        ),
        pytest.param(
            FIRST_CASE.format(
                where=ROAD,
                more="另查明，被告人陈某曾于2016年4月因犯盗窃罪被判处有期徒刑六个月；2019年6月因犯危险驾驶罪被判处拘役一个月。",
            ),
            "heavier",
            True,
            id="earlier_theft_beside_earlier_dui_outside",
        ),
        pytest.param(
            SECOND_CASE.format(
                more="被告人刘某某有如下前科：2017年9月12日因犯危险驾驶罪被某县人民法院判处拘役一个月十五日，并处罚金人民币三千元。"
            ),
            "heavier",
            False,
            id="second_earlier_dui_in_a_list",
        ),
        pytest.param(
            SECOND_CASE.format(more="刘某某曾于2015年因犯诈骗罪被判处有期徒刑一年，2016年刑满释放。"),
            "basic",
            True,
            id="second_earlier_fraud_outside",
        ),
    ],
)
def test_an_earlier_drunk_driving_is_weighed_once(text, tier, prior_weighed):
    assert _prior_weighed(text) == (tier, prior_weighed)
