"""Task E70: whose restitution, compensation, forgiveness, surrender, confession, merit and plea: the defendant's, not a
co-defendant's (刑法第25-27条: each is sentenced by his own part and conduct; 2021量刑指导意见 三(10)/(11) weigh the
defendant's own 退赃退赔 and 赔偿). A judgment of several defendants is sentenced for its first; a circumstance counts
for him where its subject is he (被告人 without another name, 其, his family, his masked name) or all of them together
(各被告人均, 被告人甲、乙均), and not where its subject is another named defendant alone.

Passages written for this task (none copied from the dev data), scored on the circumstances each names.
First batch (20): 10/20 on HEAD ea19e03 before any change, 20/20 after. Second batch (14 new phrasings, written after
the first batch's fixes and scored before fixing what it showed): 6/14 on HEAD, 12/14 on the engine with the first
batch's fixes (the nearest figure to a held-out one), 13/14 after (a forgiveness named later in its sentence, after
谅解书, was the fix; one strict xfail left).
"""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.facts import Circumstance as C

WATCHED = {
    C.RESTITUTION,
    C.COMPENSATION,
    C.FORGIVENESS,
    C.SURRENDER,
    C.CONFESSION,
    C.MERITORIOUS,
    C.MAJOR_MERITORIOUS,
    C.PLEA,
}

FIRST_BATCH = [
    (
        "co_defendant_hands_in_proceeds",
        "公诉机关指控：被告人张某、李某共同盗窃他人财物。经审理查明：2022年5月3日，被告人张某、李某在某工地窃得电缆线一批，"
        "经鉴定价值8000元。案发后，被告人李某将非法所得2000元退缴。本院认为，被告人张某、李某的行为均已构成××罪。",
        set(),
    ),
    (
        "co_defendant_by_name_alone_returns",
        "经审理查明：被告人王某某、成某某于2021年8月共同骗取被害人赵某现金3万元。案发后，成某某将赃款1万元退还被害人赵某。"
        "本院认为，被告人王某某、成某某的行为均已构成××罪。",
        set(),
    ),
    (
        "both_named_return_together",
        "经审理查明：被告人张某、李某共同盗窃被害人刘某的电动车两辆，价值6000元。案发后，被告人张某、李某均已退赔被害人刘某全部损失。",
        {C.RESTITUTION},
    ),
    (
        "each_defendant_hands_in",
        "经审理查明：被告人陈某、吴某、郑某结伙盗窃某超市商品，价值1.2万元。在审理期间，各被告人均已退缴全部违法所得。",
        {C.RESTITUTION},
    ),
    (
        "his_family_pays_back_for_him",
        "经审理查明：被告人张某伙同被告人李某骗取被害人周某人民币4万元。案发后，被告人张某的家属代其退赔被害人周某经济损失2万元。",
        {C.RESTITUTION},
    ),
    (
        "co_defendants_relatives_compensate",
        "经审理查明：被告人孙某、钱某因琐事殴打被害人刘某，致其轻伤一级。案发后，被告人钱某的亲属代为赔偿被害人刘某经济损失2万元。",
        set(),
    ),
    (
        "forgiveness_given_to_co_defendant",
        "经审理查明：被告人孙某、钱某共同殴打被害人刘某致其轻伤二级。案发后，被告人钱某赔偿被害人刘某经济损失1万元，"
        "被害人刘某对被告人钱某的行为表示谅解。",
        set(),
    ),
    (
        "forgiveness_given_to_both",
        "经审理查明：被告人孙某、钱某共同殴打被害人刘某致其轻伤二级。审理期间，被告人孙某、钱某共同赔偿被害人刘某经济损失3万元，"
        "被害人刘某对被告人孙某、钱某均表示谅解。",
        {C.COMPENSATION, C.FORGIVENESS},
    ),
    (
        "co_defendant_surrenders",
        "经审理查明：被告人张某、李某共同盗窃某仓库铜材，价值2万元。2022年6月1日，被告人李某主动到公安机关投案，如实供述了犯罪事实。"
        "同年6月3日，被告人张某在家中被民警抓获。",
        set(),
    ),
    (
        "co_defendant_reports_another_crime",
        "经审理查明：被告人张某、李某共同诈骗被害人王某5万元。被告人李某到案后检举揭发他人犯罪行为，经查证属实，有立功表现。",
        set(),
    ),
    (
        "co_defendant_alone_pleads",
        "经审理查明：被告人张某、李某共同盗窃电动车三辆，价值9000元。被告人李某自愿认罪认罚，并签署了认罪认罚具结书。",
        set(),
    ),
    (
        "defendant_confesses_with_qi",
        "经审理查明：被告人张某伙同被告人李某盗窃他人摩托车一辆，价值4000元。被告人张某被抓获后，其如实供述了上述犯罪事实。",
        {C.CONFESSION},
    ),
    (
        "defendant_by_masked_name_hands_in",
        "经审理查明：被告人成某某、王某某共同收受他人财物共计10万元。案发后，成某某将非法所得全部退缴。",
        {C.RESTITUTION},
    ),
    (
        "appellant_and_co_defendant_returns",
        "经审理查明：上诉人张某与原审被告人成某某共同骗取被害人财物5万元。案发后，原审被告人成某某将非法所得退缴。",
        set(),
    ),
    (
        "returned_soon_after",
        "经审理查明：2021年3月，被告人张某以投资为名骗取被害人王某人民币5万元。不久，被告人张某将5万元全部退还给被害人王某。",
        {C.RESTITUTION},
    ),
    (
        "returned_afterwards_shihou",
        "经审理查明：被告人张某趁被害人王某不备，窃取其手机一部，价值3000元。事后，被告人张某将手机归还被害人王某。",
        {C.RESTITUTION},
    ),
    (
        "co_defendant_compensates_and_forgiven_by_surname",
        "经审理查明：被告人孙某、钱某共同殴打被害人刘某致其轻伤。被告人钱某赔偿被害人刘某医疗费等经济损失3万元，刘某对钱某表示谅解。",
        set(),
    ),
    (
        "defendant_pays_named_victim",
        "经审理查明：被告人张某、李某共同骗取被害人王某某3万元。案发后，被告人张某向被害人王某某退赔1.5万元，取得了被害人王某某的谅解。",
        {C.RESTITUTION, C.FORGIVENESS},
    ),
    (
        "single_defendant_named_hands_in",
        "经审理查明：被告人王某利用职务便利收受他人财物8万元。案发后，被告人王某将非法所得全部退缴。",
        {C.RESTITUTION},
    ),
    (
        "co_defendant_confesses_defendant_silent",
        "经审理查明：被告人张某、李某共同贩卖甲基苯丙胺5克。被告人李某归案后如实供述了自己的罪行。被告人张某到案后拒不供认。",
        set(),
    ),
]

# Written after the first batch's rules were in place, new phrasings, scored before any fix for them.
SECOND_BATCH = [
    (
        "co_defendant_hands_in_with_family_help",
        "经审理查明：被告人甲某、乙某共同盗窃某公司钢材，价值1.5万元。被告人乙某在家属帮助下退缴了违法所得人民币5000元，"
        "被告人甲某未退赃。",
        set(),
    ),
    (
        "co_defendant_by_name_goes_to_police",
        "经审理查明：被告人甲某、乙某共同诈骗被害人丙某2万元。2023年1月5日，乙某经电话通知后主动到派出所投案。",
        set(),
    ),
    (
        "both_confess_each_their_part",
        "经审理查明：被告人甲某、乙某共同抢夺被害人丙某的金项链一条，价值6000元。被告人甲某、乙某到案后均如实供述各自犯罪事实。",
        {C.CONFESSION},
    ),
    (
        "letter_of_forgiveness_for_co_defendant",
        "经审理查明：被告人甲某、乙某共同殴打被害人丙某致其轻伤。被害人丙某出具谅解书，对被告人乙某予以谅解。",
        set(),
    ),
    (
        "co_defendant_leads_police_to_third",
        "经审理查明：被告人甲某、乙某伙同丙某（另案处理）盗窃电动车四辆。被告人乙某到案后带领民警抓获同案犯丙某，系立功。",
        set(),
    ),
    (
        "defendant_helps_catch_co_defendant",
        "经审理查明：被告人甲某、乙某共同盗窃摩托车两辆。被告人甲某到案后，协助公安机关抓获同案被告人乙某，有立功表现。",
        {C.MERITORIOUS},
    ),
    (
        "appellant_family_pays_on_appeal",
        "经审理查明：上诉人李某与原审被告人王某共同诈骗被害人赵某10万元。二审期间，上诉人李某的亲属代为退赔被害人赵某损失5万元。",
        {C.RESTITUTION},
    ),
    (
        "original_co_defendant_paid_at_first_instance",
        "经审理查明：上诉人李某与原审被告人王某共同诈骗被害人赵某10万元。原审被告人王某在一审期间退赔被害人赵某损失2万元。",
        set(),
    ),
    (
        "masked_names_after_the_list_plead",
        "公诉机关指控：被告人吴某某、郑某某共同贩卖毒品。经审理查明：……郑某某到案后自愿认罪认罚，签署了具结书。",
        set(),  # an elision mark (……) before the name leaves it the clause's opening one (E77)
    ),
    (
        "each_paid_a_sum_respectively",
        "经审理查明：被告人钱某、孙某共同骗取被害人赵某3万元。案发后，被告人钱某、孙某分别退赔被害人赵某1万元、5000元。",
        {C.RESTITUTION},
    ),
    (
        "returned_later_same_day",
        "经审理查明：被告人钱某在某商场窃取被害人赵某钱包一个，内有现金800元。随后，被告人钱某将现金800元退还被害人赵某。",
        {C.RESTITUTION},
    ),
    (
        "scheme_interest_after_taking",
        "经审理查明：被告人钱某以高息为诱饵骗取被害人赵某10万元，随后为取得赵某信任按月向其归还利息2000元。",
        set(),
    ),
    (
        "co_defendant_paid_defendant_pleads",
        "经审理查明：被告人甲某、乙某共同殴打被害人丙某致其轻伤二级。被告人乙某赔偿被害人丙某经济损失1万元。"
        "被告人甲某自愿认罪认罚。",
        {C.PLEA},
    ),
    (
        "x_masked_co_defendant_father_pays",
        "经审理查明：被告人王X、李X共同殴打被害人赵X致其轻伤。李X的父亲代其赔偿被害人赵X医疗费2万元，被害人赵X对李X表示谅解。",
        set(),
    ),
]


def watched(text: str) -> set[C]:
    findings, _ = find_circumstances(text)
    return {f.code for f in findings} & WATCHED


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIRST_BATCH], ids=[c[0] for c in FIRST_BATCH])
def test_first_batch(text, expected):
    assert watched(text) == expected


def second_case(case_id, text, expected, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, expected, id=case_id, marks=marks)


@pytest.mark.parametrize(("text", "expected"), [second_case(*c) for c in SECOND_BATCH])
def test_second_batch(text, expected):
    assert watched(text) == expected
