"""(E89) Charges inferred from the facts (issue 16 class 8), on fact texts written for these tests (none copied from a
judgment): a beating told with 轻微伤 alone is no 故意伤害 (刑法第234条 needs 轻伤 at least), and with 随意殴打 or 无故 it is
寻衅滋事 (第293条); a crowd is what makes a fight 聚众斗殴 (第292条); goods bought knowing they were stolen are
掩饰、隐瞒犯罪所得 (第312条), and the theft is the seller's; a middleman who sells a newborn for money 拐卖 it (第240条
第2款); pushing and punching an officer at a checkpoint is 妨害公务 (第277条), not a drunk drive the checkpoint looked for
nor the storming of an organ (第290条第3款), and a police car smashed beside it is 故意毁坏财物 too (第275条); a village
official who takes the compensation money he distributes for the government is a state functionary (第93条第2款的解释,
2000) and embezzles (第382条); a gambling table set up for others is 开设赌场 (第303条第2款), a night's game hosted for a
cut 聚众赌博 (第1款); a second count in its own numbered paragraph, a taking by false reimbursement, is a charge of its
own (第271条, 第69条). Each rule has a text where it binds and one where it does not."""

import pytest

from leniency.sentencing.extraction.charge_rules import by_distinctions, states_requirements
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import cued_charges

PUNCHES_OVER_PARKING_SLIGHT_INJURY = (
    "经审理查明：2015年6月3日晚，被告人张某在某县某镇某饭店门口与被害人李某因停车问题发生争执，被告人张"
    "某用拳头击打李某面部数下，致李某鼻部受伤。经鉴定，李某的损伤程度为轻微伤。被告人张某于次日被公安机关抓获"
    "，如实供述了上述事实。"
)
STRANGERS_BEATEN_FOR_NOTHING = (
    "经审理查明：2016年4月12日凌晨，被告人王某某酒后在某市某区某KTV门口，无故拦住路过的被害人赵某，"
    "随意殴打赵某头部、面部，致赵某轻微伤；随后又无故殴打前来劝阻的路人钱某，致钱某轻微伤。被告人王某某于同日"
    "被公安机关抓获。"
)
PAI_GOW_AT_HOME_FOR_A_CUT = (
    "公诉机关指控：2015年1月至3月间，被告人刘某在其位于某县某村的家中，多次组织周某、吴某等十余人以“推"
    "牌九”的方式进行赌博，并从中抽头渔利共计人民币12000元。2015年3月20日，公安民警将正在赌博的人"
    "员当场抓获。"
)
MAHJONG_FLAT_RENTED_AND_RUN = (
    "经审理查明：2016年5月，被告人陈某租用某市某区某小区一套房屋，购置自动麻将机六台，开设赌场，雇佣被告"
    "人何某为赌客望风、端茶倒水，组织他人以打麻将的方式进行赌博，按每桌每场收取台费300元，至2016年8月"
    "被查获时共非法获利人民币40000余元。"
)
STOLEN_PHONES_BOUGHT_AT_A_REPAIR_SHOP = (
    "经审理查明：2016年3月至5月间，被告人孙某在其经营的某县某手机维修店内，明知是他人盗窃所得的手机而予"
    "以收购，先后低价收购赵某（另案处理）盗窃所得的手机15部，再加价转卖，经鉴定上述手机价值共计人民币210"
    "00元。"
)
STOLEN_CABLE_BOUGHT_BY_THE_KILO = (
    "公诉机关指控：2014年8月，被告人郑某明知陈某某等人（均另案处理）送来的电缆线系盗窃所得，仍以每公斤1"
    "5元的价格予以收购，共计收购被盗电缆线800公斤，价值人民币28000元。"
)
NEWBORN_GIRL_SOLD_ON = (
    "经审理查明：2014年10月，被告人黄某得知某县某村村民罗某刚生育一名女婴且不愿抚养，遂以介绍收养为名从"
    "罗某处将女婴抱走，并支付罗某人民币8000元，随后将该女婴以人民币30000元的价格卖给他人，从中获利人"
    "民币22000元。2015年2月，被告人黄某被公安机关抓获。"
)
DRIVER_PUNCHES_AN_OFFICER_AT_A_CHECKPOINT = (
    "经审理查明：2017年9月2日22时许，某市公安局交警大队民警在某路段设卡检查酒后驾驶，被告人林某驾车行"
    "至检查点时拒不配合检查，下车后用手推搡执勤民警徐某，并挥拳击打徐某面部，致徐某轻微伤。被告人林某被当场制"
    "服。"
)
SECRETARY_INFLATES_LAND_COMPENSATION = (
    "经审理查明：2013年至2014年间，被告人邱某担任某县某镇某村党支部书记，在协助某镇人民政府发放该村土"
    "地征收补偿款过程中，采取虚报被征地面积的手段，侵吞土地征收补偿款人民币86000元，用于个人消费。"
)
CASHIER_USES_THEN_TAKES = (
    "经审理查明：被告人马某系某市某贸易有限公司出纳。\n一、2015年3月至6月，被告人马某利用保管公司资金的"
    "职务便利，多次将公司资金共计人民币150000元转入其个人账户，用于个人炒股，至案发时尚未归还。\n二、2"
    "015年7月至12月，被告人马某利用职务便利，采用虚开发票、虚假报销的手段，骗取公司资金共计人民币420"
    "00元，据为己有。"
)
CLUB_TO_THE_HEAD_LIGHT_INJURY = (
    "经审理查明：2017年2月8日，被告人周某因土地纠纷与邻居吴某发生争吵，被告人周某持木棍击打吴某头部，致"
    "吴某头皮裂伤。经鉴定，吴某的损伤程度为轻伤二级。"
)
ZHAJINHUA_ROOM_RENTED = (
    "经审理查明：2015年2月，被告人冯某在某县某村租用一间民房开设赌场，提供赌具和场地，组织他人以“炸金花"
    "”的方式赌博，抽头渔利共计人民币18000元。"
)
NEWBORN_BOY_BOUGHT_AND_SOLD = (
    "公诉机关指控：2013年5月，被告人蒋某经人介绍得知某市某医院有产妇欲将刚出生的男婴送人，遂与产妇家属联"
    "系，以人民币20000元将该男婴收买后，于次日以人民币45000元的价格将男婴卖给某县村民梁某，从中获利"
    "人民币25000元。"
)
NEWBORN_CARRIED_TO_THE_BUYER = (
    "经审理查明：2016年7月，被告人龙某在某县得知一对夫妻想卖掉刚出生的女儿，遂居中介绍，将该女婴从某市接"
    "送至某县交给买主田某，田某支付人民币60000元，被告人龙某从中收取好处费人民币5000元。"
)
DOUDIZHU_WATER_MONEY = (
    "经审理查明：2017年春节期间，被告人杨某纠集他人在某村其家中聚众赌博，以“斗地主”方式赌博，每局从赢家"
    "处抽取10%作为“水钱”，共计抽头获利人民币6800元。"
)
CHESS_ROOM_TABLE_FEES = (
    "经审理查明：2016年3月至2016年6月，被告人梁某在某县某镇经营一家棋牌室，在棋牌室内摆放麻将桌八张"
    "，招揽赌客以麻将方式赌博，按每桌每次收取“台费”200元，共计获利人民币36000元。"
)
RIDER_PUSHES_AT_A_ROAD_CHECK = (
    "经审理查明：2015年11月5日晚，某县公安局民警在某国道卡点对过往车辆进行检查，被告人韦某驾驶摩托车拒"
    "不停车接受检查，被民警拦下后，对民警蓝某推搡并拳击其胸部，致使检查工作无法正常进行。"
)
UNPLATED_CAR_AT_A_CHECK_STATION = (
    "经审理查明：2018年3月12日，被告人覃某驾驶无牌轿车途经某县公安检查站时，执勤民警示意其停车接受检查"
    "，覃某拒不配合，与民警发生拉扯，推搡民警并朝民警黄某面部打了两拳。经鉴定，黄某的损伤程度为轻微伤。"
)
COMMITTEE_HEAD_LISTS_FALSE_VILLAGERS = (
    "经审理查明：被告人石某某系某县某乡某村村民委员会主任。2014年，某县人民政府征收该村集体土地修建公路，"
    "被告人石某某在协助乡政府核实、发放征地补偿款过程中，利用职务上的便利，以虚列村民名单的方式套取征地补偿款"
    "人民币52000元，据为己有。"
)
SECRETARY_KEEPS_HOUSING_SUBSIDY = (
    "经审理查明：2015年，被告人谭某担任某村党支部书记期间，负责协助某镇政府发放该村危房改造补助资金，谭某"
    "利用职务上的便利，将其中三户村民的补助款共计人民币45000元截留，占为己有。"
)
FINANCE_HEAD_TWO_NUMBERED_COUNTS = (
    "经审理查明：\n1、2016年1月至2016年4月，被告人彭某利用担任某物流有限公司财务主管的职务便利，将"
    "公司账户内资金人民币200000元转至其本人账户用于归还个人债务，后于2016年8月归还。\n2、2016"
    "年5月至10月，被告人彭某利用职务便利，以虚假报销差旅费、招待费的方式，从公司骗取人民币38000元，占"
    "为己有。"
)
MUTUAL_SCUFFLE_SLIGHT_INJURY = (
    "公诉机关指控：2014年9月20日，被告人石某与被害人向某因琐事发生口角，随后二人相互推搡厮打，被告人石"
    "某用拳头击打向某头面部，致向某面部挫伤。经鉴定，向某的损伤程度为轻微伤。"
)
STOLEN_COPPER_AT_A_SCRAP_YARD = (
    "经审理查明：2017年4月，被告人许某在某市某废品收购站，明知罗某（另案处理）所送的铜线系盗窃所得，仍以"
    "低价予以收购，后转卖获利。经鉴定，所收购铜线价值人民币9600元。"
)
THIEF_SELLS_HIS_OWN_CABLE = (
    "经审理查明：2016年5月至6月间，被告人曹某先后三次在某县某工地窃取电缆线共计600公斤，后将所盗电缆"
    "线以每公斤12元的价格卖给某废品收购站，经鉴定，被盗电缆线价值人民币21000元。"
)
DRUNK_DRIVER_PUNCHES_AN_OFFICER = (
    "经审理查明：2016年10月3日23时许，被告人冯某饮酒后驾驶小型轿车行至某市某路段交警设置的酒驾检查点"
    "时，被执勤民警拦下检查，冯某拒不配合，推搡民警并拳击民警李某面部。经鉴定，冯某血液中乙醇含量为168mg"
    "/100ml。"
)
ACCOUNTANT_KEEPS_THE_VILLAGE_POND_RENT = (
    "经审理查明：被告人卢某系某县某村村民委员会会计，负责管理村集体资金。2014年至2015年，被告人卢某利"
    "用职务上的便利，将收取的村集体鱼塘承包费人民币60000元不入账，据为己有。"
)
TWO_GANGS_FIGHT_IN_A_SQUARE = (
    "经审理查明：2015年8月，被告人钟某因与黎某有矛盾，纠集十余人携带钢管、砍刀，与黎某纠集的人员在某县某"
    "广场相互斗殴，致双方多人受轻微伤。"
)

SECRETARY_LENDS_COMPENSATION = (
    "经审理查明：2016年，被告人阎某担任某县某村党支部书记，在协助镇政府发放该村土地征收补偿款期间，将"
    "尚未发放的补偿款人民币150000元借给其亲戚用于经营养殖场，三个月后归还。"
)


# the second batch, written after the first was fixed
TWO_STRANGERS_KICKED_AT_A_NIGHT_MARKET = (
    "公诉机关指控：2017年5月6日晚，被告人邓某伙同刘某（另案处理）酒后在某县某夜市，因嫌被害人吴某、郑某"
    "“看不顺眼”，无故对二人拳打脚踢，致吴某、郑某均受轻微伤。"
)
FATHER_SCRATCHES_AN_OFFICER_AT_THE_STATION = (
    "经审理查明：2015年12月1日，被告人谢某因其子被行政拘留一事到某县公安局某派出所吵闹，民警李某依法对"
    "其进行劝阻时，谢某用手抓挠李某面部，并用脚踢李某腿部，致李某面部抓伤，经鉴定为轻微伤。"
)
AGENT_OF_A_GAMBLING_WEBSITE = (
    "经审理查明：2016年1月至10月，被告人韩某担任境外赌博网站的代理，在某市发展会员二十余人，为会员提供"
    "账号并接受投注，累计接受投注金额人民币1200000元，从中获取返点人民币36000元。"
)
GAMBLER_BY_TRADE = (
    "经审理查明：2014年至2016年间，被告人宋某无正当职业，长期以赌博为业，先后在某县多个地点参与“牌九"
    "”赌博，赌资累计达人民币300000余元，其家庭生活来源主要依靠赌博收入。"
)
STOLEN_MOTORBIKES_BOUGHT_AND_BROKEN_UP = (
    "经审理查明：2015年7月至9月，被告人范某明知孙某、周某（均另案处理）所送来的摩托车系盗窃所得，仍先后"
    "五次予以收购，共收购摩托车八辆，经价格认定价值共计人民币32000元，后被告人范某将上述摩托车拆解后出售"
    "。"
)
WOMAN_SOLD_AS_A_WIFE = (
    "经审理查明：2014年3月，被告人潘某以介绍工作为名，将被害人阮某（女，越南籍，19岁）从边境带至某县，"
    "后以人民币45000元的价格将阮某卖给当地村民杨某为妻。"
)
STREET_TRADER_BEATS_ENFORCEMENT_OFFICERS = (
    "经审理查明：2016年6月8日上午，某区城市管理执法局执法队员在某路依法清理占道经营时，被告人鲁某拒不配"
    "合，用木棍殴打执法队员张某、王某，致张某轻微伤，执法工作被迫中断。"
)
COMMITTEE_HEAD_CLAIMS_FLOOD_RELIEF = (
    "经审理查明：2013年，被告人包某担任某县某乡某村村民委员会主任，在协助乡政府发放洪灾救济款过程中，利用"
    "职务便利，虚报受灾户五户，冒领救济款人民币28000元归个人所有。"
)
ACCOUNTANT_LENDS_THEN_TAKES = (
    "经审理查明：被告人胡某系某县某建材有限公司会计。\n（一）2016年2月，被告人胡某利用其负责公司账务的职"
    "务便利，将公司货款人民币80000元借给其朋友吕某用于经营，2016年9月吕某归还。\n（二）2016年4"
    "月至2017年1月，被告人胡某利用职务便利，多次以虚开餐饮发票报销的方式，从公司套取资金人民币25000"
    "元，据为己有。"
)
BRICK_TO_THE_HEAD_OVER_A_DEBT = (
    "经审理查明：2016年11月2日，被告人严某与被害人孔某因债务问题发生争执，严某持砖头砸击孔某头部，致孔"
    "某颅骨骨折。经鉴定，孔某的损伤程度为轻伤一级；严某亦受轻微伤。"
)
ZHAJINHUA_IN_A_HOTEL_ROOM_FOR_A_CUT = (
    "经审理查明：2015年10月至11月间，被告人戴某先后四次在某县某宾馆房间内组织苏某、邱某等多人以“扎金"
    "花”方式赌博，每局从赢家处抽头，共计抽头渔利人民币9000元。"
)
YAOBAO_CASINO_IN_A_FARMYARD = (
    "公诉机关指控：2017年3月，被告人江某伙同他人在某县某村一处偏僻的农家院内设立赌场，安排专人接送赌客、"
    "望风放哨，提供赌具供他人以“押宝”方式赌博，抽取头钱，至2017年4月被查获，共获利人民币50000元。"
)
SUPERMARKET_SUPERVISOR_TWO_COUNTS = (
    "经审理查明：被告人苗某系某市某超市收银主管。第一起：2016年3月，被告人苗某利用管理超市营业款的职务便"
    "利，将营业款人民币60000元挪作个人偿还赌债，两个月后归还。第二起：2016年5月至8月，被告人苗某利"
    "用职务便利，通过伪造退货单据的方式，侵吞超市营业款人民币18000元。"
)
NEWBORN_TAKEN_FROM_A_HOSPITAL_AND_SOLD = (
    "经审理查明：2015年9月，被告人邵某在某市某医院结识欲将非婚生男婴送养的产妇谷某，邵某支付谷某人民币1"
    "0000元后将男婴抱回家中，一周后以人民币58000元的价格将男婴卖给他人。"
)
DEBT_COLLECTOR_KICKS_SLIGHT_INJURY = (
    "经审理查明：2016年8月，被告人易某因向被害人常某索要欠款未果，在常某家门口对常某拳打脚踢，致常某轻微伤。"
)
TRUCK_DRIVER_AT_A_FOREST_CHECKPOINT = (
    "经审理查明：2018年2月15日，某县森林公安局民警在某林区检查站对过往车辆进行检查，被告人陶某驾驶的货"
    "车拒绝接受检查，陶某下车后辱骂民警，并多次推搡、拳击民警袁某，致袁某轻微伤。"
)
RESIDENTS_COMMITTEE_HEAD_INFLATES_DEMOLITION = (
    "经审理查明：被告人聂某于2012年至2015年任某区某街道某社区居民委员会主任。2014年，在协助街道办"
    "事处对辖区房屋进行拆迁补偿登记过程中，聂某利用职务便利，虚构被拆迁房屋面积，骗取拆迁补偿款人民币1200"
    "00元，据为己有。"
)
ROBBED_PHONE_BOUGHT = (
    "经审理查明：2017年1月，被告人庞某明知黎某（另案处理）所持的手机、金项链系抢劫所得，仍以人民币300"
    "0元的价格予以收购。经鉴定，上述物品价值人民币11000元。"
)

# the third batch: the gambling table, the force beside a damage, a count's taking by false reimbursement
TUIDONGZI_TABLE_IN_A_RENTED_FLAT = (
    "经审理查明：2015年9月至10月，被告人尹某在某市某区其租住的一套民房内摆设“推筒子”赌台，召集他人前"
    "来参赌，按每局赌资的百分之五抽头，共计获利人民币12000元。2015年10月21日，公安机关将该赌博场"
    "所查获。"
)
SANGONG_TABLES_IN_A_SHED = (
    "公诉机关指控：2016年春节前后，被告人薛某在某村村口的一间铁皮棚内设置两张赌桌，提供扑克、筹码，雇请他"
    "人望风，组织村民以“三公”方式赌博，从中抽取头钱共计人民币21000元。"
)
OFFICERS_STRUCK_THEN_THE_POLICE_CAR_STONED = (
    "经审理查明：2016年8月9日晚，某县公安局民警在某镇路口设卡检查时，将无证驾驶摩托车的被告人殷某拦下，"
    "殷某拒不接受检查，挥拳击打民警杜某头部，又用脚踢民警叶某；随后殷某捡起石块砸向警车，致警车车窗、车灯损坏"
    "，经价格认定损失人民币7200元。"
)
CASHIER_INVESTS_THEN_FALSE_TRAVEL_CLAIMS = (
    "经审理查明：\n一、2016年4月，被告人倪某利用担任某县某机械有限公司出纳的职务便利，擅自将公司资金人民"
    "币180000元转入其个人账户用于购买理财产品，超过三个月未归还。\n二、2016年7月至12月，被告人倪"
    "某利用上述职务便利，采取虚开差旅费报销单据的手段，先后九次从公司报销并占有资金人民币46000元。"
)
PROPERTY_FIRM_LENDS_THEN_FALSE_REPAIR_BILLS = (
    "经审理查明：\n一、2015年5月，被告人符某利用担任某物业管理有限公司财务人员的职务便利，将公司收取的物"
    "业费人民币90000元借给其表弟经营饭店，四个月后归还。\n二、2015年8月至2016年2月，被告人符某"
    "利用职务便利，编造虚假的维修费用报销单，先后报销人民币32000元归其个人使用，至案发未退还。"
)
PAIGOW_NIGHT_AT_HOME_FOR_A_CUT = (
    "经审理查明：2017年1月28日晚，被告人柯某召集石某、方某、黄某等六人在其家中以“推牌九”方式赌博，柯"
    "某从每局赢家处抽头，当晚抽头获利人民币5200元。次日凌晨被公安民警当场查获。"
)

SMASHED_SHOP_WINDOW = (
    "经审理查明：2016年3月2日凌晨，被告人甲因与某商店店主乙有矛盾，持铁锤将该商店的玻璃门窗及柜台砸坏，经价格认定损失人民币"
    "8000元。"
)

INFERRED = [
    ("punches_over_parking_slight_injury", PUNCHES_OVER_PARKING_SLIGHT_INJURY, []),
    ("strangers_beaten_for_nothing", STRANGERS_BEATEN_FOR_NOTHING, ["寻衅滋事"]),
    ("pai_gow_at_home_for_a_cut", PAI_GOW_AT_HOME_FOR_A_CUT, ["赌博"]),
    ("mahjong_flat_rented_and_run", MAHJONG_FLAT_RENTED_AND_RUN, ["开设赌场"]),
    (
        "stolen_phones_bought_at_a_repair_shop",
        STOLEN_PHONES_BOUGHT_AT_A_REPAIR_SHOP,
        ["掩饰、隐瞒犯罪所得、犯罪所得收益"],
    ),
    (
        "stolen_cable_bought_by_the_kilo",
        STOLEN_CABLE_BOUGHT_BY_THE_KILO,
        ["掩饰、隐瞒犯罪所得、犯罪所得收益"],
    ),
    ("newborn_girl_sold_on", NEWBORN_GIRL_SOLD_ON, ["拐卖妇女、儿童"]),
    ("driver_punches_an_officer_at_a_checkpoint", DRIVER_PUNCHES_AN_OFFICER_AT_A_CHECKPOINT, ["妨害公务"]),
    ("secretary_inflates_land_compensation", SECRETARY_INFLATES_LAND_COMPENSATION, ["贪污"]),
    ("cashier_uses_then_takes", CASHIER_USES_THEN_TAKES, ["挪用资金", "职务侵占"]),
    ("club_to_the_head_light_injury", CLUB_TO_THE_HEAD_LIGHT_INJURY, ["故意伤害"]),
    ("zhajinhua_room_rented", ZHAJINHUA_ROOM_RENTED, ["开设赌场"]),
    ("newborn_boy_bought_and_sold", NEWBORN_BOY_BOUGHT_AND_SOLD, ["拐卖妇女、儿童"]),
    ("newborn_carried_to_the_buyer", NEWBORN_CARRIED_TO_THE_BUYER, ["拐卖妇女、儿童"]),
    ("doudizhu_water_money", DOUDIZHU_WATER_MONEY, ["赌博"]),
    ("chess_room_table_fees", CHESS_ROOM_TABLE_FEES, ["开设赌场"]),
    ("rider_pushes_at_a_road_check", RIDER_PUSHES_AT_A_ROAD_CHECK, ["妨害公务"]),
    ("unplated_car_at_a_check_station", UNPLATED_CAR_AT_A_CHECK_STATION, ["妨害公务"]),
    ("committee_head_lists_false_villagers", COMMITTEE_HEAD_LISTS_FALSE_VILLAGERS, ["贪污"]),
    ("secretary_keeps_housing_subsidy", SECRETARY_KEEPS_HOUSING_SUBSIDY, ["贪污"]),
    ("finance_head_two_numbered_counts", FINANCE_HEAD_TWO_NUMBERED_COUNTS, ["挪用资金", "职务侵占"]),
    ("mutual_scuffle_slight_injury", MUTUAL_SCUFFLE_SLIGHT_INJURY, []),
    ("stolen_copper_at_a_scrap_yard", STOLEN_COPPER_AT_A_SCRAP_YARD, ["掩饰、隐瞒犯罪所得、犯罪所得收益"]),
    ("thief_sells_his_own_cable", THIEF_SELLS_HIS_OWN_CABLE, ["盗窃"]),
    ("drunk_driver_punches_an_officer", DRUNK_DRIVER_PUNCHES_AN_OFFICER, ["危险驾驶", "妨害公务"]),
    ("accountant_keeps_the_village_pond_rent", ACCOUNTANT_KEEPS_THE_VILLAGE_POND_RENT, ["职务侵占"]),
    ("two_gangs_fight_in_a_square", TWO_GANGS_FIGHT_IN_A_SQUARE, ["聚众斗殴"]),
    ("two_strangers_kicked_at_a_night_market", TWO_STRANGERS_KICKED_AT_A_NIGHT_MARKET, ["寻衅滋事"]),
    ("father_scratches_an_officer_at_the_station", FATHER_SCRATCHES_AN_OFFICER_AT_THE_STATION, ["妨害公务"]),
    ("agent_of_a_gambling_website", AGENT_OF_A_GAMBLING_WEBSITE, ["开设赌场"]),
    ("gambler_by_trade", GAMBLER_BY_TRADE, ["赌博"]),
    (
        "stolen_motorbikes_bought_and_broken_up",
        STOLEN_MOTORBIKES_BOUGHT_AND_BROKEN_UP,
        ["掩饰、隐瞒犯罪所得、犯罪所得收益"],
    ),
    ("woman_sold_as_a_wife", WOMAN_SOLD_AS_A_WIFE, ["拐卖妇女、儿童"]),
    ("street_trader_beats_enforcement_officers", STREET_TRADER_BEATS_ENFORCEMENT_OFFICERS, ["妨害公务"]),
    ("committee_head_claims_flood_relief", COMMITTEE_HEAD_CLAIMS_FLOOD_RELIEF, ["贪污"]),
    ("accountant_lends_then_takes", ACCOUNTANT_LENDS_THEN_TAKES, ["挪用资金", "职务侵占"]),
    ("brick_to_the_head_over_a_debt", BRICK_TO_THE_HEAD_OVER_A_DEBT, ["故意伤害"]),
    ("zhajinhua_in_a_hotel_room_for_a_cut", ZHAJINHUA_IN_A_HOTEL_ROOM_FOR_A_CUT, ["赌博"]),
    ("yaobao_casino_in_a_farmyard", YAOBAO_CASINO_IN_A_FARMYARD, ["开设赌场"]),
    ("supermarket_supervisor_two_counts", SUPERMARKET_SUPERVISOR_TWO_COUNTS, ["挪用资金", "职务侵占"]),
    ("newborn_taken_from_a_hospital_and_sold", NEWBORN_TAKEN_FROM_A_HOSPITAL_AND_SOLD, ["拐卖妇女、儿童"]),
    ("debt_collector_kicks_slight_injury", DEBT_COLLECTOR_KICKS_SLIGHT_INJURY, []),
    ("truck_driver_at_a_forest_checkpoint", TRUCK_DRIVER_AT_A_FOREST_CHECKPOINT, ["妨害公务"]),
    ("residents_committee_head_inflates_demolition", RESIDENTS_COMMITTEE_HEAD_INFLATES_DEMOLITION, ["贪污"]),
    ("robbed_phone_bought", ROBBED_PHONE_BOUGHT, ["掩饰、隐瞒犯罪所得、犯罪所得收益"]),
    ("tuidongzi_table_in_a_rented_flat", TUIDONGZI_TABLE_IN_A_RENTED_FLAT, ["开设赌场"]),
    ("sangong_tables_in_a_shed", SANGONG_TABLES_IN_A_SHED, ["开设赌场"]),
    (
        "officers_struck_then_the_police_car_stoned",
        OFFICERS_STRUCK_THEN_THE_POLICE_CAR_STONED,
        ["妨害公务", "故意毁坏财物"],
    ),
    (
        "cashier_invests_then_false_travel_claims",
        CASHIER_INVESTS_THEN_FALSE_TRAVEL_CLAIMS,
        ["挪用资金", "职务侵占"],
    ),
    (
        "property_firm_lends_then_false_repair_bills",
        PROPERTY_FIRM_LENDS_THEN_FALSE_REPAIR_BILLS,
        ["挪用资金", "职务侵占"],
    ),
    ("paigow_night_at_home_for_a_cut", PAIGOW_NIGHT_AT_HOME_FOR_A_CUT, ["赌博"]),
]


@pytest.mark.parametrize(("text", "charges"), [row[1:] for row in INFERRED], ids=[row[0] for row in INFERRED])
def test_the_charges_are_inferred_from_the_conduct_told(text, charges):
    assert sorted(infer_charges(text)) == sorted(charges)


@pytest.mark.parametrize(
    "text",
    [PUNCHES_OVER_PARKING_SLIGHT_INJURY, STRANGERS_BEATEN_FOR_NOTHING, MUTUAL_SCUFFLE_SLIGHT_INJURY],
    ids=[
        "punches_over_parking_slight_injury",
        "strangers_beaten_for_nothing",
        "mutual_scuffle_slight_injury",
    ],
)
def test_a_slight_injury_alone_is_below_intentional_injury(text):
    assert states_requirements(text, "故意伤害") is False


def test_a_light_injury_told_keeps_intentional_injury():
    assert states_requirements(CLUB_TO_THE_HEAD_LIGHT_INJURY, "故意伤害") is True


def test_two_men_trading_blows_gather_no_crowd():
    assert states_requirements(MUTUAL_SCUFFLE_SLIGHT_INJURY, "聚众斗殴") is False
    assert states_requirements(TWO_GANGS_FIGHT_IN_A_SQUARE, "聚众斗殴") is True


@pytest.mark.parametrize(
    "text",
    [STOLEN_CABLE_BOUGHT_BY_THE_KILO, STOLEN_PHONES_BOUGHT_AT_A_REPAIR_SHOP],
    ids=["stolen_cable_bought_by_the_kilo", "stolen_phones_bought_at_a_repair_shop"],
)
def test_the_receiver_of_stolen_goods_is_not_the_thief(text):
    assert by_distinctions(text, ["盗窃"]) == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]


def test_the_thief_who_sells_his_own_loot_stays_a_thief():
    assert by_distinctions(THIEF_SELLS_HIS_OWN_CABLE, ["盗窃"]) == ["盗窃"]


@pytest.mark.parametrize(
    "text",
    [NEWBORN_BOY_BOUGHT_AND_SOLD, NEWBORN_CARRIED_TO_THE_BUYER],
    ids=["newborn_boy_bought_and_sold", "newborn_carried_to_the_buyer"],
)
def test_a_newborn_sold_for_money_is_trafficking(text):
    assert states_requirements(text, "拐卖妇女、儿童") is True
    assert cued_charges(text)[0] == "拐卖妇女、儿童"


def test_the_checkpoints_purpose_is_no_drinking_of_the_driver():
    assert states_requirements(DRIVER_PUNCHES_AN_OFFICER_AT_A_CHECKPOINT, "危险驾驶") is False
    assert states_requirements(DRUNK_DRIVER_PUNCHES_AN_OFFICER, "危险驾驶") is True


def test_one_driver_at_a_road_check_storms_no_organ():
    assert states_requirements(RIDER_PUSHES_AT_A_ROAD_CHECK, "聚众冲击国家机关") is False
    assert states_requirements(RIDER_PUSHES_AT_A_ROAD_CHECK, "聚众扰乱军事管理区秩序") is False


@pytest.mark.parametrize(
    "text",
    [
        SECRETARY_INFLATES_LAND_COMPENSATION,
        SECRETARY_KEEPS_HOUSING_SUBSIDY,
        COMMITTEE_HEAD_LISTS_FALSE_VILLAGERS,
    ],
    ids=[
        "secretary_inflates_land_compensation",
        "secretary_keeps_housing_subsidy",
        "committee_head_lists_false_villagers",
    ],
)
def test_a_village_official_assisting_the_government_embezzles(text):
    assert by_distinctions(text, ["职务侵占"]) == ["贪污"]
    assert states_requirements(text, "贪污") is True


def test_a_village_accountant_taking_the_villages_own_money_commits_art_271():
    assert by_distinctions(ACCOUNTANT_KEEPS_THE_VILLAGE_POND_RENT, ["职务侵占"]) == ["职务侵占"]


def test_a_village_official_using_compensation_money_misappropriates_public_money():
    assert by_distinctions(SECRETARY_LENDS_COMPENSATION, ["挪用资金"]) == ["挪用公款"]


def test_a_village_officials_taking_is_no_illegal_business():
    assert states_requirements(SECRETARY_INFLATES_LAND_COMPENSATION, "非法经营") is False


def test_money_moved_to_ones_own_account_and_returned_is_a_use_of_it():
    assert states_requirements(FINANCE_HEAD_TWO_NUMBERED_COUNTS, "挪用资金") is True


def test_a_supermarket_post_is_a_private_units():
    assert by_distinctions(SUPERMARKET_SUPERVISOR_TWO_COUNTS, ["挪用公款"]) == ["挪用资金"]


def test_a_gambling_table_set_up_for_others_is_a_gambling_house():
    assert by_distinctions(TUIDONGZI_TABLE_IN_A_RENTED_FLAT, ["赌博"]) == ["开设赌场"]
    assert by_distinctions(PAIGOW_NIGHT_AT_HOME_FOR_A_CUT, ["赌博"]) == ["赌博"]


def test_force_against_officers_beside_a_damage_is_obstruction_too():
    assert by_distinctions(OFFICERS_STRUCK_THEN_THE_POLICE_CAR_STONED, ["故意毁坏财物"]) == [
        "故意毁坏财物",
        "妨害公务",
    ]
    assert by_distinctions(SMASHED_SHOP_WINDOW, ["故意毁坏财物"]) == ["故意毁坏财物"]


def test_a_charge_converted_keeps_what_its_own_rule_adds():
    # 盗窃 without a taking is 故意毁坏财物, and the force against the officers told beside it adds 妨害公务
    assert by_distinctions(OFFICERS_STRUCK_THEN_THE_POLICE_CAR_STONED, ["盗窃"]) == [
        "故意毁坏财物",
        "妨害公务",
    ]


def test_a_false_reimbursement_is_a_taking():
    count = "二、被告人甲利用上述职务便利，采取虚开差旅费报销单据的手段，先后九次从公司报销并占有资金人民币46000元。"
    assert states_requirements(count, "职务侵占") is True


def test_the_units_own_collection_is_no_bribe_taken():
    fact = "被告人甲利用担任某物业管理有限公司财务人员的职务便利，将公司收取的物业费人民币90000元借给其表弟经营饭店。"
    assert states_requirements(fact, "非国家工作人员受贿") is False


def test_an_official_taking_the_money_he_distributes_is_cued_as_embezzlement():
    assert cued_charges(SECRETARY_INFLATES_LAND_COMPENSATION)[0] == "贪污"
    outsider = "被告人甲系个体养殖户，虚构养殖规模，骗取政府补助资金人民币30000元。"
    assert "贪污" not in cued_charges(outsider)
