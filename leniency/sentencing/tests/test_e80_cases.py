"""E80's written fact texts for the circumstances examiners found misread: a property loss paid back (退赔, not 赔偿),
an illegal gain given up (退缴违法所得, no 退赃), a wait at the scene for the police (自首), a principal returned before
discovery, a payment absorbed by a 刑事和解, a payment negated; and the CAIL period's 坦白, 当庭认罪, 谅解 and a family's
payment. Each with the circumstances a careful lawyer reads in it, written down before the engine was run on it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class WrittenCase:
    name: str
    charges: tuple[str, ...]
    circumstances: frozenset[str]  # facts.Circumstance values
    text: str


def case(name: str, charges: str, circumstances: str, text: str) -> WrittenCase:
    """A case whose text is written over several lines, joined into one paragraph as a judgment gives it."""
    return WrittenCase(name, tuple(charges.split()), frozenset(circumstances.split()), text.replace("\n", ""))


FIRST = [
    # PROPERTY_PAYBACK: the value of what was taken, paid back, is 退赔 (三(10)), not 三(11)'s 赔偿
    case(
        "theft_phone_loss_paid_back",
        "盗窃",
        "confession restitution forgiveness",
        """
经审理查明：2016年4月12日14时许，被告人王某在某市某区某网吧内，趁被害人李某某熟睡之机，窃取其放在桌上的苹果手机一部。经鉴定，
该手机价值人民币三千二百元。2016年4月20日，被告人王某被公安民警抓获，归案后如实供述了上述犯罪事实。案发后，被告人王某向被害人
李某某赔偿了被盗手机的损失人民币三千二百元，李某某出具了谅解书。""",
    ),
    case(
        "fraud_family_paid_the_loss",
        "诈骗",
        "confession restitution forgiveness",
        """
公诉机关指控：2015年8月至9月间，被告人张某某以帮助办理车辆过户手续为由，先后骗取被害人刘某人民币四万五千元，所得款项被其用于
赌博挥霍。2015年11月3日，被告人张某某被抓获归案，归案后如实供述了上述犯罪事实。审理期间，被告人张某某的亲属代其赔偿了被害人刘某
的全部经济损失人民币四万五千元，刘某对被告人张某某表示谅解。""",
    ),
    case(
        "injury_loss_paid_is_compensation",
        "故意伤害",
        "confession compensation",
        """
经审理查明：2017年6月3日晚，被告人赵某某在某县某饭店门口与被害人孙某因琐事发生争执，被告人赵某某用拳头击打孙某面部，致孙某
鼻骨骨折。经鉴定，孙某的损伤程度为轻伤二级。同年6月5日，被告人赵某某被公安机关抓获，归案后如实供述了犯罪事实。案发后，被告人
赵某某赔偿了被害人孙某经济损失人民币二万元。""",
    ),
    # ILLEGAL_GAIN: 退缴 of a gain no victim lost (三(10) is a victim's loss returned or made good)
    case(
        "gambling_den_cut_given_up",
        "开设赌场",
        "confession",
        """
公诉机关指控：2017年3月至5月间，被告人周某在某镇其经营的茶馆内摆放赌博机三台，组织他人赌博，从中获利人民币一万二千元。
2017年5月20日，公安民警在该茶馆内当场查获赌博机三台及赌资人民币四千元。被告人周某归案后如实供述了上述事实，并主动退缴违法
所得人民币一万二千元。""",
    ),
    case(
        "selling_bank_cards_fee_given_up",
        "帮助信息网络犯罪活动",
        "confession",
        """
经审理查明：2018年5月，被告人吴某某明知他人利用信息网络实施犯罪，仍以每张一千元的价格将其名下的三张银行卡出售给他人，获利
人民币三千元。经查，上述银行卡被用于接收电信诈骗资金共计人民币二十一万元。2018年9月，被告人吴某某被公安机关抓获，到案后如实
供述了上述事实，并退缴了违法所得人民币三千元。""",
    ),
    case(
        "fraud_gain_given_up_is_restitution",
        "诈骗",
        "confession restitution",
        """
经审理查明：2016年10月，被告人陈某在网络上冒充某公司客服，以退款为由骗取被害人黄某某人民币二万三千元。2016年12月5日，被告人
陈某被公安机关抓获，到案后如实供述了上述事实，并退缴了违法所得人民币二万三千元。""",
    ),
    # SURRENDER_AT_SCENE: 法发〔2010〕60号 一(一), 明知他人报案而在现场等待 …
    case(
        "injury_called_ambulance_and_waited_for_police",
        "故意伤害",
        "surrender",
        """
经审理查明：2017年9月10日22时许，被告人李某在某市某小区门口与被害人马某某因停车问题发生争吵，被告人李某持木棍击打马某某头部，
致马某某颅骨骨折。经鉴定，马某某的损伤程度为轻伤一级。案发后，被告人李某拨打120急救电话，并在现场等候公安民警到来，民警到达后
将其带回派出所，被告人李某如实供述了犯罪事实。""",
    ),
    case(
        "injury_stayed_after_victim_called_police",
        "故意伤害",
        "surrender",
        """
经审理查明：2014年7月2日，被告人郑某某在某村其家门口与邻居被害人冯某因宅基地纠纷发生争执，被告人郑某某用铁锹将冯某左手砍伤。
经鉴定，冯某的损伤程度为轻伤二级。冯某的妻子随即报警，被告人郑某某明知他人报警而留在现场等候民警处理，民警到达后其无拒捕行为，
归案后如实供述了犯罪事实。""",
    ),
    case(
        "injury_held_at_scene_by_onlookers",
        "故意伤害",
        "confession",
        """
经审理查明：2015年2月14日，被告人许某在某市某酒吧内与被害人何某某发生口角，持啤酒瓶砸伤何某某头部。经鉴定，何某某的损伤程度
为轻伤二级。被告人许某欲离开时被在场群众控制，民警接警后赶到现场将其抓获。被告人许某归案后如实供述了犯罪事实。""",
    ),
    # RETURNED_BEFORE_DISCOVERY: 集资诈骗's amount is net of the principal returned before discovery (raised_funds.py)
    case(
        "raising_fraud_principal_returned_before",
        "集资诈骗",
        "confession",
        """
公诉机关指控：2014年1月至2016年3月间，被告人林某某以投资养殖项目为名，承诺高额回报，向社会公众非法集资人民币三百二十万元，
所得资金大部分被其用于个人挥霍。案发前，被告人林某某已向部分集资参与人退还本金人民币六十万元。2016年4月，被告人林某某被公安
机关抓获，归案后如实供述了犯罪事实。""",
    ),
    case(
        "raising_fraud_paid_back_after_arrest",
        "集资诈骗",
        "confession restitution",
        """
公诉机关指控：2015年3月至2016年8月间，被告人高某以开发旅游项目为名，向社会公众非法集资人民币一百八十万元，用于偿还个人债务及
挥霍。2016年9月，被告人高某被抓获，归案后如实供述了犯罪事实。审查起诉期间，被告人高某退赔集资参与人经济损失人民币三十万元。""",
    ),
    # RECONCILED_PAYMENT: 三(12) weighs the payment and the forgiveness of a 刑事和解 as one
    case(
        "injury_reconciled_with_payment",
        "故意伤害",
        # 经…电话通知到案: he came in when called, not questioned nor under compulsion before: 自动投案, and 自首 with his
        # account (法释〔1998〕8号第一条; E84's examiner, E90)
        "surrender reconciliation",
        """
经审理查明：2016年5月8日，被告人韩某某与同村村民被害人曹某因灌溉用水发生争执，被告人韩某某用木棍击打曹某右臂，致曹某右尺骨
骨折。经鉴定，曹某的损伤程度为轻伤二级。被告人韩某某经公安机关电话通知后到案，如实供述了犯罪事实。审查起诉期间，被告人韩某某
与被害人曹某达成刑事和解协议，由被告人韩某某赔偿曹某各项损失人民币三万元，曹某对其予以谅解。""",
    ),
    case(
        "injury_paid_and_forgiven_without_reconciliation",
        "故意伤害",
        "confession compensation forgiveness",
        """
经审理查明：2013年10月21日，被告人邓某在某县某集市与被害人彭某某因摊位发生争吵，用拳头击打彭某某面部，致其左眼眶骨折。经鉴定，
彭某某的损伤程度为轻伤二级。被告人邓某被抓获后如实供述了犯罪事实。审理期间，被告人邓某赔偿了被害人彭某某医疗费等经济损失人民币
二万五千元，彭某某出具了谅解书。""",
    ),
    # UNPAID: the payment negated, or only its amount disputed
    case(
        "injury_amount_disputed_no_agreement",
        "故意伤害",
        "confession",
        """
经审理查明：2018年1月5日，被告人蒋某某在某市某菜市场与被害人沈某因买卖纠纷发生打斗，被告人蒋某某持菜刀砍伤沈某左前臂。经鉴定，
沈某的损伤程度为轻伤一级。被告人蒋某某被抓获后如实供述了犯罪事实。因双方对赔偿数额分歧较大，被告人蒋某某未能与被害人沈某达成
赔偿协议。""",
    ),
    case(
        "injury_unable_to_pay",
        "故意伤害",
        "confession",
        """
经审理查明：2014年11月30日，被告人钱某在某镇某KTV内与被害人朱某某发生口角，持烟灰缸砸伤朱某某头部。经鉴定，朱某某的损伤程度
为轻伤二级。被告人钱某被抓获归案后如实供述了犯罪事实。被告人钱某因家庭经济困难，无力赔偿被害人朱某某的经济损失，朱某某未表示
谅解。""",
    ),
    case(
        "injury_no_agreement_but_part_paid",
        "故意伤害",
        "confession compensation",
        """
经审理查明：2016年8月19日，被告人秦某在某市某工地与被害人尤某因工钱问题发生争执，持钢管击打尤某右腿，致其右胫骨骨折。经鉴定，
尤某的损伤程度为轻伤一级。被告人秦某被抓获后如实供述了犯罪事实。双方虽未能就赔偿数额达成一致，但被告人秦某已先行支付尤某医疗费
人民币一万元。""",
    ),
    # CAIL period: 坦白 after arrest, not 自首; 当庭认罪 beside it; 谅解 told by the 谅解书
    case(
        "theft_caught_then_confessed_at_trial_too",
        "盗窃",
        "confession forgiveness",
        """
经审理查明：2013年9月7日凌晨，被告人施某某撬开某小区被害人吕某停放的电动车车锁，将该电动车盗走。经鉴定，该电动车价值人民币
二千四百元。同年9月9日，被告人施某某在销赃时被公安民警抓获，到案后如实供述了上述犯罪事实，庭审中亦自愿认罪。被害人吕某对被告人
施某某予以谅解。""",
    ),
    case(
        "injury_family_paid_for_him",
        "故意伤害",
        "confession compensation forgiveness",
        """
经审理查明：2015年12月24日，被告人孔某在某县某村与被害人曹某某因债务纠纷发生厮打，致曹某某右肋骨多处骨折。经鉴定，曹某某的
损伤程度为轻伤一级。被告人孔某被抓获后如实供述了犯罪事实。案发后，被告人孔某的亲属代为赔偿被害人曹某某经济损失人民币四万元，
曹某某出具了谅解书。""",
    ),
]
# written after FIRST's fixes, in new phrasings, and scored before any change for them
SECOND = [
    case(
        "snatching_paid_sum_without_the_word_loss",
        "抢夺",
        "confession restitution forgiveness",
        """
经审理查明：2014年3月15日18时许，被告人杜某骑电动车经过某路口时，趁被害人范某某不备，抢走其挎包一个，内有现金人民币一千八百元
及手机一部。经鉴定，该手机价值人民币一千二百元。同月20日，被告人杜某被公安民警抓获，归案后如实供述了犯罪事实。审理期间，被告人杜某
向被害人范某某赔偿人民币三千元，取得了范某某的谅解。""",
    ),
    case(
        "embezzling_employee_paid_the_company",
        "职务侵占",
        "confession restitution",
        """
公诉机关指控：2016年2月至7月间，被告人彭某某利用担任某物流公司收款员的职务便利，将收取的货款人民币六万八千元占为己有，用于个人
消费。同年8月，该公司发现后报案，被告人彭某某被公安机关抓获，到案后如实供述了犯罪事实。案发后，被告人彭某某已赔偿该公司全部损失。""",
    ),
    case(
        "unlicensed_cigarettes_gain_handed_in",
        "非法经营",
        "confession",
        """
经审理查明：2015年5月至2016年1月间，被告人袁某某在未取得烟草专卖零售许可证的情况下，从外地低价购进卷烟后在其经营的小卖部内
加价销售，经营数额共计人民币十二万元，获利人民币一万五千元。被告人袁某某归案后如实供述了上述事实，并主动上缴违法所得人民币一万五千元。""",
    ),
    case(
        "selling_personal_data_gain_given_up",
        "侵犯公民个人信息",
        "confession",
        """
公诉机关指控：2017年4月至10月间，被告人田某通过QQ群向他人出售公民个人信息共计六千余条，非法获利人民币六千元。2017年11月2日，
被告人田某被公安机关抓获，到案后如实供述了上述事实，并退缴违法所得人民币六千元。""",
    ),
    case(
        "embezzling_cashier_gave_up_the_money",
        "职务侵占",
        "confession restitution",
        """
经审理查明：2013年6月至12月间，被告人方某利用担任某超市收银员的职务便利，多次将收取的现金截留占为己有，共计人民币三万二千元。
被告人方某归案后如实供述了上述事实，并退缴了全部赃款。""",
    ),
    case(
        "injury_stayed_without_fleeing_for_police",
        "故意伤害",
        "surrender",
        """
经审理查明：2016年11月8日，被告人潘某在某村与被害人杜某某因土地纠纷发生争执，潘某持锄头击打杜某某头部，致杜某某颅骨骨折。
经鉴定，杜某某的损伤程度为轻伤一级。作案后，被告人潘某未逃离现场，一直在现场等待民警到来，到案后如实供述了犯罪事实。""",
    ),
    case(
        "traffic_death_called_and_waited_for_traffic_police",
        "交通肇事",
        "surrender",
        """
经审理查明：2015年10月3日19时许，被告人戴某驾驶小型轿车行驶至某县某路段时，因未注意观察前方路况，将横过道路的行人夏某某撞倒，
致夏某某经抢救无效死亡。经交警部门认定，被告人戴某负事故的全部责任。事故发生后，被告人戴某拨打120急救电话和110报警电话，
并在现场等候交警处理，到案后如实供述了犯罪事实。""",
    ),
    case(
        "injury_waited_then_slipped_away",
        "故意伤害",
        "confession",
        """
经审理查明：2017年2月27日，被告人汪某在某市某烧烤店与被害人贺某因琐事发生争执，持啤酒瓶砸伤贺某头部。经鉴定，贺某的损伤程度
为轻伤二级。案发后，被告人汪某在现场等候民警时趁乱逃离，后于同年3月5日被公安民警抓获，归案后如实供述了犯罪事实。""",
    ),
    case(
        "injury_family_willing_but_could_not_pay",
        "故意伤害",
        "confession",
        """
经审理查明：2013年8月2日，被告人龙某与被害人石某某因债务问题在某镇街头发生厮打，龙某用砖头砸伤石某某面部。经鉴定，石某某的
损伤程度为轻伤二级。被告人龙某被抓获后如实供述了犯罪事实。被告人龙某的亲属虽有赔偿意愿，但因双方对赔偿金额分歧较大，未能达成
调解协议。""",
    ),
    case(
        "injury_mediated_settlement_called_reconciliation",
        "故意伤害",
        # 经…电话通知到案: he came in when called, not questioned nor under compulsion before: 自动投案, and 自首 with his
        # account (法释〔1998〕8号第一条; E84's examiner, E90)
        "surrender reconciliation",
        """
经审理查明：2014年5月19日，被告人段某在某村与被害人雷某因修路占地发生争执，段某持木棒击打雷某左臂，致雷某左尺骨骨折。经鉴定，
雷某的损伤程度为轻伤二级。被告人段某经电话通知到案后如实供述了犯罪事实。经某镇人民调解委员会主持调解，双方达成和解协议，被告人段某
赔偿雷某各项损失人民币二万元，雷某出具了谅解书。""",
    ),
    case(
        "raising_fraud_paid_before_discovery_told_as_cashed",
        "集资诈骗",
        "confession",
        """
公诉机关指控：2013年5月至2015年2月间，被告人邱某以经营茶叶生意需要资金为名，以月息百分之三的高额回报为诱饵，向社会公众非法集资
人民币二百四十万元，用于偿还赌债及挥霍。在案发前，被告人邱某已陆续向集资参与人兑付本金人民币四十万元。2015年3月，被告人邱某
被公安机关抓获，归案后如实供述了犯罪事实。""",
    ),
    case(
        "theft_caught_then_only_admitted_in_court",
        "盗窃",
        "court_confession forgiveness",
        """
经审理查明：2018年3月4日凌晨，被告人姜某某在某小区地下车库内撬开被害人毛某的轿车车门，窃得车内香烟六条及现金人民币八百元，
经鉴定，所窃香烟价值人民币一千五百元。同年3月10日，被告人姜某某被公安民警抓获。被告人姜某某在侦查阶段拒不供认犯罪事实，
当庭自愿认罪。被害人毛某的家属对被告人姜某某的行为表示谅解。""",
    ),
    # a driver's wait is his duty: 法发〔2010〕60号 asks his own report to the police (E76's reading; my first
    # expectation, surrender, was wrong)
    case(
        "traffic_injury_ambulance_then_waited_for_traffic_police",
        "交通肇事",
        "confession",
        """
经审理查明：2016年1月22日7时许，被告人常某驾驶重型货车在某国道转弯时，与骑电动车的被害人武某相撞，致武某重伤，经鉴定为重伤
二级。经交警部门认定，被告人常某负事故的主要责任，另查明常某事发时无驾驶资格。事故发生后，被告人常某拨打120急救电话，并在现场
等候交警到来，到案后如实供述了犯罪事实。""",
    ),
    case(
        "injury_sat_down_where_he_was_to_wait",
        "故意伤害",
        "surrender",
        """
经审理查明：2018年6月30日晚，被告人乔某在某夜市摊位与被害人尹某某因结账发生争执，乔某用折叠凳击打尹某某头部，致尹某某颅骨
骨折。经鉴定，尹某某的损伤程度为轻伤一级。乔某打完后坐在原地等候民警到来，到案后如实供述了犯罪事实。""",
    ),
    case(
        "injury_reconciled_and_victim_asks_no_prosecution",
        "故意伤害",
        "confession reconciliation",
        """
公诉机关指控：2017年4月2日，被告人魏某某在某县某村因琐事与被害人陶某发生厮打，致陶某左眼眶骨折。经鉴定，陶某的损伤程度为轻伤
二级。被告人魏某某被抓获后如实供述了犯罪事实。审查起诉期间，被告人魏某某与被害人陶某自愿达成刑事和解，魏某某赔偿陶某人民币
四万元，陶某表示不再追究魏某某的刑事责任。""",
    ),
]

# written after the fix of E58's RETURN_WORDS misses (a return told of the defendant by his name alone, no 被告人 in its
# sentence), to prove it on texts of my own
THIRD = [
    case(
        "embezzler_named_alone_returned_the_money",
        "职务侵占",
        "confession restitution",
        """
经审理查明：2016年5月至12月间，被告人孟某某利用担任某建材公司出纳的职务便利，多次将公司货款转入其个人账户，共计人民币四万六千元，
用于归还个人欠款。2017年3月，孟某某被公安机关抓获，到案后如实供述了上述事实。同年4月，孟某某退还了全部侵占款项。""",
    ),
    case(
        "extorter_named_alone_gave_the_money_back",
        "敲诈勒索",
        "confession restitution forgiveness",
        """
公诉机关指控：2015年9月，被告人蔡某某以曝光被害人付某与他人的聊天记录相威胁，向付某索要人民币一万元，付某被迫通过银行转账支付。
同年10月，蔡某某被抓获，到案后如实供述了犯罪事实。案发后，蔡某某将勒索所得钱款全部退还付某，付某对其表示谅解。""",
    ),
    case(
        "money_recovered_by_the_police_is_no_restitution",
        "职务侵占",
        "confession",
        """
经审理查明：2014年2月至6月间，被告人谭某利用担任某餐饮公司收银员的职务便利，截留营业款共计人民币三万一千元。2014年7月，
谭某被公安机关抓获，到案后如实供述了上述事实。公安机关从谭某处追回赃款人民币一万元，已发还被害单位。""",
    ),
]

# written after THIRD, in new phrasings of the classes, and scored before any change for them
FOURTH = [
    case(
        "theft_loss_paid_and_forgiven_in_one_clause",
        "盗窃",
        "confession restitution forgiveness",
        """
经审理查明：2014年8月9日凌晨，被告人严某某翻墙进入某小区被害人华某的车库内，窃得电动自行车一辆，经鉴定价值人民币二千六百元。
同年8月15日，被告人严某某被公安民警抓获，到案后如实供述了犯罪事实。审理期间，被告人严某某已赔偿被害人华某全部经济损失并取得其谅解。""",
    ),
    case(
        "provoking_trouble_damage_paid_is_compensation",
        "寻衅滋事",
        "confession compensation",
        """
经审理查明：2016年3月12日晚，被告人金某酒后在某镇某饭店内无故滋事，随意殴打店主魏某某并砸毁店内桌椅、餐具等物品，经鉴定，
被毁物品价值人民币四千二百元，魏某某的损伤程度为轻微伤。被告人金某被抓获后如实供述了犯罪事实。案发后，被告人金某赔偿了魏某某
经济损失人民币八千元。""",
    ),
    case(
        "injury_own_call_then_waited_where_he_stood",
        "故意伤害",
        "surrender",
        """
经审理查明：2015年7月21日，被告人柏某与被害人水某在某市某工地因工程款结算发生争执，柏某持钢管击打水某右臂，致其右尺骨骨折。
经鉴定，水某的损伤程度为轻伤二级。案发后，被告人柏某主动打电话报警，并在原地等候公安人员到来，到案后如实供述了犯罪事实。""",
    ),
    case(
        "injury_willing_but_nothing_paid",
        "故意伤害",
        "confession",
        """
经审理查明：2017年10月3日，被告人窦某在某村与被害人章某某因琐事发生厮打，窦某用石块砸伤章某某头部。经鉴定，章某某的损伤程度为
轻伤二级。被告人窦某被抓获后如实供述了犯罪事实。被告人窦某虽表示愿意赔偿被害人的经济损失，但至今未实际赔偿。""",
    ),
    case(
        "gambling_den_stakes_and_gain_handed_in",
        "开设赌场",
        "confession",
        """
公诉机关指控：2016年1月至3月间，被告人云某在某村其家中设置赌局，组织他人以“推牌九”方式赌博，抽头渔利人民币九千元。2016年3月
27日，公安民警将正在赌博的人员当场查获。被告人云某归案后如实供述了犯罪事实，并向公安机关上缴了全部违法所得。""",
    ),
    case(
        "fraud_family_returned_the_loss_for_him",
        "诈骗",
        "confession restitution",
        """
经审理查明：2018年2月，被告人苏某以帮助被害人潘某某的儿子安排工作为由，骗取潘某某人民币五万元。同年5月，被告人苏某被抓获，
到案后如实供述了犯罪事实。审查起诉期间，被告人苏某的家属代为退赔了被害人潘某某全部损失。""",
    ),
]
