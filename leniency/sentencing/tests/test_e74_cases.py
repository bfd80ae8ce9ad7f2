"""E74's written fact texts: aggravating circumstances told by their legal definition rather than by one word (入户,
累犯 beside 前科, 毒品再犯). Written for the tests, none copied from a judgment; each names what a lawyer reads in it:
the circumstances found, the circumstance rules the calculation weighs, and for a crime with tiers the tier."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Written:
    name: str
    charges: tuple[str, ...]
    circumstances: frozenset[str]
    rules: frozenset[
        str
    ]  # circumstance rule ids the calculation weighs (circ.<id>), the plea bucket left out
    tier: str | None  # crime.<id>.<tier> where the crime has tiers
    text: str


def written(name, charges, circumstances, rules, tier, text) -> Written:
    return Written(
        name, tuple(charges), frozenset(circumstances.split()), frozenset(rules.split()), tier, text.strip()
    )


# FIRST: written before the engine was run on them (scored at b0cbf1e)
FIRST = [
    written(
        "robbery_climbed_into_home_victim_particulars_bracketed",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.aggravated",
        """
经审理查明：2022年3月5日凌晨，被告人王某携带一把水果刀，从后窗爬入被害人孙某（女，45岁，务农）的住处，持刀威胁孙某交出现金
人民币2600元后逃离。同月8日，王某被公安机关抓获，到案后如实供述了上述事实。
""",
    ),
    written(
        "robbery_slipped_into_home_long_address",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.aggravated",
        """
公诉机关指控：2021年9月18日22时许，被告人郑某潜入被害人钱某某位于本市某区某街道某小区12栋2单元402室的家中，
用胶带捆绑钱某某的双手，劫取现金人民币4000元及金项链一条（价值人民币3500元）。被告人郑某到案后如实供述了犯罪事实。
""",
    ),
    written(
        "robbery_theft_in_home_turned_violent",
        ["抢劫"],
        "confession plea",
        "",
        "crime.robbery.aggravated",
        """
经审理查明：2022年6月2日凌晨，被告人何某撬开被害人林某家的房门进入屋内盗窃，窃得手机一部后被林某发现，何某为抗拒抓捕，
在客厅内用拳头击打林某面部，后逃离。经鉴定，林某所受损伤为轻微伤。被告人何某到案后如实供述，自愿认罪认罚。
""",
    ),
    written(
        "robbery_convenience_store_is_no_home",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.basic",
        """
经审理查明：2022年1月10日21时许，被告人冯某戴口罩冲进被害人杜某经营的便利店内，持刀威胁杜某交出收银台内现金人民币1800元。
被告人冯某到案后如实供述了上述事实。
""",
    ),
    written(
        "robbery_in_stairwell_outside_the_home",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.basic",
        """
经审理查明：2021年12月3日晚，被告人韩某尾随下班回家的被害人曹某至其所住单元楼的楼道内，趁曹某开门之际，
从背后将其推倒，抢走其挎包一个，内有现金人民币900元及手机一部（价值人民币2100元）。被告人韩某到案后如实供述。
""",
    ),
    written(
        "theft_climbed_balcony_into_home_half_huge",
        ["盗窃"],
        "confession plea",
        "",
        "crime.theft.serious_half_huge",
        """
公诉机关指控：2022年4月20日凌晨，被告人蒋某从阳台爬入被害人沈某（男，36岁）家中，窃得金手镯两只、现金人民币8000元，
共计价值人民币26500元。被告人蒋某到案后如实供述了上述事实，自愿认罪认罚。
""",
    ),
    written(
        "theft_climbed_into_company_office_is_no_home",
        ["盗窃"],
        "confession plea",
        "",
        "crime.theft.large",
        """
公诉机关指控：2022年5月7日凌晨，被告人魏某翻窗进入某科技有限公司的财务办公室，撬开抽屉窃得现金人民币16000元及笔记本电脑
一台（价值人民币3000元）。被告人魏某到案后如实供述了上述事实，自愿认罪认罚。
""",
    ),
    written(
        "theft_recidivist_by_word_one_earlier_conviction",
        ["盗窃"],
        "recidivist confession plea",
        "recidivist",
        "crime.theft.large",
        """
被告人邵某，男，1985年生。2018年4月因犯盗窃罪被判处有期徒刑一年六个月，2019年9月30日刑满释放。
公诉机关指控：2022年7月11日，被告人邵某在某小区地下车库窃得电动自行车一辆，价值人民币3200元。被告人邵某到案后如实供述，
认罪认罚。公诉机关认为，被告人邵某系累犯，应当从重处罚。
""",
    ),
    written(
        "theft_recidivist_inferred_one_earlier_conviction",
        ["盗窃"],
        "recidivist confession",
        "recidivist confession",
        "crime.theft.large",
        """
被告人雷某，男，1979年生。2017年3月因犯抢夺罪被判处有期徒刑二年，2019年2月20日刑满释放。
经审理查明：2021年10月6日，被告人雷某在某菜市场窃得摊主电子秤及现金共计价值人民币2800元。被告人雷某到案后如实供述。
""",
    ),
    written(
        "theft_recidivist_and_an_older_record",
        ["盗窃"],
        "recidivist prior_record confession",
        "recidivist confession",
        "crime.theft.large",
        """
被告人方某，男，1975年生。2008年因犯故意伤害罪被判处有期徒刑一年，缓刑一年；2018年5月因犯盗窃罪被判处有期徒刑一年，
2019年5月2日刑满释放。
经审理查明：2022年2月14日，被告人方某在某超市窃得洋酒四瓶，价值人民币3600元。被告人方某到案后如实供述。
本院认为，被告人方某系累犯，依法应当从重处罚；其有前科，可酌情从重处罚。
""",
    ),
    written(
        "drugs_drug_reoffender_named_in_list_no_record_told",
        ["贩卖毒品"],
        "prior_record confession plea",
        "drug_reoffender",
        None,
        """
公诉机关指控：2022年8月3日，被告人柏某在某宾馆房间内以人民币600元的价格向吸毒人员贾某出售甲基苯丙胺1包，净重0.8克。
公诉机关认为，被告人柏某系毒品再犯，应当从重处罚；到案后如实供述，系坦白；认罪认罚，可以从宽处理。
""",
    ),
    written(
        "drugs_earlier_sale_of_meth_told_without_the_charge_name",
        ["贩卖毒品"],
        "prior_record confession",
        "drug_reoffender confession",
        None,
        """
被告人田某，男，1988年生。2016年7月因贩卖甲基苯丙胺被某区人民法院判处有期徒刑六个月，缓刑一年。
经审理查明：2022年9月12日，被告人田某在某网吧门口以人民币300元的价格向他人出售甲基苯丙胺0.5克。被告人田某到案后如实供述。
""",
    ),
    written(
        "drugs_earlier_sheltering_is_no_art_356_record",
        ["贩卖毒品"],
        "prior_record confession",
        "prior_record confession",
        None,
        """
被告人孟某，男，1990年生。2019年3月因犯容留他人吸毒罪被判处有期徒刑六个月，缓刑一年。
经审理查明：2022年11月2日，被告人孟某在其租住处以人民币200元的价格向他人出售甲基苯丙胺0.3克。被告人孟某到案后如实供述。
""",
    ),
    written(
        "drugs_recidivist_and_drug_reoffender_in_a_list",
        ["贩卖毒品"],
        "recidivist confession plea",
        "recidivist",
        None,
        """
被告人严某，男，1983年生。2018年6月因犯贩卖毒品罪被判处有期徒刑一年，2019年5月10日刑满释放。
公诉机关指控：2022年3月21日，被告人严某在某公园内以人民币500元的价格向他人出售海洛因0.6克。
公诉机关认为，被告人严某系累犯、毒品再犯，应当从重处罚；到案后如实供述，认罪认罚。
""",
    ),
]

# SECOND: written after the fixes for FIRST, new phrasings, scored before any change for them
SECOND = [
    written(
        "robbery_sneaked_into_bedroom_of_elderly_couple_at_night",
        ["抢劫"],
        "surrender",
        "surrender",
        "crime.robbery.aggravated",
        """
公诉机关指控：2022年10月4日凌晨1时许，被告人石某趁夜色溜进同村村民彭某甲、彭某乙夫妇的卧室，用菜刀逼迫二人交出现金人民币1500元。
次日，被告人石某在其父陪同下到派出所投案，如实供述了上述事实。
""",
    ),
    written(
        "robbery_at_construction_site_shed_not_lived_in",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.basic",
        """
经审理查明：2022年8月9日晚，被告人龙某闯入某工地的材料仓库，用木棍威胁看守仓库的被害人谭某，劫走现金人民币700元及手机一部，
价值人民币1300元。被告人龙某到案后如实供述。
""",
    ),
    written(
        "theft_recidivist_statute_words_no_record_dates",
        ["盗窃"],
        "recidivist confession",
        "recidivist confession",
        "crime.theft.large",
        """
被告人祝某，男，1981年生，曾因犯盗窃罪被判处有期徒刑二年。
经审理查明：2022年5月30日，被告人祝某在某小区内窃得电动车一辆，价值人民币2500元。到案后如实供述。
本院认为，被告人祝某在刑罚执行完毕以后五年内再犯应当判处有期徒刑以上刑罚之罪，系累犯，应当从重处罚。
""",
    ),
    written(
        "theft_two_records_neither_recidivism",
        ["盗窃"],
        "prior_record confession",
        "prior_record confession",
        "crime.theft.large",
        """
被告人柯某，男，1970年生。2005年因犯诈骗罪被判处有期徒刑一年；2012年因犯盗窃罪被判处拘役五个月。
经审理查明：2022年12月1日，被告人柯某在某商场窃得羽绒服两件，价值人民币2600元。被告人柯某到案后如实供述。
""",
    ),
    written(
        "drugs_holding_prior_then_sale_drug_reoffender_prosecutor",
        ["贩卖毒品"],
        "prior_record confession plea",
        "drug_reoffender",
        None,
        """
被告人易某，男，1992年生。2019年1月因非法持有毒品被某县人民法院判处拘役四个月，并处罚金人民币二千元。
公诉机关指控：2022年6月15日，被告人易某在某酒吧卫生间内以人民币400元的价格向他人贩卖氯胺酮1克。被告人易某到案后如实供述，
自愿认罪认罚。公诉机关认为，被告人易某曾因毒品犯罪被判刑，又犯贩卖毒品罪，应当从重处罚。
""",
    ),
    written(
        "drugs_drug_reoffender_denied_by_court",
        ["贩卖毒品"],
        "confession",
        "confession",
        None,
        """
经审理查明：2022年7月7日，被告人全某在某出租屋内以人民币200元的价格向他人出售甲基苯丙胺0.4克。被告人全某到案后如实供述。
公诉机关指控被告人全某系毒品再犯，经查，全某此前未因毒品犯罪被判处刑罚，不构成毒品再犯，该指控不予支持。
""",
    ),
]

# THIRD: written after the legitimate-entry rule, new phrasings again, scored before any change for them
THIRD = [
    written(
        "theft_empty_home_entered_through_unlocked_door_half_huge",
        ["盗窃"],
        "confession",
        "confession",
        "crime.theft.serious_half_huge",
        """
经审理查明：2022年11月19日下午，被告人葛某趁被害人家中无人，从未上锁的房门进入屋内，窃得抽屉内的金条一根及现金人民币5000元，
共计价值人民币28000元。被告人葛某到案后如实供述了上述事实。
""",
    ),
    written(
        "robbery_in_guest_hotel_room_is_no_home",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.basic",
        """
经审理查明：2022年3月30日晚，被告人鲁某敲门进入被害人入住的某宾馆客房，持刀逼迫被害人交出现金人民币2500元及手机一部
（价值人民币1900元）。被告人鲁某到案后如实供述。
""",
    ),
    written(
        "theft_recidivist_after_parole_no_word",
        ["盗窃"],
        "recidivist confession",
        "recidivist confession",
        "crime.theft.large",
        """
被告人苗某，男，1984年生。2016年9月因犯抢劫罪被判处有期徒刑四年，2019年3月1日被裁定假释，假释考验期至2020年9月1日止。
经审理查明：2022年4月12日，被告人苗某在某电动车行窃得电动车一辆，价值人民币3100元。被告人苗某到案后如实供述。
""",
    ),
    written(
        "drugs_transport_prior_suspended_court_says_drug_reoffender",
        ["运输毒品"],
        "prior_record confession",
        "drug_reoffender confession",
        None,
        """
被告人贝某，男，1990年生。2018年10月因犯运输毒品罪被判处有期徒刑三年，缓刑四年。
经审理查明：2023年1月5日，被告人贝某受他人雇佣，驾车将海洛因10克从某县运往某市，途中被公安机关查获。被告人贝某到案后如实供述。
本院认为，被告人贝某在缓刑考验期满后又犯运输毒品罪，系毒品再犯，依法应当从重处罚。
""",
    ),
    written(
        "theft_recidivist_beside_a_co_offenders_record",
        ["盗窃"],
        "recidivist confession",
        "recidivist confession",
        "crime.theft.large",
        """
被告人谷某，男，1986年生。2017年8月因犯盗窃罪被判处有期徒刑二年，2019年6月15日刑满释放。
经审理查明：2022年8月2日夜，被告人谷某伙同蔡某（另案处理）在某工地窃得钢管一批，价值人民币4200元。被告人谷某到案后如实供述。
本院认为，被告人谷某系累犯，应当从重处罚；同案人蔡某亦有前科。
""",
    ),
]

# just outside the 入户 rules: an entry made with the occupant or at his invitation is no unlawful entry (法发〔2016〕2号
# 二, recalled, unconfirmed), one made by a trick in order to rob is
OUTSIDE = [
    written(
        "robbery_went_home_with_the_victim_to_drink",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.basic",
        """
经审理查明：2022年2月1日晚，被告人侯某与被害人段某在饭店吃饭后，随段某一同进入段某家中继续饮酒。饮酒过程中，侯某见段某醉酒，
遂起意抢劫，持刀威胁段某交出现金人民币3000元。被告人侯某到案后如实供述。
""",
    ),
    written(
        "robbery_invited_in_to_repair_a_heater",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.basic",
        """
经审理查明：2022年4月3日，被告人范某应被害人雷某邀请进入雷某家中维修热水器，维修完毕后见雷某独自在家，临时起意，用扳手威胁雷某
交出手机一部（价值人民币2000元）。被告人范某到案后如实供述。
""",
    ),
    written(
        "robbery_tricked_the_door_open_to_rob",
        ["抢劫"],
        "confession",
        "confession",
        "crime.robbery.aggravated",
        """
经审理查明：2022年4月3日，被告人范某为抢劫财物，冒充燃气公司工作人员骗开房门进入被害人雷某家中，用扳手威胁雷某交出现金
人民币2000元。被告人范某到案后如实供述。
""",
    ),
]
