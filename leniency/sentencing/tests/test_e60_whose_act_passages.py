"""Task E60, issue 16 class 3 ("a result caused by a co-offender is charged to the defendant"): whose act is it?

Passages written for this task (none copied from the dev data), each with the figures a court finds by the law both
ways: in a joint crime each co-offender answers for the whole joint result (部分实行全部责任, 刑法第25条; what he
was given of the spoils measures nothing), while an act a co-offender did alone, one the defendant took no part in or
did not know of, or one the court calls the co-offender's own beyond their common intent (实行过限) is not his
(刑法第26条第4款, 第27条: 按照其参与的犯罪数额). The sum, the injured persons and their worst grade, the victims, the
drugs, the acts and the calculator's months with the gold charges.

First batch (25): 11/25 on HEAD (25cfde7) before any change, 21/25 after (with the patches /tmp/helpers/s18/E60_1-3.diff
applied; 13/25 without them; 24/25 with E60_4-5.diff for a co-offender's 投案, 累犯 and the 谅解 given to him). Second batch (14 new phrasings, written after the first batch's fixes and scored before
fixing what it showed): 8/14 on HEAD, 10/14 on the engine with the first batch's fixes (the nearest figure to a held-out
one), 14/14 after.
"""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.injuries import injured_persons

# (id, text, gold charges, what a court finds)
FIRST_BATCH = [
    (
        "third_count_co_offender_alone",
        "公诉机关指控：被告人张某伙同李某（另案处理）先后实施盗窃三起。经审理查明：第一起，2021年3月5日，被告人张某与李某在某小区盗窃电动车一辆，经鉴定价值3000元；第二起，2021年3月9日，被告人张某与李某在某市场盗窃手机一部，经鉴定价值2000元；第三起，2021年3月15日，李某单独在某超市盗窃香烟十条，价值5000元。被告人张某到案后如实供述。",
        ["盗窃"],
        {"amount": 5000},
    ),
    (
        "co_offender_later_alone_lingxing",
        "经审理查明：2021年4月2日，被告人王某与刘某（另案处理）共同盗窃被害人陈某停放的电动车一辆，价值2500元。同年4月20日，刘某另行单独盗窃摩托车一辆，价值4000元。被告人王某归案后如实供述。",
        ["盗窃"],
        {"amount": 2500},
    ),
    (
        "fraud_co_offender_alone_not_known",
        "公诉机关指控：被告人赵某伙同孙某（另案处理）以投资为名骗取被害人钱某人民币8万元。孙某另单独骗取被害人周某人民币5万元，被告人赵某对此不知情。被告人赵某到案后如实供述，退赔被害人钱某全部损失。",
        ["诈骗"],
        {"amount": 80000, "victims": 1},
    ),
    (
        "joint_whole_amount_not_share",
        "经审理查明：2022年1月10日，被告人陈某与吴某（另案处理）共同撬开某商铺卷帘门，窃得现金6000元，陈某分得2000元。",
        ["盗窃"],
        {"amount": 6000},
    ),
    (
        "accessory_joint_fraud_whole",
        "经审理查明：被告人郑某与黄某（另案处理）经预谋，由黄某冒充银行工作人员、郑某负责取款，共同骗取被害人林某人民币12万元，郑某分得1万元。本院认为，被告人郑某在共同犯罪中起次要作用，系从犯，依法应当从轻处罚。",
        ["诈骗"],
        {"amount": 120000},
    ),
    (
        "robbery_two_of_three_counts",
        "经审理查明：一、2020年6月1日晚，被告人何某伙同马某（另案处理）在某路段持刀抢劫被害人田某手机一部，价值1500元。二、2020年6月5日晚，被告人何某伙同马某持刀抢劫被害人许某现金800元。三、2020年6月9日晚，马某单独持刀抢劫被害人韩某现金500元，被告人何某未参与。",
        ["抢劫"],
        {"amount": 2300, "counts": 2},
    ),
    (
        "robbery_three_numbered_all_his",
        "经审理查明：一、2020年7月1日，被告人邓某持刀抢劫被害人曹某现金300元。二、2020年7月3日，被告人邓某持刀抢劫被害人彭某手机一部，价值900元。三、2020年7月8日，被告人邓某持刀抢劫被害人袁某现金600元。",
        ["抢劫"],
        {"counts": 3, "months": (120, 999)},
    ),
    (
        "one_victim_two_injuries",
        "经审理查明：2021年8月3日，被告人潘某因琐事持木棍殴打被害人杜某，致杜某头部、左前臂受伤。经鉴定，杜某头部损伤程度为轻伤二级，左前臂损伤程度为轻微伤。",
        ["故意伤害"],
        {"persons": 1, "injury": "light_2"},
    ),
    (
        "excess_individual_act_court",
        "经审理查明：2021年9月1日，被告人蒋某与罗某（另案处理）因债务纠纷共同殴打被害人谢某，蒋某用拳头击打谢某面部，致谢某轻微伤。罗某趁谢某倒地之际持随身携带的水果刀捅刺谢某腹部，致谢某重伤二级。本院认为，罗某持刀捅刺谢某系其个人行为，超出了共同犯罪故意，被告人蒋某对谢某的重伤后果不承担刑事责任。",
        ["故意伤害"],
        {"injury": "minor", "persons": 1},
    ),
    (
        "joint_beating_co_offender_caused_serious",
        "经审理查明：2021年10月5日，被告人于某与董某（另案处理）经商量后共同持钢管殴打被害人萧某，董某用钢管击打萧某头部，致萧某重伤二级。",
        ["故意伤害"],
        {"injury": "serious_2", "persons": 1},
    ),
    (
        "drugs_co_offender_sold_alone",
        "经审理查明：2022年3月1日，被告人程某与曾某（另案处理）共同贩卖甲基苯丙胺10克给吸毒人员沈某。2022年3月12日，曾某单独贩卖甲基苯丙胺50克给吸毒人员韦某（另案处理）。",
        ["贩卖毒品"],
        {"drug_g": 10},
    ),
    (
        "drugs_joint_all_his",
        "经审理查明：2022年4月1日，被告人吕某伙同苏某（另案处理）贩卖甲基苯丙胺12克给吸毒人员卢某；同月8日，被告人吕某又伙同苏某贩卖甲基苯丙胺8克给卢某。",
        ["贩卖毒品"],
        {"drug_g": 20},
    ),
    (
        "victims_co_offender_count",
        "经审理查明：被告人丁某伙同蔡某（另案处理）以介绍工作为由，骗取被害人贾某、魏某各5000元。此外，蔡某另单独以同样手段骗取被害人薛某6000元，丁某未参与。",
        ["诈骗"],
        {"amount": 10000, "victims": 2},
    ),
    (
        "injury_two_victims_one_each",
        "经审理查明：2021年5月2日，被告人叶某持刀将被害人阎某、余某砍伤。经鉴定，阎某的损伤程度为轻伤二级，余某的损伤程度为轻伤一级。",
        ["故意伤害"],
        {"persons": 2, "injury": "light_1"},
    ),
    (
        "injury_one_victim_two_appraisals",
        "经审理查明：被告人杨某持砖块砸伤被害人钟某。经鉴定，钟某的损伤程度为轻伤一级。后经重新鉴定，钟某的损伤程度为轻伤二级。",
        ["故意伤害"],
        {"persons": 1},
    ),
    (
        "co_offender_injures_other_victim_excess_not_know",
        "经审理查明：2020年12月1日，被告人汪某与田某（另案处理）共同盗窃某仓库，汪某在外望风。田某在仓库内被值班人员朱某发现，田某持刀将朱某刺伤，致朱某轻伤二级。汪某对田某持刀伤人事先不知情。二人窃得铜线价值3500元。",
        ["盗窃"],
        {"amount": 3500, "injury": None},
    ),
    (
        "theft_jointly_group_total_in_part",
        "公诉机关指控：2021年1月至3月，被告人任某伙同姜某、范某（均另案处理）盗窃电动车共计10辆，价值共计25000元，其中被告人任某参与盗窃4辆，价值共计9000元。",
        ["盗窃"],
        {"amount": 9000},
    ),
    (
        "fraud_participated_sum",
        "经审理查明：2019年至2020年间，以李某（另案处理）为首的诈骗团伙共骗取被害人财物共计50万元。被告人石某于2020年5月加入该团伙，负责拨打电话，参与骗取被害人财物共计8万元。本院认为，被告人石某系从犯。",
        ["诈骗"],
        {"amount": 80000},
    ),
    (
        "co_offender_surrender_only",
        "经审理查明：2021年6月1日，被告人孔某与崔某（另案处理）共同盗窃电缆线价值4200元。案发后，崔某主动到公安机关投案。孔某于2021年7月2日被公安机关抓获。",
        ["盗窃"],
        {"amount": 4200, "no_circ": ["surrender"]},
    ),
    (
        "co_offender_recidivist_only",
        "经审理查明：被告人康某与同案人毛某（另案处理）于2021年2月3日共同盗窃手机一部，价值3800元。毛某曾因犯盗窃罪于2019年被判处有期徒刑一年，系累犯。",
        ["盗窃"],
        {"amount": 3800, "no_circ": ["recidivist"]},
    ),
    (
        "forgiveness_given_to_co_offender",
        "经审理查明：被告人邱某与秦某（另案处理）共同殴打被害人江某，致江某轻伤二级。案发后，秦某赔偿江某经济损失2万元，江某对秦某表示谅解。",
        ["故意伤害"],
        {"injury": "light_2", "no_circ": ["forgiveness"]},
    ),
    (
        "death_by_co_offender_excess",
        "经审理查明：被告人史某与陶某（另案处理）预谋抢劫，约定只抢财物不伤人。作案时，陶某为制服被害人姚某，超出预谋持刀猛刺姚某胸部，致姚某死亡，被告人史某事先对陶某持刀杀人不知情。二人抢得现金2000元。",
        ["抢劫"],
        {"injury": None, "amount": 2000},
    ),
    (
        "death_joint_robbery_his",
        "经审理查明：被告人高某与廖某（另案处理）持刀共同抢劫被害人邹某，二人均持刀捅刺邹某，致邹某死亡，抢得现金3000元。",
        ["抢劫"],
        {"injury": "death", "amount": 3000},
    ),
    (
        "co_offender_count_second_of_two_sentences",
        "经审理查明：2022年2月，被告人熊某伙同金某（另案处理）盗窃某工厂废铁，价值5600元。2022年3月，金某伙同他人（另案处理）盗窃该工厂铝材，价值7000元，熊某未参与。",
        ["盗窃"],
        {"amount": 5600},
    ),
    (
        "injury_told_by_victim_name_twice",
        "经审理查明：被告人雷某驾车撞击被害人郝某，致郝某受伤。经鉴定，郝某右腿骨折构成轻伤一级，郝某面部挫伤构成轻微伤。",
        ["故意伤害"],
        {"persons": 1, "injury": "light_1"},
    ),
]

SECOND_BATCH = [
    (
        "count_struck_as_another_persons",
        "公诉机关指控：被告人卞某于2021年先后三次盗窃，第一起窃得电动车一辆，价值2200元；第二起窃得笔记本电脑一台，价值4500元；第三起窃得手机一部，价值1800元。经审理查明，公诉机关指控的第二起盗窃系李某某独立实施，与被告人卞某无关，本院不予认定。",
        ["盗窃"],
        {"amount": 4000},
    ),
    (
        "part_told_as_involved_sum",
        "经审理查明：2020年3月至8月，华某（另案处理）组织他人以网络刷单返利为名实施诈骗，诈骗金额共计36万元。被告人祁某受华某指使提供银行卡并负责取现，经查，被告人祁某参与作案两起，涉案金额1.2万元。",
        ["诈骗"],
        {"amount": 12000},
    ),
    (
        "new_intent_of_co_offender",
        "经审理查明：2021年11月2日凌晨，被告人左某与宋某（另案处理）入户盗窃被害人石某家中财物，窃得现金1500元。其间，宋某另起犯意，趁石某醒来之际持刀将石某刺伤，致石某重伤二级，被告人左某当时已离开现场。",
        ["盗窃"],
        {"amount": 1500, "injury": None},
    ),
    (
        "two_tried_together_joint_beating",
        "经审理查明：2022年5月3日，被告人殷某、被告人祝某因停车纠纷与被害人鲍某发生口角，二被告人共同对鲍某拳打脚踢，致鲍某鼻骨骨折。经鉴定，鲍某的损伤程度为轻伤二级。",
        ["故意伤害"],
        {"injury": "light_2", "persons": 1},
    ),
    (
        "drug_sold_behind_his_back",
        "经审理查明：被告人柏某与向某（另案处理）合伙贩卖毒品。2022年6月1日，二人在某宾馆向吸毒人员出售甲基苯丙胺5克。2022年6月20日，向某背着柏某向吸毒人员孟某贩卖甲基苯丙胺30克，柏某对此并不知晓。",
        ["贩卖毒品"],
        {"drug_g": 5},
    ),
    (
        "lookout_whole_robbery",
        "经审理查明：2021年12月8日晚，被告人车某与易某（另案处理）预谋抢劫，由车某在路口望风，易某持刀威胁被害人岳某，劫得现金3000元及手机一部（价值2000元），车某分得赃款500元。",
        ["抢劫"],
        {"amount": 5000},
    ),
    (
        "within_joint_intent_said_by_court",
        "经审理查明：被告人全某伙同韩某（另案处理）持棍棒殴打被害人傅某，韩某用棍棒击打傅某头部致其重伤二级。本院认为，韩某虽直接造成傅某重伤，但其行为未超出共同犯罪故意的范围，被告人全某应对傅某的重伤后果承担刑事责任。",
        ["故意伤害"],
        {"injury": "serious_2", "persons": 1},
    ),
    (
        "not_in_this_prosecution",
        "经审理查明：2022年1月15日，被告人符某伙同蒋某某（已判决）盗窃某五金店铜材，价值6200元。蒋某某此前独自盗窃的三起事实已另案判决。",
        ["盗窃"],
        {"amount": 6200},
    ),
    (
        "one_victim_two_sites",
        "经审理查明：被告人尚某持水果刀朝被害人邢某连刺两刀，分别刺中邢某左胸部和右上臂。经鉴定，邢某左胸部刺伤构成轻伤一级，右上臂刺伤构成轻伤二级。",
        ["故意伤害"],
        {"persons": 1, "injury": "light_1"},
    ),
    (
        "co_offender_robbed_separate_victim",
        "经审理查明：2021年9月10日，被告人路某与江某（另案处理）共同抢劫被害人井某现金400元。同日晚，江某又独自抢劫被害人尤某现金600元，被害人尤某受轻微伤。",
        ["抢劫"],
        {"amount": 400, "victims": 1, "injury": None},
    ),
    (
        "accessory_joint_injury_grade",
        "经审理查明：被告人鲁某受同案人郭某（另案处理）纠集，参与殴打被害人邵某，郭某持砍刀砍伤邵某左手，致邵某重伤二级。本院认为，被告人鲁某在共同犯罪中起次要作用，系从犯。",
        ["故意伤害"],
        {"injury": "serious_2"},
    ),
    (
        "fraud_others_amount_in_brackets",
        "经审理查明：被告人霍某与申某（另案处理）共同虚构工程项目，骗取被害人葛某工程保证金20万元（申某另单独骗取他人10万元，本案不予认定）。",
        ["诈骗"],
        {"amount": 200000},
    ),
    (
        "group_leader_answers_all",
        "经审理查明：被告人詹某组织、领导诈骗犯罪集团，系首要分子。该集团共骗取被害人财物共计45万元，其中被告人詹某直接参与骗取10万元。",
        ["诈骗"],
        {"amount": 450000},
    ),
    (
        "joint_death_with_knife_known",
        "经审理查明：被告人管某明知同案人戴某（另案处理）携带匕首，仍与其一同前往被害人武某住处报复，戴某持匕首捅刺武某致其死亡。",
        ["故意伤害"],
        {"injury": "death"},
    ),
]

STILL_WRONG: dict[str, str] = {}


def marks(pid: str) -> list:
    if pid in STILL_WRONG:
        return [pytest.mark.xfail(strict=True, reason=STILL_WRONG[pid])]
    return []


def read(text: str, charges: list[str]) -> dict:
    facts = extract(text, charges)
    return {
        "amount": facts.amount_yuan,
        "persons": injured_persons(text, facts.injuries) if facts.injuries else 0,
        "injury": facts.injury.value if facts.injury else None,
        "victims": facts.victims,
        "drug_g": sum(d.grams for d in facts.drugs) if facts.drugs else None,
        "counts": facts.counts,
        "months": calculate(facts).months,
        "circumstances": {str(f.code) for f in facts.circumstances},
    }


def check(text: str, charges: list[str], expected: dict) -> None:
    got = read(text, charges)
    for key, value in expected.items():
        if key == "months":
            assert value[0] <= got["months"] <= value[1], got
        elif key == "no_circ":
            assert not set(value) & got["circumstances"], got
        elif key in ("amount", "drug_g") and value is not None:
            assert got[key] == Decimal(value), got
        else:
            assert got[key] == value, got


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [
        pytest.param(text, charges, expected, id=pid, marks=marks(pid))
        for pid, text, charges, expected in FIRST_BATCH
    ],
)
def test_first_batch_whose_act(text, charges, expected):
    check(text, charges, expected)


@pytest.mark.parametrize(
    ("text", "charges", "expected"),
    [
        pytest.param(text, charges, expected, id=pid, marks=marks(pid))
        for pid, text, charges, expected in SECOND_BATCH
    ],
)
def test_second_batch_whose_act(text, charges, expected):
    check(text, charges, expected)
