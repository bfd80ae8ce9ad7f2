"""Persons harmed, by kind, where a judgment sums the harm up (造成一人轻伤、一人死亡): each item is persons of its own
grade, and a name is one person however the text begins it (将侯某乙 is 侯某乙). The guideline adds punishment per
person (2021量刑指导意见 四(七), 四(十); issue 16 class 3). Fact texts written here."""

import pytest

from leniency.sentencing.extraction.injuries import find_injuries, injured_persons
from leniency.sentencing.facts import InjuryGrade

LIGHT = {InjuryGrade.LIGHT_1, InjuryGrade.LIGHT_2}
DEATH = {InjuryGrade.DEATH}
HARMED = LIGHT | DEATH | {InjuryGrade.SERIOUS_1, InjuryGrade.SERIOUS_2}


def persons(text: str, grades: set[InjuryGrade]) -> int:
    return injured_persons(text, [f for f in find_injuries(text) if f.value in grades])


RAMPAGE = "经审理查明，被告人李某驾车冲撞人群，致一人死亡、二人轻伤。"
TORTURE = (
    "公诉机关认为，被告人门某某参与对王某乙、侯某乙的刑讯逼供，对被害人实施吊挂、殴打等行为，造成一人轻伤、一人死亡的后果，"
    "属于以肉刑致人伤残、死亡的情形。经鉴定，侯某乙系双股部受钝性暴力作用造成挤压综合症而死亡。"
)


@pytest.mark.parametrize(
    ("text", "grades", "count"),
    [
        (RAMPAGE, DEATH, 1),
        (RAMPAGE, LIGHT, 2),
        (RAMPAGE, HARMED, 3),
        (TORTURE, DEATH, 1),
        (TORTURE, LIGHT, 1),
        (TORTURE, HARMED, 2),
        ("经审理查明，被告人李某持木棍殴打王某、赵某，致二人均轻伤。", LIGHT, 2),
        (
            "经审理查明，被告人李某持刀将王某、李某某、赵某捅伤，致一人死亡、二人轻伤。经鉴定，王某系失血性休克死亡。",
            DEATH,
            1,
        ),
    ],
)
def test_a_summary_counts_persons_by_kind(text, grades, count):
    assert persons(text, grades) == count


def test_one_persons_injuries_told_in_two_clauses_are_one_person():
    text = (
        "经审理查明，被告人张某持刀将被害人王某左臂砍伤，致王某轻伤二级。经鉴定，王某左臂损伤程度属轻伤二级，"
        "右手损伤属轻伤二级。"
    )
    assert persons(text, LIGHT) == 1


def test_a_name_after_a_verb_is_the_same_person_named_alone():
    """将侯某乙 is not 侯某 beside 侯某乙: one death, not two."""
    text = "经审理查明，被告人张某将侯某乙殴打致死。经鉴定，侯某乙系颅脑损伤死亡。"
    assert persons(text, DEATH) == 1


def test_persons_named_apart_stay_apart():
    text = "经审理查明，被告人张某将王某打伤致其轻伤二级。同日，被告人张某又将赵某打伤。经鉴定，赵某的损伤为轻伤一级。"
    assert persons(text, LIGHT) == 2
