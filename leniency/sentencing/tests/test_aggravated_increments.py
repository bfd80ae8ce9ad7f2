"""Increments inside the brackets of robbery and rape (issue 16 class 2: long terms under-predicted).

2021量刑指导意见 四(十)3 (抢劫) and 四(八)3 (强奸): from the starting point, punishment is added for the facts that make
up the crime — a second aggravated form of 刑法第263条 or 第236条第3款, the number of women, the number of times. The
sizes are engineering (low confidence); each rule has a text it binds and one just outside it. Fact texts written here.
"""

import pytest
import yaml

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.standards import STANDARDS_DIR, StandardError, parse_crime

HOME = "经审理查明，2020年8月12日凌晨，被告人陈某{weapon}翻墙进入被害人周某家中，持刀威胁周某交出财物，劫得现金3000元。"
STREET = "经审理查明，2019年5月至2020年1月，被告人刘某先后三次在某市街头持刀拦截行人，抢得现金、金项链等财物共计价值{value}元。"
EVERY_FORM = (
    "经审理查明，2020年8月12日凌晨，被告人陈某持手枪翻墙进入被害人周某家中，劫得现金3000元。周某挣脱时被陈某用枪托击打头部，"
    "经鉴定，周某的损伤程度为重伤二级。2020年9月1日，陈某冒充民警，在行驶的公交车上以检查为名，劫得乘客赵某现金2000元。"
    "2020年9月5日，陈某又持手枪闯入被害人钱某家中，劫得金项链等财物价值60000元。"
)

ONE_WOMAN = "经审理查明，2020年5月{when}，被告人张某在其租住的房屋内，采用捂嘴、按压等暴力手段，强行与被害人李某（女，25岁）发生性关系。"
TWO_WOMEN = ONE_WOMAN.format(when="3日晚") + (
    "2020年6月10日晚，张某又在某公园树林内，采用持刀威胁的手段，强行与被害人王某（女，22岁）发生性关系。"
)
NUMBERED = (
    "经审理查明：一、2020年5月3日晚，被告人张某在其租住的房屋内，采用暴力手段强行与被害人李某发生性关系。"
    "二、2020年6月10日晚，被告人张某在某公园树林内，持刀威胁被害人王某，强行与王某发生性关系。"
)
WOMEN = "经审理查明，2019年至2020年间，被告人张某先后采用暴力、胁迫手段，分别强行与被害人{names}{n}名妇女发生性关系。"
GANG = "经审理查明，2020年8月1日凌晨，被告人张某伙同李某将被害人王某（女）骗至某宾馆房间内，二人轮流奸淫王某。{hurt}"
SERIOUS = "王某在逃跑时从窗户坠落。经鉴定，王某的损伤程度为重伤二级。"
GIRL = "经审理查明，2019年3月至4月间，被告人张某明知被害人李某（女，2006年5月出生）系不满十四周岁的幼女，仍{times}在其家中与李某发生性关系。"
HARASSED = (
    "经审理查明：2013年5月、7月间，被告人张某某先后两次到被害人何某某家里，在其独自在家时对何某某进行骚扰，"
    "并两次面对何某某脱掉自己的裤子。2014年10月14日凌晨，张某某打破门玻璃进入何某某家中，对何某某实施强奸。"
)


def _charge(text: str, charges: list[str]):
    calc = calculate(extract(text, charges))
    return calc, calc.charges[0]


def _rules(calc) -> set[str]:
    return {s.rule_id for s in calc.steps}


# --- robbery: a second form of 刑法第263条 ---


@pytest.mark.parametrize("weapon", ["持手枪", "持猎枪"])
def test_a_home_robbery_with_a_gun_adds_a_form(weapon):
    calc, robbery = _charge(HOME.format(weapon=weapon), ["抢劫"])
    assert robbery.bracket_label.startswith("10年以上")
    assert robbery.months == 132  # 120 (入户) + 12 (持枪)
    assert "crime.robbery.aggravated.increment.forms" in _rules(calc)


@pytest.mark.parametrize("weapon", ["", "持仿真手枪"])
def test_a_home_robbery_with_no_real_gun_is_one_form(weapon):
    calc, robbery = _charge(HOME.format(weapon=weapon), ["抢劫"])
    assert robbery.months == 120
    assert "crime.robbery.aggravated.increment.forms" not in _rules(calc)


def test_three_robberies_of_a_huge_amount_are_two_forms():
    calc, robbery = _charge(STREET.format(value=60000), ["抢劫"])
    assert "crime.robbery.aggravated.increment.forms" in _rules(calc)
    assert robbery.months == 132  # 120 + 12 (数额巨大 beside 多次) + 0.5 (10,000 yuan above 数额巨大)


def test_three_robberies_of_a_small_amount_are_one_form():
    calc, robbery = _charge(STREET.format(value=6000), ["抢劫"])
    assert robbery.months == 120
    assert "crime.robbery.aggravated.increment.forms" not in _rules(calc)


def test_every_form_at_once_stays_a_fixed_term_inside_the_bracket():
    calc, robbery = _charge(EVERY_FORM, ["抢劫"])
    (forms,) = [s for s in calc.steps if s.rule_id == "crime.robbery.aggravated.increment.forms"]
    # 入户, 公交, 数额巨大, 重伤, 冒充军警, 持枪 and 多次 (three robberies told on three dates, 刑法第263条第4项; E56:
    # extraction/dated_acts.py): six beyond one
    assert forms.months_after - forms.months_before == 72
    assert (robbery.months, robbery.penalty) == (
        180,
        "imprisonment",
    )  # no life without the statute's conditions


def test_a_second_robbery_adds_to_a_home_robbery():
    """The start of 入户抢劫 is one robbery; 抢劫次数 adds (四(十)3), though two are not 多次抢劫."""
    text = (
        "经审理查明：一、2020年8月12日凌晨，被告人陈某翻墙进入被害人周某家中，持刀威胁周某，劫得现金3000元。"
        "二、2020年9月1日晚，被告人陈某在某路持刀拦截被害人赵某，劫得手机一部，价值1000元。"
    )
    calc, robbery = _charge(text, ["抢劫"])
    assert robbery.months == 126  # 120 + 6
    assert "crime.robbery.aggravated.increment.counts_beyond_one" in _rules(calc)


# --- rape: women, times and forms (四(八)3) ---


def test_a_second_woman_adds_to_the_basic_tier():
    calc, rape = _charge(TWO_WOMEN, ["强奸"])
    assert rape.months == 60  # 42 + 18
    assert "crime.rape.basic.increment.victims" in _rules(calc)


def test_one_woman_once_adds_nothing():
    calc, rape = _charge(ONE_WOMAN.format(when="3日晚"), ["强奸"])
    assert rape.months == 42
    assert not [s for s in calc.steps if ".increment." in s.rule_id]


def test_one_woman_three_times_adds_two_times():
    text = ONE_WOMAN.format(when="至7月间").replace("在其租住", "先后三次在其租住")
    calc, rape = _charge(text, ["强奸"])
    assert rape.months == 54  # 42 + 2 x 6
    assert "crime.rape.basic.increment.times_beyond_victims" in _rules(calc)


def test_two_numbered_women_once_each_are_not_further_times():
    calc, rape = _charge(NUMBERED, ["强奸"])
    assert rape.months == 60
    assert "crime.rape.basic.increment.times_beyond_victims" not in _rules(calc)


def test_times_told_of_another_crime_are_not_times_of_the_rape():
    calc, rape = _charge(HARASSED, ["强奸", "侮辱"])
    assert rape.months == 42
    assert "crime.rape.basic.increment.times_beyond_victims" not in _rules(calc)


def test_a_girl_twice_adds_a_time_in_her_tier():
    twice, girl = _charge(GIRL.format(times="先后两次"), ["强奸"])
    once, girl_once = _charge(GIRL.format(times=""), ["强奸"])
    assert (girl.months, girl_once.months) == (60, 54)
    assert "crime.rape.girl.increment.times_beyond_victims" in _rules(twice)


@pytest.mark.parametrize(
    ("names", "n", "months"), [("李某、王某、赵某、刘某", "四", 138), ("李某、王某、赵某", "三", 120)]
)
def test_women_beyond_the_third_add_to_the_aggravated_tier(names, n, months):
    calc, rape = _charge(WOMEN.format(names=names, n=n), ["强奸"])
    assert rape.bracket_label.startswith("10年以上")
    assert rape.months == months


def test_a_gang_rape_that_injures_seriously_is_two_forms():
    calc, rape = _charge(GANG.format(hurt=SERIOUS), ["强奸"])
    assert rape.months == 132
    assert "crime.rape.aggravated.increment.forms" in _rules(calc)


def test_a_second_woman_adds_to_a_gang_rape():
    """The start of 轮奸 is one woman; 人数 adds, though two are not 多人."""
    text = (
        GANG.format(hurt="")
        .replace("王某（女）", "王某、赵某")
        .replace("轮流奸淫王某", "轮流奸淫了王某、赵某")
    )
    calc, rape = _charge(text, ["强奸"])
    assert rape.months == 138  # 120 + 18
    assert "crime.rape.aggravated.increment.victims_beyond_one" in _rules(calc)


def test_a_gang_rape_alone_is_one_form():
    calc, rape = _charge(GANG.format(hurt=""), ["强奸"])
    assert rape.months == 120


def test_a_girls_serious_injury_is_one_form_not_two():
    """刑法第236条第3款第(五)项 (造成幼女伤害) and 第(六)项 (致使被害人重伤) name the same injury: counted once."""
    text = (
        "经审理查明，2022年6月，被告人张某明知被害人李某（女，2010年3月出生）系不满十四周岁的幼女，仍在其家中强行与李某"
        "发生性关系，致李某受伤。经鉴定，李某的损伤程度为重伤二级。"
    )
    calc, rape = _charge(text, ["强奸"])
    assert rape.months == 120
    assert "crime.rape.aggravated.increment.forms" not in _rules(calc)


# --- increments measured by the tier as a whole, checked when the crime file loads ---


def test_an_increment_of_the_tier_as_a_whole_is_checked_when_the_file_loads():
    data = yaml.safe_load((STANDARDS_DIR / "crimes" / "rape.yaml").read_text(encoding="utf-8"))
    aggravated = data["tiers"][2]
    assert aggravated["id"] == "aggravated"
    forms = next(inc for inc in aggravated["increments"] if inc["measure"] == "forms")
    forms["measure"] = "rounds"
    with pytest.raises(
        StandardError, match=r"crimes/rape.yaml: tiers\[2\]\.increments\[\d\]\.measure: must be one of"
    ):
        parse_crime(data, "crimes/rape.yaml")
    forms["measure"] = "forms"
    del forms["months"]
    with pytest.raises(
        StandardError, match=r"crimes/rape.yaml: tiers\[2\]\.increments\[\d\]: missing key 'months'"
    ):
        parse_crime(data, "crimes/rape.yaml")
