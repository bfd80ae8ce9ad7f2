"""Facts as a prosecutor writes them (task E39): the person is 犯罪嫌疑人, 嫌疑人 or a bare name, never 被告人.

The recommendation is made at review for prosecution (审查起诉), from an 起诉意见书, a 审查报告 or a short text pasted
into the calculator: no 本院认为, no 公诉机关指控, no 经审理查明. Every passage was written for this test; none is
taken from any data set. Each carries what a reader of the case would take from it: the charges inferred with no
charge given, the amount, the circumstances (as the extraction names them), the defendant's age, the victims, the
counts, the worst injury, the stage of a plea. A key left out is not compared.
"""

from decimal import Decimal

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.facts import Circumstance

IGNORED = {"fled", "fled_death", "disaster"}


def case(case_id, text, xfail=None, **expected):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, expected, id=case_id, marks=marks)


def reads(text: str) -> dict:
    facts = extract(text)
    plea = facts.finding(Circumstance.PLEA)
    return {
        "charges": set(facts.charges),
        "amount": facts.amount_yuan,
        "circumstances": {str(f.code) for f in facts.circumstances} - IGNORED,
        "age": facts.age,
        "victims": facts.victims,
        "counts": facts.counts,
        "injury": None if facts.injury is None else str(facts.injury),
        "plea_stage": None if plea is None else str(plea.value),
        "blood_alcohol": facts.blood_alcohol,
    }


CASES = [
    # 起诉意见书: the suspect's particulars, 经依法侦查查明, the account given at investigation
    case(
        "opinion-theft-ebike-confessed",
        "犯罪嫌疑人张某，男，1990年3月5日出生，汉族，初中文化，无业。因涉嫌盗窃罪于2023年4月8日被某某市公安局"
        "刑事拘留。经依法侦查查明：2023年4月2日凌晨，犯罪嫌疑人张某在某某小区地下车库，采用剪断锁线的方式，盗窃"
        "被害人王某停放的电动自行车一辆，经鉴定价值人民币3200元。犯罪嫌疑人张某到案后如实供述了上述犯罪事实。",
        charges={"盗窃"},
        amount=Decimal("3200"),
        circumstances={"confession"},
        age=33,
        victims=1,
    ),
    case(
        "paste-theft-ebike-returned",
        "嫌疑人李某盗窃电动车一辆，价值3200元，到案后如实供述，已退赃。",
        charges={"盗窃"},
        amount=Decimal("3200"),
        circumstances={"confession", "restitution"},
    ),
    case(
        "opinion-plea-signed-at-review",
        "经依法侦查查明：2023年6月1日，犯罪嫌疑人赵某在某某商场内趁被害人孙某不备，窃取其放在柜台上的手机一部，"
        "价值人民币4500元。犯罪嫌疑人赵某到案后如实供述了上述事实。审查起诉阶段，犯罪嫌疑人赵某自愿认罪认罚，"
        "在值班律师见证下签署了认罪认罚具结书。",
        charges={"盗窃"},
        amount=Decimal("4500"),
        circumstances={"confession", "plea"},
        plea_stage="prosecution_review",
        victims=1,
    ),
    case(
        "opinion-plea-at-investigation",
        "犯罪嫌疑人钱某于2023年2月10日在某某路骑行途中，窃取路边停放的电动车电瓶两块，价值人民币900元。犯罪嫌疑人"
        "钱某在侦查阶段即表示认罪认罚。",
        charges={"盗窃"},
        amount=Decimal("900"),
        circumstances={"plea"},
        plea_stage="investigation",
    ),
    case(
        "opinion-injury-surrender-paid-forgiven",
        "经依法侦查查明：2022年9月12日晚，犯罪嫌疑人刘某与被害人陈某因琐事发生争执，刘某持木棍击打陈某头部，"
        "致陈某受伤。经鉴定，陈某的损伤程度为轻伤二级。案发后，犯罪嫌疑人刘某主动到某某派出所投案，如实供述了"
        "犯罪事实。犯罪嫌疑人刘某已赔偿被害人陈某经济损失，并取得被害人谅解。",
        charges={"故意伤害"},
        injury="light_2",
        circumstances={"surrender", "compensation", "forgiveness"},
        victims=1,
    ),
    case(
        "opinion-fraud-three-victims",
        "经依法侦查查明：2022年3月至5月，犯罪嫌疑人孙某以帮助办理贷款为由，先后骗取被害人周某、吴某、郑某"
        "人民币共计4.6万元，所得钱款均用于个人挥霍。犯罪嫌疑人孙某于2022年6月2日被抓获归案。",
        charges={"诈骗"},
        amount=Decimal("46000"),
        victims=3,
        circumstances=set(),
    ),
    case(
        "review-report-three-thefts",
        "经审查认定的事实和证据：2022年10月至12月，犯罪嫌疑人吴某在某某市区先后三次盗窃他人财物，共计价值"
        "人民币5600元。犯罪嫌疑人吴某归案后如实供述了全部犯罪事实。",
        charges={"盗窃"},
        amount=Decimal("5600"),
        counts=3,
        circumstances={"confession"},
    ),
    case(
        "opinion-accessory-with-co-suspect",
        "经依法侦查查明：2023年1月5日，犯罪嫌疑人周某伙同犯罪嫌疑人马某（另案处理）在某某镇某某村，采用撬锁的"
        "方式盗窃被害人冯某家中的现金人民币8000元。在共同犯罪中，犯罪嫌疑人周某负责望风，起次要作用，系从犯。",
        charges={"盗窃"},
        amount=Decimal("8000"),
        circumstances={"accessory"},
    ),
    case(
        "seized-from-the-suspect-is-no-accessory",
        "经依法侦查查明：2023年3月8日，犯罪嫌疑人王某在某某公交车上扒窃乘客手机一部，价值人民币2100元。民警"
        "从犯罪嫌疑人王某处扣押该手机并发还被害人。犯罪嫌疑人王某到案后如实供述。",
        charges={"盗窃"},
        amount=Decimal("2100"),
        circumstances={"confession"},
    ),
    case(
        "opinion-drunk-driving",
        "经依法侦查查明：2023年5月20日22时许，犯罪嫌疑人郑某饮酒后驾驶小型轿车行驶至某某路段时，被执勤民警"
        "查获。经鉴定，犯罪嫌疑人郑某血液中乙醇含量为156.3mg/100ml。犯罪嫌疑人郑某到案后如实供述。",
        charges={"危险驾驶"},
        blood_alcohol=Decimal("156.3"),
        circumstances={"confession"},
    ),
    case(
        "opinion-minor-suspect",
        "犯罪嫌疑人韩某，男，2006年7月1日出生，学生。经依法侦查查明：2023年5月3日，犯罪嫌疑人韩某在某某网吧"
        "窃取被害人何某的手机一部，价值人民币1800元。",
        charges={"盗窃"},
        age=16,
        circumstances={"minor"},
        amount=Decimal("1800"),
    ),
    case(
        "opinion-recidivist",
        "犯罪嫌疑人冯某，男，1980年1月2日出生。2019年6月10日因犯盗窃罪被某某县人民法院判处有期徒刑一年，"
        "2020年5月10日刑满释放。经依法侦查查明：2022年3月15日，犯罪嫌疑人冯某在某某菜市场扒窃被害人许某的钱包"
        "一个，内有现金人民币1200元。犯罪嫌疑人冯某到案后如实供述了上述事实。",
        charges={"盗窃"},
        circumstances={"recidivist", "confession"},  # one conviction: 累犯, not also 前科 (E74)
    ),
    case(
        "paste-fraud-refunded",
        "嫌疑人褚某冒充客服骗取被害人卫某人民币2.3万元，到案后如实供述，已退赔被害人全部经济损失。",
        charges={"诈骗"},
        amount=Decimal("23000"),
        circumstances={"confession", "restitution"},
    ),
    case(
        "paste-family-refunded-for-suspect",
        "犯罪嫌疑人蒋某骗取被害人沈某人民币1.5万元。案发后，犯罪嫌疑人蒋某的家属代为退赔被害人全部损失。",
        charges={"诈骗"},
        amount=Decimal("15000"),
        circumstances={"restitution"},
    ),
    case(
        "paste-suspect-returned-the-stolen-goods",
        "犯罪嫌疑人韦某盗窃手机两部，价值人民币6000元，犯罪嫌疑人韦某已将所盗手机全部退还被害人。",
        charges={"盗窃"},
        amount=Decimal("6000"),
        circumstances={"restitution"},
    ),
    case(
        "bare-name-shop-theft",
        "张某于2023年1月5日在某某超市盗窃白酒两瓶，价值人民币680元，被超市工作人员当场抓获。张某到案后如实供述。",
        charges={"盗窃"},
        amount=Decimal("680"),
        circumstances={"confession"},
    ),
    case(
        "bare-name-snatch-one-victim",
        "2023年2月8日，王某趁被害人李某不备，抢走其手中手机一部，价值人民币2800元。",
        charges={"抢夺"},
        amount=Decimal("2800"),
        victims=1,
    ),
    case(
        "bare-name-suspect-is-no-victim",
        "2023年4月2日，陈某某在某某小区盗窃被害人吕某某的电动车一辆，价值人民币2500元。陈某某到案后如实供述。",
        victims=1,
        amount=Decimal("2500"),
        circumstances={"confession"},
    ),
    case(
        "short-suspect-word-is-no-victim",
        "嫌疑人施某于2023年3月1日在某某路盗窃被害人孔某电动车一辆，价值2600元。",
        victims=1,
        charges={"盗窃"},
        amount=Decimal("2600"),
    ),
    case(
        "short-suspect-birth-date",
        "嫌疑人陈某，1985年2月3日出生。2023年3月4日，嫌疑人陈某在某某小区盗窃自行车一辆，价值1500元。",
        age=38,
        charges={"盗窃"},
    ),
    case(
        "meritorious-caught-co-suspect",
        "犯罪嫌疑人吕某到案后如实供述了犯罪事实，并协助公安机关抓获同案犯罪嫌疑人施某。",
        circumstances={"confession", "meritorious"},
    ),
    case(
        "surrender-on-phone-notice",
        "犯罪嫌疑人曹某盗窃被害人严某的手机一部，价值人民币3000元。案发后，犯罪嫌疑人曹某经民警电话通知后主动到案，"
        "如实供述了犯罪事实。",
        circumstances={"surrender"},
        charges={"盗窃"},
    ),
    case(
        "caught-then-confessed-is-no-surrender",
        "犯罪嫌疑人华某盗窃电动车一辆，价值人民币2200元，后被民警在其住处抓获，到案后如实供述了犯罪事实。",
        circumstances={"confession"},
        charges={"盗窃"},
    ),
    case(
        "plea-by-agreeing-the-recommendation",
        "犯罪嫌疑人金某对指控的犯罪事实无异议，同意检察机关提出的量刑建议，并签署认罪认罚具结书。",
        circumstances={"plea"},
    ),
    case(
        "drug-sale-by-suspect",
        "经依法侦查查明：2023年4月9日，犯罪嫌疑人蒋某在某某宾馆以人民币600元的价格向吸毒人员沈某贩卖甲基苯丙胺"
        "（冰毒）一包，净重2.1克。犯罪嫌疑人蒋某到案后如实供述。",
        charges={"走私、贩卖、运输、制造毒品"},
        circumstances={"confession"},
    ),
    case(
        "suspect-own-injury-not-the-harm",
        "犯罪嫌疑人何某与被害人魏某发生厮打，何某用拳头击打魏某面部，致魏某鼻骨骨折。经鉴定，魏某的损伤程度为"
        "轻伤一级，犯罪嫌疑人何某的损伤程度为轻微伤。",
        charges={"故意伤害"},
        injury="light_1",
    ),
    case(
        "attempt-by-suspect",
        "犯罪嫌疑人陶某撬开被害人姜某家的房门欲行窃，因被害人姜某回家，意志以外的原因未得逞，犯罪嫌疑人陶某被当场抓获。",
        circumstances={"attempt"},
    ),
    case(
        "counts-told-by-suspect-word",
        "经依法侦查查明：2022年5月至8月，犯罪嫌疑人戚某在某某区先后作案5起，盗窃他人财物价值共计人民币7300元。",
        counts=5,
        amount=Decimal("7300"),
        charges={"盗窃"},
    ),
    case(
        "claim-for-compensation-is-no-payment",
        "犯罪嫌疑人谢某殴打被害人邹某，致邹某轻伤二级。被害人邹某要求犯罪嫌疑人谢某赔偿医疗费人民币3万元。",
        injury="light_2",
        circumstances=set(),
    ),
    case(
        "review-report-defendant-plea-and-refund",
        "审查起诉期间，犯罪嫌疑人喻某退赔了被害人全部经济损失人民币1.2万元，并自愿认罪认罚，签署了具结书。",
        circumstances={"restitution", "plea"},
        plea_stage="prosecution_review",
    ),
    case(
        "opinion-two-suspects-robbery-principal",
        "经依法侦查查明：2023年1月9日夜，犯罪嫌疑人柏某伙同犯罪嫌疑人水某，持刀拦截被害人窦某，劫取其现金"
        "人民币1500元和手机一部。在共同犯罪中，犯罪嫌疑人柏某提议并持刀威胁，起主要作用，系主犯。",
        charges={"抢劫"},
        circumstances={"principal"},
    ),
    case(
        "paste-forgiveness-after-paying",
        "嫌疑人章某致被害人云某轻伤二级，已赔偿被害人人民币3万元，取得谅解。",
        charges={"故意伤害"},
        injury="light_2",
        circumstances={"compensation", "forgiveness"},
    ),
    # just outside the rules above: a return by the police, and the victim's birth date, are not the suspect's
    case(
        "police-returned-the-phone-is-no-restitution",
        "犯罪嫌疑人许某盗窃被害人金某手机一部，价值人民币3000元。民警将追回的手机发还被害人金某。",
        charges={"盗窃"},
        circumstances=set(),
        victims=1,
    ),
    case(
        "victim-birth-date-is-no-suspect-age",
        "被害人朱某，2010年5月6日出生。2023年6月1日，嫌疑人秦某在某某公园抢走被害人朱某手机一部，价值1600元。",
        age=None,
        victims=1,
    ),
    # second batch, written after the change and run once: the prosecutor's own words for charges and circumstances
    case(
        "opinion-charge-named-as-suspected",
        "经依法侦查查明：2023年3月2日，犯罪嫌疑人凤某在某某小区窃取被害人花某晾晒的羽绒服两件，价值人民币1300元。"
        "犯罪嫌疑人凤某的行为已触犯《中华人民共和国刑法》第二百六十四条之规定，涉嫌盗窃罪。",
        charges={"盗窃"},
        amount=Decimal("1300"),
    ),
    case(
        "confessed-as-admitted-without-reserve",
        "犯罪嫌疑人方某到案后对其盗窃被害人俞某手机的犯罪事实供认不讳。",
        circumstances={"confession"},
    ),
    case(
        "review-report-finds-confession",
        "犯罪嫌疑人任某到案后能如实供述自己的罪行，具有坦白情节，依法可以从轻处罚。",
        circumstances={"confession"},
    ),
    case(
        "refused-to-confess-is-no-confession",
        "犯罪嫌疑人袁某到案后拒不供认其盗窃事实，经被害人辨认及监控录像证实。",
        circumstances=set(),
    ),
    case(
        "illegal-gains-handed-back",
        "犯罪嫌疑人柳某骗取被害人酆某人民币5000元，案发后已退缴全部违法所得。",
        circumstances={"restitution"},
        charges={"诈骗"},
    ),
    case(
        "written-forgiveness",
        "犯罪嫌疑人鲍某驾车与被害人史某发生口角后将其打成轻伤二级，犯罪嫌疑人鲍某已赔偿被害人史某人民币5万元，"
        "取得了被害人的书面谅解。",
        circumstances={"compensation", "forgiveness"},
        injury="light_2",
    ),
    case(
        "reconciliation-agreement",
        "犯罪嫌疑人唐某与被害人费某达成刑事和解协议，赔偿费某人民币2万元，费某对唐某表示谅解。",
        circumstances={"reconciliation"},  # its payment and forgiveness weighed in it (三(12), E80)
    ),
    case(
        "paste-drunk-driving-plea",
        "嫌疑人酒后驾驶机动车，血液酒精含量为95mg/100ml，认罪认罚。",
        charges={"危险驾驶"},
        blood_alcohol=Decimal("95"),
        circumstances={"plea"},
    ),
    case(
        "paste-injury-paid-forgiven-plea",
        "嫌疑人岑某殴打他人致一人轻伤二级，已赔偿人民币3万元并取得谅解，认罪认罚。",
        charges={"故意伤害"},
        injury="light_2",
        circumstances={"compensation", "forgiveness", "plea"},
    ),
    case(
        "victim-reported-the-suspect-is-no-second-victim",
        "被害人薛某向公安机关报案称其手机被盗。经侦查，犯罪嫌疑人雷某于2023年2月1日在某某饭店窃取薛某手机一部，"
        "价值人民币3500元。",
        victims=1,
        amount=Decimal("3500"),
        charges={"盗窃"},
    ),
    # third batch, bare names (the calculator's paste names the suspect only), written before the bare-name rule
    case(
        "bare-name-particulars-give-the-age",
        "张某，男，1990年3月5日出生。2023年1月5日，张某在某某超市盗窃白酒两瓶，价值人民币680元。张某到案后如实供述。",
        age=32,
        charges={"盗窃"},
        victims=None,
    ),
    case(
        "bare-name-residence-is-no-victim",
        "2023年2月1日，吴某在某某小区盗窃电动车一辆，价值2000元。同年2月3日，民警在吴某的住处将吴某抓获。",
        victims=None,
        charges={"盗窃"},
    ),
    case(
        "bare-name-victim-shop-owner-counted",
        "吴某在被害人李某经营的超市内盗窃香烟两条，价值人民币460元，吴某到案后如实供述。",
        victims=1,
        circumstances={"confession"},
    ),
    case(
        "bare-name-birth-in-parentheses",
        "2023年3月2日，孔某在某某商场窃取被害人曹某的手机一部，价值人民币2600元。孔某（1992年4月5日出生）到案后如实供述。",
        age=30,
        victims=1,
    ),
    case(
        "bare-name-victim-birth-is-no-age",
        "2023年3月2日，孔某在某某商场抢走被害人曹某（2008年1月3日出生）的手机一部，价值人民币2600元，孔某到案后如实供述。",
        age=None,
        victims=1,
    ),
    case(
        "bare-name-child-particulars-are-not-the-suspects",
        "2023年3月8日，周某见邻居小女孩吴某乙（女，2014年4月15日生）独自在家，对其实施猥亵。周某到案后如实供述。",
        age=None,
        circumstances={"confession"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_prosecutor_passage_reads_as_written(text, expected):
    got = reads(text)
    assert {key: got[key] for key in expected} == expected
