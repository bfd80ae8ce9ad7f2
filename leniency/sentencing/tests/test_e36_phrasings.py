"""Task E36: injuries, drug quantities, victims and counts told as judgments tell them, on fact texts written for this
task (none copied from the dev data), each with what the court would find."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.drug_quantities import find_drugs
from leniency.sentencing.extraction.injuries import find_injuries, injured_persons, worst_injury
from leniency.sentencing.extraction.quantities import find_counts, find_disability
from leniency.sentencing.extraction.victims import find_victims
from leniency.sentencing.facts import InjuryGrade

G = InjuryGrade
FACTS = "经审理查明：2021年4月5日晚，"

# (id, text, worst grade the court finds, persons hurt at light injury or worse; None where not asked)
INJURIES = [
    (
        "light_2_told",
        "被告人张某与被害人李某发生争执，张某持木棍击打李某头部。经鉴定，被害人李某的损伤程度为轻伤二级。",
        G.LIGHT_2,
        1,
    ),
    (
        "serious_1_constitutes",
        "被告人王某持刀捅刺被害人赵某腹部。经鉴定，赵某的损伤构成重伤一级。",
        G.SERIOUS_1,
        1,
    ),
    ("minor_belongs", "被告人陈某打了被害人周某两拳。经鉴定，周某的损伤属轻微伤。", G.MINOR, 0),
    (
        "death_cranial",
        "被告人孙某持铁锤击打被害人吴某头部。经法医鉴定，被害人吴某系颅脑损伤死亡。",
        G.DEATH,
        None,
    ),
    (
        "death_rescue_failed",
        "被告人郑某持刀刺中被害人冯某胸部，冯某经送医抢救无效于当日死亡。",
        G.DEATH,
        None,
    ),
    ("death_blood_loss", "经鉴定，被害人蒋某系被锐器刺破股动脉致失血性休克死亡。", G.DEATH, None),
    (
        "three_victims_each_graded",
        "被告人褚某持砖块殴打被害人卫某、沈某、韩某。经鉴定，被害人卫某的损伤程度为轻伤一级，被害人沈某的损伤程度为轻微伤，"
        "被害人韩某的损伤程度为轻伤二级。",
        G.LIGHT_1,
        2,
    ),
    (
        "one_victim_two_injuries",
        "经鉴定，被害人杨某左侧肋骨骨折构成轻伤一级，脾破裂构成重伤二级。",
        G.SERIOUS_2,
        1,
    ),
    (
        "defendant_hurt_too",
        "被告人刘某与被害人陈某互殴。经鉴定，被害人陈某的损伤程度为轻微伤；被告人刘某的损伤程度为轻伤二级。",
        G.MINOR,
        0,
    ),
    (
        "defendant_hurt_told_first",
        "双方互相殴打，被告人田某亦受伤，经鉴定田某的损伤程度为轻伤一级。被害人郭某的损伤程度经鉴定为轻微伤。",
        G.MINOR,
        0,
    ),
    (
        "defendant_hurt_its",
        "被告人秦某将被害人许某打伤。经鉴定，许某的损伤程度为轻伤二级，被告人秦某的损伤程度为轻微伤。",
        G.LIGHT_2,
        1,
    ),
    (
        "co_offender_caused_light",
        "被告人马某伙同杨某殴打被害人何某，杨某持刀将何某刺伤。经鉴定，何某的损伤程度为轻伤二级。",
        G.LIGHT_2,
        1,
    ),
    ("caused_serious_2", "被告人吕某驾车撞倒被害人施某，致被害人施某重伤二级。", G.SERIOUS_2, 1),
    ("grade_without_level", "致被害人张某头部受伤，经鉴定为轻伤。", G.LIGHT_2, 1),
    ("injury_state_opinion", "被害人孔某的伤情鉴定意见为：轻伤二级。", G.LIGHT_2, 1),
    ("assessed_as", "经鉴定，被害人曹某所受损伤评定为重伤二级。", G.SERIOUS_2, 1),
    ("arabic_level", "经鉴定，被害人严某的伤情构成轻伤2级。", G.LIGHT_2, 1),
    ("not_reached_minor", "经鉴定，被害人华某的损伤程度未达到轻微伤。", None, 0),
    ("does_not_constitute_light", "经鉴定，被害人金某的损伤程度不构成轻伤，属轻微伤。", G.MINOR, 0),
    (
        "traffic_dead_and_light",
        "被告人魏某驾驶小型轿车与行人陶某相撞，造成陶某当场死亡、乘车人姜某受轻伤。",
        G.DEATH,
        None,
    ),
    ("summary_one_dead_two_serious", "被告人戚某驾驶货车闯红灯，致一人死亡、二人重伤。", G.DEATH, 3),
    (
        "lettered_victims",
        "被告人谢某持刀砍伤被害人甲、乙。经鉴定，甲的损伤程度为轻伤二级，乙的损伤程度为轻微伤。",
        G.LIGHT_2,
        1,
    ),
    ("fracture_then_grade", "被害人邹某被送往医院，经诊断为鼻骨骨折，经鉴定构成轻伤二级。", G.LIGHT_2, 1),
    ("light_1_injury_level", "经鉴定，被害人喻某的人体损伤程度为轻伤一级。", G.LIGHT_1, 1),
    ("two_persons_light", "被告人柏某驾车撞倒正在过马路的水某、窦某，致二人轻伤。", G.LIGHT_2, 2),
]

# just outside the rule on the defendant's own injury: the grade told after the defendant's act, of another person
INJURIES += [
    ("defendant_also_suffered", "双方互殴中，被告人亦受轻微伤。", None, 0),
    ("outside_defendant_acts_no_victim_named", "被告人张某持刀捅刺，致重伤。", G.SERIOUS_2, 1),
    ("outside_defendants_act_caused", "被告人秦某的行为致被害人许某轻伤二级。", G.LIGHT_2, 1),
    ("outside_defendants_wife_hurt", "被告人张某之妻李某的损伤程度为轻伤二级。", G.LIGHT_2, 1),
]

# written after the first fixes: the grade in parentheses or in financial numerals
INJURIES += [
    ("light_1_in_parentheses", "经鉴定，被害人李某的损伤程度为轻伤（一级）。", G.LIGHT_1, 1),
    ("serious_1_in_parentheses", "经鉴定，被害人李某的损伤程度为重伤(一级)。", G.SERIOUS_1, 1),
    ("light_1_financial_numeral", "经鉴定，被害人李某的损伤程度为轻伤壹级。", G.LIGHT_1, 1),
    ("light_2_in_parentheses", "经鉴定，被害人李某的损伤程度为轻伤（二级）。", G.LIGHT_2, 1),
    ("outside_parentheses_no_grade", "经鉴定，被害人李某的损伤程度为轻伤（鉴定意见书附卷）。", G.LIGHT_2, 1),
]

# (id, text, disability grade: 1 the worst, 10 the least)
DISABILITIES = [
    ("grade_nine_disability", "经鉴定，被害人赵某的伤残等级为九级伤残。", 9),
    ("constitutes_ten_disability", "经鉴定，被害人伍某右手损伤构成十级伤残。", 10),
    ("disability_degree", "经鉴定，被鉴定人范某的致残程度为八级。", 8),
    ("disability_grade_level", "经鉴定，被害人彭某的伤残程度评定为七级。", 7),
    ("disability_roman", "经鉴定，被害人鲁某的伤残等级为Ⅸ级。", 9),
]

DISABILITIES += [
    ("outside_compensation_no_grade", "被告人赔偿被害人伤残赔偿金人民币5万元。", None),
    ("outside_not_a_disability", "经鉴定，被害人的损伤不构成伤残。", None),
]

# (id, text, grams by substance the court counts)
DRUGS = [
    ("meth_ice_net", "民警在被告人张某住处查获甲基苯丙胺（冰毒）净重12.5克。", {"甲基苯丙胺": "12.5"}),
    (
        "gross_and_net",
        "民警在其车内查获白色晶体一包，毛重15.6克，净重14.2克，经检验检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "14.2"},
    ),
    ("heroin_sold", "被告人李某以500元的价格向吸毒人员王某贩卖海洛因3.2克。", {"海洛因": "3.2"}),
    ("purity_not_grams", "查获海洛因20克，经鉴定，海洛因含量为35%。", {"海洛因": "20"}),
    ("packed_into_bags", "被告人将冰毒分装成10包，共计5.6克，准备出售。", {"甲基苯丙胺": "5.6"}),
    (
        "suspect_substance_tested",
        "民警从其身上查获毒品可疑物2包，经检验检出甲基苯丙胺成分，净重共计3.8克。",
        {"甲基苯丙胺": "3.8"},
    ),
    ("magu_tablets", "查获麻古（甲基苯丙胺片剂）120粒，净重11.4克。", {"甲基苯丙胺": "11.4"}),
    ("ketamine_k_powder", "被告人在KTV包厢内向他人出售K粉（氯胺酮）45克。", {"氯胺酮": "45"}),
    ("cannabis_leaves_kg", "民警在其种植地查获晒干的大麻叶2.5千克。", {"大麻叶及大麻烟": "2500"}),
    ("poppy_shells_kg", "被告人在其经营的饭店内查获罂粟壳30千克。", {"罂粟壳": "30000"}),
    ("methadone", "被告人非法持有美沙酮250克。", {"美沙酮": "250"}),
    ("tramadol_tablets_grams", "被告人向他人贩卖盐酸曲马多片200片，共计净重20克。", {"曲马多": "20"}),
    (
        "deals_then_total",
        "被告人先后三次向吸毒人员贩卖甲基苯丙胺，分别为0.5克、1克、0.8克，共计2.3克。",
        {"甲基苯丙胺": "2.3"},
    ),
    (
        "deals_same_weight",
        "2021年3月1日，被告人向吸毒人员张某贩卖冰毒0.3克；同年3月9日，被告人向吸毒人员李某贩卖冰毒0.3克。",
        {"甲基苯丙胺": "0.6"},
    ),
    (
        "deals_then_total_restated",
        "被告人于2021年5月2日向郑某贩卖海洛因1.5克，于5月6日向郑某贩卖海洛因2克。综上，被告人共计贩卖海洛因3.5克。",
        {"海洛因": "3.5"},
    ),
    (
        "seized_from_buyer",
        "被告人以300元的价格向吸毒人员罗某贩卖甲基苯丙胺1包。民警当场从罗某身上查获该包甲基苯丙胺，净重0.6克。",
        {"甲基苯丙胺": "0.6"},
    ),
    ("bags_net_total", "缴获海洛因12包，净重共计105.3克，均检出海洛因成分。", {"海洛因": "105.3"}),
    ("two_substances", "查获海洛因0.5克、甲基苯丙胺1.2克。", {"海洛因": "0.5", "甲基苯丙胺": "1.2"}),
    ("chinese_numeral_grams", "被告人向吸毒人员出售海洛因十克。", {"海洛因": "10"}),
    ("milligrams", "查获二氢埃托啡片剂，净重0.5毫克。", {"二氢埃托啡": "0.0005"}),
    (
        "net_after_weighing_each",
        "民警查获甲基苯丙胺3包，经称量，净重分别为1.1克、2.2克、3.3克。",
        {"甲基苯丙胺": "6.6"},
    ),
    (
        "gross_weight_only_with_net_total",
        "查获疑似海洛因2包（毛重8克），经称量净重为7.2克，经检验检出海洛因成分。",
        {"海洛因": "7.2"},
    ),
    ("ecstasy", "被告人贩卖摇头丸10粒，净重3克。", {"MDMA等苯丙胺类毒品": "3"}),
    ("cannabis_resin", "查获大麻脂300克。", {"大麻脂": "300"}),
]

DRUGS += [
    ("outside_gross_only", "民警查获海洛因一包，毛重8克。", {"海洛因": "8"}),
    (
        "outside_total_of_other_drugs",
        "被告人向张某贩卖冰毒0.5克、向李某贩卖冰毒1克，另在其住处查获冰毒共计10克。",
        {"甲基苯丙胺": "11.5"},
    ),
    ("outside_told_again", "查获冰毒12克。经鉴定，上述冰毒12克检出甲基苯丙胺成分。", {"甲基苯丙胺": "12"}),
    (
        "outside_summary_without_date",
        "2021年3月1日，被告人向张某贩卖冰毒0.3克。公诉机关认为，被告人贩卖冰毒0.3克，应当以贩卖毒品罪追究其刑事责任。",
        {"甲基苯丙胺": "0.3"},
    ),
    (
        "outside_dated_but_referring_back",
        "2021年3月1日，被告人向张某贩卖冰毒0.3克。2021年3月9日，被告人如实供述了上述贩卖冰毒0.3克的事实。",
        {"甲基苯丙胺": "0.3"},
    ),
    ("outside_concentration", "其血液中检出甲基苯丙胺成分，浓度为0.5毫克/毫升。", {}),
]

# (id, text, acts the court counts)
COUNTS = [
    ("successively_arabic", "被告人先后3次入户盗窃。", 3),
    ("committed_cases", "被告人采用上述手段共作案5起。", 5),
    ("successively_chinese", "被告人先后五次在超市内窃取商品。", 5),
    ("repeatedly", "被告人多次盗窃他人财物。", 3),
    ("in_three_times", "被告人分三次向吸毒人员张某贩卖甲基苯丙胺。", 3),
    ("twice_before_verb", "被告人两次盗窃同村村民的耕牛。", 2),
    ("verb_then_times", "被告人于2020年至2021年间在本市盗窃三次。", 3),
    ("continuously", "被告人连续作案4起。", 4),
    ("times_of_theft_total", "被告人采用撬锁的方式，盗窃电动车共计7次。", 7),
]

COUNTS += [
    ("outside_earlier_conviction", "被告人曾两次盗窃被判处有期徒刑。", None),
    ("outside_ordinal", "被告人第二次盗窃时被当场抓获。", None),
    ("outside_instalments", "案发后，被告人分三次退赔被害人损失。", None),
]

# (id, text, victims the court counts)
VICTIMS = [
    ("lettered_three", "被告人先后对被害人甲、乙、丙实施抢劫。", 3),
    ("named_three", "被告人先后骗取被害人张某、李某、王某现金共计人民币3万元。", 3),
    ("number_of_victims", "被告人采用上述手段骗取三名被害人钱款。", 3),
    ("named_and_more", "被告人骗取被害人刘某等12人共计人民币20万元。", 12),
    ("victims_in_total", "本案被害人共15人。", 15),
    ("participants", "致使30余名集资参与人无法收回本金。", 30),
    ("defrauded_people", "被骗群众二十余人，损失共计人民币8万元。", 20),
    ("taken_from_named", "被告人先后窃得赵某、钱某、孙某的手机。", 3),
]

VICTIMS += [
    ("defrauded_personnel_total", "被骗人员共计8人。", 8),
    ("outside_onlookers", "群众二十余人围观。", None),
    ("victims_in_total_counted", "本案被害人共计6名。", 6),
    ("outside_victims_loss_in_total", "被害人共计损失人民币6万元。", None),
]


@pytest.mark.parametrize(
    ("text", "grade", "persons"), [c[1:] for c in INJURIES], ids=[c[0] for c in INJURIES]
)
def test_injury(text, grade, persons):
    findings = find_injuries(FACTS + text)
    assert worst_injury(findings) == grade
    if persons is not None:
        hurt = [f for f in findings if f.value not in (G.MINOR,)]
        assert (injured_persons(FACTS + text, hurt) if hurt else 0) == persons


@pytest.mark.parametrize(("text", "grade"), [c[1:] for c in DISABILITIES], ids=[c[0] for c in DISABILITIES])
def test_disability(text, grade):
    assert find_disability(FACTS + text) == grade


@pytest.mark.parametrize(("text", "grams"), [c[1:] for c in DRUGS], ids=[c[0] for c in DRUGS])
def test_drug_quantity(text, grams):
    found: dict[str, Decimal] = {}
    for drug in find_drugs(FACTS + text):
        found[drug.kind] = found.get(drug.kind, Decimal(0)) + drug.grams
    assert found == {kind: Decimal(value) for kind, value in grams.items()}


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in COUNTS], ids=[c[0] for c in COUNTS])
def test_counts(text, count):
    assert find_counts(FACTS + text)[0] == count


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in VICTIMS], ids=[c[0] for c in VICTIMS])
def test_victims(text, count):
    assert find_victims(FACTS + text)[0] == count
