"""Charges inferred from facts, fifth round (E53): the failure classes the E51 examiner found, on texts written for
this test in the style of a judgment (none taken from the development data), each with the charge a court would
convict of, and a text just outside each rule.

FIRST (28 texts): written before any change, one group per class: 18/28 at 22338af, 28/28 after E53's rules.
SECOND (18 texts): written after the first batch's fixes, in new phrasings and across the neighbours of the catalogue
courts part every day, run once before anything was changed for it: 9/18 at 22338af, 11/18 with the first batch's
fixes (the nearest figure to a held-out one), 12/18 after 无故 beating strangers (法释〔2013〕18号第一条), 16/18 after
the fixes it showed (假称 a deceit, a 涉嫌非法集资 lie no fund-raising, a child taken away and ransomed, a hand on
the throat to make one hand over); the two left are strict xfails naming why.
"""

import pytest

from leniency.sentencing.extraction.charges import infer_charges

ROBBERY, THEFT, FRAUD = "抢劫", "盗窃", "诈骗"
LAUNDER = "掩饰、隐瞒犯罪所得、犯罪所得收益"
HELP_NET = "帮助信息网络犯罪活动"
DRUG_DEAL = "走私、贩卖、运输、制造毒品"
DRUG_HOLD = "非法持有毒品"
POSE = "招摇撞骗"
QUARREL = "寻衅滋事"
DAMAGE = "故意毁坏财物"

# sentencing boilerplate (从轻或者减轻处罚, 依法可以从轻处罚 …) read as conduct: the court's formulas are no evidence
BOILERPLATE = [
    pytest.param(
        [THEFT],
        "经审理查明：2022年3月5日，被告人甲某（时年十六周岁）在某超市内趁店员不注意，窃取洗发水等商品，价值1800元。"
        "本院认为，被告人甲某犯罪时已满十六周岁不满十八周岁，依法应当从轻或者减轻处罚；归案后如实供述，依法可以从轻处罚；"
        "其法定代理人已代为退赔，可以酌情从轻处罚。",
        id="minor_shoplifting_with_formulas",
    ),
    pytest.param(
        ["故意伤害"],
        "公诉机关指控：被告人乙某因停车纠纷与丙某争吵，持木棍击打丙某头部，致丙某轻伤一级。案发后乙某主动投案。"
        "本院认为，被告人乙某系自首，依法可以从轻或者减轻处罚；其赔偿了被害人损失并取得谅解，可以从轻处罚。",
        id="injury_surrender_formulas",
    ),
    pytest.param(
        [FRAUD],
        "经审理查明：被告人丁某谎称可以帮助被害人戊某办理低息贷款，以收取手续费为名骗取戊某人民币2.4万元。"
        "本院认为，被告人丁某在共同犯罪中起次要作用，系从犯，应当从轻、减轻处罚或者免除处罚；"
        "其当庭自愿认罪，依法可以从轻处罚。",
        id="fraud_accessory_formulas",
    ),
    pytest.param(
        [THEFT],
        "公诉机关指控：被告人庚某于2021年8月间先后三次在某工地窃取钢筋，价值共计6200元。"
        "本院认为，被告人庚某犯罪以后自动投案，如实供述自己的罪行，是自首，对于自首的犯罪分子，可以从轻或者减轻处罚；"
        "其犯罪未遂部分，可以比照既遂犯从轻或者减轻处罚。",
        id="theft_statute_quoted_formulas",
    ),
    # just outside: a kidnapping for ransom told beside the same formulas stays a kidnapping
    pytest.param(
        ["绑架"],
        "经审理查明：被告人辛某以勒索财物为目的，将被害人壬某骗至出租屋内捆绑控制，随后打电话向壬某的父亲索要赎金20万元。"
        "本院认为，被告人辛某在绑架过程中主动释放被害人，可以从轻或者减轻处罚；归案后如实供述，依法可以从轻处罚。",
        id="ransom_kidnap_with_formulas",
    ),
]

# possession for one's own use: no sale inferred where the text denies a selling purpose
OWN_USE = [
    pytest.param(
        [DRUG_HOLD],
        "公诉机关指控：2021年6月2日，民警在被告人甲某驾驶的轿车内查获甲基苯丙胺一包，净重18.6克。"
        "甲某供称上述毒品系其从他人处购得，用于自己吸食，现有证据不能证实其具有贩卖目的。",
        id="car_meth_for_own_use",
    ),
    pytest.param(
        [DRUG_HOLD],
        "经审理查明：被告人乙某系吸毒人员。2020年12月，公安人员在乙某住处查获海洛因12.4克。"
        "乙某辩称毒品系其为吸食而购买，侦查机关未查获其贩卖毒品的证据。",
        id="heroin_at_home_no_sale_evidence",
    ),
    pytest.param(
        [DRUG_HOLD],
        "经审理查明：被告人丙某于2022年1月在某宾馆房间内被民警抓获，当场从其随身背包中查获甲基苯丙胺片剂（俗称麻古）"
        "五百余粒，净重51克。丙某供述系以吸食为目的购买，无证据证实其贩卖。",
        id="pills_in_hotel_bag_denied_sale",
    ),
    pytest.param(
        [DRUG_HOLD],
        "公诉机关指控：被告人丁某明知是毒品而非法持有氯胺酮26克，于2021年9月在其租住处被查获。经查，丁某购买氯胺酮系供自己吸食。",
        id="ketamine_for_own_use",
    ),
    # just outside: the user who also sells some is a dealer (刑法第347条)
    pytest.param(
        [DRUG_DEAL],
        "经审理查明：被告人戊某系吸毒人员，其购买甲基苯丙胺后除自己吸食外，于2021年5月以300元的价格将其中1克卖给吸毒人员己某。"
        "民警在戊某住处查获剩余甲基苯丙胺11克。",
        id="user_who_sells_some",
    ),
    pytest.param(
        [DRUG_DEAL],
        "公诉机关指控：被告人庚某为牟利，在某县城多次向吸毒人员出售甲基苯丙胺，共计获利2000元。"
        "民警在其住处查获甲基苯丙胺16克，庚某供称其中部分留作自己吸食。",
        id="dealer_who_also_uses",
    ),
]

# members of the fraud, not launderers of its proceeds; cards sold to fraudsters are help to them (刑法第287条之二)
RING = [
    pytest.param(
        [FRAUD],
        "经审理查明：2021年3月，被告人甲某加入以刷单返利为名实施诈骗的团伙，负责按照上线指令持银行卡到ATM机取现，"
        "所取款项为被害人被骗钱款共计8万元。在共同犯罪中，甲某起辅助作用，系从犯。",
        id="joins_ring_to_withdraw",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人乙某与丙某（另案处理）事先商定，由丙某冒充客服骗取被害人钱款，乙某负责将骗得的钱款取现后转交丙某，"
        "乙某按取现金额的百分之五获取报酬。二人共骗取被害人丁某5.6万元。",
        id="prior_agreement_to_cash_out",
    ),
    pytest.param(
        [HELP_NET],
        "经审理查明：2022年2月，被告人戊某明知他人收购银行卡用于电信网络诈骗，仍将自己办理的三张银行卡及U盾以每套800元的价格出售给他人。"
        "经查，上述银行卡被用于接收诈骗资金共计30余万元。",
        id="bank_cards_sold_to_fraudsters",
    ),
    pytest.param(
        [HELP_NET],
        "公诉机关指控：被告人己某明知他人利用信息网络实施犯罪，仍将以其本人身份办理的手机卡十张出租给他人使用，获利3000元。"
        "上述手机卡被用于拨打诈骗电话。",
        id="phone_cards_rented_out",
    ),
    # just outside: one who, after the fraud and without a prior plan, moves its proceeds knowingly launders them
    pytest.param(
        [LAUNDER],
        "经审理查明：2021年7月，被告人庚某经朋友介绍，明知他人银行卡内的资金系诈骗所得，仍按对方要求在多个ATM机上取现共计4.5万元，"
        "并将现金交给对方指定人员，从中获利900元。",
        id="hired_after_to_withdraw_proceeds",
    ),
    pytest.param(
        [LAUNDER],
        "公诉机关指控：被告人辛某明知其表弟（另案处理）交给其的12部手机系盗窃所得，仍在某手机回收店予以变卖，得款9600元。",
        id="sells_cousins_stolen_phones",
    ),
]

# posing as an official to take money: 诈骗 where the sum is large (法释〔2011〕7号第八条), else 招摇撞骗
POSING = [
    pytest.param(
        [FRAUD],
        "经审理查明：2020年10月，被告人甲某冒充市公安局民警，以被害人乙某的账户涉嫌洗钱需要核查资金为由，"
        "骗取乙某将存款36万元转入其指定账户。",
        id="fake_police_safe_account",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人丙某自称是某区法院法官，以能帮助被害人丁某的儿子减轻刑罚为由，先后收取丁某\u201c活动经费\u201d共计12万元。",
        id="fake_judge_promises_lighter_sentence",
    ),
    pytest.param(
        [POSE],
        "经审理查明：被告人戊某身着仿制警服，冒充派出所民警在夜市检查摊位，以罚款为名收取摊主己某等人现金共计2600元。",
        id="fake_officer_fines_stalls",
    ),
    pytest.param(
        [POSE],
        "公诉机关指控：被告人庚某冒充某县纪委工作人员，以谈恋爱为名与被害人辛某交往，骗取辛某信任后与其发生性关系，并多次让辛某支付其吃住费用。",
        id="fake_official_for_romance",
    ),
    # just outside: a lie about knowing an official is no posing as one
    pytest.param(
        [FRAUD],
        "经审理查明：被告人壬某谎称与某市公安局领导关系密切，能帮助癸某办理户口迁移，骗取癸某\u201c好处费\u201d1.8万元。",
        id="claims_friend_in_police",
    ),
]

# damage done for no cause is 任意损毁 (刑法第293条); damage for a grudge against its owner is 故意毁坏财物 (第275条)
WANTON = [
    pytest.param(
        [QUARREL],
        "经审理查明：2021年12月31日凌晨，被告人甲某酒后在某街道上无事生非，用砖块随意砸坏路边停放的轿车车窗七辆，"
        "经鉴定损失共计5400元。",
        id="drunk_bricks_parked_cars",
    ),
    pytest.param(
        [QUARREL],
        "公诉机关指控：被告人乙某为寻求刺激，伙同他人深夜在某公园内任意损毁路灯、座椅等公共设施，造成损失8000余元。",
        id="park_lamps_for_thrills",
    ),
    pytest.param(
        [QUARREL],
        "经审理查明：被告人丙某在某烧烤店吃饭时因嫌上菜慢借故生非，掀翻餐桌，砸毁店内电视机、冰柜等物品，损失价值4600元。",
        id="barbecue_restaurant_smashed",
    ),
    pytest.param(
        [QUARREL],
        "公诉机关指控：被告人丁某为逞强耍横，在某村口持铁锹将过往车辆的挡风玻璃砸碎，共计损毁车辆四辆，损失价值6200元。",
        id="village_road_windscreens",
    ),
    # just outside: damage to a known person's property over a dispute with him
    pytest.param(
        [DAMAGE],
        "经审理查明：被告人戊某因与邻居己某存在宅基地纠纷，为泄愤，趁夜用刀划破己某停放在家门口的轿车四个轮胎并划伤车身，"
        "经鉴定损失价值7800元。",
        id="neighbour_feud_tyres_slashed",
    ),
    pytest.param(
        [DAMAGE],
        "公诉机关指控：被告人庚某因被辛某公司辞退心生不满，为报复辛某，将公司仓库内的货物浇上汽油烧毁，损失价值3.2万元。",
        id="dismissed_worker_burns_stock",
    ),
]

FIRST = BOILERPLATE + OWN_USE + RING + POSING + WANTON


@pytest.mark.parametrize(("gold", "text"), FIRST)
def test_first_batch_text_reads_as_the_court_would_find(gold, text):
    assert sorted(infer_charges(text)) == sorted(gold)


# Written after the first batch's fixes, run once before anything was changed for them
SECOND = [
    pytest.param(
        [THEFT],
        "经审理查明：被告人甲某以借用手机打电话为由，从被害人乙某手中接过手机，趁乙某与他人说话不备之机携手机逃离，"
        "该手机价值3600元。",
        id="borrowed_phone_then_slipped_away",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人丙某假称自己是二手车商，以看车试驾为名，与被害人丁某约定价格后，让丁某将车钥匙及行驶证交给其保管，"
        "随后以办理过户为由将该车开走并变卖，得款4.8万元，丁某至今未收到任何车款。",
        id="fake_buyer_drives_car_away",
    ),
    pytest.param(
        [ROBBERY],
        "经审理查明：被告人戊某在某巷口拦住放学回家的学生己某，用手掐住己某脖子，逼其交出身上的现金200元及手机一部。",
        id="throat_held_student_robbed",
    ),
    pytest.param(
        ["抢夺"],
        "公诉机关指控：被告人庚某在公交站台旁，趁被害人辛某低头看手机不备，一把夺过其手中的手机后跑开，手机价值2900元。",
        id="phone_grabbed_at_bus_stop",
    ),
    pytest.param(
        ["职务侵占"],
        "经审理查明：被告人壬某系某物流公司仓库管理员，利用其负责保管货物的职务便利，多次将仓库内的电子产品私自带出变卖，"
        "共计价值6.7万元。",
        id="warehouse_keeper_sells_goods",
    ),
    pytest.param(
        [THEFT],
        "公诉机关指控：被告人癸某系某酒店保洁员，在打扫客房时趁住客外出，窃取住客放在床头柜内的现金5000元。",
        id="hotel_cleaner_takes_guests_cash",
    ),
    pytest.param(
        ["非法拘禁"],
        "经审理查明：被告人甲某因乙某欠其工程款8万元未还，伙同他人将乙某强行带至一处废弃厂房内，关押两天，"
        "期间多次逼乙某打电话让家人还钱。",
        id="contractor_detains_debtor",
    ),
    pytest.param(
        ["绑架"],
        "公诉机关指控：被告人丙某得知同村丁某家境富裕，遂将丁某八岁的儿子骗上车带至外地，随后以孩子安全相要挟，"
        "向丁某索要人民币50万元。",
        id="rich_neighbours_child_taken",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：被告人戊某因土地承包费问题与村民己某发生争吵，戊某持铁锹将己某左臂打骨折，经鉴定为轻伤一级。",
        id="land_fee_quarrel_arm_broken",
    ),
    pytest.param(
        [QUARREL],
        "公诉机关指控：被告人庚某酒后在某KTV门口无故对路过的辛某、壬某拳打脚踢，致二人轻微伤，并持酒瓶追打前来劝阻的保安。",
        id="drunk_beats_passers_by",
    ),
    pytest.param(
        [DRUG_HOLD],
        "经审理查明：2022年4月，公安机关在被告人癸某暂住的出租屋床底下查获海洛因两小包，净重11.3克。"
        "癸某长期吸毒，现有证据无法证明其实施了贩卖行为。",
        id="heroin_under_bed_long_term_user",
    ),
    pytest.param(
        [HELP_NET],
        "公诉机关指控：被告人甲某在明知他人从事网络赌博和诈骗等犯罪活动的情况下，仍将其名下的五个微信账号、"
        "两个支付宝账号出租给他人用于收款，收取租金1万元。",
        id="wechat_accounts_rented_for_collections",
        marks=pytest.mark.xfail(
            strict=True,
            reason="accounts rented out read by long-tail profiles (书号, 纵容): 帮助信息网络犯罪活动 not reached",
        ),
    ),
    pytest.param(
        [FRAUD],
        "经审理查明：被告人乙某参与某诈骗窝点，按照话术剧本冒充电商客服，以退款为由诱骗被害人下载屏幕共享软件，"
        "骗取被害人丙某8.2万元。",
        id="fake_customer_service_den",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人丁某冒充某市检察院检察官，以被害人戊某涉嫌非法集资需缴纳保证金为由，先后让戊某汇款共计45万元。",
        id="fake_prosecutor_deposit_scam",
    ),
    pytest.param(
        [POSE],
        "经审理查明：被告人己某冒充某县公安局刑警大队民警，在某洗浴中心以查处违法为由，要求店主庚某提供免费消费，"
        "先后在该店消费价值3000余元。",
        id="fake_detective_free_services",
    ),
    pytest.param(
        [QUARREL],
        "公诉机关指控：被告人辛某因失恋心情烦闷，在凌晨的商业街上肆意打砸店铺的橱窗玻璃，共损坏店铺六家，损失价值9000元。",
        id="heartbroken_smashes_shop_windows",
    ),
    pytest.param(
        [DAMAGE],
        "经审理查明：被告人壬某因怀疑邻居癸某举报其违建，心生怨恨，趁夜将癸某种植的果树砍倒六十余棵，经鉴定损失价值1.1万元。",
        id="neighbour_fruit_trees_felled",
        marks=pytest.mark.xfail(
            strict=True,
            reason="trees felled (砍倒) for a grudge: no damage word of 故意毁坏财物's cue or profile is told",
        ),
    ),
    pytest.param(
        [THEFT],
        "公诉机关指控：被告人甲某在某商场服装店试穿衣服时，趁店员不注意，将一件价值2200元的羽绒服穿在身上未付款离开。"
        "本院认为，被告人甲某归案后如实供述，依法可以从轻处罚；其已退赔全部损失，可酌情从轻处罚。",
        id="down_jacket_worn_out_of_shop",
    ),
]


@pytest.mark.parametrize(("gold", "text"), SECOND)
def test_second_batch_text_reads_as_the_court_would_find(gold, text):
    assert sorted(infer_charges(text)) == sorted(gold)
