"""Task E56, debt 3: quantities.py split into injuries.py and victims.py with no change of behaviour. Texts written
for this task."""

from __future__ import annotations

from leniency.sentencing.extraction import injuries, victims
from leniency.sentencing.facts import InjuryGrade


def test_a_defendant_named_is_no_victim_and_his_own_injury_grades_nothing():
    text = (
        "经审理查明：被告人刘某与被害人张某、王某发生争执，刘某持刀将张某、王某砍伤。经鉴定，张某的损伤程度为轻伤二级，"
        "王某的损伤程度为轻微伤，被告人刘某的损伤程度为轻微伤。"
    )
    found = injuries.find_injuries(text)
    assert [f.value for f in found] == [InjuryGrade.LIGHT_2, InjuryGrade.MINOR]
    assert injuries.injured_persons(text, found) == 2
    assert victims.victim_names(text) == {"张某", "王某"}
    assert "刘某" in victims.defendant_names(text)
