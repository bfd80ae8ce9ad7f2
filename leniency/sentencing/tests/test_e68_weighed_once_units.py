"""calculator_weighed_once on its own (the calculator calls it once /tmp/helpers/s19/E68_2.diff is applied; the texts
through the whole engine are in that patch's test_e68_weighed_once.py): an earlier drunk-driving conviction weighed in
危险驾驶's heavier tier (《关于办理醉酒危险驾驶刑事案件的意见》(2023) 第十条(十四)) is not weighed again as a 前科 (三(16))."""

import pytest

from leniency.sentencing.calculator_adjust import Applied
from leniency.sentencing.calculator_weighed_once import all_earlier_crimes_of, weighed_in_tier
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace

CRIME = load_standard().crime("危险驾驶")
TIERS = {t.id: t for t in CRIME.tiers}
DUI = CRIME.extra["weighed_in_tier"]["earlier_crime"]
CASE = "经审理查明，被告人孙某于2023年4月1日醉酒驾驶小型轿车在城区东风路行驶时被查获。{prior}"


@pytest.mark.parametrize(
    ("prior", "only_dui"),
    [
        pytest.param("孙某曾于2020年8月因犯危险驾驶罪被判处拘役一个月。", True, id="earlier_dui_conviction"),
        pytest.param("孙某2019年因醉驾被判处拘役二个月。", True, id="earlier_dui_told_as_zuijia"),
        pytest.param("孙某曾于2020年8月因犯盗窃罪被判处拘役三个月。", False, id="earlier_theft_outside"),
        pytest.param(
            "孙某曾于2015年因犯盗窃罪被判处有期徒刑一年；2020年8月又因犯危险驾驶罪被判处拘役一个月。",
            False,
            id="earlier_theft_beside_dui_outside",
        ),
        pytest.param("", False, id="no_record_outside"),
    ],
)
def test_every_record_an_earlier_drunk_driving(prior, only_dui):
    assert all_earlier_crimes_of(CASE.format(prior=prior), DUI) is only_dui


def _applied(prior: str, tier: str) -> tuple[list[str], list[str]]:
    trace = Trace()
    facts = CaseFacts(text=CASE.format(prior=prior))
    out = weighed_in_tier(Applied(rules=["prior_record", "plea"]), CRIME, TIERS[tier], facts, trace)
    return out.rules, trace.notes


def test_the_heavier_tier_takes_the_earlier_drunk_driving_out_of_the_prior_record():
    rules, notes = _applied("孙某曾于2020年8月因犯危险驾驶罪被判处拘役一个月。", "heavier")
    assert rules == ["plea"]
    assert any("不再作为前科从重" in str(n) for n in notes)


def test_the_basic_tier_weighs_nothing_so_the_record_stays():
    rules, notes = _applied("孙某曾于2020年8月因犯危险驾驶罪被判处拘役一个月。", "basic")
    assert rules == ["prior_record", "plea"]
    assert not notes


def test_an_earlier_theft_stays_a_prior_record_in_the_heavier_tier():
    rules, _ = _applied("孙某曾于2020年8月因犯盗窃罪被判处拘役三个月。", "heavier")
    assert rules == ["prior_record", "plea"]


def test_a_crime_without_the_rule_is_left_alone():
    theft = load_standard().crime("盗窃")
    facts = CaseFacts(text=CASE.format(prior="孙某曾于2020年8月因犯危险驾驶罪被判处拘役一个月。"))
    out = weighed_in_tier(Applied(rules=["prior_record"]), theft, theft.tiers[-1], facts, Trace())
    assert out.rules == ["prior_record"]
