"""Outcomes without prison (免予刑事处罚 刑法第37条, 单处罚金 第52条, 管制 第38条) on passages written for task E40,
in the style of judgments (公诉机关指控 / 经审理查明 / 公诉机关认为), never copied from the dev data.

FIRST: 24 passages written before any change (12 right before, 17 after). SECOND: 11 passages written after the
first rules and scored before the second ones (3 right; 2 at the commit before E40), 7 after. OUTSIDE: texts just
outside each rule (a part of the wages, a negation between the wages and their payment, poppies pulled out on
an order, 情节轻微 with 从轻 only, the defence's claim alone or rejected, an accomplice's minor crime). A passage the
engine still gets wrong is a strict xfail naming why. Expected: the outcome's kind; 0 months for an exemption or
a fine alone, more than 0 for a custodial term.
"""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

ZERO = ("exempt", "fine_only")

FIRST = [
    pytest.param(
        ["拒不支付劳动报酬"],
        "公诉机关指控：2022年5月至2023年1月，被告人周某承揽某厂房钢结构工程，雇佣工人刘某等十五人施工，拖欠工人工资共计人民币23.6万元。"
        "2023年2月，县人力资源和社会保障局向周某送达《劳动保障监察限期改正指令书》，责令其于2023年2月20日前支付，周某逾期仍未支付并关闭手机躲避。"
        "2023年4月3日，周某被公安机关抓获，到案后如实供述了犯罪事实。"
        "审查起诉期间，周某筹集资金向工人发放了全部欠薪，工人出具了谅解书。",
        "exempt",
        id="wages_qianxin_before_prosecution",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：被告人陈某系某劳务队负责人，2021年8月至2022年6月，陈某组织工人在某安置房项目从事木工作业，拖欠工人吴某等九人劳务费共计人民币15.2万元。"
        "经镇政府及劳动监察部门多次责令支付，陈某仍以种种理由拒不支付。"
        "2022年10月9日陈某经电话通知到案。"
        "在本案提起公诉前，陈某已将拖欠的劳务费全部支付给吴某等九人。",
        "exempt",
        id="wages_laowufei_paid_before_prosecution",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：2022年3月至10月，被告人郑某承包某学校宿舍楼内墙粉刷工程，拖欠工人工资人民币9.8万元，经劳动监察大队责令支付后逃匿。"
        "2022年12月，总包单位某建设公司为维护稳定代为垫付了上述工人工资。"
        "2023年2月，郑某被抓获归案，审查起诉期间郑某向总包单位归还了垫付款9.8万元。",
        {"detention", "imprisonment"},
        id="wages_contractor_advanced_then_repaid",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "公诉机关指控：被告人何某经营某餐饮管理公司，2022年拖欠员工工资共计人民币11.3万元，经区人社局下达限期整改指令书后仍不支付。"
        "2023年3月，何某被抓获归案，如实供述了自己的罪行。"
        "在一审宣判前，何某已将所欠员工工资全部支付完毕。",
        {"detention", "imprisonment"},
        id="wages_paid_before_first_instance_verdict",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：被告人唐某承包某道路绿化工程，拖欠工人工资共计人民币12万元，经人社部门责令支付后仍未支付。"
        "案发后，唐某支付了部分工资4万元，尚欠工人工资8万元未支付。"
        "唐某到案后如实供述了犯罪事实。",
        {"detention", "imprisonment"},
        id="wages_paid_part_still_owing",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "公诉机关指控：2023年1月，被告人彭某拖欠其雇佣的十一名工人工资共计人民币7.9万元，经县人社局责令支付后仍不支付。"
        "同年3月10日公安机关立案侦查，彭某于次日主动到公安机关投案，并于2023年3月25日将工人工资全额支付到位。",
        "exempt",
        id="wages_paid_in_full_after_filing",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：被告人钱某系某服装厂实际经营人，2022年10月至2023年2月拖欠44名员工薪酬共计人民币31.5万元，经劳动监察部门依法责令支付后仍不支付，并转移厂内设备。"
        "钱某于2023年4月被抓获。"
        "2023年5月，在侦查阶段，钱某的妻子代其向员工结清了全部拖欠薪酬。",
        "exempt",
        id="wages_salary_xinchou",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：2023年4月2日，被告人孙某与邻居因排水问题发生争执，孙某用拳头击打被害人面部，致其鼻骨骨折，经鉴定为轻伤二级。"
        "案发后孙某主动投案，如实供述，并赔偿被害人经济损失人民币3万元，取得被害人谅解。"
        "孙某犯罪情节轻微，依法不需要判处刑罚。",
        "exempt",
        id="minor_whole_condition_yifa",
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2023年7月，被告人冯某在某工地盗窃钢筋头若干，经认定价值人民币1460元。"
        "冯某归案后如实供述，赃物已发还被害单位。"
        "公诉机关认为，被告人冯某犯罪情节轻微，无须判处刑罚，建议对其免予刑事处罚。",
        "exempt",
        id="minor_whole_condition_wuxu",
    ),
    pytest.param(
        ["故意伤害"],
        "经审理查明：2023年5月，被告人邱某因琐事与同事发生口角，持木棍击打被害人左臂，致其左尺骨骨折，经鉴定为轻伤一级。"
        "邱某作案后主动投案，如实供述了犯罪事实，犯罪情节较轻，并赔偿被害人损失5万元，取得谅解。",
        {"detention", "imprisonment"},
        id="relatively_light_is_not_minor",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年2月8日，被告人袁某在某小区地下车库盗窃电动车电瓶一块，价值人民币1200元。"
        "次日袁某在家人陪同下到派出所投案，如实供述了犯罪事实，电瓶已退还被害人。"
        "其犯罪情节轻微。",
        "exempt",
        id="minor_and_surrender_theft",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年2月8日，被告人袁某在某小区地下车库盗窃电动车电瓶一块，价值人民币1200元。"
        "次日袁某在家人陪同下到派出所投案，如实供述了犯罪事实，电瓶已退还被害人。"
        "辩护人提出其犯罪情节轻微的意见，与查明的事实不符，本院不予采纳。",
        {"detention", "imprisonment"},
        id="minor_negated_not_minor",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the rejected 情节轻微 no longer exempts, but 自首, the battery returned and 1.9 months give a fine alone (method.fine_only reads no 情节轻微); the writer expected a custodial term",
        ),
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：被告人贺某曾于2021年因犯盗窃罪被本院判处免予刑事处罚。"
        "2023年3月，贺某在某商场盗窃手机一部，价值人民币3100元，后被抓获，赃物已追回发还。",
        {"detention", "imprisonment"},
        id="exempt_earlier_not_now",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年6月12日，被告人韦某在某菜市场趁被害人不备，从其电动车车筐内窃取挎包一个，内有现金人民币1900元。"
        "当日韦某到派出所投案，如实供述了犯罪事实，并退赔被害人全部损失，取得被害人谅解，自愿认罪认罚。",
        "fine_only",
        id="theft_fine_only_full_restitution",
    ),
    pytest.param(
        ["故意毁坏财物"],
        "经审理查明：2023年3月，被告人梁某因与邻居发生纠纷，用砖块砸毁邻居停放在路边的小型轿车前挡风玻璃及车灯，经鉴定损失价值人民币6200元。"
        "梁某作案后主动投案，如实供述了犯罪事实，并赔偿被害人全部损失，取得了被害人谅解，自愿认罪认罚。",
        "fine_only",
        id="damage_property_fine",
        marks=pytest.mark.xfail(
            strict=True,
            reason="adjusted term 4 months, above fine_only.max_months (3, engineering); no law names a threshold for 故意毁坏财物's 或者罚金",
        ),
    ),
    pytest.param(
        ["非法占用农用地"],
        "经审理查明：2021年3月，被告人杨某未经批准，在其承包经营的耕地上建设养殖场，非法占用耕地5.6亩，造成耕地种植条件严重毁坏。"
        "案发后杨某主动投案，如实供述，并于2022年1月自行拆除地上建筑物，将被占用的耕地全部复垦，经自然资源部门验收已恢复种植条件，自愿认罪认罚。",
        "fine_only",
        id="farmland_restored",
        marks=pytest.mark.xfail(
            strict=True,
            reason="restoration (复垦) is a 从宽 factor in practice, not a ground the law names for 单处罚金; no guideline: the baseline sits at a quarter of the five-year bracket",
        ),
    ),
    pytest.param(
        ["滥伐林木"],
        "经审理查明：2022年11月，被告人蒋某未办理林木采伐许可证，在其承包的林地内采伐杉木，经鉴定滥伐林木蓄积量为14.6立方米。"
        "案发后蒋某主动投案，如实供述犯罪事实，并按林业部门要求补种杉树苗1200株，经验收成活率达标，自愿认罪认罚。",
        "fine_only",
        id="trees_replanted",
        marks=pytest.mark.xfail(
            strict=True,
            reason="补种 is weighed as 从宽 (法释〔2023〕8号 and the SPC's typical cases: 拘役 with probation), not as a ground for 单处罚金; 6 months stays 拘役",
        ),
    ),
    pytest.param(
        ["非法捕捞水产品"],
        "经审理查明：2023年5月（禁渔期），被告人黎某驾驶小船在长江某水域使用电鱼器具捕捞，捕获鱼类共计11.2公斤。"
        "黎某到案后如实供述，自愿认罪认罚，并出资人民币5000元购买鱼苗在该水域进行增殖放流，修复生态环境。",
        "fine_only",
        id="fishing_released_fry",
        marks=pytest.mark.xfail(
            strict=True,
            reason="增殖放流 is not read as restitution and no law names it as a ground for 单处罚金; no guideline: baseline a quarter of the three-year bracket",
        ),
    ),
    pytest.param(
        ["非法狩猎"],
        "经审理查明：2022年12月，被告人韩某在禁猎区内使用铁夹猎捕野兔、野鸡等野生动物共计21只。"
        "韩某到案后如实供述了犯罪事实，自愿认罪认罚，并缴纳生态修复费用人民币3000元。",
        "fine_only",
        id="hunting_minor",
        marks=pytest.mark.xfail(
            strict=True,
            reason="生态修复费用 is not read as restitution and no law names it as a ground for 单处罚金; no guideline: baseline a quarter of the bracket",
        ),
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2023年4月，被告人曹某在某小区盗窃自行车两辆，价值共计人民币2100元。"
        "曹某到案后如实供述，退赔了全部损失。"
        "公诉机关建议判处被告人曹某管制六个月，并处罚金。",
        "surveillance",
        id="recommended_surveillance_guanzhi",
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2023年4月，被告人曹某在某小区盗窃自行车两辆，价值共计人民币2100元。"
        "曹某到案后如实供述，退赔了全部损失，自愿认罪认罚。"
        "公诉机关建议对被告人曹某单处罚金人民币三千元。",
        "fine_only",
        id="fine_recommended_single",
        marks=pytest.mark.xfail(
            strict=True,
            reason="calculate() computes its own term and does not copy a quoted 单处罚金 recommendation; E41's reader and adoption.py hold the prediction to it (刑事诉讼法第201条)",
        ),
    ),
    pytest.param(
        ["聚众斗殴"],
        "经审理查明：2022年9月，被告人罗某应朋友邀约参与聚众斗殴，在斗殴中仅站在外围助势，未动手殴打他人，在共同犯罪中起次要作用，系从犯，犯罪情节轻微。"
        "罗某于案发后主动投案，如实供述，自愿认罪认罚。",
        "exempt",
        id="accessory_minor_brawl",
    ),
    pytest.param(
        ["非法种植毒品原植物"],
        "经审理查明：2023年3月，被告人宋某在自家菜园内种植罂粟共计620株。"
        "同年4月下旬，罂粟尚未成熟，宋某在村委会宣传禁毒后主动将上述罂粟全部拔除销毁。",
        "exempt",
        id="poppy_self_uprooted_reason",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年8月，被告人许某在某超市盗窃食用油、奶粉等商品，价值共计人民币1300元。"
        "许某如实供述，自愿认罪认罚，犯罪情节轻微，系初犯、偶犯。",
        {"detention", "exempt", "fine_only", "surveillance"},
        id="surveillance_minor_admitted",
    ),
]

SECOND = [
    pytest.param(
        ["拒不支付劳动报酬"],
        "公诉机关指控：被告人田某系某包工队负责人，2022年承接某村道硬化工程后，拖欠农民工工资共计人民币6.2万元，经乡劳动保障所及县人社局责令支付后仍拒不支付。"
        "2023年2月田某被抓获。"
        "在审查起诉阶段，田某通过其父亲筹款，将拖欠的农民工工资人民币6.2万元兑付完毕。",
        "exempt",
        id="wages_duifu_wanbi_by_father",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：2022年7月至2023年1月，被告人潘某在经营某建材加工厂期间，以资金周转困难为由拖欠21名工人工资共计人民币14.7万元，经劳动监察部门责令支付后仍不支付。"
        "公安机关立案后，潘某于移送审查起诉前向工人补足了全部工资，取得工人谅解。",
        "exempt",
        id="wages_bu_zu_before_transfer",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：被告人于某拖欠其雇佣的8名装修工人工资共计人民币5.6万元，经区人社局责令支付后逃匿。"
        "2023年5月于某被抓获归案。"
        "本案起诉至本院后，于某向工人支付了所欠工资5.6万元。",
        {"detention", "imprisonment"},
        id="wages_paid_after_court_accepted",
    ),
    pytest.param(
        ["聚众斗殴"],
        "经审理查明：2022年6月，被告人岳某被同村人以殴打相威胁，被迫跟随参加聚众斗殴，仅持木棍在现场站立，未实施殴打行为，系胁从犯，犯罪情节轻微。"
        "岳某到案后如实供述了自己的罪行。",
        "exempt",
        id="coerced_minor_brawl",
        marks=pytest.mark.xfail(
            strict=True,
            reason="持木棍 puts the brawl in 持械聚众斗殴 (三年以上十年以下); the engine exempts only in the lowest bracket, though 刑法第28条 allows 免除 in any",
        ),
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2023年9月3日，被告人毛某在某建筑工地盗窃电缆线一捆，价值人民币1680元，后电缆线被追回发还失主。"
        "公诉机关认为，被告人毛某的行为已构成××罪，但其犯罪情节轻微，可免予刑事处罚。",
        "exempt",
        id="prosecutor_may_exempt",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年1月，被告人严某在某农贸市场盗窃三轮车一辆，价值人民币2200元。"
        "严某到案后如实供述，并检举他人盗窃一起，经查证属实，系一般立功，犯罪情节轻微。",
        {"detention", "imprisonment", "surveillance"},
        id="ordinary_merit_is_no_ground",
    ),
    pytest.param(
        ["掩饰、隐瞒犯罪所得"],
        "经审理查明：2023年3月，被告人左某明知是他人盗窃所得的手机，仍以人民币300元的价格收购，该手机经认定价值人民币1500元。"
        "左某到案后如实供述了上述事实，已退缴违法所得，自愿认罪认罚。",
        "fine_only",
        id="concealment_small_fine",
        marks=pytest.mark.xfail(
            strict=True, reason="adjusted term 4 months, above fine_only.max_months (3, engineering)"
        ),
    ),
    pytest.param(
        ["诈骗"],
        "经审理查明：2023年4月，被告人伍某谎称能帮被害人办理驾驶证，骗取被害人人民币3500元。"
        "伍某到案后如实供述，已退赔被害人全部损失，取得谅解，自愿认罪认罚。",
        "fine_only",
        id="fraud_small_returned",
        marks=pytest.mark.xfail(
            strict=True, reason="adjusted term 3.1 months, just above fine_only.max_months (3, engineering)"
        ),
    ),
    pytest.param(
        ["寻衅滋事"],
        "经审理查明：2023年2月，被告人钟某酒后在某烧烤店无故踢翻餐桌，并推搡店主，造成店内财物损失人民币1200元。"
        "钟某到案后如实供述，赔偿了店主损失，其犯罪情节轻微。",
        "surveillance",
        id="xunxin_minor_surveillance",
        marks=pytest.mark.xfail(
            strict=True,
            reason="adjusted term 7 months, above the 6 months below which minor 管制 is given (detention_below_months)",
        ),
    ),
    pytest.param(
        ["交通肇事"],
        "经审理查明：2023年1月，被告人龚某驾驶小型轿车在乡道上超速行驶，与横过道路的行人相撞，致该行人经抢救无效死亡，龚某负事故全部责任。"
        "事故发生后龚某拨打电话报警并在现场等候处理，如实供述，赔偿被害人近亲属人民币60万元，取得谅解。",
        {"detention", "imprisonment"},
        id="traffic_no_fine_in_bracket",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年6月，被告人石某伙同李某盗窃某工厂废旧铜线，价值人民币4300元，石某负责撬锁搬运。"
        "同案人李某犯罪情节轻微，不需要判处刑罚，检察机关已对其作出不起诉决定。",
        {"detention", "imprisonment"},
        id="someone_elses_minor_crime",
    ),
]

OUTSIDE = [
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：被告人柳某承包某仓库地坪工程，拖欠工人劳务费共计人民币9.4万元，经县人社局责令支付后仍不支付。"
        "公安机关立案后，柳某于审查起诉期间补足了部分劳务费3万元，其余至今未付。",
        {"detention", "imprisonment"},
        id="wages_part_of_the_labour_fee_made_up",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "经审理查明：被告人柳某承包某仓库地坪工程，拖欠工人劳务费共计人民币9.4万元，经县人社局责令支付后仍不支付。"
        "截至审查起诉时，上述劳务费仍未全部支付到位。",
        {"detention", "imprisonment"},
        id="wages_not_all_paid_between_noun_and_verb",
    ),
    pytest.param(
        ["拒不支付劳动报酬"],
        "公诉机关指控：被告人田某系某包工队负责人，拖欠农民工工资共计人民币6.2万元，经县人社局责令支付后仍拒不支付。"
        "2023年2月田某被抓获，所欠工资尚未兑付完毕。",
        {"detention", "imprisonment"},
        id="wages_not_yet_cashed_out",
    ),
    pytest.param(
        ["非法种植毒品原植物"],
        "经审理查明：2023年3月，被告人宋某在自家菜园内种植罂粟共计620株。"
        "同年4月下旬，民警巡查发现后责令宋某将上述罂粟全部拔除销毁。",
        {"detention", "imprisonment"},
        id="poppies_pulled_out_on_the_police_order",
    ),
    pytest.param(
        ["盗窃"],
        "公诉机关指控：2023年9月3日，被告人毛某在某建筑工地盗窃电缆线一捆，价值人民币1680元，后电缆线被追回发还失主。"
        "公诉机关认为，被告人毛某犯罪情节轻微，可以酌情从轻处罚。",
        {"detention", "imprisonment", "surveillance"},
        id="minor_may_be_mitigated_is_not_the_whole_condition",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年2月8日，被告人袁某在某小区地下车库盗窃电动车电瓶一块，价值人民币1200元。"
        "次日袁某在家人陪同下到派出所投案，如实供述了犯罪事实，电瓶已退还被害人。"
        "辩护人提出其犯罪情节轻微的意见，与查明的事实不符，本院不予采纳。",
        {"detention", "fine_only", "imprisonment"},
        id="defence_claim_of_a_minor_crime_rejected",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年2月8日，被告人袁某在某小区地下车库盗窃电动车电瓶一块，价值人民币1200元。"
        "次日袁某在家人陪同下到派出所投案，如实供述了犯罪事实，电瓶已退还被害人。"
        "辩护人提出袁某犯罪情节轻微的意见，本院予以采纳。",
        "exempt",
        id="defence_claim_of_a_minor_crime_accepted",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年2月8日，被告人袁某在某小区地下车库盗窃电动车电瓶一块，价值人民币1200元。"
        "次日袁某在家人陪同下到派出所投案，如实供述了犯罪事实，电瓶已退还被害人。"
        "辩护人提出袁某犯罪情节轻微，建议对其免予刑事处罚。",
        {"detention", "fine_only", "imprisonment"},
        id="defence_claim_of_a_minor_crime_alone",
    ),
    pytest.param(
        ["盗窃"],
        "经审理查明：2023年6月，被告人石某伙同同案人李某盗窃某工厂废旧铜线，价值人民币4300元，石某仅在厂外望风。"
        "石某在共同犯罪中起辅助作用，系从犯，犯罪情节轻微，不需要判处刑罚。",
        "exempt",
        id="own_minor_crime_beside_an_accomplice",
    ),
]


def _outcome(charges, text):
    calc = calculate(extract(text, charges=charges))
    return calc.penalty, calc.months


def _check(charges, text, expected):
    penalty, months = _outcome(charges, text)
    if isinstance(expected, set):
        assert penalty in expected
    else:
        assert penalty == expected
    if penalty in ZERO:
        assert months == 0
    else:
        assert months > 0


@pytest.mark.parametrize(("charges", "text", "expected"), FIRST)
def test_first_batch_outcome(charges, text, expected):
    _check(charges, text, expected)


@pytest.mark.parametrize(("charges", "text", "expected"), SECOND)
def test_second_batch_outcome(charges, text, expected):
    _check(charges, text, expected)


@pytest.mark.parametrize(("charges", "text", "expected"), OUTSIDE)
def test_just_outside_a_rule(charges, text, expected):
    _check(charges, text, expected)
