"""Task E56, debt 3: quantities.py split into injuries.py and victims.py with no change of behaviour; the readers
others import from quantities stay the same functions there. Texts written for this task."""

from __future__ import annotations

from leniency.sentencing.extraction import injuries, quantities, victims
from leniency.sentencing.facts import InjuryGrade


def test_the_readers_imported_from_quantities_are_the_split_modules_own():
    assert quantities.find_injuries is injuries.find_injuries
    assert quantities.injured_persons is injuries.injured_persons
    assert quantities.worst_injury is injuries.worst_injury
    assert quantities.find_victims is victims.find_victims
    assert quantities.victim_names is victims.victim_names


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
