"""E86: 盗窃's 手段 beside its amount. 2021量刑指导意见 四(十一): 可以根据盗窃数额、次数、手段等其他影响犯罪构成的犯罪事实增加
刑罚量. 入户盗窃, 携带凶器盗窃 and 扒窃 (刑法第264条; 法释〔2013〕8号第三条) told beside an amount that itself reaches 数额较大
add to the term, each form once; below 数额较大, or in the tier the forms themselves make (第六条), they add nothing again."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import StandardError, parse_crime

TWO_HOMES = (
    "经审理查明，1、2016年4月3日，被告人王某窜至某县某镇李某家中，趁其家中无人撬开卧室窗户进入室内，窃得现金人民币4000元。"
    "2、2016年4月20日，被告人王某窜至赵某家中，从未锁的后门进入室内，窃得手机一部，价值人民币3000元。"
    "被告人王某两次入户盗窃财物共计价值人民币7000元。"
)
TWO_STREETS = (
    "经审理查明，1、2016年4月3日，被告人王某在某县某镇街边窃得李某停放的电动车一辆，价值人民币4000元。"
    "2、2016年4月20日，被告人王某在某超市门口窃得赵某停放的电动车一辆，价值人民币3000元。共计价值人民币7000元。"
)
ARMED = (
    "经审理查明，2017年5月6日凌晨，被告人王某携带管制刀具窜至某小区停车场，撬开车门窃得车内现金人民币7000元。"
)
PICKPOCKET = (
    "公诉机关指控，2017年5月6日，被告人刘某在某市2路公交车上扒窃乘客张某钱包一个，内有现金人民币7000元。"
)
HOME_AND_ARMED = (
    "经审理查明，2016年4月3日，被告人王某携带匕首窜至李某家中，撬开卧室窗户进入室内，窃得现金人民币7000元。"
)
HOME_BELOW_LARGE = (
    "经审理查明，2016年4月3日，被告人王某窜至李某家中，从未锁的后门进入室内，窃得现金人民币800元。"
)
HOME_HALF_HUGE = "经审理查明，2016年4月3日，被告人王某窜至李某家中，撬开卧室窗户进入室内，窃得金饰若干，价值人民币30000元。"


def _theft(text: str, amount: int):
    calc = calculate(CaseFacts(text=text, charges=["盗窃"], amount_yuan=Decimal(amount)))
    steps = [s for s in calc.steps if s.kind in ("starting_point", "baseline") and s.charge == "盗窃"]
    added = sum(s.months_after - s.months_before for s in calc.steps if s.rule_id.endswith("increment.forms"))
    return steps[-1].months_after, added


def test_homes_entered_beside_the_amount_add_once_however_many():
    homes, added = _theft(TWO_HOMES, 7000)
    streets, none = _theft(TWO_STREETS, 7000)
    assert (added, none) == (2, 0)
    assert homes == streets + 2


@pytest.mark.parametrize("text", [ARMED, PICKPOCKET])
def test_armed_or_pickpocketing_beside_the_amount_adds(text):
    assert _theft(text, 7000)[1] == 2


def test_each_form_told_adds_its_own():
    assert _theft(HOME_AND_ARMED, 7000)[1] == 4


def test_below_large_the_entry_makes_the_crime_and_adds_nothing_again():
    assert _theft(HOME_BELOW_LARGE, 800)[1] == 0


def test_the_tier_the_entry_makes_with_half_the_huge_figure_adds_nothing_again():
    calc = calculate(CaseFacts(text=HOME_HALF_HUGE, charges=["盗窃"], amount_yuan=Decimal(30000)))
    start = next(s for s in calc.steps if s.kind == "starting_point")
    assert start.months_after >= 36
    assert not [s for s in calc.steps if s.rule_id.endswith("increment.forms")]


def test_an_increment_names_its_own_forms_only_with_measure_forms():
    crime = {
        "id": "x",
        "charge": "盗窃",
        "article": 264,
        "measure": "amount",
        "thresholds": {"large": 2000},
        "tiers": [
            {
                "id": "large",
                "zh": "数额较大",
                "start": [0, 12],
                "start_at": 5,
                "increments": [
                    {"measure": "amount", "per": 2000, "months": 1, "forms": [{"text_says": "扒窃"}]}
                ],
            }
        ],
    }
    with pytest.raises(StandardError, match="forms"):
        parse_crime(crime, "x.yaml")
