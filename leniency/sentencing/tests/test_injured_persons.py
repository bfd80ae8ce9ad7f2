"""Injury increments count persons, not mentions (issue 16, class 3): judgments tell one victim's injury twice
(致其轻伤 … 经鉴定，周某的损伤程度为轻伤二级; the prosecutor's 致人轻伤), and the guideline adds punishment per person
injured (2021量刑指导意见 四(七), 四(十)). Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.quantities import find_injuries, injured_persons
from leniency.sentencing.facts import Finding, InjuryGrade

ONE = (
    "经审理查明，2020年6月5日晚，被告人赵某因感情纠纷，用拳头、酒瓶将曾某打伤。经鉴定，曾某的损伤程度为轻伤二级。"
    "公诉机关认为，被告人赵某故意伤害他人身体，致人轻伤。"
)
TWO = "经审理查明，2020年6月5日晚，被告人赵某因感情纠纷，用拳头、酒瓶将曾某、李某打伤。经鉴定，曾某、李某的损伤程度均为轻伤二级。"
ROBBERY = (
    "经审理查明，2020年8月12日凌晨，被告人陈某在路边持刀威胁被害人周某交出财物，周某反抗，陈某持刀将周某划伤致其轻伤，"
    "劫得现金3000元。经鉴定，周某的损伤程度为轻伤二级。"
)


def test_one_victims_injury_told_twice_is_one_person():
    findings = find_injuries(ONE)
    assert len(findings) == 2
    assert injured_persons(ONE, findings) == 1  # the defendant named before 致人轻伤 is no victim


def test_injuries_given_without_a_place_in_the_text_are_a_person_each():
    given = [Finding("injury", InjuryGrade.LIGHT_2), Finding("injury", InjuryGrade.LIGHT_1)]
    assert injured_persons("", given) == 2
    assert injured_persons(ONE, [*find_injuries(ONE), *given]) == 3


def test_one_mention_of_two_victims_is_two_persons():
    assert injured_persons(TWO, find_injuries(TWO)) == 2


def test_a_further_person_injured_adds_to_the_injury_baseline_a_repeated_mention_does_not():
    one = calculate(extract(ONE, ["故意伤害"]))
    two = calculate(extract(TWO, ["故意伤害"]))
    assert one.months == 8
    assert two.months == 12
    assert "crime.intentional_injury.light.increment.injured_victims" not in {s.rule_id for s in one.steps}


def test_a_robbery_victims_light_injury_told_twice_adds_once():
    calc = calculate(extract(ROBBERY, ["抢劫"]))
    (step,) = [s for s in calc.steps if s.rule_id == "crime.robbery.basic.increment.light_injuries"]
    assert step.months_after - step.months_before == 6


TOLD_TWICE = (
    "经审理查明，2020年3月5日，被告人王某驾驶小型轿车行驶至某路口时，未注意观察路面情况，与行人李某相撞，致李某当场死亡。"
    "经交警部门认定，王某负事故全部责任。经鉴定，李某系交通事故致颅脑损伤死亡。"
)
TWO_KILLED = (
    "经审理查明，2020年3月5日，被告人王某驾驶小型轿车行驶至某路口时，与行人李某、张某相撞，致李某、张某死亡。"
)


def test_a_traffic_death_told_twice_is_one_death_two_persons_killed_are_two():
    """2021量刑指导意见 四(一): each further death adds to the 交通肇事 baseline; one death told twice does not."""
    once = calculate(extract(TOLD_TWICE, ["交通肇事"]))
    twice = calculate(extract(TWO_KILLED, ["交通肇事"]))
    assert "crime.traffic_accident.basic.increment.deaths" not in {s.rule_id for s in once.steps}
    assert "crime.traffic_accident.basic.increment.deaths" in {s.rule_id for s in twice.steps}
    assert twice.months > once.months


def test_two_named_dead_with_the_main_responsibility_are_especially_bad_circumstances():
    """法释〔2000〕33号第四条(一): 死亡二人以上，负事故全部或者主要责任 is 其他特别恶劣情节 (刑法第133条, 3 to 7 years),
    the dead named (致李某、张某死亡) as well as counted (二人死亡); with the lesser responsibility it is not."""
    text = "经审理查明，2020年3月5日，被告人王某驾驶小型轿车与行人李某、张某相撞，致李某、张某死亡。经交警部门认定，王某负事故{}责任。"
    (main,) = calculate(extract(text.format("全部"), ["交通肇事"])).charges
    (minor,) = calculate(extract(text.format("次要"), ["交通肇事"])).charges
    assert main.bracket_label.startswith("3年以上7年以下")
    assert minor.bracket_label.startswith("3年以下")
