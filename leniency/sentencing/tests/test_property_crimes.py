"""The property crimes' rules where the law decides the bracket, on fact texts written for the purpose
(issue 16, third audit round).

抢劫 (刑法第263条): entering a dwelling to rob (入户), robbing on public transport and posing as a police
officer or soldier put the robbery in the 10-year bracket whether or not the text uses the statute's word;
judgments describe the conduct ("翻墙进入被害人家中", "在行驶中的公交车上"). A shop open for business is not
a 户 (法发〔2016〕2号 二), a bus stop is not a bus (法发〔2005〕8号 二).
"""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts


def _robbery_tier(text):
    calc = calculate(CaseFacts(text=text, charges=["抢劫"]))
    step = next(s for s in calc.steps if s.kind == "starting_point")
    return step.rule_id, calc


def test_robbery_after_climbing_into_a_home_is_the_aggravated_bracket():
    rule, calc = _robbery_tier(
        "经审理查明：2023年4月2日凌晨，被告人赵某携带水果刀翻墙进入被害人孙某家中，持刀威胁孙某，"
        "劫取现金人民币2000元。"
    )
    assert rule == "crime.robbery.aggravated"
    assert calc.months >= 120


def test_robbery_in_a_shop_open_for_business_is_not_entering_a_home():
    rule, calc = _robbery_tier(
        "经审理查明：2023年4月2日晚，被告人赵某窜至被害人孙某经营的便利店内，持刀威胁正在营业的孙某，"
        "劫取店内现金人民币2000元。"
    )
    assert rule == "crime.robbery.basic"
    assert calc.months < 120


def test_robbery_denied_to_have_entered_the_home_stays_basic():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某在被害人孙某家门外持刀威胁孙某，劫取现金人民币500元，"
        "赵某未进入孙某家中。"
    )
    assert rule == "crime.robbery.basic"


def test_robbery_of_a_passenger_on_a_moving_bus_is_the_aggravated_bracket():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某在行驶中的2路公交车上，持刀威胁乘客孙某，劫取其现金人民币800元。"
    )
    assert rule == "crime.robbery.aggravated"


def test_robbery_at_a_bus_stop_is_not_on_public_transport():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某在2路公交车站台旁，持刀威胁候车的孙某，劫取其现金人民币800元。"
    )
    assert rule == "crime.robbery.basic"


def test_robbery_by_one_posing_as_a_police_officer_is_the_aggravated_bracket():
    rule, _ = _robbery_tier(
        "经审理查明：2023年4月2日，被告人赵某冒充民警，以检查为名拦下被害人孙某，持械威胁孙某，劫取其现金人民币800元。"
    )
    assert rule == "crime.robbery.aggravated"
