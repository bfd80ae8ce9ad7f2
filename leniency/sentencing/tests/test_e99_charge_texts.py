"""(E99) Charges an examiner (E94) found misread, on fact texts written for these tests (none copied from a judgment or
from E94's texts): goods held in safe keeping and sold, the holder lying that they were stolen, are 侵占 (刑法第270条);
a woman seized and groped, nothing taken, is 强制猥亵 (第237条第1款), not a theft; a person taken for a ransom by a
defendant who owed others money is 绑架 (第239条), the debt of 第238条第3款 being one claimed from the person held; sales
to a named buyer (向某某贩卖) are 贩卖毒品 (第347条); meat of cattle dead of disease is 不符合安全标准的食品 (第143条, 法释〔2013〕12号
第一条(二)), not 有毒、有害食品 (第144条); a collective's trees felled without a permit are 盗伐 (法释〔2000〕36号第三条), not
滥伐 (第五条); a cashier's funds moved to his own account and kept over three months are 挪用资金 (第272条); deaths by a
shot at supposed game and by a live wire round a field are 过失致人死亡 (第233条, 第15条); and a second count told under a
masked heading with no number (××：…) is a charge of its own (第69条). A second batch: dead chickens sold to restaurants
are 第143条's food, no counterfeit mark being told (第214条 needs one); a brick thrown from a roof that kills a passer-by in
2014 is 过失致人死亡 (第233条; 高空抛物 is of 2021, and 第291条之二第2款 sends a death to the heavier crime). Each rule
has a text where it binds and one where it does not."""

import pytest

from leniency.sentencing.extraction.charges import infer_charges, stated_count

STORED_PHONES_SOLD_AND_SAID_STOLEN = (
    "经审理查明：2015年7月，被害人严某因外出务工，将其经营的手机店内的42部手机交由被告人贺某代为保管。同年9月，"
    "贺某将其中30部手机以人民币4.5万元的价格卖给他人，所得款项用于偿还个人债务。严某返回后要求贺某归还手机，贺某"
    "谎称手机被盗，拒不退还。经鉴定，30部手机价值人民币6.2万元。严某遂向法院提起自诉。"
)
ROOMMATES_JEWELLERY_TAKEN_AND_DENIED = (
    "经审理查明：2016年4月，被告人柯某与被害人潘某合租某小区一套房屋。同年5月9日，柯某趁潘某外出上班之机，进入"
    "潘某房间，偷拿其放在衣柜内的金项链一条、金手镯一只，后卖给他人得款人民币6000元。潘某发现首饰被盗后询问柯某，"
    "柯某拒不承认。经鉴定，被盗首饰价值人民币9800元。"
)
WOMAN_SEIZED_IN_A_PARK = (
    "经审理查明：2016年9月14日22时许，被告人卢某在某市某公园内，尾随下班回家的被害人黄某（女，24岁），趁四下无人之"
    "机从背后将黄某抱住并拖至草丛中，强行亲吻黄某脸部、抚摸其胸部及下体，黄某大声呼救并咬伤卢某手臂后挣脱。卢某逃离"
    "现场。次日，卢某被公安机关抓获，到案后如实供述了上述事实。"
)
FACTORY_OWNER_HELD_FOR_RANSOM_BY_A_DEBTOR = (
    "公诉机关指控：2014年，被告人宋某因经营饭店亏损欠下他人债务二十余万元，便起意劫持富人索要钱财。2014年6月18日"
    "晚，宋某趁同村人洪某独自步行回家之机，强行将其塞入一辆轿车，驾车至邻县一出租屋内，用铁链锁住洪某双脚，并逼迫洪"
    "某给其妻子打电话，索要赎金人民币50万元。洪某妻子报警后，公安民警于6月20日将宋某抓获，洪某被解救，未受伤。"
)
DEBTOR_HELD_IN_A_HOTEL = (
    "公诉机关指控：被害人陆某因做生意向被告人邱某借款人民币8万元，到期后一直未还。2014年9月3日，邱某伙同他人将陆某"
    "强行带至某县一宾馆房间内看管，不准其离开，并让陆某打电话给其妻子，要求筹钱还债。9月5日，陆某妻子将8万元送到"
    "后，陆某被放走。"
)
METHAMPHETAMINE_SOLD_TO_A_NAMED_BUYER_AND_USERS_SHELTERED = (
    "公诉机关指控：\n一、××\n2017年3月至5月间，被告人雷某先后四次在某市某区其经营的茶楼包间内，向尤某贩卖甲基苯丙胺，"
    "每次3克至5克不等，共计16克，收取毒资人民币5200元。\n二、××\n2017年4月至5月间，被告人雷某三次在上述茶楼包间内容留"
    "尤某、冉某吸食甲基苯丙胺。\n2017年5月18日，被告人雷某被公安民警抓获，到案后如实供述了上述事实。"
)
HEROIN_BOUGHT_FOR_ONES_OWN_USE = (
    "经审理查明：2015年10月，被告人冯某从他人处购买海洛因，用于自己吸食。2015年10月27日，冯某在某市某区某路口被"
    "公安民警抓获，民警从其随身携带的挎包内查获海洛因62克。"
)
BEEF_OF_CATTLE_DEAD_OF_DISEASE = (
    "经审理查明：2016年1月至3月间，被告人彭某明知从附近村民处低价收购的牛系病死，仍将其宰杀分割后，在某县农贸市场"
    "其摊位上作为鲜牛肉对外销售，销售金额共计人民币1.8万元。案发后，公安机关从其冷库内查获病死牛肉260公斤。经检验，"
    "该牛肉检出炭疽杆菌。"
)
PIGS_FED_CLENBUTEROL = (
    "经审理查明：2014年3月至6月间，被告人常某在其养猪场内使用含有盐酸克伦特罗（俗称瘦肉精）的饲料喂养生猪，并将"
    "生猪屠宰后在某镇市场销售猪肉，销售金额共计人民币4.6万元。经检验，其猪场内生猪尿样中检出盐酸克伦特罗。"
)
VILLAGE_POPLARS_FELLED_WITHOUT_A_PERMIT = (
    "经审理查明：2014年11月，被告人汪某在未办理林木采伐许可证的情况下，雇佣他人擅自砍伐某村村民委员会集体所有的杨树"
    "林，共砍伐杨树86株，并将木材出售获利人民币1.5万元。经鉴定，被砍伐杨树立木蓄积为18.6立方米。"
)
OWN_FIRS_FELLED_WITHOUT_A_PERMIT = (
    "经审理查明：2015年12月，被告人严某在未办理林木采伐许可证的情况下，雇人在其承包的某村后山林地内砍伐其自己种植的"
    "杉木共计210株，经鉴定，立木蓄积为32.5立方米。"
)
CASHIER_MOVES_FUNDS_OUT_FOR_LOTTERY = (
    "经审理查明：被告人邵某系某商贸有限公司出纳。2015年3月至8月间，被告人邵某利用其负责保管公司资金的职务便利，先后"
    "五次从公司账户转出资金共计人民币18万元至其个人银行账户，用于购买彩票，超过三个月未归还。案发后，邵某家属代为退还"
    "公司全部款项。"
)
SALESMAN_KEEPS_PAYMENTS = (
    "经审理查明：被告人聂某系某建材有限公司业务员。2016年1月至6月间，聂某利用负责向客户收取货款的职务便利，将收取的货"
    "款共计人民币9.2万元据为己有，用于个人消费，后辞职离开公司。"
)
HUNTERS_SHOT_AT_A_SUPPOSED_BOAR = (
    "经审理查明：2016年12月3日傍晚，被告人牛某在某村后山林中打猎时，发现前方灌木丛中有晃动，误以为是野猪，未加辨认即"
    "开枪射击，致正在该处拾柴的村民甘某被击中胸部，经抢救无效死亡。案发后，牛某即拨打120及110并在现场等候。"
)
LIVE_WIRE_ROUND_A_MELON_FIELD = (
    "公诉机关指控：2015年7月，被告人覃某为防止他人偷瓜，私自从村里的电线杆上接线，在其西瓜地四周架设了一圈裸露的电网，"
    "未设置任何警示标志。2015年7月21日夜，邻村村民潘某路过瓜地时触碰电网，当场触电死亡。覃某到案后如实供述了上述事实。"
)
EXTORTION_AND_A_CAR_SMASHED_UNDER_MASKED_HEADINGS = (
    "经审理查明：\n××：2015年6月，被告人孟某以曝光某超市出售过期食品相要挟，向超市经营者范某索要人民币2万元，范某被迫"
    "交付1万元。\n××：2015年8月12日夜，因范某报警，被告人孟某用铁锤将范某停放在超市门口的轿车车窗、车门砸坏。经价格"
    "认定，车辆损失价值人民币8600元。\n2015年8月20日，被告人孟某被公安机关抓获，到案后如实供述了上述犯罪事实。"
)
ONE_THEFT_UNDER_A_MASKED_HEADING = (
    "公诉机关指控：\n××：2017年8月2日凌晨，被告人包某在某县某镇一居民家中，趁主人熟睡之机，窃得现金人民币3200元及手机"
    "一部。经鉴定，手机价值人民币1500元。"
)


DEAD_CHICKENS_SOLD_TO_RESTAURANTS = (
    "经审理查明：2017年1月至4月间，被告人单某从周边养鸡场低价收购死因不明的死鸡共计3000余只，在其租用的民房内宰杀、"
    "褪毛、分割后，销售给某县多家饭店，销售金额共计人民币2.1万元。"
)
FAKE_BRAND_TRAINERS_SOLD = (
    "经审理查明：2016年3月至5月间，被告人苗某明知从广州购进的运动鞋系假冒“耐克”注册商标的商品，仍在其经营的鞋店内"
    "对外销售，销售金额共计人民币6.3万元。"
)
BRICK_THROWN_FROM_A_ROOF_KILLS_A_NEIGHBOUR = (
    "经审理查明：2014年8月12日上午，被告人詹某在其自家三层楼顶拆除旧围墙时，未在楼下设置警戒，随手将拆下的砖块从楼顶扔"
    "下，恰好砸中从楼下经过的邻居管某头部，管某经抢救无效死亡。"
)
BOTTLES_THROWN_FROM_A_FLAT_NO_ONE_HURT = (
    "公诉机关指控：2021年8月至9月间，被告人尚某因与家人发生矛盾，多次从其居住的某小区18楼住处窗户向楼下高空抛掷酒瓶、"
    "花盆、砖块等物品，致楼下一辆轿车车窗被砸碎，所幸未砸中行人。"
)


@pytest.mark.parametrize(
    ("text", "charges"),
    [
        (STORED_PHONES_SOLD_AND_SAID_STOLEN, ["侵占"]),
        (ROOMMATES_JEWELLERY_TAKEN_AND_DENIED, ["盗窃"]),
        (WOMAN_SEIZED_IN_A_PARK, ["强制猥亵、侮辱"]),
        (FACTORY_OWNER_HELD_FOR_RANSOM_BY_A_DEBTOR, ["绑架"]),
        (DEBTOR_HELD_IN_A_HOTEL, ["非法拘禁"]),
        (
            METHAMPHETAMINE_SOLD_TO_A_NAMED_BUYER_AND_USERS_SHELTERED,
            ["容留他人吸毒", "走私、贩卖、运输、制造毒品"],
        ),
        (HEROIN_BOUGHT_FOR_ONES_OWN_USE, ["非法持有毒品"]),
        (BEEF_OF_CATTLE_DEAD_OF_DISEASE, ["生产、销售不符合安全标准的食品"]),
        (PIGS_FED_CLENBUTEROL, ["生产、销售有毒、有害食品"]),
        (VILLAGE_POPLARS_FELLED_WITHOUT_A_PERMIT, ["盗伐林木"]),
        (OWN_FIRS_FELLED_WITHOUT_A_PERMIT, ["滥伐林木"]),
        (CASHIER_MOVES_FUNDS_OUT_FOR_LOTTERY, ["挪用资金"]),
        (SALESMAN_KEEPS_PAYMENTS, ["职务侵占"]),
        (HUNTERS_SHOT_AT_A_SUPPOSED_BOAR, ["过失致人死亡"]),
        (LIVE_WIRE_ROUND_A_MELON_FIELD, ["过失致人死亡"]),
        (EXTORTION_AND_A_CAR_SMASHED_UNDER_MASKED_HEADINGS, ["故意毁坏财物", "敲诈勒索"]),
        (ONE_THEFT_UNDER_A_MASKED_HEADING, ["盗窃"]),
        (DEAD_CHICKENS_SOLD_TO_RESTAURANTS, ["生产、销售不符合安全标准的食品"]),
        (FAKE_BRAND_TRAINERS_SOLD, ["销售假冒注册商标的商品"]),
        (BRICK_THROWN_FROM_A_ROOF_KILLS_A_NEIGHBOUR, ["过失致人死亡"]),
        (BOTTLES_THROWN_FROM_A_FLAT_NO_ONE_HURT, ["高空抛物"]),
    ],
)
def test_the_charges_the_conduct_makes(text, charges):
    assert infer_charges(text) == charges


def test_unnumbered_masked_headings_state_the_number_of_charges():
    assert stated_count(EXTORTION_AND_A_CAR_SMASHED_UNDER_MASKED_HEADINGS) == 2
    assert stated_count(ONE_THEFT_UNDER_A_MASKED_HEADING) == 0  # a lone heading says nothing of the number
