"""(E106) Charges an examiner (E102) found inferred wrongly on rarer crimes, on fact texts written for these tests (none
copied from a judgment or from E102's texts). A charge whose special subject the text does not make the defendant is not
inferred: 放行偷越国（边）境人员 and 办理偷越国（边）境人员出入境证件 are a border or passport official's (刑法第415条), not the
crosser's (第322条), whose catchers are 边防民警; 不解救被拐卖、绑架妇女、儿童 is an official's (第416条), not a buyer's; the
第168条 duty charges are a state-owned unit's staff's, a township clerk's neglect is 玩忽职守 (第397条); 第167条 needs the
unit defrauded. A charge whose object the text never tells is not inferred: 非法携带武器…参加集会、游行、示威 needs the
assembly (第297条), 分裂国家, 颠覆国家政权, 武装叛乱、暴乱 and the prison charges theirs (第103-105条, 第317条), 开设赌场 a casino
the defendant opened (第303条第2款), not one he gambled at. Neighbouring charges by their conduct: live power equipment
stolen, the supply cut, is 破坏电力设备 (法释〔2007〕15号第四条); a hired courier carrying heroin to a city is 运输毒品 (第347条);
a baby bought to be raised is 收买 (第241条), not 拐卖 (第240条); counterfeit notes bought are 第171条's, and a dependant
refused care 遗弃 (第261条), where the profiles name nothing; the organiser's own crossing is his organising (第318条).
A second batch: cards of others bought and kept, none used, are 妨害信用卡管理 (第177条之一), not 信用卡诈骗 (第196条);
timber another felled, bought by a sawmill, is 非法收购…滥伐的林木 (第345条第3款); game accounts taken by a trojan are
非法获取计算机信息系统数据 (第285条第2款), not 侵犯著作权; 毒鼠强 sold as itself is 非法买卖危险物质 (第125条第2款, 法释〔2003〕14号
第一条), not a food of 第144条; a courier paid to swallow heroin carries it (第347条). A third batch: a thing set alight whose fire spreads to shops or
houses is 放火 (第114条), not 故意毁坏财物 (第275条); an owner who sets the women's price and takes his part of it manages
them (组织卖淫, 法释〔2017〕13号第一条); an infant left in a station and a mother kept unfed are 遗弃 (第261条). Each rule has a text where it binds
and one where it does not."""

import pytest

from leniency.sentencing.extraction.charge_rules import states_requirements
from leniency.sentencing.extraction.charges import infer_charges

GAMBLER_CROSSING_INTO_MYANMAR = (
    "经审理查明：2016年4月12日，被告人段某为到缅甸境内赌场赌博，未办理任何出入境证件，从某县某村附近的山间小道"
    "步行偷越国境进入缅甸。同年4月15日，段某从原路返回时被边防检查站执勤民警抓获。"
)

BORDER_GUARD_LETS_CROSSERS_PASS = (
    "经审理查明：被告人孔某系某边防检查站执勤民警。2015年8月，孔某在值班期间，明知杨某等三人未持有出入境证件企图"
    "出境，仍收受杨某人民币3000元后予以放行，致三人偷越国境前往越南。"
)

CAR_SET_ALIGHT_IN_AN_UNDERGROUND_GARAGE = (
    "经审理查明：2014年10月5日凌晨，被告人覃某因怀疑前女友蒙某另结新欢，携带事先购买的汽油来到某小区地下停车场"
    "，将汽油泼洒在蒙某停放的轿车上并用打火机点燃，火势蔓延烧毁相邻两辆轿车，小区住户被紧急疏散。经鉴定，三辆车损失共"
    "计人民币16万元。"
)

CAR_WINDOWS_SMASHED_WITH_A_HAMMER = (
    "经审理查明：2015年6月，被告人常某因琐事与邻居发生争执，持铁锤将邻居停放在门口的轿车车窗、车灯砸坏。经鉴定，"
    "损失价值人民币8500元。"
)

CABLE_CUT_FROM_A_LIVE_TRANSFORMER = (
    "经审理查明：2016年3月至5月间，被告人黎某先后4次在夜间爬上某供电所正在运行的村级变压器台架，剪断并盗走变压"
    "器引线及铜芯电缆共计120米，致使附近三个村庄停电达十余小时。经鉴定，被盗电缆价值人民币4200元，修复费用人民"
    "币2.1万元。"
)

SCRAP_CABLE_STOLEN_FROM_A_WAREHOUSE = (
    "经审理查明：2016年7月，被告人黎某趁夜间无人之机，撬开某电缆厂仓库的门锁，盗走库存的废旧电缆线200公斤，经"
    "鉴定价值人民币6800元。"
)

HIRED_COURIER_CARRYING_HEROIN_TO_KUNMING = (
    "公诉机关指控：2015年11月，被告人岩某受他人雇佣，约定以人民币1万元的报酬，将海洛因从云南省某县携带至昆明市"
    "。11月20日，岩某将装有海洛因的塑料包藏于行李箱夹层内，乘坐客车前往昆明，途中在某检查站被民警查获，当场从其行"
    "李箱内查获海洛因320克。"
)

FOOT_MASSAGE_SHOP_OWNER_ORGANISING_SIX_WOMEN = (
    "经审理查明：2014年5月至2015年2月，被告人汤某开设某足浴店，先后招募刘某、王某、陈某等六名女子在店内从事"
    "卖淫活动，由汤某制定卖淫价格、安排接客、收取嫖资并按比例与卖淫女分成，非法获利人民币8万余元。"
)

INNKEEPER_SHELTERING_ONE_WOMAN = (
    "经审理查明：2015年3月，被告人汤某在其经营的旅馆内，两次容留卖淫女张某在客房内从事卖淫活动，并向嫖客介绍，收"
    "取房费共计人民币400元。"
)

TOWNSHIP_CIVIL_AFFAIRS_CLERK_NEGLECTS_CHECKS = (
    "经审理查明：被告人吴某系某镇人民政府民政办工作人员，负责农村最低生活保障申请的审核工作。2013年至2015年间"
    "，吴某严重不负责任，未按规定入户调查核实，致使不符合条件的42户村民被纳入低保，造成国家低保资金损失人民币31万"
    "元。"
)

STATE_GRAIN_COMPANY_MANAGER_PREPAYS_CARELESSLY = (
    "经审理查明：被告人黄某系某国有粮食储备公司经理。2014年，黄某严重不负责任，在未核实对方资信的情况下与某公司签"
    "订粮食购销合同并预付货款，致使该国有公司损失人民币260万元。"
)

CHILDLESS_COUPLE_BUYS_A_BABY_BOY = (
    "经审理查明：2016年2月，被告人夏某夫妇因婚后多年未育，经人介绍以人民币3.5万元的价格从他人处收买一名男婴抚"
    "养。同年10月，公安机关找到该男婴，夏某未阻碍对男婴进行解救。"
)

KNIVES_CARRIED_ONTO_A_TRAIN = (
    "经审理查明：2017年1月8日，被告人阿某携带管制刀具五把，乘坐某次旅客列车前往北京，在列车运行途中被乘警检查发"
    "现，当场从其行李中查获管制刀具五把。经鉴定，所查获刀具均属管制刀具。"
)

COUNTERFEIT_NOTES_BOUGHT_ONLINE = (
    "经审理查明：2016年9月，被告人邓某通过网络联系他人，以人民币6000元的价格购买面额100元的假人民币3万元"
    "，并通过快递收取后携带回家，被公安民警当场查获。经鉴定，查获的人民币均为假币。"
)

BEDRIDDEN_FATHER_LEFT_IN_A_WOODSHED = (
    "经审理查明：被告人易某系被害人易某某之子。2015年冬，易某以无力照料为由，将年逾八十、瘫痪在床的父亲易某某搬至"
    "村外一间废弃的柴房内，此后拒不送饭、不予照料，致易某某冻饿多日，后被村干部发现送医。"
)

RINGLEADER_OF_VILLAGERS_BLOCKING_A_FACTORY_GATE = (
    "公诉机关指控：2016年3月，被告人蒋某因对某化工厂排污赔偿不满，召集、组织本村村民四十余人，在化工厂大门口设置"
    "路障、搭建帐篷，阻止工人和车辆进出，持续九天，致使该厂无法正常生产，造成经济损失30余万元。被告人蒋某在其中负责"
    "召集人员、安排值守，起组织、策划、指挥作用，系首要分子。"
)

GUIDE_LEADS_FIVE_WORKERS_INTO_LAOS = (
    "经审理查明：2017年2月，被告人岩某受境外老板委托，招募本县村民五人前往老挝务工，约定每人收取介绍费人民币20"
    "00元。同年2月20日，岩某带领五人避开边防检查站，从某山间小道偷越国境进入老挝，收取费用共计人民币1万元。"
)


# a second batch, scored before its rules were written
COURIER_PAID_TO_SWALLOW_HEROIN = (
    "公诉机关指控：2016年8月，被告人岩某某受一名缅甸籍男子雇佣，约定报酬人民币8000元，在边境某寨子将用避孕套"
    "包装的海洛因吞入体内，随后乘坐班车前往大理，途经某公安检查站时被民警查获，经排出共计海洛因颗粒48粒，净重285"
    "克。"
)

SCOOTER_SET_ALIGHT_IN_A_STAIRWELL = (
    "经审理查明：2015年12月3日凌晨，被告人雷某因与邻居吴某有矛盾，到吴某所住居民楼的一楼楼道内，用打火机点燃吴"
    "某停放在楼道内的电动车座垫，火势迅速蔓延，浓烟充满楼道，楼内十余户居民被困，后经消防人员扑救才将火扑灭。经鉴定，"
    "电动车及楼道设施损失共计人民币1.2万元。"
)

KTV_BOSS_PRICING_AND_PLACING_EIGHT_WOMEN = (
    "经审理查明：2016年至2017年，被告人钟某在其经营的某KTV内，先后招募八名女子作为“陪侍小姐”，统一安排食"
    "宿，规定卖淫价格每次400元至800元，由钟某安排到KTV楼上包房与嫖客进行卖淫活动，嫖资由钟某统一收取后按四六"
    "分成，非法获利共计人民币12万元。"
)

FIFTEEN_CARDS_OF_OTHERS_BOUGHT_AND_KEPT = (
    "经审理查明：2017年4月，被告人方某为牟利，以每套人民币500元的价格从他人处收购以他人名义办理的银行信用卡共"
    "计15张，连同对应的身份证复印件、U盾藏于其租住的房屋内，准备转卖。同年5月，方某被公安机关抓获，民警当场查获上"
    "述信用卡15张。"
)

FIRS_ANOTHER_FELLED_BOUGHT_BY_A_SAWMILL = (
    "经审理查明：2014年10月，被告人何某明知邻村村民邓某（另案处理）砍伐的杉木未办理林木采伐许可证，仍以每立方米"
    "500元的价格收购其中的杉木原木，共计收购26.8立方米，运至其木材加工厂加工出售。"
)

GAME_ACCOUNTS_TAKEN_BY_A_TROJAN = (
    "经审理查明：2015年3月至6月，被告人彭某在网络上购买木马程序，通过游戏论坛发布带有木马的外挂软件，窃取下载该"
    "软件的玩家游戏账号及密码共计3200余组，后将其中的游戏装备转卖他人，获利人民币2.3万元。"
)

BRICKWORKS_HANDS_LOCKED_IN_AT_NIGHT = (
    "经审理查明：2014年5月至8月，被告人樊某在其经营的砖厂内，雇佣十余名外地务工人员，为防止工人逃跑，安排专人看"
    "管，夜间将工人锁在工棚内，并扣押工人身份证，强迫工人每天劳动十四小时以上。工人刘某提出离开时，樊某对其拳打脚踢。"
)

RAIL_FASTENINGS_PRIED_OFF_A_LINE_IN_USE = (
    "经审理查明：2017年3月，被告人成某先后三次到某铁路线正在使用的路段上，使用撬棍撬下钢轨扣件共计120套，作为"
    "废铁出售。经鉴定，扣件缺失足以使火车发生倾覆危险。"
)

TETRAMINE_SOLD_IN_A_FARM_SUPPLIES_SHOP = (
    "经审理查明：2014年至2015年间，被告人裴某在其经营的农资店内，明知毒鼠强系国家禁止生产、销售的剧毒化学品，"
    "仍从他人处购进毒鼠强，并以每包5元的价格向村民出售，共计出售300余包。公安民警在其店内查获毒鼠强2.6公斤。"
)

FOUND_CARD_USED_AT_AN_ATM = (
    "经审理查明：2016年6月，被告人方某捡到他人遗失的银行信用卡一张，后冒用该卡在某银行自动取款机上取现三次，共计"
    "人民币1.5万元。"
)

OWN_FIRS_FELLED_AND_CARRIED_TO_MARKET = (
    "经审理查明：2015年11月，被告人何某未办理林木采伐许可证，雇人在其承包的林地内砍伐其自己种植的杉木，立木蓄积"
    "为28立方米，并将木材运输至木材市场出售。"
)

GAME_SERVER_COPIED_FOR_A_PRIVATE_SERVER = (
    "经审理查明：2016年1月至9月，被告人彭某未经著作权人许可，复制某公司享有著作权的网络游戏服务端程序，架设私服"
    "供玩家付费游戏，非法经营额人民币18万元。"
)

STANDING_PINES_BOUGHT_AND_FELLED_BY_THE_BUYER = (
    "经审理查明：2016年1月，被告人石某以人民币6000元的价格从同村村民田某处购买其责任山上的松树80株，未办理"
    "林木采伐许可证即擅自采伐，经鉴定，立木蓄积为15.3立方米。"
)


# a third batch, scored before its rules were written
VAN_SET_ALIGHT_BY_SHOPS_THE_FIRE_SPREADING = (
    "经审理查明：2017年5月，被告人郑某因与货车司机孙某发生纠纷，于凌晨携带一桶柴油来到某街道临街商铺前，将柴油浇"
    "在孙某停放的面包车上点燃，大火将面包车烧毁并引燃相邻商铺的卷闸门和招牌，周围居民被惊醒逃离。经鉴定，损失共计人民"
    "币5.6万元。"
)

HAYSTACK_BY_HOUSES_SET_ALIGHT = (
    "经审理查明：2014年1月，被告人胡某因邻居马某不借钱给他而怀恨在心，某日晚用打火机点燃马某堆放在其房屋旁的柴草"
    "垛，火势蔓延至马某及相邻两户村民的房屋，烧毁房屋五间。经鉴定，损失共计人民币8.3万元。"
)

HAIR_SALON_OWNER_PRICING_FOUR_WOMEN = (
    "经审理查明：2015年6月至2016年1月，被告人谢某租用某街道门面开设美发店，招募四名女子在店内从事卖淫活动，"
    "谢某负责联系嫖客、确定价格，每次收取嫖资200元，其中80元归谢某所有，共计非法获利3万余元。"
)

SICK_INFANT_LEFT_IN_A_STATION = (
    "经审理查明：2016年10月，被告人冯某（女）生育一名患有先天性心脏病的女婴，因不愿抚养，于同年11月5日将女婴"
    "放在某火车站候车室座椅上后离开，女婴被他人发现后送往福利院。"
)

OLD_MOTHER_KEPT_IN_A_SHED_UNFED = (
    "经审理查明：被告人程某之母赵某年近九十，常年卧病。2017年1月起，程某以与母亲有矛盾为由，不让赵某进屋居住，将"
    "其安置在院子角落的简易棚内，既不提供饮食，也不予看护，致赵某长时间挨饿受冻，后由邻居报警。"
)

MOTORBIKE_BURNED_ON_AN_EMPTY_RIVERBANK = (
    "经审理查明：2016年4月，被告人郑某因与同事孙某发生纠纷，趁夜间将孙某的摩托车推至村外空旷的河滩上，浇上汽油点"
    "燃，将摩托车烧毁。经鉴定，摩托车价值人民币6800元。"
)

ROOM_LET_TO_ONE_WOMAN_AT_A_PRICE = (
    "经审理查明：2016年3月，被告人谢某在其经营的出租屋内，先后三次容留卖淫女王某从事卖淫活动，并向嫖客确定价格为"
    "每次150元，收取房费共计人民币180元。"
)


@pytest.mark.parametrize(
    ("text", "charges"),
    [
        (GAMBLER_CROSSING_INTO_MYANMAR, ["偷越国（边）境"]),
        (BORDER_GUARD_LETS_CROSSERS_PASS, ["放行偷越国（边）境人员"]),
        (CAR_SET_ALIGHT_IN_AN_UNDERGROUND_GARAGE, ["放火"]),
        (CAR_WINDOWS_SMASHED_WITH_A_HAMMER, ["故意毁坏财物"]),
        (CABLE_CUT_FROM_A_LIVE_TRANSFORMER, ["破坏电力设备"]),
        (SCRAP_CABLE_STOLEN_FROM_A_WAREHOUSE, ["盗窃"]),
        (HIRED_COURIER_CARRYING_HEROIN_TO_KUNMING, ["走私、贩卖、运输、制造毒品"]),
        (FOOT_MASSAGE_SHOP_OWNER_ORGANISING_SIX_WOMEN, ["组织卖淫"]),
        (INNKEEPER_SHELTERING_ONE_WOMAN, ["引诱、容留、介绍卖淫"]),
        (TOWNSHIP_CIVIL_AFFAIRS_CLERK_NEGLECTS_CHECKS, ["玩忽职守"]),
        (STATE_GRAIN_COMPANY_MANAGER_PREPAYS_CARELESSLY, ["国有公司、企业、事业单位人员失职"]),
        (CHILDLESS_COUPLE_BUYS_A_BABY_BOY, ["收买被拐卖的妇女、儿童"]),
        (KNIVES_CARRIED_ONTO_A_TRAIN, ["非法携带枪支、弹药、管制刀具、危险物品危及公共安全"]),
        (COUNTERFEIT_NOTES_BOUGHT_ONLINE, ["出售、购买、运输假币"]),
        (BEDRIDDEN_FATHER_LEFT_IN_A_WOODSHED, ["遗弃"]),
        (RINGLEADER_OF_VILLAGERS_BLOCKING_A_FACTORY_GATE, ["聚众扰乱社会秩序"]),
        (GUIDE_LEADS_FIVE_WORKERS_INTO_LAOS, ["组织他人偷越国（边）境"]),
        (COURIER_PAID_TO_SWALLOW_HEROIN, ["走私、贩卖、运输、制造毒品"]),
        (SCOOTER_SET_ALIGHT_IN_A_STAIRWELL, ["放火"]),
        (KTV_BOSS_PRICING_AND_PLACING_EIGHT_WOMEN, ["组织卖淫"]),
        (FIFTEEN_CARDS_OF_OTHERS_BOUGHT_AND_KEPT, ["妨害信用卡管理"]),
        (FIRS_ANOTHER_FELLED_BOUGHT_BY_A_SAWMILL, ["非法收购、运输盗伐、滥伐的林木"]),
        (GAME_ACCOUNTS_TAKEN_BY_A_TROJAN, ["非法获取计算机信息系统数据、非法控制计算机信息系统"]),
        (BRICKWORKS_HANDS_LOCKED_IN_AT_NIGHT, ["强迫劳动"]),
        (RAIL_FASTENINGS_PRIED_OFF_A_LINE_IN_USE, ["破坏交通设施"]),
        (TETRAMINE_SOLD_IN_A_FARM_SUPPLIES_SHOP, ["非法制造、买卖、运输、储存危险物质"]),
        (FOUND_CARD_USED_AT_AN_ATM, ["信用卡诈骗"]),
        (OWN_FIRS_FELLED_AND_CARRIED_TO_MARKET, ["滥伐林木"]),
        (GAME_SERVER_COPIED_FOR_A_PRIVATE_SERVER, ["侵犯著作权"]),
        (STANDING_PINES_BOUGHT_AND_FELLED_BY_THE_BUYER, ["滥伐林木"]),
        (VAN_SET_ALIGHT_BY_SHOPS_THE_FIRE_SPREADING, ["放火"]),
        (HAYSTACK_BY_HOUSES_SET_ALIGHT, ["放火"]),
        (HAIR_SALON_OWNER_PRICING_FOUR_WOMEN, ["组织卖淫"]),
        (SICK_INFANT_LEFT_IN_A_STATION, ["遗弃"]),
        (OLD_MOTHER_KEPT_IN_A_SHED_UNFED, ["遗弃"]),
        (MOTORBIKE_BURNED_ON_AN_EMPTY_RIVERBANK, ["故意毁坏财物"]),
        (ROOM_LET_TO_ONE_WOMAN_AT_A_PRICE, ["引诱、容留、介绍卖淫"]),
    ],
)
def test_the_charges_the_conduct_makes(text, charges):
    assert infer_charges(text) == charges


@pytest.mark.parametrize(
    "charge", ["分裂国家", "颠覆国家政权", "武装叛乱、暴乱", "暴动越狱", "聚众持械劫狱", "组织越狱"]
)
def test_a_crowds_ringleader_tells_no_state_security_or_prison_charge(charge):
    assert states_requirements(RINGLEADER_OF_VILLAGERS_BLOCKING_A_FACTORY_GATE, charge) is False


def test_a_border_guards_post_is_his_own_not_his_catchers():
    assert states_requirements(GAMBLER_CROSSING_INTO_MYANMAR, "放行偷越国（边）境人员") is False
    assert states_requirements(BORDER_GUARD_LETS_CROSSERS_PASS, "放行偷越国（边）境人员") is True
