"""Charges inferred per act, and the charge's own conduct over the story's words (E75): texts written for this test in
the style of a judgment (none taken from the development data), each with the charges a court would convict of.

FIRST: a second charge told in a count of its own (a drunk driver who pushes the police at a checkpoint, an injury
then a rampage, a drug sale then a flat lent to users) beside texts just outside (two counts of one charge, a count
absorbed by the other's crime), and a word of the story beside the defendant's own conduct (the victim's 寻衅, a phone
smashed by the victim, tramadol sold for money, a table fee). Scored at b0cbf1e (with others' uncommitted work in
the tree) before any change: 11/16 exact, micro-F1 0.789 (P 0.833, R 0.750); 15/16 (F1 0.974, P 1.000) after E75's
rules: each count a candidate read on its own facts (charges.told_counts), the defendant's own act (conduct_actor:
a victim's 寻衅, an owner who knocks the thief down), art. 355's sale for gain.
SECOND: written after those fixes, new phrasings, scored once before any change for them: 7/9 exact, micro-F1 0.833
(P 0.833, R 0.833) — the nearest figure to a held-out one (6/9, F1 0.783 at b0cbf1e). 9/9 after: a blow to a
police officer in a count with no time of its own is 袭警 by the date of the count before; a weapon's threat to hand
over is robbery (持水果刀…逼迫…交出), and 携带凶器抢夺 by the weapon's kind.
"""

import pytest

from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.tests.written_texts import written_case

DRUGS = "走私、贩卖、运输、制造毒品"
MISSES = {
    "count_drunk_driving_then_pushing_police": (
        "the 袭警 rule takes 推搡民警 after a 2022 date as 袭警, where the examiner reads 妨害公务 (arguable: the 2019 "
        "guidance names 撕咬、踢打、抱摔, recalled); count 二 is read as an act since 56019c9"
    ),
}

FIRST_TEXTS = [
    (
        "count_drunk_driving_then_pushing_police",
        ["危险驾驶", "妨害公务"],
        "公诉机关指控：一、2022年6月3日23时许，被告人甲某酒后驾驶小型轿车行驶至某路口时被执勤民警拦停，"
        "经鉴定，甲某血液中乙醇含量为186mg/100ml。二、民警依法对甲某进行检查时，甲某拒不配合，"
        "多次用力推搡民警乙某并将其执法记录仪打落在地，阻碍民警依法执行职务。",
    ),
    (
        "count_injury_then_rampage_in_market",
        ["故意伤害", "寻衅滋事"],
        "经审理查明：一、2021年3月5日，被告人丙某因琐事与邻居丁某发生争执，丙某持木棍击打丁某头部，"
        "致丁某轻伤一级。二、2021年8月12日晚，丙某酒后在某农贸市场内无故随意殴打摊主戊某、己某，"
        "并掀翻摊位、砸毁货物，致市场秩序混乱。",
    ),
    (
        "count_meth_sale_then_flat_for_users",
        [DRUGS, "容留他人吸毒"],
        "经审理查明：一、2022年4月至5月，被告人庚某先后三次在某宾馆附近以每克300元的价格向吸毒人员辛某出售甲基苯丙胺，"
        "共计1.5克，获利450元。二、2022年5月20日，庚某在其租住的房屋内，提供吸毒工具，"
        "容留壬某、癸某吸食甲基苯丙胺。",
    ),
    (
        "count_theft_then_fraud",
        ["盗窃", "诈骗"],
        "公诉机关指控：1.2023年1月8日，被告人子某在某网吧趁被害人丑某睡觉之机，窃取其放在桌上的手机一部，价值3200元。"
        "2.2023年2月，子某冒充某物流公司客服，以快递丢失理赔为由，诱骗被害人寅某转账，骗取寅某人民币8600元。",
    ),
    (
        "outside_two_counts_both_theft",
        ["盗窃"],
        "经审理查明：一、2022年9月2日凌晨，被告人卯某撬开某小区地下车库内一辆电动车的车锁，将该车骑走，"
        "经鉴定价值2100元。二、同年9月15日，卯某在某菜市场扒窃被害人辰某裤兜内的钱包，内有现金1800元。",
    ),
    (
        "outside_home_entry_robbery_counts",
        ["抢劫"],
        "经审理查明：一、2021年11月3日夜，被告人巳某翻墙进入被害人午某家中，持刀威胁午某，劫取现金5000元。"
        "二、同年11月20日夜，巳某撬门进入被害人未某家中，用胶带捆绑未某，劫取金项链一条，价值9000元。",
    ),
    (
        "outside_theft_then_sold_own_loot",
        ["盗窃"],
        "公诉机关指控：一、2022年7月，被告人申某在某工地窃取电缆线300米，价值6000元。"
        "二、申某将所窃电缆线以1500元的价格卖给废品收购站。",
    ),
    (
        "story_romance_fraud_victim_smashed_phone",
        ["诈骗"],
        "经审理查明：2022年3月起，被告人酉某通过婚恋网站结识被害人戌某，虚构自己系海外工程师的身份，"
        "与戌某确立恋爱关系后，先后以母亲住院、货物清关等理由骗取戌某人民币12万元。"
        "戌某发现被骗后情绪激动，将自己的手机和电脑砸坏，后报警。",
    ),
    (
        "story_tramadol_sold_to_users_for_money",
        [DRUGS],
        "经审理查明：2023年2月至4月，被告人亥某明知甲某、乙某系吸毒人员，仍以每板80元的价格，先后五次向二人出售盐酸曲马多片"
        "共计20板，获利1600元。经鉴定，上述药片中检出曲马多成分，曲马多系国家管制的第二类精神药品。",
    ),
    (
        "outside_doctor_gives_tramadol_free",
        ["非法提供麻醉药品、精神药品"],
        "经审理查明：被告人丙某系某镇卫生院医生，具有麻醉药品、精神药品处方资格。2022年期间，丙某明知丁某系吸毒人员，"
        "违反国家规定，碍于情面，多次无偿向丁某提供盐酸曲马多注射液共计30支。",
    ),
    (
        "story_elderly_theft_in_supermarket",
        ["盗窃"],
        "经审理查明：2023年5月10日，被告人戊某（76岁）在某超市内，趁无人注意，将食用油、奶粉等商品藏于随身携带的布袋中，"
        "未结账即走出超市，被超市工作人员拦下，所窃商品价值1260元。次日，戊某又在该超市以同样方法窃取商品，价值980元，"
        "并将商品转移至其女儿家中。",
    ),
    (
        "story_victim_started_trouble",
        ["故意伤害"],
        "经审理查明：2022年8月9日晚，被害人己某酒后到被告人庚某经营的烧烤店寻衅，辱骂庚某并掀翻桌子。"
        "庚某气愤之下持啤酒瓶击打己某头部，致己某轻伤二级。",
    ),
    (
        "outside_defendant_beats_passers_by",
        ["寻衅滋事"],
        "经审理查明：2022年10月1日凌晨，被告人辛某酒后在某步行街无故拦截过往行人，借故生非，随意殴打行人壬某、癸某，"
        "致二人轻微伤，并追逐、辱骂其他路人。",
    ),
    (
        "story_mahjong_room_table_fee",
        ["开设赌场"],
        "经审理查明：2022年1月至6月，被告人子某在其经营的棋牌室内摆放自动麻将机4台，组织他人以打麻将的方式进行赌博，"
        "每局输赢数十元至数百元，子某按每桌每场200元收取台费，共计获利3万余元。",
    ),
    (
        "outside_player_at_mahjong_table",
        ["赌博"],
        "经审理查明：2022年春节期间，被告人丑某多次纠集寅某、卯某等人在丑某家中以打麻将的方式赌博，每局输赢数千元，"
        "丑某以营利为目的，从中抽头渔利共计2万元。",
    ),
    (
        "story_theft_victim_chased_and_beat",
        ["盗窃"],
        "经审理查明：2023年6月2日，被告人辰某在某公交车上扒窃乘客巳某的手机一部，价值4500元，下车时被巳某发现，"
        "巳某追上辰某并将其打倒在地，将手机夺回。",
    ),
]

FIRST = [written_case(name, charges, text, misses=MISSES) for name, charges, text in FIRST_TEXTS]

SECOND_TEXTS = [
    (
        "paren_count_drunk_driving_then_striking_officer",
        ["危险驾驶", "袭警"],
        "公诉机关指控：（一）2023年3月18日凌晨，被告人乙某饮酒后驾驶二轮摩托车在某镇街道行驶，被公安民警查获，"
        "经检验，乙某血液中乙醇含量为152mg/100ml。（二）在民警将乙某带至医院抽血过程中，乙某突然挥拳猛击正在执行职务的民警"
        "丙某面部，致丙某鼻骨骨折，经鉴定为轻微伤。",
    ),
    (
        "count_theft_then_smashing_neighbours_car",
        ["盗窃", "故意毁坏财物"],
        "经审理查明：1.2022年5月6日夜，被告人丁某潜入某仓库，窃取铜管40公斤，价值2400元。"
        "2.2022年6月11日，丁某因怀疑邻居戊某举报其违章建房，怀恨在心，用铁锤砸毁戊某停放在楼下的轿车挡风玻璃及车门，"
        "经鉴定，损失价值8500元。",
    ),
    (
        "count_theft_then_buying_anothers_loot",
        ["盗窃", "掩饰、隐瞒犯罪所得、犯罪所得收益"],
        "经审理查明：一、2021年10月，被告人己某在某小区窃取电动车一辆，价值1800元。"
        "二、2021年12月，己某明知庚某出售的五部手机系庚某盗窃所得，仍以2000元的价格予以收购，后加价转卖。",
    ),
    (
        "outside_two_injuries_two_counts",
        ["故意伤害"],
        "公诉机关指控：一、2020年4月2日，被告人辛某因土地纠纷与同村村民壬某发生争吵，辛某用铁锹击打壬某左臂，"
        "致壬某左尺骨骨折，经鉴定为轻伤二级。二、2020年9月7日，辛某因宅基地边界问题与癸某发生厮打，辛某将癸某推倒后用拳头击打其面部，"
        "致癸某轻伤二级。",
    ),
    (
        "story_victim_chased_with_kitchen_knife",
        ["故意伤害"],
        "经审理查明：2022年7月15日晚，被害人子某因债务问题持菜刀到被告人丑某家中追砍丑某，丑某夺下菜刀后，"
        "持刀将子某手臂砍伤，经鉴定，子某的损伤程度为轻伤一级。",
    ),
    (
        "story_buyer_holds_drugs_bought_from_dealer",
        ["非法持有毒品"],
        "经审理查明：2023年1月，被告人寅某从贩毒人员卯某（另案处理）处以每克200元的价格购买甲基苯丙胺，"
        "后将毒品藏匿于其住处卧室衣柜内，用于自己吸食。同年2月3日，公安民警在寅某住处查获甲基苯丙胺共计26.4克。",
    ),
    (
        "story_coworker_started_it_and_was_injured",
        ["故意伤害"],
        "经审理查明：2021年9月，被告人辰某与工友巳某同在某建筑工地务工。9月20日中午，巳某借故生非，"
        "在工棚内辱骂辰某并将辰某的饭盒打翻，辰某随即拿起一根钢管击打巳某背部、腿部，致巳某右胫骨骨折，经鉴定为轻伤一级。",
    ),
    (
        "story_theft_in_a_gambling_den",
        ["盗窃"],
        "经审理查明：2022年11月的一天晚上，被告人午某在他人开设的地下赌场内，趁赌客未某专注于赌博之际，"
        "从未某放在身后椅子上的挎包内窃取现金6000元，后逃离现场。",
    ),
    (
        "story_robbery_victim_fought_back",
        ["抢劫"],
        "经审理查明：2023年8月1日凌晨，被告人申某在某公园小路上持水果刀拦住被害人酉某，逼迫酉某交出手机和现金，"
        "酉某不从，与申某扭打，用石块砸伤申某头部，申某仍抢走酉某的手机一部，价值3000元。",
    ),
]

SECOND = [written_case(name, charges, text, misses=MISSES) for name, charges, text in SECOND_TEXTS]


@pytest.mark.parametrize(("charges", "text"), FIRST + SECOND)
def test_inferred_charges_are_those_a_court_would_name(charges, text):
    assert sorted(infer_charges(text)) == sorted(charges)
