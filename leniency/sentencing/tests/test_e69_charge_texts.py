"""Charges inferred from facts when several are possible (E69): texts written for this test in the style of a judgment
(none taken from the development data), each with the charges a court would convict of.

FIRST (28 texts): single-charge texts with words of other crimes beside the conduct, true two- and three-charge texts,
and the classes left from the last session (WeChat accounts rented to fraudsters, fruit trees cut over a grudge, arts. 397/410, a
death at a brickyard out of production). Scored at d2c3f97 before any change: 17/28 exact, micro-F1 0.811 (P 0.882,
R 0.750); 22/28 after E69's rules for it (P 1.000, R 0.850), 23/28 with the second batch's (its car driven off).
SECOND (13 texts): written after the first batch's fixes, in new phrasings, and run once before anything was changed
for it: 7/13 exact, micro-F1 0.733 (P 0.846, R 0.647), the same at d2c3f97 and with the first batch's fixes (the
nearest figure to a held-out one); 12/13 after the fixes it showed (a pickpocket's tweezers and a motorbike ridden
home told the taking; 贷款诈骗 needs a financial institution's loan; trees ringbarked to death; a count telling a person
held in a hotel room).
What is still missed is a strict xfail naming why.
"""

import pytest

from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.tests.written_texts import written_case

MISSES: dict[str, str] = {}

FIRST = [
    written_case(
        "theft_fled_abroad_words",
        ["盗窃"],
        (
            "经审理查明：2021年5月至7月，被告人甲某在某市多个小区先后五次窃取电动车电瓶，价值共计4300元。"
            "案发后甲某逃往外地，后又企图经边境偷越出境，在边境地区被公安机关抓获。"
        ),
        misses=MISSES,
    ),
    written_case(
        "burglary_robbery_home",
        ["抢劫"],
        (
            "公诉机关指控：2022年2月3日凌晨，被告人乙某翻窗进入被害人丙某家中，持菜刀威胁丙某，劫取现金3000元及手机一部。"
            "公诉机关认为，被告人乙某入户抢劫，应当以××罪追究其刑事责任。"
        ),
        misses=MISSES,
    ),
    written_case(
        "car_theft_driven_away",
        ["盗窃"],
        (
            "经审理查明：2023年4月10日晚，被告人丁某发现停放在路边的一辆小型轿车未锁车门，钥匙插在车上，遂驾驶该车离开现场，后将车开至外地藏匿。"
            "经鉴定，该车价值人民币6.8万元。"
            "丁某到案后如实供述。"
        ),
        misses=MISSES,
    ),
    written_case(
        "fraud_victim_called_police",
        ["诈骗"],
        (
            "经审理查明：被告人戊某冒充某电商客服，以订单异常需要退款为由，诱骗被害人己某通过手机银行向其指定账户转账2.6万元。"
            "己某发觉被骗后向公安机关报警，民警经侦查将戊某抓获。"
        ),
        misses=MISSES,
    ),
    written_case(
        "bar_fight_then_drove_home",
        ["故意伤害"],
        (
            "经审理查明：2022年9月1日晚，被告人庚某在某酒吧饮酒时与邻桌辛某发生口角，庚某持啤酒瓶击打辛某头部，致辛某轻伤一级。"
            "随后庚某由其朋友驾车送回家中。"
            "次日庚某主动到派出所投案。"
        ),
        misses=MISSES,
    ),
    written_case(
        "theft_goods_sold_to_recycler",
        ["盗窃"],
        (
            "公诉机关指控：被告人壬某多次进入某建筑工地，窃取电缆线共计300余米，随后将电缆剥皮后以每斤20元的价格卖给废品回收站，获利2100元。"
            "经鉴定，被盗电缆价值人民币8400元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "drug_sale_to_user",
        ["走私、贩卖、运输、制造毒品"],
        (
            "经审理查明：2023年1月5日，被告人癸某在某宾馆房间内以300元的价格将甲基苯丙胺1包（净重0.5克）卖给吸毒人员甲某，交易完成后被民警当场抓获。"
        ),
        misses=MISSES,
    ),
    written_case(
        "robbery_knife_slight_wound",
        ["抢劫"],
        (
            "经审理查明：被告人甲某持水果刀在某街道拦住下班回家的被害人乙某，威胁乙某交出财物，乙某反抗时甲某用刀划伤乙某手臂，劫得现金800元和手机一部。"
            "经鉴定，乙某的损伤程度为轻微伤。"
        ),
        misses=MISSES,
    ),
    written_case(
        "drunk_driving_hit_parked_car",
        ["危险驾驶"],
        (
            "经审理查明：2023年6月2日晚，被告人丙某饮酒后驾驶小型轿车行驶至某路段时，与路边停放的车辆发生碰撞，造成两车受损，无人员伤亡。"
            "经鉴定，丙某血液中乙醇含量为168mg/100ml。"
        ),
        misses=MISSES,
    ),
    written_case(
        "casino_with_gamblers",
        ["开设赌场"],
        (
            "公诉机关指控：2022年3月至5月，被告人丁某在其承包的鱼塘边租用房屋，提供麻将机、筹码，组织他人赌博，按每局抽头的方式从中获利共计3.2万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "debt_detention_with_slaps",
        ["非法拘禁"],
        (
            "经审理查明：因被害人戊某欠被告人己某借款5万元未还，己某伙同他人将戊某带至某出租屋内，限制其人身自由长达三天，期间打了戊某几个耳光，直至戊某家属还款后才将其放走。"
        ),
        misses=MISSES,
    ),
    written_case(
        "extortion_with_photos",
        ["敲诈勒索"],
        (
            "经审理查明：被告人庚某与被害人辛某通过网络相识后，取得辛某的私密照片，随后以将照片发给辛某的家人和同事相威胁，先后向辛某索要人民币3万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "wechat_accounts_rented",
        ["帮助信息网络犯罪活动"],
        (
            "经审理查明：2022年，被告人壬某明知他人利用信息网络实施诈骗犯罪，仍将自己实名注册的微信账号5个以每个200元的价格出租给他人使用，上述微信账号被用于实施电信网络诈骗，被害人转入的资金共计12万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "fruit_trees_cut_grudge",
        ["故意毁坏财物"],
        (
            "经审理查明：被告人癸某因宅基地纠纷对邻居甲某心怀不满，于2022年3月某夜携带柴刀窜至甲某承包的果园，将甲某种植的桃树砍断42棵。"
            "经鉴定，被毁果树价值人民币1.6万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "land_official_approves_occupation",
        ["非法批准征收、征用、占用土地"],
        (
            "经审理查明：被告人乙某在担任某县自然资源局局长期间，徇私舞弊，违反土地管理法规，滥用职权，非法批准某公司占用基本农田18亩建设厂房，致使该基本农田遭到严重破坏。"
        ),
        misses=MISSES,
    ),
    written_case(
        "forestry_official_neglects_duty",
        ["玩忽职守"],
        (
            "经审理查明：被告人丙某系某镇林业站站长，负有辖区林木采伐监管职责。"
            "丙某严重不负责任，对辖区内大面积非法采伐林木的行为长期不予巡查制止，致使林木被滥伐1200余立方米，造成国家经济损失180余万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "closed_brickyard_chimney_demolition",
        ["重大责任事故"],
        (
            "经审理查明：被告人丁某经营的砖厂已于2021年停产。"
            "2022年5月，丁某雇请工人戊某等人拆除厂内烟囱，在未制定拆除方案、未采取任何安全防护措施的情况下组织施工，烟囱突然倒塌，将戊某砸中致其死亡。"
        ),
        misses=MISSES,
    ),
    written_case(
        "closed_brickyard_child_drowned",
        ["过失致人死亡"],
        (
            "经审理查明：被告人己某经营的砖厂停产后，厂区内取土形成的深水坑未设置围挡和警示标志。"
            "2022年7月，附近村民的孩子庚某（8岁）进入厂区玩耍时不慎落入水坑溺水死亡。"
            "己某作为管理人应当预见而没有预见该危险。"
        ),
        misses=MISSES,
    ),
    written_case(
        "theft_then_drunk_driving",
        ["盗窃", "危险驾驶"],
        (
            "经审理查明：一、2022年8月，被告人甲某在某小区窃取他人电动自行车一辆，价值2600元。"
            "二、2022年11月3日晚，被告人甲某醉酒后驾驶小型轿车在城市道路上行驶，被执勤民警查获，经鉴定其血液中乙醇含量为192mg/100ml。"
        ),
        misses=MISSES,
    ),
    written_case(
        "drug_sale_and_sheltering_users",
        ["走私、贩卖、运输、制造毒品", "容留他人吸毒"],
        (
            "经审理查明：被告人乙某于2023年2月10日将甲基苯丙胺0.8克以400元的价格卖给丙某。"
            "2023年3月期间，乙某又先后两次在其租住房内提供场所容留丁某、戊某吸食甲基苯丙胺。"
        ),
        misses=MISSES,
    ),
    written_case(
        "random_beating_and_later_theft",
        ["寻衅滋事", "盗窃"],
        (
            "经审理查明：2021年10月2日晚，被告人丙某酒后在某夜市无故拦截过路行人，随意殴打路人甲某、乙某，致二人轻微伤。"
            "2021年12月，丙某又在某商场内趁顾客不备，窃取手机两部，价值共计5600元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "home_robbery_and_rape",
        ["抢劫", "强奸"],
        (
            "经审理查明：被告人丁某深夜潜入独居的被害人戊某家中，持刀威胁戊某，劫取现金2000元和金项链一条，随后又违背戊某意志，采用暴力手段强行与戊某发生性关系。"
        ),
        misses=MISSES,
    ),
    written_case(
        "casino_and_debtor_locked_up",
        ["开设赌场", "非法拘禁"],
        (
            "公诉机关指控：被告人己某在其经营的茶楼内设置赌台，招揽他人赌博并抽头渔利共计5万元。"
            "赌客庚某欠下赌债2万元无力偿还，己某伙同他人将庚某关押在茶楼储藏室内两天两夜，逼其家人还债。"
            "公诉机关认为，被告人己某的行为构成××罪、××罪，提请依法判处。"
        ),
        misses=MISSES,
    ),
    written_case(
        "theft_and_buying_stolen_phones",
        ["盗窃", "掩饰、隐瞒犯罪所得、犯罪所得收益"],
        (
            "经审理查明：被告人庚某于2022年4月在某公交车上扒窃乘客钱包一个，内有现金1500元。"
            "此外，2022年5月至8月，庚某明知是他人盗窃所得的手机，仍先后以低价收购12部，并转卖获利，涉案手机价值共计2.4万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "drunk_driving_then_hit_police",
        ["危险驾驶", "袭警"],
        (
            "经审理查明：2023年7月8日凌晨，被告人辛某醉酒驾驶小型轿车，在某路口遇交警设卡检查。"
            "辛某拒不配合检查，推搡、殴打正在依法执行职务的民警壬某，致壬某轻微伤。"
            "经鉴定，辛某血液中乙醇含量为210mg/100ml。"
        ),
        misses=MISSES,
    ),
    written_case(
        "injury_then_separate_car_smashing",
        ["故意伤害", "故意毁坏财物"],
        (
            "经审理查明：一、2022年3月，被告人壬某因琐事与同村癸某发生争执，持锄头击打癸某，致癸某左臂骨折，经鉴定为轻伤一级。"
            "二、2022年6月，壬某因怀疑邻居甲某举报其违建，趁夜用铁锤砸毁甲某停放在门口的小轿车，经鉴定损失价值人民币1.1万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "three_counts_theft_fraud_injury",
        ["盗窃", "诈骗", "故意伤害"],
        (
            "经审理查明：一、2021年6月，被告人癸某潜入某公司仓库，窃取铜线一批，价值9000元。"
            "二、2021年8月，癸某谎称能帮被害人甲某的儿子安排工作，骗取甲某现金3万元。"
            "三、2021年10月，癸某因琐事持木棍殴打乙某，致乙某鼻骨骨折，经鉴定为轻伤二级。"
        ),
        misses=MISSES,
    ),
    written_case(
        "drugs_gun_and_shelter",
        ["走私、贩卖、运输、制造毒品", "非法持有、私藏枪支、弹药", "容留他人吸毒"],
        (
            "经审理查明：被告人甲某多次向吸毒人员贩卖甲基苯丙胺，共计12克。"
            "民警在甲某住处搜查时，查获其非法持有的自制手枪一支、子弹5发，经鉴定该手枪为以火药为动力发射弹丸的枪支。"
            "此外，甲某还在其住处多次容留乙某、丙某吸食毒品。"
        ),
        misses=MISSES,
    ),
]

SECOND = [
    written_case(
        "pickpocket_on_bus_knife_in_bag",
        ["盗窃"],
        (
            "公诉机关指控：2023年3月12日上午，被告人刘某在某路公交车上，趁乘客张某拥挤之际，用镊子从张某背包中夹取钱包一个，内有现金650元。"
            "民警抓获刘某时，从其随身包内查获折叠刀一把。"
        ),
        misses=MISSES,
    ),
    written_case(
        "online_loan_fraud_fake_seal",
        ["诈骗"],
        (
            "经审理查明：被告人陈某通过网络发布虚假的贷款广告，在被害人联系后，以缴纳保证金、解冻费为由，先后骗取多名被害人钱款共计4.7万元，并向被害人发送加盖伪造公章的虚假放款通知。"
        ),
        misses=MISSES,
    ),
    written_case(
        "debt_collector_beat_debtor",
        ["故意伤害"],
        (
            "经审理查明：被告人周某向吴某追讨欠款5000元，吴某称无钱归还，周某遂用拳头殴打吴某面部，并逼迫吴某交出欠款，致吴某鼻骨骨折，经鉴定为轻伤二级。"
        ),
        misses=MISSES,
    ),
    written_case(
        "stolen_motorbike_ridden_home_no_drink",
        ["盗窃"],
        (
            "经审理查明：被告人郑某于深夜用自制钥匙打开停放在某小区楼下的一辆摩托车车锁，将该摩托车骑回其租住处。"
            "经估价，该摩托车价值人民币3500元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "mother_in_law_fight_in_her_home",
        ["故意伤害"],
        (
            "经审理查明：被告人孙某因家庭琐事与岳母李某发生矛盾，某日下午孙某闯入李某家中，双方发生争吵，孙某用板凳砸向李某，致李某左手骨折，经鉴定为轻伤一级。"
        ),
        misses=MISSES,
    ),
    written_case(
        "card_accounts_sold_to_gang",
        ["帮助信息网络犯罪活动"],
        (
            "公诉机关指控：被告人王某明知他人从事电信网络诈骗，仍将其本人办理的三张银行卡及配套的U盾、手机卡以3000元的价格出售给上家，经查，上述银行卡被用于接收诈骗资金，流水共计86万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "orchard_of_neighbour_trees_ringbarked",
        ["故意毁坏财物"],
        (
            "经审理查明：被告人赵某与同组村民钱某因土地边界问题积怨已久。"
            "2022年冬，赵某用刀将钱某家果园内的苹果树树皮环剥一圈，致使苹果树58棵枯死，经价格认定损失为2.3万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "township_official_sold_land_cheap",
        ["非法低价出让国有土地使用权"],
        (
            "经审理查明：被告人冯某在担任某县国土资源局副局长期间，徇私舞弊，违反土地管理法规，在国有土地使用权出让过程中，擅自以低于评估价格的价格将一宗国有建设用地使用权出让给某房地产公司，造成国有土地出让金损失人民币860万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "quarry_stopped_worker_crushed",
        ["重大责任事故"],
        (
            "经审理查明：被告人何某系某采石场实际经营者。"
            "该采石场被责令停产整顿期间，何某擅自组织工人进行清理作业，未安排专人进行安全检查，作业中边坡岩石垮塌，将工人吕某砸中，吕某经抢救无效死亡。"
        ),
        misses=MISSES,
    ),
    written_case(
        "fraud_then_separate_fake_id",
        ["诈骗", "伪造、变造、买卖身份证件"],
        (
            "经审理查明：2021年，被告人施某谎称能办理低价二手车，骗取被害人张某购车款6万元。"
            "另查明，施某于2022年为他人伪造居民身份证五张，收取费用1500元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "sold_drugs_and_drove_drunk_later",
        ["走私、贩卖、运输、制造毒品", "危险驾驶"],
        (
            "公诉机关指控：一、被告人韩某于2022年5月在某KTV包厢内，将海洛因0.3克以500元的价格出售给吸毒人员杨某。"
            "二、2022年9月，韩某饮酒后驾驶摩托车在国道上行驶，被交警查获，经检测其血液中乙醇含量为115.6mg/100ml。"
            "公诉机关认为，被告人韩某的行为已构成××罪、××罪，应数罪并罚。"
        ),
        misses=MISSES,
    ),
    written_case(
        "injured_guard_after_shop_break_in",
        ["抢劫"],
        (
            "经审理查明：被告人朱某夜间撬开某超市后门，窃取香烟若干条，价值2200元，离开时被保安秦某发现，朱某为逃脱抓捕，持随身携带的螺丝刀刺伤秦某腹部，经鉴定为轻伤二级。"
        ),
        misses=MISSES,
    ),
    written_case(
        "gambling_den_and_usury_debt_detention",
        ["开设赌场", "非法拘禁", "寻衅滋事"],
        (
            '经审理查明：一、2021年1月至6月，被告人许某在某村租用民房开设赌场，组织他人以"牌九"方式赌博，从中抽头获利8万元。'
            "二、2021年7月，许某因赌客何某欠其赌债，伙同他人将何某扣押在一宾馆房间内48小时。"
            "三、2021年8月，许某酒后在某烧烤店无故殴打食客，并砸毁店内桌椅，任意毁损他人财物，情节恶劣。"
        ),
        misses=MISSES,
    ),
]


@pytest.mark.parametrize(("charges", "text"), FIRST + SECOND)
def test_inferred_charges_are_those_a_court_would_name(charges, text):
    assert sorted(infer_charges(text)) == sorted(charges)
