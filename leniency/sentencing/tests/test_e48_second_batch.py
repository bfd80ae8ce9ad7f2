"""Task E48, second batch: new phrasings written after the first batch's rules and scored once before any change
(the nearest figure to a held-out one: 16 of 23 right), then the classes they showed fixed, with texts just outside
each new rule written after them. Fact texts written for this task, none copied from the dev data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.counterfeit_notes import note_count
from leniency.sentencing.extraction.dated_acts import dated_acts, repeated_within_two_years
from leniency.sentencing.extraction.drug_quantities import find_drugs
from leniency.sentencing.extraction.injuries import find_injuries, injured_persons, worst_injury
from leniency.sentencing.extraction.numbers import written_dates
from leniency.sentencing.extraction.young_trees import young_trees
from leniency.sentencing.facts import InjuryGrade

G = InjuryGrade
FACTS = "经审理查明："

DATES = [
    (
        "from_a_day_to_the_next_month",
        "2019年6月1日至次月5日期间，被告人甲多次在其经营的商店内销售假药。",
        [(2019, 6, 1, None), (2019, 7, 5, None)],
    ),
    (
        "next_day_noon_after_evening",
        "2018年5月30日晚，被告人甲酒后驾车；次日中午，甲到交警大队投案。",
        [(2018, 5, 30, None), (2018, 5, 31, None)],
    ),
    (
        "same_month_alone",
        "2019年5月，被告人甲收取乙的货款8万元，当月即将该款挥霍。",
        [(2019, 5, None, None), (2019, 5, None, None)],
    ),
    (
        "next_year_january",
        "2016年12月20日，被告人甲骗取乙5万元；次年元月3日，甲又骗取丙3万元。",
        [(2016, 12, 20, None), (2017, 1, 3, None)],
    ),
]

# just outside (written after the rules): 不同月份 is no date
DATES += [
    (
        "outside_different_months",
        "2019年5月，被告人甲与乙签订合同，约定不同月份分批付款。",
        [(2019, 5, None, None)],
    ),
]

DRUGS = [
    ("pills_then_weight", "查获红色药丸（俗称麻古）60颗，经称量重6.1克。", {"甲基苯丙胺": "6.1"}),
    (
        "capsules_content_in_brackets",
        "被告人甲向乙贩卖曲马多胶囊200粒（每粒含盐酸曲马多50mg）。",
        {"曲马多": "10"},
    ),
    ("each_time_weight", "被告人甲先后向吸毒人员乙贩卖海洛因4次，每次0.5克。", {"海洛因": "2"}),
    ("ketamine_net_and_purity", "查获氯胺酮一袋，净重100.5克，含量为5.6%。", {"氯胺酮": "100.5"}),
    ("equivalent_only", "经计算，被告人甲贩卖的各类毒品共计折合海洛因38克。", {"海洛因": "38"}),
    ("per_tablet_before_count", "查获三唑仑片（每片0.25毫克）400片。", {"三唑仑": "0.1"}),
]

# just outside: a weight per deal with no number of deals, a weight per tablet with no number of tablets
DRUGS += [
    ("outside_each_time_no_count", "被告人甲多次向乙贩卖海洛因，每次0.5克。", {"海洛因": "0.5"}),
    ("outside_total_of_deals", "被告人甲先后向吸毒人员乙贩卖海洛因4次，共计2克。", {"海洛因": "2"}),
    ("outside_per_tablet_no_count", "查获三唑仑片（每片0.25毫克）若干。", {}),
]

# written after the refactor, probing the first batch's rules: 各 with no drug listed in its clause stays the nearest
# drug's weight; a weight of the tablets told beside the weight per tablet stands alone (not added to the product)
DRUGS += [
    ("outside_each_no_drug_listed", "查获冰毒2包、K粉2包，各重1克。", {"氯胺酮": "1"}),
    (
        "outside_per_tablet_and_total",
        "被告人甲贩卖曲马多片100片，每片重0.2克，共计净重19.8克。",
        {"曲马多": "19.8"},
    ),
]

INJURIES = [
    ("lettered_both_light", "经鉴定，被害人甲、乙均构成轻伤二级，被害人丙构成轻微伤。", G.LIGHT_2, 2),
    ("three_named_each_grade", "被告人丁持刀乱砍，致李某轻伤一级、王某轻伤二级、赵某轻微伤。", G.LIGHT_1, 2),
    ("one_victim_first_and_second", "被害人刘某第一次被打致轻微伤，第二次被打致轻伤二级。", G.LIGHT_2, 1),
    ("two_victims_respectively", "经鉴定，二被害人的损伤程度分别为轻伤一级、轻伤二级。", G.LIGHT_1, 2),
    ("passengers_three_light", "被告人甲驾驶客车侧翻，造成车上乘客三人受轻伤。", G.LIGHT_2, 3),
]

# just outside: persons counted with no grade after them
INJURIES += [
    ("outside_three_people_then_one", "被告人甲与乙等三人发生争执，致乙轻伤二级。", G.LIGHT_2, 1),
    ("outside_three_hurt_of_whom_one", "造成三人受伤，其中一人轻伤二级。", G.LIGHT_2, 1),
]

ACTS = [
    (
        "some_day_of_each_month",
        "2019年10月某日，被告人甲窃得乙的电动车一辆；同年11月某日，甲又窃得丙的手机一部；2020年2月某日，甲再次"
        "窃得丁的现金500元。",
        3,
        True,
    ),
    (
        "pickpocketing_twice",
        "2021年3月2日，被告人甲在公交车上扒窃乙手机一部；同年4月9日，甲扒窃丙钱包一个。",
        2,
        False,
    ),
]

NOTES = [
    ("notes_by_denomination_ticket", "被告人甲持有假币100元券120张、50元券40张。", 160),
    ("sum_then_count_in_brackets", "民警查获假人民币共计3.2万元（面额100元，共320张）。", 320),
    ("used_three_notes", "被告人甲使用假币3张在集市上购买商品。", 3),
]

# just outside: real notes counted in brackets
NOTES += [("outside_real_notes_in_brackets", "被告人甲以真币（面额100元，共3张）向乙购买假币。", None)]

YOUNG_TREES = [
    ("young_trees_about", "被告人甲盗伐胸径5厘米以下的杉木幼树共计1500余株。", 1500),
    ("young_trees_total_and_volume", "被告人甲滥伐林木，合计滥伐幼树860株，立木蓄积0.5立方米。", 860),
    ("young_trees_in_brackets", "被告人甲擅自砍伐杉木（幼树）320株。", 320),
]

# just outside: young trees planted, about a number
YOUNG_TREES += [("outside_planted_about", "被告人甲在该林地补种杉木幼树1000余株。", None)]


@pytest.mark.parametrize(("text", "dates"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_dates(text, dates):
    assert [(d.year, d.month, d.day, d.part) for d in written_dates(text)] == dates


@pytest.mark.parametrize(("text", "grams"), [c[1:] for c in DRUGS], ids=[c[0] for c in DRUGS])
def test_drug_quantity(text, grams):
    found: dict[str, Decimal] = {}
    for drug in find_drugs(FACTS + text):
        found[drug.kind] = found.get(drug.kind, Decimal(0)) + drug.grams
    assert found == {kind: Decimal(value) for kind, value in grams.items()}


@pytest.mark.parametrize(
    ("text", "grade", "persons"), [c[1:] for c in INJURIES], ids=[c[0] for c in INJURIES]
)
def test_injuries(text, grade, persons):
    findings = find_injuries(FACTS + text)
    assert worst_injury(findings) == grade
    hurt = [f for f in findings if f.value != G.MINOR]
    assert (injured_persons(FACTS + text, hurt) if hurt else 0) == persons


@pytest.mark.parametrize(("text", "thefts", "repeated"), [c[1:] for c in ACTS], ids=[c[0] for c in ACTS])
def test_thefts_counted_from_dates(text, thefts, repeated):
    days = [act.day for act in dated_acts(FACTS + text, "盗窃")]
    assert len(days) == thefts
    assert repeated_within_two_years(days) is repeated


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in NOTES], ids=[c[0] for c in NOTES])
def test_counterfeit_note_count(text, count):
    assert note_count(FACTS + text) == count


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in YOUNG_TREES], ids=[c[0] for c in YOUNG_TREES])
def test_young_trees(text, count):
    assert young_trees(FACTS + text) == count
