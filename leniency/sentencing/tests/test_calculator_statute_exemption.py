"""Articles of the special part that allow 免除处罚 on their own condition (method.yaml
`non_custodial.by_statute`): 刑法第二百七十六条之一第三款 (拒不支付劳动报酬: wages paid before prosecution) and
第三百五十一条第三款 (非法种植毒品原植物: uprooted of one's own accord before harvest), 第二百七十二条第三款
(挪用资金: the funds returned before prosecution; above the lowest bracket a mitigation). Where the fact text
states the condition the charge is exempt (0 months); where it does not, or negates it, or places it at
trial, the term stands. The fact texts are written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

WAGES = (
    "2022年3月至12月，被告人王某承包某小区的外墙装修工程，拖欠工人李某等十二人工资共计人民币186000元。"
    "2023年1月，区人力资源和社会保障局向王某下达限期支付工资的指令书，王某逃匿，仍未支付所欠工人工资。"
    "2023年3月5日，王某被公安机关抓获，到案后如实供述了上述事实。"
)
WAGES_PAID = WAGES + "2023年3月20日，王某的亲属代其向工人全额支付了所欠工资186000元。"
WAGES_PAID_AT_TRIAL = WAGES + "本案审理期间，王某的亲属代其向工人全额支付了所欠工资186000元。"
POPPY = (
    "2023年春，被告人赵某在其承包地内种植罂粟共计860株。"
    "同年5月12日，民警在巡查中发现上述罂粟并予以铲除。被告人赵某到案后如实供述了上述事实。"
)
POPPY_UPROOTED = (
    "2023年春，被告人赵某在其承包地内种植罂粟共计860株。"
    "同年5月初，罂粟尚未收获，赵某听说种植罂粟违法，便自行将上述罂粟全部铲除。被告人赵某到案后如实供述了上述事实。"
)


def _statute_step(calc):
    return next((s for s in calc.steps if s.rule_id == "method.exempt.statute"), None)


def test_wages_paid_before_prosecution_exempt_the_employer():
    calc = calculate(extract(WAGES_PAID, charges=["拒不支付劳动报酬"]))
    assert (calc.penalty, calc.months, calc.low, calc.high) == ("exempt", 0, 0, 0)
    step = _statute_step(calc)
    assert "第二百七十六条之一第三款" in step.citation
    assert "支付了所欠工资" in step.description_zh and "exempt" in step.description_en
    assert calc.confidence == "low"


def test_wages_still_unpaid_leave_the_term():
    """The text says only that the wages were not paid ("仍未支付所欠工人工资"): the negation is not a payment."""
    calc = calculate(extract(WAGES, charges=["拒不支付劳动报酬"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None


def test_wages_paid_at_trial_are_not_paid_before_prosecution():
    calc = calculate(extract(WAGES_PAID_AT_TRIAL, charges=["拒不支付劳动报酬"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None


def test_poppies_uprooted_of_ones_own_accord_before_harvest_are_exempt():
    calc = calculate(extract(POPPY_UPROOTED, charges=["非法种植毒品原植物"]))
    assert (calc.penalty, calc.months) == ("exempt", 0)
    assert "第三百五十一条第三款" in _statute_step(calc).citation


def test_poppies_uprooted_by_the_police_leave_the_term():
    calc = calculate(extract(POPPY, charges=["非法种植毒品原植物"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None


def test_the_provision_binds_only_its_own_charge():
    """Paid wages say nothing about a theft: the theft's term stands."""
    text = "被告人王某盗窃工地钢管，价值人民币26000元。" + WAGES_PAID.split("。")[-2] + "。"
    calc = calculate(extract(text, charges=["盗窃"]))
    assert calc.months and calc.months > 0
    assert _statute_step(calc) is None


BRIBE = (
    "2022年5月，被告人钱某为使其公司的建材进入某商贸公司的采购名单，先后三次送给该公司采购经理李某现金共计"
    "人民币8万元。"
)


def test_a_bribe_confessed_before_prosecution_is_exempt():
    text = BRIBE + "2023年4月，被告人钱某在被追诉前主动交待了上述行贿事实。"
    calc = calculate(extract(text, charges=["对非国家工作人员行贿"]))
    assert (calc.penalty, calc.months) == ("exempt", 0)
    assert "第一百六十四条第四款" in _statute_step(calc).citation


def test_a_bribe_confessed_after_arrest_leaves_the_term():
    """到案后如实供述 is 坦白 (art. 67 ¶3), not the confession before prosecution art. 164 ¶4 requires."""
    text = BRIBE + "2023年4月，钱某被公安机关抓获，到案后如实供述了上述行贿事实。"
    calc = calculate(extract(text, charges=["对非国家工作人员行贿"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None


def test_a_go_between_who_did_not_confess_before_prosecution_is_not_exempt():
    text = (
        "2022年5月，被告人周某介绍吴某向某局局长郑某行贿人民币10万元。被告人周某未在被追诉前主动交待上述事实，"
        "到案后如实供述。"
    )
    calc = calculate(extract(text, charges=["介绍贿赂"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None
    exempt = calculate(extract(text.replace("未在被追诉前", "在被追诉前"), charges=["介绍贿赂"]))
    assert (exempt.penalty, exempt.months) == ("exempt", 0)
    assert "第三百九十二条第二款" in _statute_step(exempt).citation


def test_wages_advanced_by_someone_else_are_not_the_employers_payment():
    """Art. 276-1 ¶3 asks that the defendant pay the workers. Wages advanced by the main contractor (垫付), or
    paid for the defendant by someone other than the family, are not that, even where the defendant later
    repays the advance."""
    advanced = WAGES + "2023年3月10日，总承包方垫付并结清了所欠工人工资186000元，后王某偿还了该笔垫款。"
    by_contractor = WAGES + "2023年3月10日，总承包方代王某支付了所欠工人工资186000元。"
    for text in (advanced, by_contractor):
        calc = calculate(extract(text, charges=["拒不支付劳动报酬"]))
        assert calc.penalty in ("detention", "imprisonment") and calc.months > 0, text
        assert _statute_step(calc) is None


def test_an_order_to_pay_is_not_a_payment():
    text = WAGES.replace(
        "向王某下达限期支付工资的指令书",
        "向王某发出限期改正通知书，要求王某在2023年1月20日之前支付拖欠工人工资",
    )
    assert "要求王某在2023年1月20日之前支付拖欠工人工资" in text
    calc = calculate(extract(text, charges=["拒不支付劳动报酬"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None


def test_poppies_uprooted_on_the_polices_order_are_not_uprooted_of_ones_own_accord():
    text = POPPY_UPROOTED.replace(
        "赵某听说种植罂粟违法，便自行将上述罂粟全部铲除", "民警发现后责令赵某自行将上述罂粟全部铲除"
    )
    assert "责令赵某自行" in text
    calc = calculate(extract(text, charges=["非法种植毒品原植物"]))
    assert calc.penalty in ("detention", "imprisonment") and calc.months > 0
    assert _statute_step(calc) is None


# 挪用资金: 刑法第二百七十二条第三款 (Amendment XI, in force 2021-03-01; by art. 12 the lighter law for earlier acts)
MISAPPROPRIATION = (
    "2019年3月至5月，被告人李某利用担任某贸易有限公司出纳的职务便利，将公司资金人民币{amount}转入其个人账户"
    "用于炒股，超过三个月未还。李某到案后如实供述，自愿认罪认罚。"
)


def _misappropriated(amount, tail):
    return calculate(extract(MISAPPROPRIATION.format(amount=amount) + tail, charges=["挪用资金"]))


def _mitigation_step(calc):
    return next((s for s in calc.steps if s.rule_id == "method.exempt.statute.mitigation"), None)


def test_funds_returned_during_review_for_prosecution_exempt_a_minor_misappropriation():
    """犯罪较轻的，可以减轻或者免除处罚: in the lowest bracket the engine takes the exemption. The act (2019) is
    before the amendment: the lighter law applies (art. 12), and the citation says so."""
    calc = _misappropriated("15万元", "2020年6月，案件移送审查起诉后，李某将挪用的资金全部退还公司。")
    assert (calc.penalty, calc.months) == ("exempt", 0)
    step = _statute_step(calc)
    assert "第二百七十二条第三款" in step.citation and "刑法第12条" in step.citation
    assert calc.confidence == "low"


def test_funds_returned_during_investigation_count_too():
    calc = _misappropriated("15万元", "李某在侦查阶段退还了全部挪用资金。")
    assert (calc.penalty, calc.months) == ("exempt", 0)


def test_a_return_without_a_stated_time_before_prosecution_does_not_bind():
    for tail in ("案发后，李某退还了全部挪用资金。", "本案审理期间，李某退还了全部挪用资金。"):
        calc = _misappropriated("15万元", tail)
        assert calc.penalty in ("detention", "imprisonment") and calc.months > 0, tail
        assert _statute_step(calc) is None


def test_a_partial_or_refused_return_does_not_bind():
    for tail in ("在审查起诉期间，李某退还了部分挪用资金。", "在审查起诉期间，李某仍未归还挪用的资金。"):
        calc = _misappropriated("15万元", tail)
        assert calc.penalty in ("detention", "imprisonment") and calc.months > 0, tail
        assert _statute_step(calc) is None


def test_funds_recovered_by_the_police_are_not_returned():
    calc = _misappropriated("15万元", "侦查期间，公安机关追回并退还了全部挪用资金。")
    assert calc.penalty in ("detention", "imprisonment") and _statute_step(calc) is None


def test_above_the_lowest_bracket_a_return_before_prosecution_mitigates_below_the_floor():
    """可以从轻或者减轻处罚: weighed as 退赃、退赔 and allowed below the 3-year floor (刑法第63条); without the
    return the plea alone stops at the bracket."""
    before = _misappropriated("500万元", "")
    after = _misappropriated("500万元", "李某在侦查阶段退还了全部挪用资金。")
    assert before.months >= 36 and "3年以上" in before.charges[0].bracket_label
    assert after.penalty == "imprisonment" and after.months < 36
    step = _mitigation_step(after)
    assert "第二百七十二条第三款" in step.citation and "刑法第63条" in step.citation
    assert "从轻或者减轻" in step.description_zh
    bucket = next(s for s in after.steps if s.rule_id == "circ.plea.bucket")
    assert "退赃" in bucket.description_zh  # the return is weighed inside the plea's bucket, not twice
    assert _statute_step(after) is None  # above the lowest bracket: no exemption


def test_the_return_binds_only_the_misappropriation():
    text = "被告人王某盗窃工地钢管，价值人民币26000元。李某在侦查阶段退还了全部挪用资金。"
    calc = calculate(extract(text, charges=["盗窃"]))
    assert calc.months > 0 and _statute_step(calc) is None and _mitigation_step(calc) is None
