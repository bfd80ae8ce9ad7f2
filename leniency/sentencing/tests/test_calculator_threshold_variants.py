"""Threshold variants (calculator_thresholds.py): 信用卡诈骗 counts a malicious overdraft and the use of a
forged, fraudulently obtained or another person's card on different amount thresholds, and the
overdraft thresholds were raised on 2018-12-01 (妨害信用卡解释, 2009, amended 2018, arts. 5 and 6/8). 职务侵占
has the figures before the 2016 interpretation and the brackets before Amendment 11 (earlier_law)."""

from datetime import date
from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_thresholds import latest_date
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts


def _calc(text, amount):
    return calculate(CaseFacts(text=text, charges=["信用卡诈骗"], amount_yuan=Decimal(amount)))


def _baseline(calc):
    """The months after steps 1 and 2 (starting point plus increments)."""
    return [s for s in calc.steps if s.kind in ("starting_point", "baseline")][-1].months_after


def _variant(calc):
    return next((s.rule_id for s in calc.steps if ".thresholds." in (s.rule_id or "")), None)


def test_another_persons_card_uses_the_card_fraud_thresholds():
    """冒用他人信用卡, 60,000 yuan ≥ 50,000 (数额巨大, art. 5): tier 'huge', starting point 60 months,
    plus (60,000 − 50,000) / 50,000 × 1 month = 0.2 -> 60.2 months (2018 overdraft figures: 数额较大 only)."""
    calc = _calc("2019年3月，被告人甲冒用他人信用卡消费，共计6万元。", 60000)
    assert _variant(calc) == "crime.credit_card_fraud.thresholds.card_fraud"
    assert abs(_baseline(calc) - 60.2) < 0.01


def test_overdraft_before_december_2018_uses_the_2009_figures():
    """恶意透支 20,000 yuan in 2016: 数额较大 from 10,000 (2009 interpretation art. 6), starting point 8
    months plus (20,000 − 10,000) / 5,000 × 1 month = 10 months."""
    calc = _calc("2016年5月10日起，被告人甲恶意透支信用卡，本金20000元经催收未还。", 20000)
    assert _variant(calc) == "crime.credit_card_fraud.thresholds.overdraft_before_2018"
    assert abs(_baseline(calc) - 10.0) < 0.01


def test_overdraft_after_december_2018_uses_the_default_figures():
    """The same overdraft in 2019: the 2018 figure of 50,000 is not passed, no increment: 8 months."""
    calc = _calc("2019年5月10日起，被告人甲恶意透支信用卡，本金20000元经催收未还。", 20000)
    assert _variant(calc) is None
    assert _baseline(calc) == 8.0


def test_overdraft_wording_wins_over_card_fraud_words():
    calc = _calc("2019年，被告人甲冒用他人身份申领信用卡后恶意透支6万元。", 60000)
    assert _variant(calc) is None


def test_latest_date_reads_the_last_date_named():
    assert latest_date("2013年3月至2014年2月25日，共计") == date(2014, 2, 25)
    assert latest_date("1950年出生的被告人") is None
    assert latest_date("没有日期") is None


def test_illegal_deposits_before_2022_use_the_2010_figures():
    """非法吸收公众存款 2,223,075 yuan in 2015: 数额巨大 from 1,000,000 under the 2010 interpretation art. 3
    (individual), so tier 'huge' with start 36 months; under the 2022 figures (5,000,000) it would stay in
    the first tier."""
    text = "2013年至2015年5月，被告人甲以高息为诱饵向社会公众吸收存款共计2223075元。"
    calc = calculate(CaseFacts(text=text, charges=["非法吸收公众存款"], amount_yuan=Decimal(2223075)))
    start = next(s for s in calc.steps if s.kind == "starting_point")
    assert _variant(calc) == "crime.illegal_deposits.thresholds.before_2022"
    assert start.rule_id == "crime.illegal_deposits.huge" and start.months_after == 36
    later = calculate(
        CaseFacts(
            text=text.replace("2015年5月", "2023年5月"),
            charges=["非法吸收公众存款"],
            amount_yuan=Decimal(2223075),
        )
    )
    assert (
        next(s for s in later.steps if s.kind == "starting_point").rule_id == "crime.illegal_deposits.basic"
    )


def _embezzlement(text: str):
    return calculate(extract(text, charges=["职务侵占"]))


def test_embezzlement_before_2016_uses_the_earlier_figures_and_the_earlier_brackets():
    """职务侵占 (art. 271) with facts in 2012: the pre-Amendment-11 brackets (≤5 years / ≥5 years) and the figures
    before the 2016 interpretation (数额巨大 from 100,000 yuan). 125,150 yuan: tier 数额巨大, start 60 months
    + 25,150 / 50,000 = 0.5 month -> 61 (embezzlement.yaml, earlier_law and threshold_variants)."""
    calc = _embezzlement("2012年9月，被告人王某利用职务便利，将公司财物125150元占为己有。")
    rules = [s.rule_id for s in calc.steps]
    assert "method.earlier_law" in rules and "crime.embezzlement.thresholds.before_2016" in rules
    assert "crime.embezzlement.huge" in rules
    assert calc.months == 61 and calc.charges[0].bracket_label.startswith("5年以上")


def test_embezzlement_below_the_2016_figure_was_a_crime_before_it():
    """33,355 yuan in 2014: 数额较大 from 5,000 yuan, start 8 months + 28,355 / 10,000 = 2.8 months -> 11."""
    calc = _embezzlement("2014年11月，被告人王某利用职务便利，侵占公司货款33355元。")
    assert calc.months == 11 and calc.charges[0].bracket_label.startswith("5年以下")


def test_embezzlement_between_2016_and_amendment_11_and_after_it():
    """125,150 yuan in 2017: the 2016 figures (数额较大 from 60,000: 8 + 6.5 -> 15 months) in the earlier ≤5-year
    bracket; in 2022 the same 15 months in today's ≤3-year bracket."""
    before = _embezzlement("2017年5月，被告人王某利用职务便利，侵占公司货款125150元。")
    after = _embezzlement("2022年5月，被告人王某利用职务便利，侵占公司货款125150元。")
    assert before.months == after.months == 15
    assert before.charges[0].bracket_label.startswith("5年以下")
    assert after.charges[0].bracket_label.startswith("3年以下")
    assert "method.earlier_law" not in [s.rule_id for s in after.steps]
