"""Charges one element of the statute tells apart (E61, issue 16 class 8): the subject (国家工作人员 or a company's
staff, 刑法第93、163、271、272、382、384、385条), a contract signed or performed (第224条), a road under public traffic
management (第133条; 法释〔2000〕33号第八条), the purpose of owning a bank loan (第193条 / 第175条之一), whose trees
(第345条), and 传销's recruiting for pay (第224条之一). Texts written for this test in the style of a judgment (none taken
from the development data), charges inferred with none given, each with the charge a court would convict of.

FIRST (45 texts): written before any change, at least four per pair, both sides: 34/45 at 60d0083, 44/45 after E61's
rules. SECOND (17 texts): written after the first batch's fixes in new phrasings, run once before anything was changed
for it: 11/17 at 60d0083, 12/17 with the first batch's fixes (the nearest figure to a held-out one), 16/17 after the
fixes it showed (a supplier's fees art. 163 para. 2, trees felled while their owner was away, friends called up by
both sides, money handed to a brother and returned). The two left are strict xfails naming why.
"""

import pytest

from leniency.sentencing.extraction.charges import infer_charges

TRAFFIC = "交通肇事"
NEG_DEATH = "过失致人死亡"
WORK_ACCIDENT = "重大责任事故"
FRAUD = "诈骗"
EMBEZZLE = "贪污"
CONTRACT_FRAUD = "合同诈骗"
BRIBE = "受贿"
STAFF_BRIBE = "非国家工作人员受贿"
LOAN_FRAUD = "贷款诈骗"
LOAN_DECEIT = "骗取贷款、票据承兑、金融票证"
ILLEGAL_FELL = "滥伐林木"
STEAL_FELL = "盗伐林木"
MISUSE_PUBLIC = "挪用公款"
MISUSE_FUNDS = "挪用资金"
ABUSE = "滥用职权"
VAT_INVOICE = "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票"
INJURY = "故意伤害"
AFFRAY = "聚众斗殴"
PYRAMID = "组织、领导传销活动"

FIRST = [
    # 交通肇事 / 过失致人死亡: a road under public traffic management, or a place outside it
    pytest.param(
        [NEG_DEATH],
        "经审理查明：2021年5月3日上午，被告人甲某在自家院内倒车时，未注意观察车后情况，将在院内玩耍的邻居之子乙某"
        "（三岁）碾压，致乙某当场死亡。",
        id="reversing_in_own_courtyard",
    ),
    pytest.param(
        [NEG_DEATH],
        "公诉机关指控：被告人丙某驾驶拖拉机在本村晒谷场上倒退时，将正在晒场上翻晒稻谷的丁某撞倒碾压，丁某经抢救无效死亡。",
        id="tractor_on_threshing_floor",
    ),
    pytest.param(
        [TRAFFIC],
        "经审理查明：2020年11月8日19时许，被告人戊某驾驶重型货车沿312国道由东向西行驶至某路口时，未按规定让行，"
        "与骑电动自行车的己某相撞，致己某当场死亡。经交警部门认定，戊某负事故的主要责任。",
        id="lorry_on_national_road",
    ),
    pytest.param(
        [TRAFFIC],
        "公诉机关指控：被告人庚某驾驶小型轿车在某县城区道路上行驶时，因超速行驶撞倒横过马路的行人辛某，致辛某死亡，"
        "庚某负事故全部责任。",
        id="car_on_town_street",
    ),
    pytest.param(
        [TRAFFIC],
        "经审理查明：被告人壬某驾驶面包车在乡村公路上行驶时，与对向驶来的摩托车相撞，造成摩托车驾驶人癸某死亡。"
        "事故发生后壬某驾车逃逸。",
        id="van_on_village_road_fled",
    ),
    # 诈骗 / 贪污: a state functionary's use of his post, or anyone's deceit
    pytest.param(
        [FRAUD],
        "经审理查明：被告人甲某系某村村民，其隐瞒家中已有楼房和车辆的事实，提交虚假的家庭收入证明，骗取政府发放的"
        "危房改造补助资金人民币3.5万元。",
        id="villager_false_income_subsidy",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人乙某在其母亲去世后，隐瞒其母已死亡的事实，继续冒领其母的养老金共计人民币6.8万元。",
        id="pension_after_mother_died",
    ),
    pytest.param(
        [EMBEZZLE],
        "经审理查明：被告人丙某在担任某镇财政所会计期间，利用负责报账的职务便利，采取虚开票据、重复报销的手段，"
        "侵吞公款共计人民币21万元，据为己有。",
        id="town_finance_clerk_false_receipts",
    ),
    pytest.param(
        [EMBEZZLE],
        "公诉机关指控：被告人丁某系某县民政局工作人员，利用经手发放救灾款的职务便利，虚报受灾人员名单，"
        "套取救灾款人民币8万元归个人所有。",
        id="civil_affairs_clerk_disaster_money",
    ),
    # 合同诈骗 / 诈骗: a contract signed or performed in economic dealings
    pytest.param(
        [CONTRACT_FRAUD],
        "经审理查明：被告人甲某以其经营的某商贸公司名义，与被害单位某钢材厂签订钢材购销合同，约定货到付款。"
        "甲某在收到价值人民币46万元的钢材后，将钢材低价变卖，拒不支付货款，并更换手机号码逃匿。",
        id="steel_purchase_contract_fled",
    ),
    pytest.param(
        [CONTRACT_FRAUD],
        "公诉机关指控：被告人乙某在无履约能力的情况下，虚构其承包了某工程的事实，与被害人丙某签订工程分包协议，"
        "收取丙某交纳的履约保证金人民币30万元后，将钱款用于偿还个人债务。",
        id="subcontract_deposit",
    ),
    pytest.param(
        [FRAUD],
        "经审理查明：被告人丁某谎称自己在某医院有熟人，能帮助被害人戊某的儿子安排工作，先后收取戊某人民币5万元，"
        "后该工作并未落实，丁某将钱款挥霍。",
        id="job_promise_no_contract",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人己某虚构其母亲患病住院急需用钱的事实，向同学庚某借款人民币2万元，并出具借条一张。"
        "己某取得钱款后即将庚某微信拉黑，钱款用于网络赌博。",
        id="loan_note_to_classmate",
    ),
    # 非国家工作人员受贿 / 受贿: whose staff takes
    pytest.param(
        [STAFF_BRIBE],
        "经审理查明：被告人甲某在担任某民营电器有限公司采购部经理期间，利用负责采购的职务便利，为供应商乙某"
        "在供货及结算货款方面谋取利益，先后收受乙某给予的好处费共计人民币12万元。",
        id="private_company_purchasing_manager",
    ),
    pytest.param(
        [STAFF_BRIBE],
        "公诉机关指控：被告人丙某系某房地产开发公司工程部主管，利用负责工程验收的职务便利，收受施工方丁某所送"
        "现金人民币8万元，为其在工程验收中提供帮助。",
        id="developer_site_supervisor",
    ),
    pytest.param(
        [BRIBE],
        "经审理查明：被告人戊某在担任某县住房和城乡建设局局长期间，利用职务上的便利，为他人在工程承揽、"
        "资质审批等方面谋取利益，非法收受他人财物共计人民币86万元。",
        id="housing_bureau_director",
    ),
    pytest.param(
        [BRIBE],
        "公诉机关指控：被告人己某系国有控股某燃气公司委派到其下属公司从事公务的人员，利用担任副总经理的职务便利，"
        "为请托人在管道工程结算中谋取利益，收受请托人所送现金人民币20万元。",
        id="state_company_delegated_officer",
    ),
    # 骗取贷款 / 贷款诈骗: the purpose of owning the loan
    pytest.param(
        [LOAN_DECEIT],
        "经审理查明：被告人甲某为扩大其养殖场规模，使用虚假的购销合同和财务报表，从某农村商业银行取得贷款"
        "人民币150万元。后因市场行情下跌，养殖场经营亏损，甲某无法按期归还贷款本金120万元。",
        id="false_statements_business_failed",
    ),
    pytest.param(
        [LOAN_DECEIT],
        "公诉机关指控：被告人乙某以其亲属名义，提供虚假的收入证明，向某银行支行申请个人经营贷款人民币80万元，"
        "所得款项用于其公司生产经营，至案发时尚有50万元未归还，给银行造成重大损失。",
        id="relative_name_loan_for_own_business",
    ),
    pytest.param(
        [LOAN_FRAUD],
        "经审理查明：被告人丙某伪造房产证作抵押，从某农村信用合作社骗取贷款人民币60万元，取得贷款后将钱款全部用于赌博"
        "挥霍，并逃往外地躲避还款。",
        id="forged_deed_loan_gambled_fled",
    ),
    pytest.param(
        [LOAN_FRAUD],
        "公诉机关指控：被告人丁某编造引进资金、项目等虚假理由，从某村镇银行取得贷款人民币200万元后，将贷款转移至其"
        "个人账户并携款潜逃。",
        id="invented_project_loan_absconded",
    ),
    # 滥伐林木 / 盗伐林木: whose trees
    pytest.param(
        [ILLEGAL_FELL],
        "经审理查明：被告人甲某在其承包的自留山上，未办理林木采伐许可证，擅自砍伐杉木120株，经鉴定立木蓄积为25立方米。",
        id="own_hill_no_licence",
    ),
    pytest.param(
        [ILLEGAL_FELL],
        "公诉机关指控：被告人乙某取得林木采伐许可证后，超出许可证规定的地点和数量，在其经营的林地内采伐松树，"
        "超采林木蓄积32立方米。",
        id="licence_exceeded",
    ),
    pytest.param(
        [STEAL_FELL],
        "经审理查明：被告人丙某趁夜间无人之机，窜至邻村村民丁某承包的山林内，用油锯砍伐丁某种植的桉树80株，"
        "拉回后出售，经鉴定立木蓄积为12立方米。",
        id="neighbour_plantation_at_night",
    ),
    pytest.param(
        [STEAL_FELL],
        "公诉机关指控：被告人戊某未经林业主管部门批准，也未经林权所有人同意，擅自在国有林场的林地内砍伐马尾松，"
        "立木蓄积8.6立方米。",
        id="state_forest_farm",
    ),
    # 挪用公款 / 挪用资金: whose money, whose staff
    pytest.param(
        [MISUSE_PUBLIC],
        "经审理查明：被告人甲某在担任某县财政局出纳期间，利用保管资金的职务便利，挪用公款人民币40万元借给其朋友"
        "经营饭店，五个月后归还。",
        id="finance_bureau_cashier",
    ),
    pytest.param(
        [MISUSE_PUBLIC],
        "公诉机关指控：被告人乙某系某镇人民政府会计，利用管理镇政府账户的便利，将镇政府账户内的资金人民币15万元转入"
        "其个人账户用于购买理财产品，三个月后归还。",
        id="town_government_accountant",
    ),
    pytest.param(
        [MISUSE_FUNDS],
        "经审理查明：被告人丙某在担任某私营纺织有限公司出纳期间，利用职务上的便利，将公司资金人民币25万元转入其个人"
        "账户，用于归还个人信用卡欠款，案发前未归还。",
        id="private_textile_cashier",
    ),
    pytest.param(
        [MISUSE_FUNDS],
        "公诉机关指控：被告人丁某系某物流公司财务人员，利用经手公司货款的便利，挪用公司资金人民币18万元用于网络赌博。",
        id="logistics_company_staff",
    ),
    # 受贿 / 贪污 / 滥用职权: what the functionary did with his post
    pytest.param(
        [BRIBE],
        "经审理查明：被告人甲某在担任某区城市管理局副局长期间，利用职务上的便利，为某广告公司在户外广告审批中谋取利益，"
        "先后三次收受该公司负责人乙某所送现金共计人民币15万元。",
        id="city_management_deputy_bribe",
    ),
    pytest.param(
        [ABUSE],
        "公诉机关指控：被告人丙某在担任某县国土资源局地籍股股长期间，违反土地管理规定，在明知申请人不符合条件的情况下，"
        "擅自为其办理土地使用权登记，致使国家土地出让金损失人民币320万元。",
        id="land_registry_without_conditions",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a registration against the rules shares the words of 刑法第410条 (非法批准征收, 低价出让); no element "
            "in the fact's words parts art. 397 from art. 410",
        ),
    ),
    pytest.param(
        [EMBEZZLE],
        "经审理查明：被告人丁某在担任某乡卫生院院长期间，利用管理院内财务的职务便利，指使会计以虚列劳务费的方式，"
        "从卫生院账户套取公款人民币32万元，据为己有。",
        id="clinic_head_false_labour_fees",
    ),
    pytest.param(
        [ABUSE],
        "公诉机关指控：被告人戊某在担任某区人力资源和社会保障局养老保险科科长期间，不正确履行审核职责，"
        "违规为不符合条件的人员办理提前退休和养老保险待遇，致使国家养老保险基金损失人民币210万元。",
        id="pension_office_wrongful_approvals",
    ),
    # 虚开增值税专用发票 / 出售发票: invoices issued for no real trade
    pytest.param(
        [VAT_INVOICE],
        "经审理查明：被告人甲某为牟取非法利益，在其控制的某贸易公司与乙某的公司之间没有真实货物交易的情况下，"
        "按票面金额6%收取开票费，为乙某的公司虚开增值税专用发票28份，价税合计人民币300万元，税额43万元，已全部抵扣。",
        id="no_real_trade_vat_issued",
    ),
    pytest.param(
        [VAT_INVOICE],
        "公诉机关指控：被告人丙某让他人为自己经营的建材公司虚开增值税专用发票15份，税额共计人民币26万元，"
        "并向税务机关申报抵扣。",
        id="had_others_issue_for_own_company",
    ),
    pytest.param(
        ["伪造、出售伪造的增值税专用发票"],
        "经审理查明：被告人丁某从他人处购得伪造的空白增值税专用发票200份，后在某市以每份80元的价格将其中150份"
        "出售给他人。",
        id="sold_forged_blank_vat_forms",
    ),
    pytest.param(
        ["非法制造、出售非法制造的发票"],
        "公诉机关指控：被告人戊某在其租住的出租屋内，使用电脑、打印机私自印制某市餐饮业普通发票1500份，"
        "并以每本30元的价格出售给他人。",
        id="printed_ordinary_invoices_sold",
    ),
    # 故意伤害 / 聚众斗殴: one man's quarrel, or gangs called up to fight
    pytest.param(
        [INJURY],
        "经审理查明：被告人甲某因琐事与同村村民乙某发生争吵，随后甲某用拳头击打乙某面部，致乙某鼻骨骨折，"
        "经鉴定为轻伤二级。",
        id="one_punch_nose_fracture",
    ),
    pytest.param(
        [AFFRAY],
        "公诉机关指控：被告人丙某因争夺工程与丁某结怨，双方通过电话约定在某广场斗殴。丙某纠集戊某等十余人，"
        "丁某纠集己某等八人，双方持砍刀、钢管在广场上互相殴斗，致双方多人轻微伤。",
        id="two_gangs_agreed_square",
    ),
    pytest.param(
        [INJURY],
        "公诉机关指控：被告人丙某在某饭店吃饭时，因邻桌丁某说话声音过大与其发生口角，丙某遂持啤酒瓶砸向丁某头部，"
        "致丁某颅骨骨折，经鉴定为轻伤一级。同桌的戊某上前劝阻。",
        id="bottle_in_restaurant_friend_holds_back",
    ),
    pytest.param(
        [AFFRAY],
        "经审理查明：被告人己某与庚某因争抢网吧座位结怨，己某纠集同学五人，携带甩棍、木棒到庚某所在的村口，"
        "与庚某纠集的六人相互持械殴打，造成一人轻伤。",
        id="internet_cafe_grudge_two_groups",
    ),
    # 组织、领导传销活动 / 诈骗: recruiting for pay, or a lie to one victim
    pytest.param(
        [PYRAMID],
        "经审理查明：被告人甲某以销售保健品为名，要求参加者缴纳人民币3800元购买一份产品取得加入资格，并按照一定顺序"
        "组成层级，以发展下线的人数作为计酬和返利的依据。甲某处于该组织的第一层级，其下线达三层以上，共计120余人。",
        id="health_products_levels_recruiting",
    ),
    pytest.param(
        [PYRAMID],
        "公诉机关指控：被告人乙某伙同他人以“资本运作”为名，诱骗他人缴纳69800元的入会费加入组织，要求加入者再发展他人"
        "加入，以发展人员的数量计算报酬。乙某作为该组织的领导者，发展下线人员三层以上共计50余人。",
        id="capital_operation_entry_fee",
    ),
    pytest.param(
        [PYRAMID],
        "经审理查明：被告人丁某在某微信群内推广“消费返利”平台，要求会员缴纳499元成为代理，每推荐一名新代理"
        "可得提成100元，新代理再推荐他人时上级逐层获得提成。丁某的下线共计四层，达89人，收取会员费4万余元。",
        id="wechat_rebate_platform_agents",
    ),
    pytest.param(
        [FRAUD],
        "经审理查明：被告人丙某谎称其有内部渠道可以低价购买原始股，骗取被害人丁某人民币10万元，后将钱款用于个人消费。",
        id="inside_share_lie_one_victim",
    ),
]


@pytest.mark.parametrize(("gold", "text"), FIRST)
def test_first_batch_text_reads_as_the_court_would_find(gold, text):
    assert sorted(infer_charges(text)) == sorted(gold)


# Written after the first batch's fixes, in new phrasings; run once before anything was changed for them
SECOND = [
    pytest.param(
        [NEG_DEATH],
        "经审理查明：被告人甲某在某砖厂院内驾驶装载机铲运黏土时，未鸣笛示意即行倒车，将站在车后的同村村民乙某撞倒，"
        "乙某经送医院救治无效死亡。该院落为砖厂封闭场地，不对外通行。",
        id="loader_in_closed_brickyard",
        marks=pytest.mark.xfail(
            strict=True,
            reason="outside public traffic management (法释〔2000〕33号第八条) a death by a loader is art. 134 or art. 233 "
            "by whether it was work; the profiles name both and no rule picks one",
        ),
    ),
    pytest.param(
        [TRAFFIC],
        "公诉机关指控：2022年1月14日凌晨，被告人丙某饮酒后驾驶二轮摩托车行至某镇街道时，碰撞同向行走的行人丁某，"
        "致丁某颅脑损伤死亡。经认定，丙某承担此次事故的全部责任。",
        id="drunk_motorbike_town_street",
    ),
    pytest.param(
        [CONTRACT_FRAUD],
        "经审理查明：被告人戊某冒用其朋友的身份，以租车跑网约车为由，与某汽车租赁公司签订车辆租赁合同，租得轿车三辆后"
        "即将车辆质押给他人，得款人民币12万元用于挥霍。",
        id="rented_cars_pledged",
    ),
    pytest.param(
        [FRAUD],
        "公诉机关指控：被告人己某在某婚恋网站上冒充离异的外企高管，与被害人庚某建立恋爱关系后，以投资亏损、父亲住院等理由，"
        "先后让庚某向其转账人民币9万元。",
        id="romance_site_posing_executive",
    ),
    pytest.param(
        [STAFF_BRIBE],
        "经审理查明：被告人辛某系某连锁超市门店店长，在负责商品进场和陈列位置安排过程中，先后收受多名供货商给予的"
        "“进场费”“陈列费”共计人民币7.5万元，均未上交公司，据为己有。",
        id="supermarket_manager_supplier_fees",
    ),
    pytest.param(
        [BRIBE],
        "公诉机关指控：被告人壬某在任某市公安局交通警察支队车辆管理所所长期间，利用职务上的便利，为他人办理车辆"
        "登记、驾驶证考试提供帮助，收受他人所送的购物卡、现金共计折合人民币32万元。",
        id="vehicle_registry_head",
    ),
    pytest.param(
        [LOAN_FRAUD],
        "经审理查明：被告人甲某以虚构的农业合作社名义，使用伪造的土地承包合同，向某农村商业银行申请贷款人民币90万元，"
        "贷款到账后甲某将其中70万元用于偿还个人赌债，其余挥霍，至今未归还。",
        id="fake_cooperative_loan_gambling_debts",
    ),
    pytest.param(
        [LOAN_DECEIT],
        "公诉机关指控：被告人乙某为了维持其公司经营，在申请银行贷款时虚增公司应收账款，提供虚假的审计报告，"
        "从某银行分行获得流动资金贷款人民币300万元，用于支付原材料款和工人工资。贷款到期后公司资金链断裂，"
        "无力偿还，造成银行损失240万元。",
        id="inflated_receivables_wages_paid",
    ),
    pytest.param(
        [STEAL_FELL],
        "经审理查明：被告人丙某与丁某系邻居，丙某趁丁某外出务工之机，雇请他人将丁某房屋后山上的柏树砍伐后运走出售，"
        "经鉴定立木蓄积为5.3立方米。",
        id="neighbour_away_cypresses_sold",
    ),
    pytest.param(
        [ILLEGAL_FELL],
        "公诉机关指控：被告人戊某为修建房屋，在未向林业部门申请办理采伐手续的情况下，组织人员在自家的林地上"
        "采伐杉木，经鉴定采伐林木蓄积为28立方米。",
        id="own_forest_for_house_no_procedure",
    ),
    pytest.param(
        [MISUSE_FUNDS],
        "经审理查明：被告人己某在担任某村股份经济合作社报账员期间，利用经手合作社资金的便利，将合作社账户内的"
        "人民币20万元转给其弟弟用于做生意，四个月后归还。",
        id="village_cooperative_clerk_lent_to_brother",
    ),
    pytest.param(
        [MISUSE_PUBLIC],
        "公诉机关指控：被告人庚某在担任某中学总务处主任期间，利用管理学校食堂收入的职务便利，将学校食堂款人民币"
        "12万元挪出，用于个人购买彩票，至案发未归还。",
        id="public_school_canteen_money_lottery",
    ),
    pytest.param(
        [EMBEZZLE],
        "经审理查明：被告人辛某在担任某县农业农村局财务股股长期间，利用保管单位公款的职务便利，采取不入账的方式，"
        "将收取的罚没款人民币14万元据为己有。",
        id="agriculture_bureau_fines_not_booked",
    ),
    pytest.param(
        [AFFRAY],
        "公诉机关指控：被告人壬某与癸某因在KTV争抢包厢发生冲突，双方各自打电话叫来十余名朋友，在KTV门口持砍刀、"
        "棒球棍互相追砍，致一人轻伤、三人轻微伤。",
        id="ktv_both_sides_called_friends",
    ),
    pytest.param(
        [INJURY],
        "经审理查明：被告人甲某与乙某因宅基地界址发生纠纷，甲某伙同其儿子丙某将乙某按倒在地，用脚踢踹乙某胸部，"
        "致乙某三根肋骨骨折，经鉴定为轻伤一级。乙某未还手。",
        id="father_son_beat_neighbour_no_fight_back",
    ),
    pytest.param(
        [PYRAMID],
        "公诉机关指控：被告人丁某在某公司任区域经理，该公司以销售“富硒茶叶”为名，要求加入人员交纳3万元购买茶叶取得"
        "代理资格，再由代理人介绍他人加入，公司按照介绍人数给上级代理发放奖金。丁某直接及间接发展人员达六层、"
        "150余人。",
        id="selenium_tea_agents_six_levels",
    ),
    pytest.param(
        [VAT_INVOICE],
        "经审理查明：被告人戊某在其经营的某废旧物资回收公司未实际向他人收购废钢的情况下，以支付开票费的方式，"
        "让他人为本公司开具增值税专用发票42份，抵扣税款人民币58万元。",
        id="scrap_company_obtained_invoices_no_purchase",
    ),
]


@pytest.mark.parametrize(("gold", "text"), SECOND)
def test_second_batch_text_reads_as_the_court_would_find(gold, text):
    assert sorted(infer_charges(text)) == sorted(gold)
