"""Task E48, first batch: dates told relative to the one before (次日, 次月, 翌日, 翌月, 当日), drugs counted by tablets
or told gross, net, by purity or as an equivalent, several drugs told together, injuries of several victims told by
grade and of one victim told twice, and acts counted from the dates they are told with. Fact texts written for this
task (none copied from the dev data), each with what a court would find; written and scored before the rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.counterfeit_notes import note_count
from leniency.sentencing.extraction.dated_acts import dated_acts, repeated_within_two_years
from leniency.sentencing.extraction.drug_quantities import find_drugs
from leniency.sentencing.extraction.drug_tablets import counted_drugs
from leniency.sentencing.extraction.injuries import find_injuries, injured_persons, worst_injury
from leniency.sentencing.extraction.numbers import written_dates
from leniency.sentencing.extraction.young_trees import young_trees
from leniency.sentencing.facts import InjuryGrade

G = InjuryGrade
FACTS = "经审理查明："

# (id, text, (year, month, day, part) of every date of the facts, in order)
DATES = [
    (
        "next_day",
        "2019年3月5日晚，被告人甲在某超市窃得香烟两条；次日凌晨，甲又窃得白酒一瓶。",
        [(2019, 3, 5, None), (2019, 3, 6, None)],
    ),
    (
        "next_day_over_the_year",
        "2020年12月31日，被告人甲骗取乙现金5000元；次日，甲将该款挥霍。",
        [(2020, 12, 31, None), (2021, 1, 1, None)],
    ),
    (
        "next_month",
        "2018年7月20日，被告人甲向乙借款3万元；次月，甲携款外逃。",
        [(2018, 7, 20, None), (2018, 8, None, None)],
    ),
    (
        "following_month_with_day",
        "2018年12月，被告人甲开始向社会公众吸收存款；翌月15日，甲再次吸收存款20万元。",
        [(2018, 12, None, None), (2019, 1, 15, None)],
    ),
    (
        "same_day",
        "2017年5月8日，被告人甲盗窃摩托车一辆，当日以800元销赃。",
        [(2017, 5, 8, None), (2017, 5, 8, None)],
    ),
    (
        "following_day_leap",
        "2016年2月28日，被告人甲被抓获，翌日被刑事拘留。",
        [(2016, 2, 28, None), (2016, 2, 29, None)],
    ),
    (
        "next_month_end",
        "2021年11月3日，被告人甲与乙签订购销合同；次月底，甲将货款转走。",
        [(2021, 11, 3, None), (2021, 12, None, "底")],
    ),
    (
        "next_day_after_a_birth_date",
        "2014年3月2日，被告人甲将被害人乙（女，2009年4月1日出生）带至其家中；次日，甲将乙送回。",
        [(2014, 3, 2, None), (2009, 4, 1, None), (2014, 3, 3, None)],
    ),
    # just outside: nothing before it, or only a year before it
    ("outside_next_day_nothing_before", "被告人甲次日凌晨到公安机关投案。", []),
    (
        "outside_next_day_after_a_year",
        "2015年，被告人甲多次盗窃。次日，甲被抓获。",
        [(2015, None, None, None)],
    ),
    ("outside_next_month_salary", "2015年3月，被告人甲入职。其次月工资为3000元。", [(2015, 3, None, None)]),
]

# (id, text, grams by substance the court counts)
DRUGS = [
    ("tablets_weight_each", "被告人甲向乙贩卖曲马多片100片，每片重0.2克。", {"曲马多": "20"}),
    (
        "tablets_content_each",
        "民警查获盐酸曲马多缓释片60片，每片含曲马多0.1克。",
        {"曲马多": "6"},
    ),
    ("tablets_net_total", "查获三唑仑片剂40片，经称量，净重共计8克。", {"三唑仑": "8"}),
    ("gross_then_net", "缴获海洛因一包，毛重52克，净重50.3克。", {"海洛因": "50.3"}),
    (
        "weight_with_packaging",
        "查获白色晶体一包，重10.5克（含包装）。经鉴定，净重9.8克，检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "9.8"},
    ),
    (
        "three_drugs",
        "民警在其住处查获甲基苯丙胺12克、海洛因3克、氯胺酮5克。",
        {"甲基苯丙胺": "12", "海洛因": "3", "氯胺酮": "5"},
    ),
    ("each_of_two", "民警在其车内查获冰毒、海洛因各2克。", {"甲基苯丙胺": "2", "海洛因": "2"}),
    (
        "heroin_equivalent_total",
        "查获氯胺酮100克、海洛因5克，共计折合海洛因15克。",
        {"氯胺酮": "100", "海洛因": "5"},
    ),
    (
        "sold_two_drugs",
        "被告人甲先后向吸毒人员贩卖甲基苯丙胺12克、海洛因3克。",
        {"甲基苯丙胺": "12", "海洛因": "3"},
    ),
    ("net_each_named", "其中海洛因净重3克，甲基苯丙胺净重12克。", {"海洛因": "3", "甲基苯丙胺": "12"}),
    ("purity_not_weight", "该包毒品净重5克，经鉴定甲基苯丙胺含量为60%。", {"甲基苯丙胺": "5"}),
    (
        "pure_equivalent_not_weight",
        "查获甲基苯丙胺一包，净重10克，经鉴定含量为30%，折合纯甲基苯丙胺3克。",
        {"甲基苯丙胺": "10"},
    ),
    # just outside: no count of tablets, a price per tablet
    ("outside_weight_each_no_count", "曲马多片每片重0.2克。", {}),
    ("outside_price_per_tablet", "被告人甲以每片2元的价格向乙出售曲马多片，共计获利200元。", {}),
]

# (id, text, [(substance, tablets)] of the drugs counted by tablets with no weight told)
UNWEIGHED = [
    ("tramadol_tablets_no_weight", "被告人甲向吸毒人员出售盐酸曲马多片剂300粒。", [("曲马多", 300)]),
    ("magu_no_weight", "民警当场查获麻古（甲基苯丙胺片剂）45粒。", [("甲基苯丙胺", 45)]),
    ("outside_weighed", "民警查获麻古45粒，净重4.3克。", []),
    ("outside_weight_each", "被告人甲向乙贩卖曲马多片100片，每片重0.2克。", []),
]

# (id, text, worst grade, persons hurt at light injury or worse)
INJURIES = [
    ("grade_then_persons", "经鉴定，被害人中轻伤二级二人、轻微伤一人。", G.LIGHT_2, 2),
    (
        "both_named_then_minor",
        "经鉴定，被害人张某、李某的损伤程度均为轻伤二级，王某的损伤程度为轻微伤。",
        G.LIGHT_2,
        2,
    ),
    ("of_whom_two_light", "致三名被害人受伤，其中二人构成轻伤二级，一人构成轻微伤。", G.LIGHT_2, 2),
    (
        "one_victim_two_wounds",
        "经鉴定，被害人赵某头部损伤构成轻伤二级，左手损伤亦构成轻伤二级。",
        G.LIGHT_2,
        1,
    ),
    (
        "one_victim_twice",
        "被害人钱某于3月5日被被告人甲打致轻伤二级，同月10日再次被甲打致轻伤一级。",
        G.LIGHT_1,
        1,
    ),
    ("two_named_both_light_1", "经鉴定，孙某、周某均为轻伤一级。", G.LIGHT_1, 2),
    (
        "summary_three_grades",
        "被告人甲驾车冲撞人群，造成一人重伤二级、两人轻伤二级、三人轻微伤。",
        G.SERIOUS_2,
        3,
    ),
    ("two_victims_both", "经鉴定，两被害人的损伤程度均为轻伤二级。", G.LIGHT_2, 2),
    (
        "another_victim_named",
        "经鉴定，被害人吴某的损伤程度为轻伤二级；另一被害人郑某的损伤程度为轻伤二级。",
        G.LIGHT_2,
        2,
    ),
]

# (id, text, thefts counted from their dates, whether three fall within two years: 多次盗窃)
ACTS = [
    (
        "three_dated_thefts",
        "2020年3月5日，被告人甲在某小区窃得电动车一辆；2020年6月8日，甲在某超市窃得香烟两条；"
        "2021年1月12日，甲在某商场窃得手机一部。",
        3,
        True,
    ),
    (
        "three_thefts_relative_dates",
        "2021年4月3日凌晨，被告人甲在某村窃得耕牛一头。同月20日，甲在该村窃得摩托车一辆。次月2日，甲又在邻村窃得"
        "铜线30米。",
        3,
        True,
    ),
    (
        "told_by_prosecutor_and_found",
        "公诉机关指控：2020年3月5日，被告人甲窃得电动车一辆；2020年6月8日，甲窃得香烟两条；2020年9月1日，甲窃得"
        "手机一部。经审理查明：2020年3月5日，被告人甲窃得电动车一辆；2020年6月8日，甲窃得香烟两条；2020年9月1日，"
        "甲窃得手机一部。",
        3,
        True,
    ),
    (
        "outside_two_dated_thefts",
        "2020年3月5日，被告人甲窃得电动车一辆；2020年6月8日，甲窃得香烟两条。",
        2,
        False,
    ),
    (
        "outside_three_over_two_years",
        "2018年3月5日，被告人甲窃得电动车一辆；2019年6月8日，甲窃得香烟两条；2020年4月1日，甲窃得手机一部。",
        3,
        False,
    ),
    (
        "outside_theft_then_its_sale",
        "2021年5月2日晚，被告人甲在某网吧窃得手机一部。次日，甲将该手机以300元销赃。2021年5月4日，甲被抓获。",
        1,
        False,
    ),
    (
        "outside_earlier_conviction",
        "被告人甲于2019年3月5日因犯盗窃罪被判处有期徒刑六个月。2020年6月8日，甲窃得香烟两条。",
        1,
        False,
    ),
]

# (id, text, counterfeit notes counted, 币量)
NOTES = [
    ("bought_by_count", "被告人甲以2000元的价格向乙购买假币200张。", 200),
    ("held_denomination_unknown", "民警从其住处查获假人民币共计450张，面额不详。", 450),
    ("count_with_denomination", "被告人甲持有面额100元的假币50张。", 50),
    ("two_lots_counted", "被告人甲购买面额100元的假币30张、面额50元的假币20张。", 50),
    ("two_lots_and_total", "被告人甲购买面额100元的假币30张、面额50元的假币20张，共计50张。", 50),
    ("outside_real_notes", "被告人甲以面额100元的人民币30张向乙购买假币。", None),
    ("outside_price_per_note", "被告人甲以每张20元的价格购买假币。", None),
]

# (id, text, young trees felled, 幼树株数)
YOUNG_TREES = [
    ("stolen_young_trees", "被告人甲在乙承包的山场盗伐杉木幼树2200株。", 2200),
    ("felled_young_trees_chinese", "被告人甲未经许可，滥伐马尾松幼树一千二百株。", 1200),
    ("young_trees_and_volume", "被告人甲盗伐杉木幼树300株，另盗伐成材杉木立木蓄积4立方米。", 300),
    ("outside_grown_trees", "被告人甲盗伐杉木80株，立木蓄积6立方米。", None),
    ("outside_seedlings_planted", "被告人甲在林地内种植杉木幼树500株。", None),
]


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in NOTES], ids=[c[0] for c in NOTES])
def test_counterfeit_note_count(text, count):
    assert note_count(FACTS + text) == count


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in YOUNG_TREES], ids=[c[0] for c in YOUNG_TREES])
def test_young_trees(text, count):
    assert young_trees(FACTS + text) == count


@pytest.mark.parametrize(("text", "dates"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_dates(text, dates):
    assert [(d.year, d.month, d.day, d.part) for d in written_dates(text)] == dates


@pytest.mark.parametrize(("text", "grams"), [c[1:] for c in DRUGS], ids=[c[0] for c in DRUGS])
def test_drug_quantity(text, grams):
    found: dict[str, Decimal] = {}
    for drug in find_drugs(FACTS + text):
        found[drug.kind] = found.get(drug.kind, Decimal(0)) + drug.grams
    assert found == {kind: Decimal(value) for kind, value in grams.items()}


@pytest.mark.parametrize(("text", "counted"), [c[1:] for c in UNWEIGHED], ids=[c[0] for c in UNWEIGHED])
def test_tablets_without_weight(text, counted):
    assert [(d.kind, d.tablets) for d in counted_drugs(FACTS + text) if d.grams is None] == counted


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
