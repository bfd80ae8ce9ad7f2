"""故意伤害 causing death is serious violent crime: leniency is applied strictly in that tier only
(intentional_injury.yaml `strict_leniency_tiers`; 《关于贯彻宽严相济刑事政策的若干意见》（2010）第7条, 2019认罪认罚指导意见
第5条), the same circumstances taking their full size for a serious or light injury. Fact texts written here."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.standards import load_standard

STABBING = (
    "经审理查明，2020年6月，被告人马某因琐事与被害人何某发生争执，马某持刀捅刺何某腹部，{harm}。"
    "案发后马某主动投案，如实供述，赔偿被害人家属经济损失并取得谅解，自愿认罪认罚。"
)


def _plea_ratio(harm: str) -> float:
    calc = calculate(extract(STABBING.format(harm=harm), ["故意伤害"]))
    (step,) = [s for s in calc.steps if s.rule_id == "circ.plea.bucket"]
    return step.ratio


def test_a_death_takes_the_strict_share_of_the_same_circumstances():
    death = _plea_ratio("致何某经抢救无效死亡")
    serious = _plea_ratio("致何某受伤。经鉴定，何某的损伤程度为重伤二级")
    light = _plea_ratio("致何某受伤。经鉴定，何某的损伤程度为轻伤二级")
    factor = float(load_standard().method["strict_leniency"]["factor"])
    assert factor < 1
    assert serious == light
    assert death == pytest.approx(light * factor)
