"""Quantities read by the sentence that tells them (task E73): drug weights tied to the item the forensic report names,
and blood alcohol in the wordings courts use. Every text was written for this task (none copied from a judgment), with
the reading a lawyer gives it written before the engine ran.

FIRST batch (24 texts) and its texts just outside each rule (8): 16/24 at b0cbf1e. Fixed by the law's words: a weight
told of an item before its substance is named takes the substance the report names that item as (刑法第357条第2款:
查证属实; seized_items.py); a part told with 其中 and a remainder told with 剩余 give way to the whole they come out of
(刑法第347条第7款 adds quantities once); a drug someone smoked is no quantity of the defendant's (刑法第354条 has none);
blood alcohol after 检出乙醇成分，, per 百毫升 and per millilitre. After: 23/24 (the numbered exhibits left; E81 tied
them by their numbers to the weights listed 分别: 24/24).

SECOND batch (14 texts, new phrasings) written after those fixes and scored before any change for it: 11/14 (4/14 at
b0cbf1e), the nearest figure to a held-out one. Its misses, then fixed: a report told before the weighing, the parts
listed after 其中 beyond the first, and a gross weight of one drug dropped because another drug's net weight was told.

THIRD batch (7 texts), scored before any change for it: 5/7 (4/7 at b0cbf1e). Its misses, then fixed: 乙醇含量为：136.21
毫克/100毫升 (a colon after 为) and 乙醇含量为每百毫升一百五十毫克 (the volume after the verb; not a threshold told with 以上,
the text written just outside it). A blood re-examination (重新鉴定), written after, is a strict xfail.
"""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.drug_quantities import find_drugs
from leniency.sentencing.extraction.quantities import find_blood_alcohol
from leniency.sentencing.tests.written_texts import written_case

RETEST = (
    "a re-examination (重新鉴定) replaces the first blood reading (the court rests on the opinion it admits; recalled,"
    " unconfirmed); the engine takes the highest of several readings, as of several acts"
)
MISSES = {
    "blood_retest_replaces_the_first_reading": RETEST,
}

FIRST_DRUGS = [
    (
        "crystals_weighed_then_tested_by_above",
        "2021年4月9日，公安民警在被告人刘某某租住的房间内查获白色晶体三包，净重共计52.6克。经鉴定，上述晶体中检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "52.6"},
    ),
    (
        "red_tablets_weighed_then_tested_by_that",
        "民警从被告人陈某随身携带的挎包内查获红色药片一袋，净重9.8克，经鉴定，该药片中检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "9.8"},
    ),
    (
        "powder_and_crystals_two_substances",
        "民警从其驾驶的轿车内查获白色粉末一包（净重15.2克）、白色晶体两包（净重共计30.5克）。经鉴定，白色粉末中检出海洛因成分，白色晶体中检出甲基苯丙胺成分。",
        {"海洛因": "15.2", "甲基苯丙胺": "30.5"},
    ),
    (
        "gross_then_net_then_tested",
        "民警当场查获可疑物品一包，毛重25.3克，净重24.1克，经鉴定检出氯胺酮成分。",
        {"氯胺酮": "24.1"},
    ),
    (
        "sale_then_rest_seized_at_home",
        "2020年6月3日，被告人王某以300元的价格向吸毒人员李某贩卖甲基苯丙胺0.5克。当日，民警在王某住处查获甲基苯丙胺12.3克。",
        {"甲基苯丙胺": "12.8"},
    ),
    (
        "bought_ten_sold_two_of_them_rest_seized",
        "被告人张某从他人处购得海洛因10克，后将其中2克以600元的价格贩卖给赵某，剩余8克被民警查获。",
        {"海洛因": "10"},
    ),
    ("weight_in_chinese_numerals", "民警在其住处查获甲基苯丙胺二十三点五克。", {"甲基苯丙胺": "23.5"}),
    (
        "about_and_more_than",
        "被告人孙某向吴某贩卖冰毒约3克；民警在其身上查获海洛因50余克。",
        {"甲基苯丙胺": "3", "海洛因": "50"},
    ),
    ("milligrams", "被告人周某以200元的价格向郑某出售海洛因300毫克。", {"海洛因": "0.3"}),
    (
        "numbered_exhibits_tested_by_number",
        "民警查获疑似毒品两包，分别编号为1号、2号，净重分别为3.2克、4.5克。经鉴定，1号检材中检出海洛因成分，2号检材中检出甲基苯丙胺成分。",
        {"海洛因": "3.2", "甲基苯丙胺": "4.5"},
    ),
    (
        "outside_crystals_with_no_drug_found",
        "民警在其住处查获白色晶体三包，净重52.6克。经鉴定，上述晶体中未检出毒品成分。",
        {},
    ),
    (
        "outside_powder_weighed_tablets_tested",
        "民警查获白色粉末一包，净重5克；另查获红色药片20粒。经鉴定，该药片中检出甲基苯丙胺成分。",
        {},
    ),
    (
        "shelter_drug_not_weighed_with_sale",
        "2019年8月2日，被告人钱某以200元的价格向冯某贩卖甲基苯丙胺0.4克。2019年8月10日，钱某容留冯某在其家中吸食冯某自带的甲基苯丙胺约0.2克。",
        {"甲基苯丙胺": "0.4"},
    ),
    (
        "ketamine_bags_with_kg",
        "民警在其仓库内查获白色粉末十包，净重共计1.2千克，经鉴定，上述粉末均检出氯胺酮成分。",
        {"氯胺酮": "1200"},
    ),
    (
        "name_then_weight_plain",
        "民警在被告人身上查获毒品海洛因一小包，经称量净重2.36克。",
        {"海洛因": "2.36"},
    ),
    (
        "outside_weight_of_money_and_scale",
        "民警在其住处查获电子秤一台、现金3000元及甲基苯丙胺1.5克。",
        {"甲基苯丙胺": "1.5"},
    ),
]
FIRST_BAC = [
    (
        "chinese_numerals_per_hundred_ml",
        "经鉴定，被告人李某每一百毫升血液中乙醇含量为一百八十五点六毫克。",
        "185.6",
    ),
    ("component_then_amount", "经检验，其血样中检出乙醇成分，含量为132.4毫克/100毫升。", "132.4"),
    ("mg_per_ml", "经鉴定，被告人血液中乙醇含量为1.85mg/ml。", "185"),
    (
        "breath_then_blood_lower",
        "经呼气酒精含量检测，其呼气酒精含量为95mg/100ml；后经抽血检验，其血液中乙醇含量为78.3mg/100ml。",
        "78.3",
    ),
    ("per_hundred_ml_chinese_unit", "经鉴定，其血液中乙醇含量为203毫克/百毫升。", "203"),
    (
        "outside_threshold_of_the_law",
        "本院认为，醉酒驾驶是指每一百毫升血液中乙醇含量达到八十毫克以上驾驶机动车的行为。",
        None,
    ),
    ("blood_chinese_numeral_with_slash", "其血液中乙醇含量为一百二十毫克/100毫升。", "120"),
    ("outside_methanol_component", "其血样中检出甲醇成分，含量为20毫克/100毫升。", None),
]
OUTSIDE_DRUGS = [
    (
        "outside_urine_test_after_weighed_crystals",
        "民警查获白色晶体一包，净重3.1克。经尿液检测，其尿液中检出甲基苯丙胺成分。",
        {},
    ),
    (
        "outside_part_with_no_whole_weighed",
        "民警查获海洛因三包，其中一包净重5克，另两包净重共计10克。",
        {"海洛因": "15"},
    ),
    (
        "outside_remainder_larger_than_the_sale",
        "2020年5月，被告人向李某贩卖甲基苯丙胺0.8克，并将剩余的甲基苯丙胺5.2克藏于家中。",
        {"甲基苯丙胺": "6.0"},
    ),
    (
        "outside_remainder_after_a_sale_not_a_purchase",
        "被告人向李某贩卖冰毒6克，剩余冰毒5克被民警查获。",
        {"甲基苯丙胺": "11"},
    ),
    (
        "outside_held_for_own_smoking",
        "民警在其住处查获其用于吸食的甲基苯丙胺15.6克。",
        {"甲基苯丙胺": "15.6"},
    ),
    ("outside_supplied_for_smoking", "被告人容留并提供给冯某吸食甲基苯丙胺0.3克。", {"甲基苯丙胺": "0.3"}),
]
OUTSIDE_BAC = [
    ("outside_per_litre", "其血液中乙醇含量为185毫克/升。", None),
    ("outside_component_then_methanol", "其血样中检出乙醇成分，甲醇含量为12mg/100ml。", None),
]
SECOND_DRUGS = [
    (
        "report_before_the_weighing",
        "经鉴定，从被告人处扣押的白色晶体中检出甲基苯丙胺成分。经称量，上述晶体净重7.42克。",
        {"甲基苯丙胺": "7.42"},
    ),
    (
        "lump_identified_as_with_xi",
        "民警在其货车驾驶室内缴获淡黄色块状物一块，重约200克。经检验，该块状物系海洛因。",
        {"海洛因": "200"},
    ),
    (
        "two_rooms_two_reports_by_place",
        "民警在其卧室查获白色晶体一包，净重20.1克，在其车内查获淡黄色粉末一包，净重4.6克。经鉴定，从卧室查获的晶体检出甲基苯丙胺成分；从车内查获的粉末检出海洛因成分。",
        {"甲基苯丙胺": "20.1", "海洛因": "4.6"},
    ),
    (
        "chinese_numeral_net_total_of_crystal_things",
        "民警查获白色晶体状物品五包，经称量共计净重一百零三点二克。经鉴定，该五包晶体状物品中均检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "103.2"},
    ),
    (
        "total_first_then_where_found",
        "民警在其住处及车内共查获甲基苯丙胺36.5克，其中卧室内查获30克、车内查获6.5克。",
        {"甲基苯丙胺": "36.5"},
    ),
    (
        "gross_of_one_drug_net_of_another",
        "民警查获海洛因一包，毛重5.2克；另查获甲基苯丙胺一包，净重3.1克。",
        {"海洛因": "5.2", "甲基苯丙胺": "3.1"},
    ),
    (
        "tablets_identified_as_magu",
        "民警从其上衣口袋内查获红色圆形药片150粒，净重14.7克。经鉴定，上述药片为甲基苯丙胺片剂。",
        {"甲基苯丙胺": "14.7"},
    ),
    (
        "two_blocks_weighed_respectively",
        "民警从其行李箱夹层中查获海洛因两块，重量分别为351.2克、349.8克。",
        {"海洛因": "701.0"},
    ),
    ("ktv_shelter_smoked_ketamine", "被告人容留吸毒人员王某、赵某在其经营的KTV包厢内吸食氯胺酮约5克。", {}),
    ("outside_report_on_hair", "民警查获白色粉末一小包，净重0.9克。经对其毛发进行检测，检出氯胺酮成分。", {}),
]
SECOND_BAC = [
    ("per_ml_upper_case", "经司法鉴定，其血液中乙醇浓度为2.03mg/mL。", "203"),
    ("result_colon_then_space", "血液酒精含量检验结果为：乙醇含量 142.8 mg/100mL。", "142.8"),
    (
        "breath_then_blood_in_chinese_numerals",
        "经呼气检测，其呼气酒精含量为一百二十毫克/一百毫升，经抽取血样鉴定，其血液中乙醇含量为一百零五毫克/一百毫升。",
        "105",
    ),
    ("outside_no_alcohol_found", "经鉴定，其血液中未检出乙醇成分。", None),
]
THIRD_DRUGS = [
    (
        "tablets_counted_weighed_then_reported",
        "民警在其背包内查获橘红色片剂300粒，经称量净重28.5克。经检验，上述片剂中均检出甲基苯丙胺和咖啡因成分。",
        {"甲基苯丙胺": "28.5"},
    ),
    (
        "sold_bags_and_seized_bags_one_report",
        "被告人将白色晶体两小包以500元的价格卖给马某，每包约0.3克。民警在马某处扣押上述晶体两包，净重0.58克，经鉴定检出甲基苯丙胺成分。",
        {"甲基苯丙胺": "0.58"},
    ),
    (
        "two_sales_each_named_ice",
        "2021年2月5日，被告人向何某贩卖冰毒1克，得款400元；2021年2月18日，被告人再次向何某贩卖冰毒2克，得款800元。",
        {"甲基苯丙胺": "3"},
    ),
    ("heroin_weight_with_yu_chinese", "民警从其内裤中查获海洛因五克余。", {"海洛因": "5"}),
]
THIRD_BAC = [
    (
        "breath_only_then_fled",
        "经呼气酒精检测，其呼气酒精含量为152mg/100ml，后其趁民警不备逃离现场，未能提取血样。",
        "152",
    ),
    ("colon_after_wei", "经检测，被告人血样中的乙醇含量为：136.21毫克/100毫升。", "136.21"),
    ("volume_after_the_verb", "经鉴定，其血液中乙醇含量为每百毫升一百五十毫克。", "150"),
    (
        "outside_threshold_with_volume_after_the_verb",
        "醉酒驾驶是指车辆驾驶人员血液中的酒精含量为每百毫升八十毫克以上的驾驶行为。",
        None,
    ),
    (
        "blood_retest_replaces_the_first_reading",
        "经鉴定，其血液中乙醇含量为88.6mg/100ml。经重新鉴定，其血液中乙醇含量为85.2mg/100ml。",
        "85.2",
    ),
]
# written for the second batch's fixes: just outside each
SECOND_OUTSIDE_DRUGS = [
    (
        "outside_report_before_on_another_item",
        "经鉴定，扣押的白色粉末中检出海洛因成分。经称量，上述晶体净重7.42克。",
        {},
    ),
    (
        "outside_report_before_naming_no_item",
        "经鉴定，检出甲基苯丙胺成分。民警另查获白色晶体一包，净重2克。",
        {},
    ),
    (
        "outside_parts_with_no_whole_weighed",
        "民警共查获毒品两种，其中海洛因5克、甲基苯丙胺8克。",
        {"海洛因": "5", "甲基苯丙胺": "8"},
    ),
    (
        "outside_gross_then_net_of_the_same_bag",
        "民警缴获甲基苯丙胺一包，毛重12.6克，经称量，净重11.9克。",
        {"甲基苯丙胺": "11.9"},
    ),
]


def grams_by_kind(text: str) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for drug in find_drugs(text):
        found[drug.kind] = found.get(drug.kind, Decimal(0)) + drug.grams
    return found


def drug_cases(rows):
    return [written_case(name, text, want, misses=MISSES) for name, text, want in rows]


@pytest.mark.parametrize(
    ("text", "want"),
    drug_cases(FIRST_DRUGS + OUTSIDE_DRUGS + SECOND_DRUGS + SECOND_OUTSIDE_DRUGS + THIRD_DRUGS),
)
def test_drug_weight_is_tied_to_the_substance_of_its_item(text, want):
    assert grams_by_kind(text) == {kind: Decimal(grams) for kind, grams in want.items()}


@pytest.mark.parametrize(("text", "want"), drug_cases(FIRST_BAC + OUTSIDE_BAC + SECOND_BAC + THIRD_BAC))
def test_blood_alcohol_is_read_in_the_courts_wordings(text, want):
    assert find_blood_alcohol(text)[0] == (None if want is None else Decimal(want))
