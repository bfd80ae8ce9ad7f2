"""With E31_1.diff applied: the scopes of the standard being calculated decide each charge's circumstances in a
calculation, not those of the default standard. Fact text written for this test."""

import dataclasses

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.standards import load_standard

TEXT = (
    "经审理查明：一、2021年3月5日晚，被告人王某在某超市盗窃被害人陈某的手机一部，价值人民币4000元，次日王某主动到派出所投案。"
    "二、2021年3月20日，被告人王某以帮助办理贷款为名骗取被害人刘某人民币6000元。"
)


def _surrendered(standard) -> set[str]:
    calc = calculate(extract(TEXT, ["盗窃", "诈骗"]), standard)
    return {s.charge for s in calc.steps if s.rule_id == "circ.surrender"}


def test_a_standard_that_makes_surrender_of_the_act_keeps_it_to_the_count_that_tells_it():
    standard = load_standard()
    rules = dict(standard.circumstances)
    rules["surrender"] = dataclasses.replace(rules["surrender"], scope="act")
    assert _surrendered(dataclasses.replace(standard, circumstances=rules)) == {"盗窃"}


def test_under_the_default_standard_the_surrender_is_every_counts():
    assert _surrendered(load_standard()) == {"盗窃", "诈骗"}
