"""拒不支付劳动报酬: the outcome the stage of the payment reaches (E101). 刑法第二百七十六条之一第三款 allows 减轻 or
免除处罚 where, no serious consequence caused, the wages are paid before prosecution; 法释〔2013〕3号第六条 (recalled)
makes a payment before 立案 no crime (an exemption is the nearest outcome a judgment shows) and one before the
first-instance judgment a ground for 从轻 only, weighed as a compensation (extraction/wages_paid.py). A payment by
someone else (垫付) is not the defendant's, a part is not the wages, and a serious consequence leaves the lowest bracket.
The fact texts are written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

CHARGE = "拒不支付劳动报酬"
CRIME = (
    "经审理查明：2015年4月至2015年11月，被告人吴某承包某县某厂房的钢结构工程，雇佣李某某等20名工人施工，"
    "拖欠20名工人工资共计人民币156000元。2016年1月，某县人力资源和社会保障局责令吴某限期支付，吴某逾期仍不支付并逃匿。"
    "2016年3月8日，被告人吴某被公安机关抓获，到案后如实供述了上述事实。"
)
BEFORE_PROSECUTION = {
    # the workers named between the verb and the whole
    "workers_named_before_the_whole": "在本案提起公诉前，被告人吴某已支付了上述20名工人的全部劳动报酬。",
    # 审查起诉 follows the police's transfer and precedes the prosecution
    "after_the_transfer_for_review": "本案移送审查起诉后，被告人吴某将拖欠的工资全部支付给了工人。",
    "handed_to_the_workers_in_the_investigation": "侦查期间，被告人吴某已将工资支付给李某某等20名工人。",
    "before_the_case_was_filed": "在公安机关立案前，被告人吴某已将拖欠的156000元工资全部付清。",
    "handed_out_through_the_inspectors": "在检察机关审查起诉阶段，被告人吴某通过劳动监察大队将拖欠的工资人民币156000元发放到工人手中。",
    "deposited_with_the_inspectors": "提起公诉前，被告人吴某已向某县劳动保障监察大队缴纳全部拖欠工资156000元，由该大队发放给工人。",
    "the_whole_of_the_workers_wages_repaid": "侦查期间，被告人吴某偿还了全部工人工资。",
}
AT_TRIAL = {
    "before_the_judgment_was_pronounced": "宣判前，被告人吴某已将拖欠的工资全部结清。",
    "in_the_trial_stage": "在审判阶段，被告人吴某支付了全部工资。",
    "while_the_court_heard_it": "在法院审理中，被告人吴某已将拖欠的工资全部付清。",
    "after_the_prosecution": "公诉机关提起公诉后，被告人吴某偿还了全部工人工资。",
}


def _calc(text):
    return calculate(extract(text, charges=[CHARGE]))


def _circumstances(text):
    return {str(c.code) for c in extract(text, charges=[CHARGE]).circumstances}


def _statute_exemption(calc):
    return next((s for s in calc.steps if s.rule_id == "method.exempt.statute"), None)


@pytest.mark.parametrize("tail", BEFORE_PROSECUTION.values(), ids=BEFORE_PROSECUTION.keys())
def test_wages_paid_in_full_before_prosecution_exempt(tail):
    calc = _calc(CRIME + tail)
    assert (calc.penalty, calc.months) == ("exempt", 0)
    assert "第二百七十六条之一第三款" in _statute_exemption(calc).citation


@pytest.mark.parametrize("tail", AT_TRIAL.values(), ids=AT_TRIAL.keys())
def test_wages_paid_at_trial_lighten_the_term_without_exempting(tail):
    unpaid = _calc(CRIME)
    calc = _calc(CRIME + tail)
    assert _statute_exemption(calc) is None
    assert "compensation" in _circumstances(CRIME + tail)
    assert (unpaid.months, calc.months) == (7, 6)


def test_wages_handed_over_at_trial_are_read_as_the_workers_compensation():
    text = CRIME + "本案审理期间，被告人吴某已将拖欠的156000元工资全部支付给李某某等20名工人。"
    assert _circumstances(text) == {"confession", "compensation"}
    assert _calc(text).months == 6


def test_unpaid_wages_and_their_records_are_no_payment():
    text = CRIME + "侦查期间，公安机关调取了吴某的工资支付记录，吴某所欠工资至今仍未支付。"
    assert _circumstances(text) == {"confession"}
    assert (_calc(text).penalty, _calc(text).months) == ("imprisonment", 7)


def test_a_part_of_the_wages_paid_before_prosecution_is_a_compensation_not_the_exemption():
    text = CRIME + "在提起公诉前，被告人吴某将部分工资支付给工人，尚欠80000元。"
    calc = _calc(text)
    assert _statute_exemption(calc) is None
    assert "compensation" in _circumstances(text)
    assert calc.months == 6


def test_wages_advanced_by_the_main_contractor_are_not_the_defendants_payment():
    text = CRIME.replace(
        "2016年3月8日",
        "2016年2月，总承包方某建设公司先行垫付了李某某等20名工人的全部工资。2016年3月8日",
    )
    calc = _calc(text)
    assert _statute_exemption(calc) is None
    assert calc.months == 7


def test_a_serious_consequence_told_bars_the_exemption():
    text = (
        "经审理查明：2015年5月至2015年12月，被告人谢某某承包某工地土方工程，拖欠唐某某等25名工人工资共计人民币230000元，"
        "经某县人力资源和社会保障局责令支付后仍不支付并逃匿，致使工人唐某某等人多次聚集堵塞交通讨薪，造成严重后果。"
        "2016年4月2日，被告人谢某某被抓获归案。在提起公诉前，被告人谢某某支付了全部拖欠工资。"
    )
    calc = _calc(text)
    assert _statute_exemption(calc) is None
    assert calc.months >= 36


def test_the_procuratorates_own_review_is_before_prosecution():
    """本院 in the prosecutor's charge is the procuratorate: its 审查起诉 is before prosecution."""
    text = (
        CRIME.replace("经审理查明：", "公诉机关指控：")
        + "在本院审查起诉期间，被告人吴某已将所欠工资全部支付完毕。"
    )
    assert (_calc(text).penalty, _calc(text).months) == ("exempt", 0)


def test_a_promise_to_pay_is_no_payment():
    text = CRIME + "案发后，被告人吴某与工人达成还款协议，承诺于2016年5月底前支付全部工资，但至今分文未付。"
    assert _statute_exemption(_calc(text)) is None
    assert _circumstances(text) == {"confession"}
    assert _calc(text).months == 7


def test_a_wage_guarantee_deposit_is_no_payment():
    text = CRIME + "侦查期间，被告人吴某向人力资源和社会保障局缴纳了全部拖欠工资的保证金。"
    assert _statute_exemption(_calc(text)) is None


def test_a_labour_gangs_fee_settled_before_prosecution_exempts_and_compensates():
    text = CRIME.replace("工资共计", "劳务费共计") + "在提起公诉前，被告人吴某已结清了全部劳务费。"
    assert (_calc(text).penalty, _calc(text).months) == ("exempt", 0)
    assert _circumstances(text) == {"confession", "compensation"}
