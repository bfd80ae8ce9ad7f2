"""Each rule task E44 added to charge_elements.yaml, on texts written for it: one where it binds, one just outside.

The `requires` entries (a charge whose statute's object or actor the fact never names is no candidate), the
`distinctions` (a neighbour read by the element its statute names), the `for_another` rules (a crime against justice done
for another person in place of that person's crime) and the `cues` (a short fact's conduct word), and the counts read
with the elements the whole fact states.
"""

import pytest

from leniency.sentencing.extraction.charge_inference import (
    for_another,
    states_requirements,
    with_whole_facts_elements,
)
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.extraction.conduct_words import cued_charges

REQUIREMENTS = [
    pytest.param("虐待部属", "甲经常打骂妻子乙，情节恶劣。", False, id="abuse_of_subordinates_no_army"),
    pytest.param(
        "虐待部属", "甲系某部队连长，多次体罚部属乙致其重伤。", True, id="abuse_of_subordinates_army"
    ),
    pytest.param(
        "出版歧视、侮辱少数民族作品", "甲对乙言语侮辱，情节恶劣。", False, id="ethnic_publication_none"
    ),
    pytest.param(
        "出版歧视、侮辱少数民族作品",
        "甲在其主编的杂志上刊载侮辱某少数民族的文章。",
        True,
        id="ethnic_publication_told",
    ),
    pytest.param("虐待被监护、看护人", "甲长期打骂其妻乙。", False, id="carer_abuse_no_care_duty"),
    pytest.param(
        "虐待被监护、看护人", "甲系某幼儿园教师，多次用针扎刺班上幼儿。", True, id="carer_abuse_kindergarten"
    ),
    pytest.param(
        "打击报复会计、统计人员", "甲对举报其的下属乙调岗降薪。", False, id="retaliation_not_accountant"
    ),
    pytest.param(
        "打击报复会计、统计人员", "甲对拒绝做假账的会计乙调岗降薪。", True, id="retaliation_on_accountant"
    ),
    pytest.param(
        "破坏广播电视设施、公用电信设施", "甲将汽油泼在乙家门口点燃。", False, id="telecom_facility_none"
    ),
    pytest.param(
        "破坏广播电视设施、公用电信设施", "甲剪断正在使用的通信光缆300米。", True, id="telecom_cable_cut"
    ),
    pytest.param(
        "非法携带枪支、弹药、管制刀具、危险物品危及公共安全",
        "甲携带汽油至乙家门口。",
        False,
        id="carrying_not_in_public",
    ),
    pytest.param(
        "非法携带枪支、弹药、管制刀具、危险物品危及公共安全",
        "甲携带管制刀具进入火车站候车室。",
        True,
        id="carrying_in_station",
    ),
    pytest.param(
        "盗窃、抢夺枪支、弹药、爆炸物、危险物质", "甲私自制造炸药。", False, id="explosives_not_stolen"
    ),
    pytest.param(
        "盗窃、抢夺枪支、弹药、爆炸物、危险物质", "甲从矿区仓库盗走雷管20枚。", True, id="detonators_stolen"
    ),
    pytest.param(
        "抢劫枪支、弹药、爆炸物、危险物质", "甲从仓库盗走雷管20枚。", False, id="detonators_not_robbed"
    ),
    pytest.param("抢劫枪支、弹药、爆炸物、危险物质", "甲持刀劫取民兵乙的步枪。", True, id="rifle_robbed"),
    pytest.param(
        "非法制造、买卖、运输、储存危险物质", "甲在家中储存汽油两桶。", False, id="dangerous_substance_none"
    ),
    pytest.param("非法制造、买卖、运输、储存危险物质", "甲非法买卖毒鼠强5千克。", True, id="rat_poison_sold"),
    pytest.param("爆炸", "甲将汽油泼在楼道内点燃。", False, id="explosion_none"),
    pytest.param("爆炸", "甲在乙家门口引爆自制炸药。", True, id="explosion_told"),
    pytest.param("非法吸收公众存款", "甲关闭乙的养殖场增氧设备，致鱼死亡。", False, id="deposits_none"),
    pytest.param("非法吸收公众存款", "甲以高息为诱饵向社会公众吸收资金800万元。", True, id="deposits_told"),
    pytest.param(
        "帮助信息网络犯罪活动", "甲远程登录公司服务器删除数据库。", False, id="network_help_no_knowledge"
    ),
    pytest.param(
        "帮助信息网络犯罪活动", "甲明知他人实施网络诈骗，仍出租其银行卡。", True, id="network_help_knowing"
    ),
    pytest.param(
        "故意延误投递邮件", "甲拨打机场电话谎称航班上有炸弹，致航班延误。", False, id="mail_delay_no_mail"
    ),
    pytest.param(
        "故意延误投递邮件", "甲系邮政投递员，将三百余件邮件藏匿家中不予投递。", True, id="mail_withheld"
    ),
    pytest.param("重大飞行事故", "甲致使航班延误三小时。", False, id="flight_accident_no_aircrew"),
    pytest.param(
        "重大飞行事故", "甲作为机长违反飞行规章，致使飞机冲出跑道。", True, id="flight_accident_pilot"
    ),
    pytest.param("商检失职", "甲严重不负责任，致使航班延误。", False, id="inspection_none"),
    pytest.param(
        "商检失职", "甲系出入境检验检疫局工作人员，对应当检验的货物不检验。", True, id="inspection_told"
    ),
    pytest.param(
        "为亲友非法牟利",
        "甲系县民政局股长，为亲友违规办理低保。",
        False,
        id="relatives_profit_not_state_firm",
    ),
    pytest.param(
        "为亲友非法牟利",
        "甲系国有公司经理，将本单位盈利业务交由其弟经营。",
        True,
        id="relatives_profit_state_firm",
    ),
    pytest.param(
        "非法经营同类营业", "甲系民营公司经理，另开公司经营同类业务。", False, id="same_trade_private"
    ),
    pytest.param(
        "非法经营同类营业", "甲系国有公司经理，另开公司经营同类业务。", True, id="same_trade_state_firm"
    ),
    pytest.param(
        "徇私舞弊低价折股、出售公司、企业资产",
        "甲将公司资产低价出售给其亲友。",
        False,
        id="asset_sale_private",
    ),
    pytest.param(
        "徇私舞弊低价折股、出售公司、企业资产", "甲将国有资产低价出售给其亲友。", True, id="asset_sale_state"
    ),
    pytest.param("非法侵入计算机信息系统", "甲收取学生计算机培训费后占为己有。", False, id="intrusion_none"),
    pytest.param(
        "非法侵入计算机信息系统", "甲入侵某市政府网站的后台管理系统。", True, id="intrusion_government"
    ),
    pytest.param(
        "非法获取计算机信息系统数据、非法控制计算机信息系统",
        "甲登录服务器删除数据库。",
        False,
        id="data_not_obtained",
    ),
    pytest.param(
        "非法获取计算机信息系统数据、非法控制计算机信息系统",
        "甲植入木马程序控制他人电脑两千台。",
        True,
        id="computers_controlled",
    ),
    pytest.param(
        "非法出售、提供试题、答案",
        "甲组织考生作弊，在考试期间通过耳机向考生发送答案。",
        False,
        id="answers_sent_in_exam",
    ),
    pytest.param(
        "非法出售、提供试题、答案", "甲将窃取的考试试题出售给考生。", True, id="exam_questions_sold"
    ),
    pytest.param("贪污", "甲从单位账户中取出50万元送给局长乙。", False, id="graft_no_taking"),
    pytest.param("贪污", "甲利用经管财政资金的职务便利，侵吞公款40万元。", True, id="graft_taking"),
    pytest.param(
        "虐待", "甲以乙不会做家务为由，长期打骂、冻饿乙。", False, id="family_abuse_no_family_named"
    ),
    pytest.param("虐待", "甲与乙系夫妻，甲长期打骂、冻饿乙。", True, id="family_abuse_spouses"),
    pytest.param("打击报复证人", "甲因乙曾出庭作证而对其殴打。", False, id="witness_no_grudge"),
    pytest.param("打击报复证人", "甲因乙曾出庭作证而怀恨在心，对其殴打。", True, id="witness_grudge"),
    pytest.param(
        "侵犯公民个人信息", "甲以每公斤5000元的价格出售盐酸麻黄碱。", False, id="personal_info_none"
    ),
    pytest.param("侵犯公民个人信息", "甲出售他人姓名、电话等信息三千余条。", True, id="personal_info_sold"),
    pytest.param("故意毁坏财物", "甲捏造乙的丑闻在网上散布。", False, id="damage_none"),
    pytest.param("故意毁坏财物", "甲用铁锤将乙的车窗砸坏。", True, id="damage_told"),
    pytest.param(
        "虐待被监管人", "看守所民警甲私自打开监室门放走在押人员乙。", False, id="custody_abuse_door_opened"
    ),
    pytest.param("虐待被监管人", "看守所民警甲多次殴打在押人员乙。", True, id="custody_abuse_beating"),
    pytest.param("聚众淫乱", "甲隐瞒行程多次参加聚餐。", False, id="orgy_none"),
    pytest.param("聚众淫乱", "甲多次组织多名男女在宾馆进行淫乱活动。", True, id="orgy_told"),
    pytest.param(
        "妨害信用卡管理", "甲在直播中讲解如何利用他人银行卡接收诈骗资金。", False, id="cards_not_held"
    ),
    pytest.param("妨害信用卡管理", "甲收购他人名下的银行卡15套。", True, id="cards_bought"),
    pytest.param("失职造成珍贵文物损毁、流失", "甲严重不负责任，致使患者死亡。", False, id="relics_none"),
    pytest.param("失职造成珍贵文物损毁、流失", "甲严重不负责任，致使馆藏文物被盗。", True, id="relics_lost"),
    pytest.param(
        "失职致使在押人员脱逃", "甲严重不负责任，致使患者死亡。", False, id="escape_by_neglect_none"
    ),
    pytest.param(
        "失职致使在押人员脱逃", "甲值班时睡觉，致使在押人员乙脱逃。", True, id="escape_by_neglect_told"
    ),
    pytest.param("阻碍解救被拐卖、绑架妇女、儿童", "男童后被公安机关解救。", False, id="rescue_not_hindered"),
    pytest.param(
        "阻碍解救被拐卖、绑架妇女、儿童", "甲利用职务阻碍解救被拐卖的妇女。", True, id="rescue_hindered"
    ),
    pytest.param("不解救被拐卖、绑架妇女、儿童", "男童后被公安机关解救。", False, id="rescue_made"),
    pytest.param(
        "不解救被拐卖、绑架妇女、儿童",
        "甲系某县公安局民警，接到举报后对被拐卖的妇女不进行解救。",
        True,
        id="rescue_refused",
    ),
    pytest.param(
        "传染病防治失职", "甲严重不负责任，将纱布遗留在患者腹腔内。", False, id="epidemic_duty_none"
    ),
    pytest.param("传染病防治失职", "甲系卫生局干部，疫情期间不履行防疫职责。", True, id="epidemic_duty_told"),
    pytest.param("泄露不应公开的案件信息", "乙曾在甲的盗窃案件中出庭作证。", False, id="closed_case_none"),
    pytest.param(
        "泄露不应公开的案件信息", "甲将不公开审理案件中的被害人信息发布在网上。", True, id="closed_case_told"
    ),
    pytest.param("引诱未成年人聚众淫乱", "甲带未成年人乙参加聚餐。", False, id="minor_orgy_none"),
    pytest.param("引诱未成年人聚众淫乱", "甲引诱未成年人乙参加聚众淫乱活动。", True, id="minor_orgy_told"),
    pytest.param(
        "聚众阻碍解救被收买的妇女、儿童",
        "被收买的妇女乙后被公安机关解救。",
        False,
        id="crowd_rescue_not_hindered",
    ),
    pytest.param(
        "聚众阻碍解救被收买的妇女、儿童",
        "甲纠集村民阻碍民警解救被收买的妇女乙。",
        True,
        id="crowd_hinders_rescue",
    ),
    pytest.param(
        "披露、报道不应公开的案件信息", "记者甲报道了公开审理的案件。", False, id="open_case_reported"
    ),
    pytest.param(
        "披露、报道不应公开的案件信息",
        "甲在网上披露不公开审理案件中被害人的姓名。",
        True,
        id="closed_case_disclosed",
    ),
    pytest.param("非法持有、私藏枪支、弹药", "甲身着仿制警服，自称民警。", False, id="gun_none"),
    pytest.param("非法持有、私藏枪支、弹药", "甲在家中私藏气枪一支。", True, id="gun_kept"),
    pytest.param("强迫卖血", "甲招揽无业人员到医院卖血，从中获利。", False, id="blood_sale_organised"),
    pytest.param("强迫卖血", "甲以殴打相威胁，强迫乙到医院卖血。", True, id="blood_sale_forced"),
    pytest.param("破坏交通工具", "甲拆卸钢轨扣件，足以使火车发生倾覆危险。", False, id="vehicle_not_touched"),
    pytest.param("破坏交通工具", "甲剪断乙的轿车刹车油管。", True, id="brake_line_cut"),
]


@pytest.mark.parametrize(("charge", "text", "stated"), REQUIREMENTS)
def test_charge_needs_what_its_statute_cannot_be_without(charge, text, stated):
    assert states_requirements(text, charge) is stated


DISTINCTIONS = [
    # the giver read as the taker (刑法第389条, 第393条, 第164条)
    pytest.param(
        "受贿",
        "被告单位某公司经董事长决定，从公司账户中支取50万元送给局长乙。",
        ["单位行贿"],
        id="unit_gives",
    ),
    pytest.param(
        "受贿",
        "被告单位某公司的经理甲收受乙送给的50万元。",
        ["受贿", "单位受贿"],
        id="unit_gives_not_taking_told",
    ),
    pytest.param(
        "受贿",
        "甲先后三次送给某私营公司采购部经理乙现金10万元。",
        ["对非国家工作人员行贿"],
        id="gift_to_firm_staff",
    ),
    pytest.param(
        "受贿", "甲先后三次送给某国有公司采购部经理乙现金10万元。", ["行贿"], id="gift_to_state_firm_staff"
    ),
    pytest.param(
        "行贿", "甲送给某贸易公司负责人乙现金5万元。", ["对非国家工作人员行贿"], id="briber_to_firm_staff"
    ),
    pytest.param("行贿", "甲送给县交通局局长乙现金5万元。", ["行贿"], id="briber_to_director"),
    pytest.param(
        "非国家工作人员受贿",
        "甲为成为供货商，送给公司经理乙10万元。",
        ["对非国家工作人员行贿"],
        id="private_giver",
    ),
    pytest.param(
        "非国家工作人员受贿", "公司经理甲收受供货商乙10万元。", ["非国家工作人员受贿"], id="private_taker"
    ),
    # 刑法第388条之一
    pytest.param(
        "受贿",
        "甲利用其丈夫的职权和地位形成的便利条件，收受乙80万元。",
        ["利用影响力受贿"],
        id="through_husband",
    ),
    pytest.param("受贿", "甲利用其担任局长的职务便利，收受乙80万元。", ["受贿"], id="through_own_office"),
    # 刑法第397条 beside 第385条
    pytest.param(
        "受贿",
        "甲利用职务便利收受乙60万元；甲违反规定擅自减免乙公司配套费，致使国家利益遭受重大损失。",
        ["受贿", "滥用职权"],
        id="bribe_and_abuse",
    ),
    pytest.param(
        "受贿", "甲利用担任局长的职务便利，收受乙60万元，为其减免配套费。", ["受贿"], id="bribe_without_loss"
    ),
    # 刑法第307条之一, 第313条
    pytest.param(
        "拒不执行判决、裁定",
        "甲与乙恶意串通，伪造借条，由乙向法院提起民事诉讼。",
        ["虚假诉讼"],
        id="sham_suit",
    ),
    pytest.param(
        "拒不执行判决、裁定",
        "甲伪造借条后，有能力执行而拒不执行法院判决。",
        ["拒不执行判决、裁定"],
        id="refusal_with_forgery",
    ),
    # 刑法第397条 against 第134条, 第135条
    pytest.param(
        "重大劳动安全事故",
        "甲系某镇安全生产监督管理站站长，严重不负责任，未按规定检查，致使作坊爆炸。",
        ["玩忽职守"],
        id="supervisor_neglects",
    ),
    pytest.param(
        "重大劳动安全事故",
        "甲系某化工厂厂长，安全生产条件不符合国家规定，致使发生爆炸。",
        ["重大劳动安全事故"],
        id="producer_accident",
    ),
    pytest.param(
        "重大责任事故",
        "甲系某县应急管理局执法人员，疏于监管，未按规定检查该矿，致使透水事故。",
        ["玩忽职守"],
        id="mine_inspector_neglects",
    ),
    pytest.param(
        "重大责任事故", "甲系某矿矿长，违章指挥作业，致使透水事故。", ["重大责任事故"], id="mine_manager"
    ),
    # 刑法第142条 against 第141条
    pytest.param(
        "生产、销售、提供假药",
        "甲销售超过有效期并更改批号的药品。",
        ["生产、销售、提供劣药"],
        id="expired_drugs",
    ),
    pytest.param(
        "生产、销售、提供假药",
        "甲销售过期药品，经认定为假药。",
        ["生产、销售、提供假药"],
        id="fake_drugs_named",
    ),
    pytest.param(
        "生产、销售、提供假药",
        "甲销售超过保质期的羊肉。",
        ["生产、销售、提供假药"],
        id="food_past_date_not_drug",
    ),
    # 刑法第171条 against 第172条
    pytest.param(
        "持有、使用假币",
        "甲以1:5的比例购买假人民币300张。",
        ["出售、购买、运输假币"],
        id="counterfeit_bought",
    ),
    pytest.param(
        "持有、使用假币",
        "甲使用假币购买香烟，另被查获假币1500元。",
        ["持有、使用假币"],
        id="counterfeit_spent",
    ),
    # 刑法第286条之一
    pytest.param(
        "制作、复制、出版、贩卖、传播淫秽物品牟利",
        "公安机关责令甲的公司删除淫秽视频，甲拒不改正。",
        ["拒不履行信息网络安全管理义务"],
        id="provider_refuses_order",
    ),
    pytest.param(
        "制作、复制、出版、贩卖、传播淫秽物品牟利",
        "甲在其网站上传淫秽视频，收取会员费牟利。",
        ["制作、复制、出版、贩卖、传播淫秽物品牟利"],
        id="provider_spreads_for_profit",
    ),
    # 刑法第175条
    pytest.param(
        "骗取贷款、票据承兑、金融票证",
        "甲套取银行贷款后转贷给他人，获取利息差价。",
        ["高利转贷"],
        id="loan_lent_on",
    ),
    pytest.param(
        "骗取贷款、票据承兑、金融票证",
        "甲伪造发票取得银行贷款30万元，到期后还款2万元并转贷28万元。",
        ["骗取贷款、票据承兑、金融票证"],
        id="loan_renewed",
    ),
    pytest.param(
        "职务侵占", "甲以装修为名套取银行贷款，转贷给他人牟利。", ["高利转贷"], id="borrower_not_employee"
    ),
    pytest.param(
        "职务侵占",
        "甲利用职务便利套取公司资金，转贷给他人牟利。",
        ["职务侵占"],
        id="employee_takes_company_money",
    ),
    # 刑法第341条第2款 beside 第128条
    pytest.param(
        "非法持有、私藏枪支、弹药",
        "甲在禁猎期内持其非法持有的火药枪猎捕野兔。",
        ["非法持有、私藏枪支、弹药", "非法狩猎"],
        id="gun_and_hunt",
    ),
    pytest.param(
        "非法持有、私藏枪支、弹药",
        "甲将火药枪藏于家中，用于驱赶野猪。",
        ["非法持有、私藏枪支、弹药"],
        id="gun_only",
    ),
    # 刑法第223条 beside 第389条
    pytest.param(
        "串通投标",
        "甲送给教育局局长乙现金20万元，并联系他人围标。",
        ["串通投标", "行贿"],
        id="bid_rigging_and_bribe",
    ),
    pytest.param(
        "串通投标", "甲联系他人围标，事后给付陪标公司陪标费2万元。", ["串通投标"], id="bid_rigging_fee"
    ),
    # 刑法第114条 against 第133条, 第233条
    pytest.param(
        "交通肇事",
        "甲因泄愤驾驶越野车驶入人员密集的步行街，冲撞行人。",
        ["以危险方法危害公共安全"],
        id="car_into_crowd",
    ),
    pytest.param(
        "交通肇事", "甲驾驶货车驶入步行街时操作不当，撞倒行人。", ["交通肇事"], id="car_mishap_in_street"
    ),
    pytest.param(
        "过失致人死亡",
        "甲驾车冲入集市人群，致二人死亡。",
        ["以危险方法危害公共安全"],
        id="death_car_into_market",
    ),
    # 刑法第244条 against 第238条
    pytest.param(
        "非法拘禁", "甲将工人锁在砖厂内，强迫其每日劳动十余小时。", ["强迫劳动"], id="restraint_for_work"
    ),
    pytest.param("非法拘禁", "甲为讨债将乙锁在房间内两日。", ["非法拘禁"], id="restraint_for_debt"),
    # 刑法第308条
    pytest.param(
        "寻衅滋事", "甲因乙出庭作证怀恨在心，持木棍殴打乙致轻微伤。", ["打击报复证人"], id="revenge_beating"
    ),
    pytest.param(
        "寻衅滋事", "甲因乙出庭作证怀恨在心，持刀砍乙致轻伤。", ["寻衅滋事"], id="revenge_light_injury"
    ),
    pytest.param(
        "故意伤害", "甲因乙作证怀恨在心，殴打乙致轻微伤。", ["打击报复证人"], id="revenge_injury_minor"
    ),
    pytest.param("故意伤害", "甲因乙作证怀恨在心，殴打乙致重伤。", ["故意伤害"], id="revenge_serious_injury"),
    # 刑法第400条 against 第316条
    pytest.param(
        "脱逃", "看守所民警甲私自打开监室门，将在押人员乙放走。", ["私放在押人员"], id="guard_releases"
    ),
    pytest.param(
        "脱逃",
        "甲系某看守所民警，值班时擅离岗位睡觉，致使在押人员乙脱逃。",
        ["失职致使在押人员脱逃"],
        id="guard_sleeps",
    ),
    pytest.param("脱逃", "在押人员甲趁民警不备翻越围墙逃离看守所。", ["脱逃"], id="detainee_escapes"),
    # 刑法第151条第2款 against 第153条
    pytest.param(
        "走私普通货物、物品",
        "甲携带象牙手镯入境，未向海关申报。",
        ["走私珍贵动物、珍贵动物制品"],
        id="ivory_smuggled",
    ),
    pytest.param(
        "走私普通货物、物品",
        "甲携带手表十块入境，未向海关申报。",
        ["走私普通货物、物品"],
        id="watches_smuggled",
    ),
    # 刑法第205条之一 against 第205条
    pytest.param(
        "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票",
        "甲为他人虚开增值税普通发票40份。",
        ["虚开发票"],
        id="ordinary_invoices",
    ),
    pytest.param(
        "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票",
        "甲为他人虚开增值税专用发票40份，用于抵扣税款。",
        ["虚开增值税专用发票、用于骗取出口退税、抵扣税款发票"],
        id="special_invoices",
    ),
    # 刑法第257条
    pytest.param(
        "非法拘禁",
        "甲反对女儿乙的恋爱，将乙锁在家中逼迫其订婚。",
        ["暴力干涉婚姻自由"],
        id="locked_in_for_marriage",
    ),
    pytest.param("非法拘禁", "甲为讨要欠款将女儿的男友乙锁在家中。", ["非法拘禁"], id="locked_in_for_debt"),
    pytest.param(
        "故意伤害", "甲反对女儿离婚，多次殴打女儿。", ["暴力干涉婚姻自由"], id="beaten_over_divorce"
    ),
    pytest.param(
        "故意伤害", "甲反对女儿离婚，将女儿殴打致重伤。", ["故意伤害"], id="serious_injury_over_divorce"
    ),
    # 刑法第280条之一 against 第280条第3款
    pytest.param(
        "伪造、变造、买卖身份证件",
        "甲冒用其堂兄的居民身份证办理银行开户。",
        ["使用虚假身份证件、盗用身份证件"],
        id="cousins_card_used",
    ),
    pytest.param(
        "伪造、变造、买卖身份证件",
        "甲购买伪造的居民身份证后冒用他人名义开户。",
        ["伪造、变造、买卖身份证件"],
        id="forged_card_bought",
    ),
]


@pytest.mark.parametrize(("charge", "text", "read_as"), DISTINCTIONS)
def test_neighbour_is_read_by_the_element_its_statute_names(charge, text, read_as):
    assert with_whole_facts_elements(text, [charge]) == read_as


FOR_ANOTHER = [
    pytest.param(
        "其子乙涉嫌强奸被立案侦查后，甲以给付5万元为条件，指使被害人丙作虚假陈述。",
        ["强奸"],
        ["妨害作证"],
        id="suborns_victim_for_son",
    ),
    pytest.param("甲强奸丙后，丙向公安机关作了陈述。", ["强奸"], ["强奸"], id="no_subornation"),
    pytest.param(
        "甲受乙所托，将乙醉驾撞人的车辆清洗，并将行车记录仪的存储卡销毁。",
        ["危险驾驶"],
        ["帮助毁灭、伪造证据"],
        id="destroys_friends_dashcam",
    ),
    pytest.param(
        "甲醉酒驾车撞人后，将行车记录仪的存储卡销毁。", ["危险驾驶"], ["危险驾驶"], id="own_evidence"
    ),
    pytest.param(
        "甲明知其弟乙持刀伤人后被网上追逃，仍将其藏匿于出租屋内。",
        ["故意伤害"],
        ["窝藏、包庇"],
        id="hides_brother",
    ),
    pytest.param(
        "甲明知是乙盗窃所得的摩托车，仍予以窝藏。",
        ["掩饰、隐瞒犯罪所得、犯罪所得收益"],
        ["掩饰、隐瞒犯罪所得、犯罪所得收益"],
        id="hides_stolen_goods",
    ),
    pytest.param(
        "甲在直播中讲解如何利用他人银行卡接收诈骗资金、如何躲避侦查。",
        ["诈骗"],
        ["传授犯罪方法"],
        id="teaches_fraud",
    ),
    pytest.param("甲利用他人银行卡接收诈骗资金。", ["诈骗"], ["诈骗"], id="commits_fraud"),
    pytest.param(
        "甲作为证人，在侦查乙涉嫌故意伤害一案时故意作虚假证明。", ["故意伤害"], ["伪证"], id="witness_lies"
    ),
    pytest.param(
        "甲故意伤害乙，证人丙证实了案发经过。", ["故意伤害"], ["故意伤害"], id="witness_tells_truth"
    ),
    pytest.param(
        "民警甲在审讯涉嫌盗窃的犯罪嫌疑人乙时，为逼取口供，用电警棍电击乙。",
        ["盗窃"],
        ["刑讯逼供"],
        id="officer_tortures",
    ),
    pytest.param("甲盗窃后被民警依法讯问，如实供述了犯罪事实。", ["盗窃"], ["盗窃"], id="suspect_questioned"),
    # 刑法第247条: a torture that kills is convicted under art. 232 by the article's words (E52)
    pytest.param(
        "甲在审讯乙时为逼取口供，将乙吊挂殴打，致乙死亡。", ["故意伤害"], ["故意杀人"], id="torture_kills"
    ),
    pytest.param(
        "民警甲在侦办故意伤害案件时，明知犯罪嫌疑人乙有罪，仍作撤案处理，使乙逃避刑事追究。",
        ["故意伤害"],
        ["徇私枉法"],
        id="case_dropped",
    ),
    pytest.param("甲故意伤害乙后逃跑，逃避刑事追究。", ["故意伤害"], ["故意伤害"], id="suspect_flees"),
]


@pytest.mark.parametrize(("text", "chosen", "expected"), FOR_ANOTHER)
def test_crime_against_justice_for_another_replaces_the_others_crime(text, chosen, expected):
    assert for_another(text, chosen) == expected


CUES = [
    pytest.param("甲在服刑期间趁外出劳动之机逃离监狱。", "脱逃", True, id="escape_from_prison"),
    pytest.param("甲在监狱探视其子后离开。", "脱逃", False, id="prison_visit"),
    pytest.param(
        "甲纠集三十余人在火车站广场拉横幅、围堵进站口。",
        "聚众扰乱公共场所秩序、交通秩序",
        True,
        id="crowd_at_station",
    ),
    pytest.param(
        "甲独自在火车站广场拉横幅。", "聚众扰乱公共场所秩序、交通秩序", False, id="one_person_banner"
    ),
    pytest.param("甲拨打机场电话谎称航班上有炸弹。", "编造、故意传播虚假恐怖信息", True, id="bomb_hoax"),
    pytest.param("甲拨打机场电话谎称航班已取消。", "编造、故意传播虚假恐怖信息", False, id="flight_lie"),
    pytest.param("甲介绍乙认识局长丙，并将乙的10万元转送给丙。", "介绍贿赂", True, id="go_between"),
    pytest.param("甲介绍乙认识局长丙。", "介绍贿赂", False, id="introduction_only"),
    pytest.param("甲以殴打相威胁，强迫村民购买其砂石。", "强迫交易", True, id="forced_purchase"),
    pytest.param("甲劝说村民购买其砂石。", "强迫交易", False, id="persuaded_purchase"),
    pytest.param("甲违反保密协议，将公司图纸披露给竞争对手。", "侵犯商业秘密", True, id="secret_disclosed"),
    pytest.param("甲将公司图纸交给同事修改。", "侵犯商业秘密", False, id="drawings_shared_at_work"),
    pytest.param("甲因被辞退心怀不满，关闭鱼塘增氧设备。", "破坏生产经营", True, id="revenge_on_fish_pond"),
    pytest.param("甲关闭鱼塘增氧设备后离开。", "破坏生产经营", False, id="pond_closed_no_motive"),
    pytest.param("甲收购他人名下的银行卡15套。", "妨害信用卡管理", True, id="cards_bought"),
    pytest.param("甲使用自己的银行卡转账。", "妨害信用卡管理", False, id="own_card"),
    pytest.param("甲在出租屋内印制面额100元的人民币。", "伪造货币", True, id="banknotes_printed"),
    pytest.param("甲在出租屋内印制广告传单。", "伪造货币", False, id="leaflets_printed"),
    pytest.param("甲将邻居的男童抱走，带回老家自行抚养。", "拐骗儿童", True, id="child_taken_to_raise"),
    pytest.param("甲将邻居的男童抱回邻居家中。", "拐骗儿童", False, id="child_returned"),
    pytest.param("甲锁门看管，强迫工人每日劳动十余小时。", "强迫劳动", True, id="forced_work"),
    pytest.param("甲要求工人每日加班两小时。", "强迫劳动", False, id="overtime"),
    pytest.param("甲在直播中讲解如何实施诈骗。", "传授犯罪方法", True, id="teaching_fraud"),
    pytest.param("甲在直播中讲解如何防范诈骗。", "传授犯罪方法", False, id="teaching_prevention"),
    pytest.param(
        "甲侵入网站后台，下载用户账号密码五万组。",
        "非法获取计算机信息系统数据、非法控制计算机信息系统",
        True,
        id="data_taken",
    ),
    pytest.param(
        "甲登录自己的网站后台下载订单。",
        "非法获取计算机信息系统数据、非法控制计算机信息系统",
        False,
        id="own_site",
    ),
    pytest.param("甲召集村民将侧翻货车上的白酒哄抢一空。", "聚众哄抢", True, id="looting"),
    pytest.param("甲召集村民将侧翻货车上的白酒搬回仓库。", "聚众哄抢", False, id="salvage"),
    pytest.param(
        "甲挖开坟墓，将尸骨取出卖给他人。", "盗窃、侮辱、故意毁坏尸体、尸骨、骨灰", True, id="bones_taken"
    ),
    pytest.param(
        "甲将父亲的骨灰安葬在公墓。", "盗窃、侮辱、故意毁坏尸体、尸骨、骨灰", False, id="ashes_buried"
    ),
    pytest.param("甲将毒鼠强投入丈夫乙的水杯中。", "故意杀人", True, id="poison_in_cup"),
    pytest.param("甲将毒鼠强投放在仓库墙角灭鼠。", "故意杀人", False, id="rat_poison_laid"),
    pytest.param(
        "甲负责运送公司货物，途中将其中两吨私自卸下变卖。", "职务侵占", True, id="carrier_sells_load"
    ),
    pytest.param("甲负责运送公司货物，途中按公司要求卸下两吨。", "职务侵占", False, id="carrier_unloads"),
    pytest.param("甲在其产品包装上标注他人的专利号。", "假冒专利", True, id="patent_number_used"),
    pytest.param("甲在其产品包装上标注自己的专利号。", "假冒专利", False, id="own_patent_number"),
]


@pytest.mark.parametrize(("text", "charge", "cued"), CUES)
def test_short_fact_names_the_charge_by_its_articles_conduct(text, charge, cued):
    assert (charge in cued_charges(text)) is cued


def test_each_count_is_read_with_the_post_the_fact_states_once():
    text = (
        "经审理查明：被告人甲系某区财政局会计。一、2018年，甲利用经手财政专户资金的职务便利，采用虚列支出的方式，侵吞公款40万元；"
        "二、2019年，甲利用上述职务便利，擅自将公款100万元转出借给朋友用于经营，半年后归还。"
    )
    assert sorted(infer_charges(text)) == ["挪用公款", "贪污"]


def test_counts_of_a_private_firms_employee_stay_its_crimes():
    text = (
        "经审理查明：被告人甲系某民营贸易有限公司出纳。一、2018年，甲利用保管公司资金的职务便利，采用虚列支出的方式，侵占公司资金40万元；"
        "二、2019年，甲利用上述职务便利，擅自将公司资金100万元借给朋友用于经营，半年后归还。"
    )
    assert sorted(infer_charges(text)) == ["挪用资金", "职务侵占"]
