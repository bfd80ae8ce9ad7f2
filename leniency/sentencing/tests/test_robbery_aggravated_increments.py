"""Aggravated robbery's baseline (2021量刑指导意见 四(十)2): from the 10–13-year starting point, punishment is added
for 抢劫次数、数额、致人伤害后果 as in the basic tier, not only for the amount. Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

STREET = "经审理查明，2019年3月至5月间，被告人刘某先后{times}次在某市街头持刀拦截行人，抢得现金、手机等财物共计价值6000元。"
HOME = "经审理查明，2020年8月12日凌晨，被告人陈某翻墙进入被害人周某家中，持刀威胁周某交出财物，{hurt}劫得现金3000元。{report}"
HURT = "周某反抗，陈某持刀将周某手臂划伤，"
REPORT = "经鉴定，周某的损伤程度为轻伤二级。"


def _robbery(text: str):
    calc = calculate(extract(text, ["抢劫"]))
    (charge,) = calc.charges
    assert charge.bracket_label.startswith("10年以上")  # 刑法第263条: 多次抢劫 / 入户抢劫
    return calc


def test_robberies_beyond_the_third_add_to_the_aggravated_baseline():
    five = _robbery(STREET.format(times="五"))
    three = _robbery(STREET.format(times="三"))  # 多次抢劫 itself: nothing added
    assert three.months == 120
    assert five.months == 132
    assert "crime.robbery.aggravated.increment.counts" in {s.rule_id for s in five.steps}


def test_a_light_injury_adds_to_a_home_robbery():
    hurt = _robbery(HOME.format(hurt=HURT, report=REPORT))
    unhurt = _robbery(HOME.format(hurt="", report=""))
    assert unhurt.months == 120
    assert hurt.months == 126
    assert "crime.robbery.aggravated.increment.light_injuries" in {s.rule_id for s in hurt.steps}
