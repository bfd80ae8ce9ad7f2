"""A second act told without a number of its own (E71): texts written for this test in the style of a judgment (none
taken from the development data), each with the charges a court would convict of.

FIRST (14 texts): a second act after 另查明 with its own time, after 此外 / 另外 with 还 / 又, or opening with its own
month or year and 又; and texts just outside (另查明 telling a surrender, a record, a profile; 又 telling a disposal or
the same day's episode; 此外 telling the evidence). Scored at 16d49cf before any change: 6/14 exact, micro-F1 0.703;
9/14 (F1 0.800) after sentence_acts.opens_apart. SECOND (6 texts): written after that rule, in new phrasings (另外…还以,
另查明：, 次年…又, 次日…又 a demand pressed again, 此外…还款), run once before any change for it: 6/6 (3/6, F1 0.800, at
16d49cf). The misses left are the charge model's reading of a short act, not the telling: strict xfails naming why.
With the court's charges given, each two-charge text's acts are now scoped each to its own charge (11/11; none were
at 16d49cf); the per-charge terms of these texts are the same before and after.
"""

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charges import infer_charges
from leniency.sentencing.tests.written_texts import written_case

MISSES = {
    "lingwai_drugs_then_gun": (
        "the whole text ranks 非法制造、买卖…枪支 (第125条) first for a gun kept at home (私藏: 第128条); the split is right"
    ),
    "date_you_embezzle_then_theft": (
        "a cashier's transfer to his own account used for gambling reads as 挪用资金: with no 据为己有 told the text "
        "leaves 第272条's two crimes open (the written text is ambiguous)"
    ),
    "cihwai_drunk_then_hit_and_run_insurance": (
        "a theft of the car made up to claim insurance (第198条 保险诈骗) is read as a financial-licence crime by the model"
    ),
}

FIRST = [
    written_case(
        "linggcm_theft_then_drunk_driving",
        ["盗窃", "危险驾驶"],
        (
            "经审理查明：2020年3月12日凌晨，被告人甲某在某小区地下车库撬开车门，窃取车内现金3000元及香烟两条，价值共计4200元。"
            "另查明，2020年5月8日晚，甲某饮酒后驾驶小型轿车行驶至某路口时被民警查获，经鉴定，其血液中乙醇含量为156mg/100ml。"
        ),
        misses=MISSES,
    ),
    written_case(
        "linggcm_fraud_then_injury",
        ["诈骗", "故意伤害"],
        (
            "经审理查明：2021年4月，被告人乙某冒充某银行工作人员，以办理低息贷款需缴纳保证金为由，骗取被害人王某人民币4.5万元。"
            "另查明，2021年9月3日，乙某因琐事与邻居刘某发生争执，持木棒击打刘某头部，致刘某轻伤二级。"
        ),
        misses=MISSES,
    ),
    written_case(
        "cihwai_theft_and_robbery",
        ["盗窃", "抢劫"],
        (
            "经审理查明：2019年6月，被告人丙某在某网吧内趁他人熟睡之机，窃取手机一部，价值2100元。"
            "此外，被告人丙某还于2019年8月5日晚持水果刀在某巷口拦住被害人赵某，威胁其交出财物，劫得现金800元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "lingwai_drugs_then_gun",
        ["走私、贩卖、运输、制造毒品", "非法持有、私藏枪支、弹药"],
        (
            "经审理查明：2022年1月至3月，被告人丁某先后三次向吸毒人员陈某贩卖甲基苯丙胺共计2.5克，获利1500元。"
            "另外，被告人丁某还在其家中私藏以火药为动力的自制枪支一支，后被民警查获。"
        ),
        misses=MISSES,
    ),
    written_case(
        "tongnian_you_fight_then_fraud",
        ["寻衅滋事", "诈骗"],
        (
            "经审理查明：2020年2月14日晚，被告人戊某酒后在某KTV门口无故追逐、殴打过路人孙某、周某，致二人轻微伤。"
            "同年7月，戊某又以帮人安排工作为由，骗取被害人吴某“活动经费”2万元，后挥霍。"
        ),
        misses=MISSES,
    ),
    written_case(
        "date_you_embezzle_then_theft",
        ["职务侵占", "盗窃"],
        (
            "经审理查明：2018年5月至2019年1月，被告人己某利用担任某物流公司出纳的职务便利，将公司货款12万元转入其个人账户，用于赌博。"
            "2019年4月，己某又在某商场趁营业员不备，窃取金项链一条，价值7800元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "cihwai_drunk_then_hit_and_run_insurance",
        ["危险驾驶", "保险诈骗"],
        (
            "公诉机关指控：2021年11月6日，被告人庚某醉酒驾驶机动车被查获，血液中乙醇含量为190mg/100ml。"
            "此外，庚某又于2022年1月虚构车辆被盗的事实，向保险公司骗取理赔款6万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "linggcm_injury_then_gambling_house",
        ["故意伤害", "开设赌场"],
        (
            "经审理查明：2022年6月10日，被告人辛某在某餐馆因结账纠纷，用啤酒瓶砸伤店主李某，经鉴定李某的损伤程度为轻伤一级。"
            "另查明：2022年8月至10月，辛某在其经营的茶楼内设置赌台，组织他人以“推筒子”方式赌博，抽头渔利3万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_linggcm_surrender_and_compensation",
        ["盗窃"],
        (
            "经审理查明：2021年7月2日，被告人壬某在某超市窃取香烟十条，价值3500元。"
            "另查明，2021年7月10日，被告人壬某主动到公安机关投案，如实供述了犯罪事实，并已退赔被害单位全部损失，取得谅解。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_linggcm_record",
        ["故意伤害"],
        (
            "经审理查明：2020年9月1日，被告人癸某因停车纠纷将邻居钱某打成轻伤二级。"
            "另查明，2017年5月，被告人癸某因犯盗窃罪被某县人民法院判处有期徒刑一年，2018年3月刑满释放。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_linggcm_profile",
        ["诈骗"],
        (
            "经审理查明：2022年3月，被告人甲某以投资养殖项目为由，骗取被害人郑某人民币8万元。"
            "另查明，被告人甲某系某村村民，2022年5月15日被公安机关抓获归案。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_you_disposal",
        ["盗窃"],
        (
            "经审理查明：2021年8月3日，被告人乙某在某工地窃取电缆线200米，价值6000元。"
            "次日，乙某又将窃得的电缆线卖给废品收购站，得款1200元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_single_narrative_threat_and_injury",
        ["故意伤害"],
        (
            "经审理查明：2020年5月6日，被告人丙某因宅基地纠纷与邻居冯某发生争吵。"
            "当日下午，丙某又持铁锹到冯某家中，将冯某头部打伤，经鉴定为轻伤一级。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_cihwai_evidence",
        ["危险驾驶"],
        (
            "经审理查明：2022年2月5日晚，被告人丁某醉酒后驾驶小型普通客车上路，被民警查获，经鉴定其血液中乙醇含量为120mg/100ml。"
            "此外，被告人丁某的供述、证人王某的证言、血液检验报告等证据证实上述事实。"
        ),
        misses=MISSES,
    ),
]

SECOND = [
    written_case(
        "lingwai_huan_extortion_after_theft",
        ["盗窃", "敲诈勒索"],
        (
            "经审理查明：2022年7月9日，被告人甲某在某菜市场扒窃被害人李某手机一部，价值2600元。"
            "另外，被告人甲某还以公开被害人钱某隐私相要挟，于2022年9月向钱某索要人民币2万元。"
        ),
        misses=MISSES,
    ),
    written_case(
        "linggcm_colon_year_illegal_fishing",
        ["盗窃", "非法捕捞水产品"],
        (
            "公诉机关指控，2021年2月，被告人乙某在某养殖场盗窃鸡苗300只，价值4500元。"
            "另查明：2021年5月禁渔期内，乙某在某水库使用电鱼器具非法捕捞水产品80余公斤。"
        ),
        misses=MISSES,
    ),
    written_case(
        "cinian_you_second_act_wildlife",
        ["故意伤害", "危害珍贵、濒危野生动物"],
        (
            "经审理查明：2019年10月，被告人丙某与工友赵某发生口角，用铁管将赵某左臂打至骨折，经鉴定为轻伤一级。"
            "次年3月，丙某又在某山林中使用捕兽夹猎捕国家二级保护野生动物穿山甲一只。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_linggcm_detained_and_paid",
        ["抢夺"],
        (
            "经审理查明：2023年1月5日，被告人丁某驾驶摩托车尾随被害人，趁其不备夺走其挎包，包内有现金3000元。"
            "另查明，2023年1月20日，丁某在其住处被公安机关抓获，其亲属已代为退赔被害人全部损失。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_youzai_same_victim_next_day",
        ["敲诈勒索"],
        (
            "经审理查明：2020年8月3日，被告人戊某以举报被害人偷税相威胁，向其索要5万元。"
            "次日，戊某又打电话催促被害人付款，被害人遂报警。"
        ),
        misses=MISSES,
    ),
    written_case(
        "out_cihwai_huan_returned",
        ["诈骗"],
        (
            "经审理查明：2021年6月，被告人己某以帮人办理户口迁移为由，骗取被害人周某3万元。"
            "此外，己某还款5000元给周某后，余款至今未退。"
        ),
        misses=MISSES,
    ),
]


@pytest.mark.parametrize(("charges", "text"), FIRST + SECOND)
def test_charges_of_an_act_told_without_a_number(charges, text):
    assert sorted(infer_charges(text)) == sorted(charges)


# the charge model's misses above are the inference's, not the scoping's: with the court's charges every act is scoped
SEVERAL = [pytest.param(*p.values, id=p.id) for p in FIRST + SECOND if len(p.values[0]) > 1]


@pytest.mark.parametrize(("charges", "text"), SEVERAL)
def test_each_act_told_apart_is_scoped_to_its_own_charge(charges, text):
    assert [act.charge for act in extract(text, charges=charges).acts] == charges
