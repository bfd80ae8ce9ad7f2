"""Injury increments count persons, not mentions (issue 16, class 3): judgments tell one victim's injury twice
(致其轻伤 … 经鉴定，周某的损伤程度为轻伤二级; the prosecutor's 致人轻伤), and the guideline adds punishment per person
injured (2021量刑指导意见 四(七), 四(十)). Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.injuries import find_injuries, injured_persons
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


TWO_MEN = (
    "经审理查明，2020年7月2日晚，被告人赵某在某烧烤店门口与人发生争执，持折叠刀将一名男子砍致轻伤二级，"
    "又将上前阻拦的另一名男子砍致轻伤一级。"
)
ONE_MAN_TOLD_TWICE = (
    "经审理查明，2020年7月2日晚，被告人赵某在某烧烤店门口与人发生争执，持折叠刀将一名男子砍伤。"
    "经鉴定，该男子的损伤程度为轻伤二级。"
)


def test_an_unnamed_victim_and_another_are_two_persons_one_told_twice_is_one():
    assert injured_persons(TWO_MEN, find_injuries(TWO_MEN)) == 2
    assert injured_persons(ONE_MAN_TOLD_TWICE, find_injuries(ONE_MAN_TOLD_TWICE)) == 1


def test_a_number_of_victims_told_at_once_is_that_many_persons():
    text = "经审理查明，2020年7月2日晚，被告人赵某持木棍殴打两名被害人，致二被害人均受轻伤。经鉴定，二被害人的损伤程度均为轻伤二级。"
    assert injured_persons(text, find_injuries(text)) == 2
    text = "经审理查明，2020年7月2日晚，被告人赵某驾驶摩托车撞向路边人群，致二人轻伤。"
    assert injured_persons(text, find_injuries(text)) == 2
    text = "经审理查明，2020年7月2日晚，被告人赵某驾驶摩托车撞向路边人群，造成二人轻伤。"
    assert injured_persons(text, find_injuries(text)) == 2
    text = "经审理查明，2020年7月2日晚，被告人赵某持刀砍伤被害人周某。公诉机关认为，被告人赵某造成一名被害人轻伤。经鉴定，周某轻伤二级。"
    assert injured_persons(text, find_injuries(text)) == 1


def test_persons_the_defendant_brought_or_who_only_looked_on_are_no_victims():
    brought = "经审理查明，2020年7月2日晚，被告人赵某伙同两名男子将被害人殴打致轻伤二级。"
    looked_on = "经审理查明，2020年7月2日晚，两名男子上前劝阻，被告人赵某仍持刀将被害人砍致轻伤二级。"
    summed_up = "经审理查明，被告人赵某持刀将郑某甲砍伤。经鉴定，郑某甲的损伤为轻微伤。公诉机关认为，被告人赵某致1人轻微伤。"
    named_then_summed_up = (
        "经审理查明，被告人赵某持刀将被害人周某砍伤。经鉴定，周某的损伤程度为轻伤二级。"
        "公诉机关认为，被告人赵某故意伤害他人身体，致一名被害人轻伤。"
    )
    for text in (brought, looked_on, summed_up, named_then_summed_up):
        assert injured_persons(text, find_injuries(text)) == 1, text


def test_lettered_victims_are_a_person_each_however_they_are_told_again():
    text = "经审理查明，被告人赵某持刀将被害人甲、乙砍伤。经鉴定，甲的损伤程度为轻伤二级，乙的损伤程度为轻伤二级。"
    assert injured_persons(text, find_injuries(text)) == 2
    one = (
        "经审理查明，被告人赵某持刀将被害人甲砍伤。经鉴定，甲的损伤程度为轻伤二级，被害人甲的伤情系锐器所致。"
    )
    assert injured_persons(one, find_injuries(one)) == 1


def test_a_named_victim_and_an_unnamed_one_are_two_and_a_pronoun_is_the_one_before_it():
    text = "经审理查明，被告人赵某持刀将周某砍致轻伤，又将一名男子砍倒，致该男子轻伤。"
    assert injured_persons(text, find_injuries(text)) == 2
    text = "经审理查明，被告人赵某持刀将周某砍致轻伤，又将王某砍倒致其轻伤。经鉴定，周某、王某均为轻伤二级。"
    assert injured_persons(text, find_injuries(text)) == 2


def test_a_second_unnamed_victim_adds_to_the_injury_baseline():
    """2021量刑指导意见 四(十): 故意伤害 adds punishment per further person injured; 刑法第234条第1款."""
    two = calculate(extract(TWO_MEN, ["故意伤害"]))
    one = calculate(extract(ONE_MAN_TOLD_TWICE, ["故意伤害"]))
    assert "crime.intentional_injury.light.increment.injured_victims" in {s.rule_id for s in two.steps}
    assert "crime.intentional_injury.light.increment.injured_victims" not in {s.rule_id for s in one.steps}
    assert two.months > one.months
