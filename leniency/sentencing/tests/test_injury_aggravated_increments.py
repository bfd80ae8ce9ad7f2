"""故意伤害 above the first bracket (2021量刑指导意见 四(七)4: 根据伤害后果、伤残等级、手段残忍程度等…增加刑罚量): each
further person injured adds in the death tier too, and a disability graver than the sixth grade in the tier of
特别残忍手段. Persons are those injured, not every victim named. Sizes are engineering. Fact texts written here."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

QUARREL = "经审理查明，2020年7月3日晚，被告人孙某在某烧烤店与被害人钱某{others}因琐事发生争执，"
STABBED = "孙某持水果刀朝钱某胸部捅刺一刀，致钱某经抢救无效死亡。"
SECOND = "孙某又持刀捅刺前来劝阻的李某腹部，致李某受伤。经鉴定，李某的损伤程度为重伤二级。"
BOTTLE = "孙某持啤酒瓶击打钱某{both}头部。经鉴定，钱某{both}的损伤程度{all}为重伤二级。"
ACID = (
    "经审理查明，2020年7月3日，被告人孙某因琐事怀恨在心，持事先准备的硫酸泼向被害人钱某面部，手段特别残忍，致钱某面部毁容。"
    "经鉴定，钱某的损伤程度为{grade}，伤残等级为{disability}级。"
)


def _injury(text: str):
    calc = calculate(extract(text, ["故意伤害"]))
    return calc, calc.charges[0]


def _increments(calc) -> set[str]:
    return {s.rule_id for s in calc.steps if ".increment." in s.rule_id}


def test_a_second_person_stabbed_adds_to_a_death():
    calc, injury = _injury(QUARREL.format(others="、李某") + STABBED + SECOND)
    assert injury.months == 138  # 132 + 6
    assert "crime.intentional_injury.death.increment.injured_victims" in _increments(calc)


@pytest.mark.parametrize("others", ["", "、李某"])  # 李某 named in the quarrel, not hurt
def test_one_death_alone_adds_nothing(others):
    calc, injury = _injury(QUARREL.format(others=others) + STABBED)
    assert injury.months == 132
    assert not _increments(calc)


def test_two_persons_seriously_injured_add_one():
    calc, injury = _injury(QUARREL.format(others="、李某") + BOTTLE.format(both="、李某", all="均"))
    assert injury.months == 42  # 36 + 6


def test_a_victim_named_but_not_hurt_is_no_person_injured():
    calc, injury = _injury(QUARREL.format(others="、李某") + BOTTLE.format(both="", all=""))
    assert injury.months == 36
    assert not _increments(calc)


def test_a_disability_graver_than_the_sixth_grade_adds_in_the_cruel_tier():
    calc, injury = _injury(ACID.format(grade="重伤一级", disability="三"))
    assert injury.bracket_label.startswith("10年以上")
    assert injury.months == 138  # 120 + 3 grades x 6
    assert "crime.intentional_injury.cruel.increment.disability" in _increments(calc)


def test_the_sixth_grade_is_the_cruel_tiers_own_start():
    calc, injury = _injury(ACID.format(grade="重伤二级", disability="六"))
    assert injury.months == 120
    assert not _increments(calc)
