"""(E91) Charges an examiner (E87) found misread, on fact texts written for these tests (none copied from a judgment or
from E87"s texts): 罂粟壳 boiled into food sold to diners is 生产、销售有毒、有害食品 (刑法第144条; 法释〔2013〕12号第二十条,
法释〔2021〕24号第九条), not a fake drug (第141条) nor a poppy crop (第351条 needs the planting); protection money taken
from stall keepers by threats is 敲诈勒索 (第274条); the robbery of the man the defendant hid, or of the loot he sold, is
the robber"s, not the defendant"s (第310条, 第312条); a home pried open and stayed in against the occupant"s demand,
nothing taken, is 非法侵入住宅 (第245条), not a theft; a second count telling a state organ"s seal carved (第280条第1款)
or money given to an official (第389条) is a charge of its own (第69条). Each rule has a text where it binds and one
where it does not."""

import pytest

from leniency.sentencing.extraction.charges import infer_charges

POPPY_SHELLS_IN_BRAISED_MEAT = (
    "经审理查明：2016年5月起，被告人王某在某县城关镇经营一家卤肉店，为使卤肉味道更香、吸引回头客，王某从"
    "他人处购得罂粟壳，将罂粟壳磨碎后加入卤汤中熬制卤肉并对外销售。2016年9月12日，县食品药品监督管理局"
    "执法人员对该店检查时，当场查获罂粟壳粉末约200克。经检测，所售卤肉中检出吗啡、可待因成分。"
)
POPPY_SHELLS_IN_HOTPOT_BASE = (
    "公诉机关指控：2014年3月至2014年8月间，被告人李某在其经营的火锅店内，将购得的罂粟壳放入火锅底料"
    "中熬制，并将火锅底料用于向顾客出售的火锅中。2014年8月20日，公安机关在该店查获罂粟壳150余克，经"
    "鉴定，火锅汤料中含有罂粟碱、吗啡成分。"
)
PROTECTION_FEES_FROM_MARKET_STALLS = (
    "经审理查明：2015年4月至2015年10月间，被告人赵某纠集他人，在某市农贸市场内以“管理费”“保护费"
    "”为名，向在市场内摆摊的商户索要钱财，声称不交钱就不让在此摆摊，并扬言砸摊子。摊主孙某、周某等十余人因害"
    "怕被报复，先后向赵某交纳钱款共计人民币2.4万元。"
)
PROTECTION_FEES_AT_A_NIGHT_MARKET = (
    "公诉机关指控：2017年1月起，被告人钱某以“看场子”为由，多次到某夜市向摆摊的商贩收取所谓的保护费，对"
    "不交钱的商贩威胁称“以后别想在这里做生意”。商贩吴某等人被迫向钱某交纳钱款，共计人民币1.1万元。"
)
ROBBER_HIDDEN_A_MONTH = (
    "经审理查明：2016年6月，张某（已判决）伙同他人持刀抢劫路人财物后逃回老家。被告人刘某明知张某因抢劫被"
    "公安机关通缉，仍将张某藏匿于其租住的房屋内长达一个月，并为其提供食宿和现金2000元，帮助其逃避公安机关"
    "的追捕。2016年7月15日，公安机关在刘某住处将张某抓获，刘某亦被抓获。"
)
ROBBER_HIDDEN_KNOWING_HE_WAS_SOUGHT = (
    "公诉机关指控：2013年11月，陈某（另案处理）因在某镇持刀抢劫他人财物被公安机关网上追逃。被告人黄某明"
    "知陈某犯抢劫罪正被追捕，仍为其提供住处，并将自己的身份证借给陈某用于乘车外逃。"
)
EX_PARTNERS_DOOR_PRIED_AND_STAYED = (
    "经审理查明：被告人杨某与被害人林某原系恋人关系，2015年7月二人分手。2015年8月3日晚，杨某来到林"
    "某租住的某小区房屋，用螺丝刀撬开房门进入室内，林某回家后多次要求其离开，杨某拒不离开，并在室内滞留至次日"
    "凌晨，林某报警后民警赶到将杨某带离。"
)
EX_WIFES_LOCK_PRIED_AND_STAYED = (
    "公诉机关指控：2018年2月10日，被告人郑某因与前妻何某离婚后产生矛盾，撬开何某住处的门锁强行进入，经"
    "何某及其家人多次要求离开仍拒不退出，在屋内滞留三个小时，致何某无法正常生活。"
)
LOAN_FRAUD_AND_POLICE_SEALS_CARVED = (
    "经审理查明：一、2015年3月，被告人韩某谎称能为被害人冯某办理低息贷款，以收取手续费为由骗取冯某人民币"
    "3万元。二、2015年5月，韩某在某市私自雕刻某县公安局、某镇人民政府印章各一枚，用于伪造证明材料出售给"
    "他人。"
)
SAND_DUG_AND_THE_RIVER_STATION_HEAD_PAID = (
    "经审理查明：一、2016年3月至2016年9月，被告人谢某在未取得采矿许可证的情况下，在某河道非法采挖河"
    "砂并销售，经鉴定，所采河砂价值人民币28万元。二、2016年5月，谢某为在非法采砂中不被查处，先后两次送"
    "给县水利局河道管理站站长唐某（另案处理）现金共计人民币5万元。"
)
FAKE_CAPSULES_SOLD_IN_A_PHARMACY = (
    "经审理查明：2016年3月至6月，被告人邓某在其经营的药店内，明知是假药仍从他人处购进标称“某某牌降压胶"
    "囊”的药品200盒，并向顾客销售。经某市食品药品监督管理局认定，该药品系假药。"
)
POPPIES_PLANTED_BEHIND_THE_HOUSE = (
    "经审理查明：2017年4月，被告人蒋某在其家屋后菜地里非法种植罂粟，同年6月被公安机关发现并铲除，经清点"
    "，共计罂粟植株650株。"
)
DOOR_PRIED_AND_CASH_TAKEN = (
    "经审理查明：2015年9月2日中午，被告人高某趁被害人家中无人之机，用螺丝刀撬开被害人房门进入室内，盗走"
    "现金3000元及金项链一条，经鉴定，金项链价值人民币5200元。"
)
ROBBER_WHO_SOLD_THE_LOOT_HIMSELF = (
    "经审理查明：2016年8月5日晚，被告人潘某伙同他人持刀拦住被害人，抢走被害人手机一部，后潘某明知同伙将"
    "抢劫所得的手机藏于其住处，仍将该手机以800元卖给他人。"
)
# a second batch, written after the rules above and scored before the rules below (the 窝藏 wording, the count cue)
MAHJONG_TABLES_IN_A_RENTED_SHOPFRONT = (
    "经审理查明：2017年3月至2017年7月，被告人孔某承租某镇一处门面房，放置电动麻将桌三张，招揽他人以"
    "“血战到底”麻将的方式进行赌博，孔某按每桌每天收取台费300元的方式抽头，共计获利人民币27000元。"
)
ROBBER_COUSIN_HIDDEN_AND_HIS_LOOT_SOLD = (
    "经审理查明：一、2014年6月3日，被告人曹某明知其表弟严某（另案处理）持刀抢劫他人后正被公安机关追捕，"
    "仍让严某躲藏在其家中，并给予严某现金1500元帮助其逃往外省。二、2014年6月5日，曹某明知严某留下的"
    "两部手机及一台笔记本电脑系抢劫所得，仍代为销售，得款人民币2600元。"
)
PITCH_FEES_FROM_BARBECUE_STALLS = (
    "公诉机关指控：2013年5月至2013年12月，被告人朱某伙同他人，多次到某县城的十余家烧烤店，以“看场"
    "费”为名，威胁店主如不交钱就让其生意做不下去。店主秦某等人因惧怕，先后向朱某交纳现金共计人民币18000"
    "元。"
)
EX_GIRLFRIENDS_ROOM_STORMED_AND_STAYED = (
    "经审理查明：2014年11月6日，被告人尤某因怀疑其前女友许某另有男友，趁许某开门之机强行闯入许某租住的"
    "房屋，许某多次要求其离开，尤某拒不离开，并在屋内大声吵闹长达四个小时，后被赶来的民警带离。"
)
POPPY_SHELLS_IN_BEEF_NOODLE_SOUP = (
    "公诉机关指控：2015年起，被告人何某在某县城经营一家牛肉面馆，为使面汤口味独特招揽顾客，何某将罂粟壳放"
    "入熬制牛肉汤的锅中，并将该牛肉汤用于制作牛肉面对外出售。2015年10月9日，执法人员从该面馆内查获罂粟"
    "壳0.5公斤，经检验面汤中含有吗啡、罂粟碱成分。"
)
TREES_FELLED_AND_THE_FORESTRY_STATION_HEAD_PAID = (
    "经审理查明：一、2016年10月，被告人施某在未办理林木采伐许可证的情况下，雇人在其承包的山场砍伐杉木，"
    "经鉴定，砍伐林木蓄积量为42立方米。二、2016年11月，施某为使其滥伐林木一事不被追究，送给某镇林业站"
    "站长张某现金人民币3万元。"
)
CITY_INSPECTOR_PUNCHED_AT_A_STALL = (
    "经审理查明：2017年8月12日，某市城市管理局执法人员在依法查处被告人吕某占道经营时，吕某拒不配合，并"
    "用拳头殴打执法人员韦某，致韦某轻微伤，阻碍执法人员依法执行职务。"
)
# the count cue's other side: a second count repeating the first's fraud is no second charge
TWO_LOAN_FEE_FRAUDS = (
    "经审理查明：一、2014年5月，被告人邹某谎称能为被害人袁某办理低息贷款，以收取手续费为名骗取袁某人民币1.5万元。"
    "二、2014年7月，邹某又以同样手段骗取被害人苗某人民币2万元，并将所骗钱款用于赌博挥霍。"
)


@pytest.mark.parametrize(
    ("text", "charges"),
    [
        (POPPY_SHELLS_IN_BRAISED_MEAT, ["生产、销售有毒、有害食品"]),
        (POPPY_SHELLS_IN_HOTPOT_BASE, ["生产、销售有毒、有害食品"]),
        (PROTECTION_FEES_FROM_MARKET_STALLS, ["敲诈勒索"]),
        (PROTECTION_FEES_AT_A_NIGHT_MARKET, ["敲诈勒索"]),
        (ROBBER_HIDDEN_A_MONTH, ["窝藏、包庇"]),
        (ROBBER_HIDDEN_KNOWING_HE_WAS_SOUGHT, ["窝藏、包庇"]),
        (EX_PARTNERS_DOOR_PRIED_AND_STAYED, ["非法侵入住宅"]),
        (EX_WIFES_LOCK_PRIED_AND_STAYED, ["非法侵入住宅"]),
        (LOAN_FRAUD_AND_POLICE_SEALS_CARVED, ["伪造、变造、买卖国家机关公文、证件、印章", "诈骗"]),
        (SAND_DUG_AND_THE_RIVER_STATION_HEAD_PAID, ["非法采矿", "行贿"]),
        (FAKE_CAPSULES_SOLD_IN_A_PHARMACY, ["生产、销售、提供假药"]),
        (POPPIES_PLANTED_BEHIND_THE_HOUSE, ["非法种植毒品原植物"]),
        (DOOR_PRIED_AND_CASH_TAKEN, ["盗窃"]),
        (ROBBER_WHO_SOLD_THE_LOOT_HIMSELF, ["抢劫"]),
        (MAHJONG_TABLES_IN_A_RENTED_SHOPFRONT, ["开设赌场"]),
        (ROBBER_COUSIN_HIDDEN_AND_HIS_LOOT_SOLD, ["窝藏、包庇", "掩饰、隐瞒犯罪所得、犯罪所得收益"]),
        (PITCH_FEES_FROM_BARBECUE_STALLS, ["敲诈勒索"]),
        (EX_GIRLFRIENDS_ROOM_STORMED_AND_STAYED, ["非法侵入住宅"]),
        (POPPY_SHELLS_IN_BEEF_NOODLE_SOUP, ["生产、销售有毒、有害食品"]),
        (TREES_FELLED_AND_THE_FORESTRY_STATION_HEAD_PAID, ["滥伐林木", "行贿"]),
        (CITY_INSPECTOR_PUNCHED_AT_A_STALL, ["妨害公务"]),
        (TWO_LOAN_FEE_FRAUDS, ["诈骗"]),
    ],
)
def test_the_charges_the_conduct_makes(text, charges):
    assert infer_charges(text) == charges
