"""A guideline crime's amount tier also follows the statute's words when the fact text uses them
(`text_says` in the crime file): a court or prosecutor that writes 数额巨大 has found the amount to be
in that tier, whatever amount the extractor could read. A tier the law did not have before a date
(`latest_date_from`) is not used for facts that end earlier (刑法第12条). Tiers set by circumstances of the
offence follow the statute's words likewise: 轮奸 and the other aggravations of rape (刑法第236条第3款),
奸淫幼女, and the 情节严重 / 情节特别严重 tiers of crimes measured by neither amount nor quantity."""

from decimal import Decimal

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts


def _start(calc, charge):
    return next(s for s in calc.steps if s.kind == "starting_point" and s.charge == charge)


def test_theft_worded_huge_takes_the_three_to_four_year_tier():
    """盗窃: "多次盗窃他人财物，数额巨大" with no amount read -> tier 'huge' (3-4 years), start 36 months
    (theft.yaml; 2021 guideline 四(十一)2)."""
    calc = calculate(CaseFacts(text="被告人甲多次盗窃他人财物，数额巨大。", charges=["盗窃"]))
    step = _start(calc, "盗窃")
    assert step.rule_id == "crime.theft.huge"
    assert step.months_after == 36


def test_negated_wording_does_not_raise_the_tier():
    calc = calculate(
        CaseFacts(
            text="被告人甲盗窃他人财物，尚未达到数额巨大。", charges=["盗窃"], amount_yuan=Decimal(5000)
        )
    )
    assert _start(calc, "盗窃").rule_id == "crime.theft.large"


def test_an_amount_in_a_higher_tier_still_wins_over_lower_wording():
    calc = calculate(
        CaseFacts(text="被告人甲盗窃，数额巨大。", charges=["盗窃"], amount_yuan=Decimal(600000))
    )
    assert _start(calc, "盗窃").rule_id == "crime.theft.especially_huge"


def test_illegal_deposits_third_tier_needs_facts_after_amendment_11():
    """非法吸收公众存款: the 数额特别巨大 bracket exists from 2021-03-01 (Amendment 11). Facts ending in
    2015 stay in the 数额巨大 tier (start 36 months); the same words in 2022 reach it (start 120)."""
    old = calculate(
        CaseFacts(
            text="2015年6月，被告人甲非法吸收公众存款，数额特别巨大。",
            charges=["非法吸收公众存款"],
            amount_yuan=Decimal(6000000),
        )
    )
    new = calculate(
        CaseFacts(
            text="2022年6月，被告人甲非法吸收公众存款，数额特别巨大。",
            charges=["非法吸收公众存款"],
            amount_yuan=Decimal(6000000),
        )
    )
    assert _start(old, "非法吸收公众存款").rule_id == "crime.illegal_deposits.huge"
    assert _start(new, "非法吸收公众存款").rule_id == "crime.illegal_deposits.especially_huge"
    assert _start(new, "非法吸收公众存款").months_after == 120


def test_with_several_charges_the_wording_belongs_to_the_sentence_that_names_the_conduct():
    """ "多次盗窃他人财物，数额巨大；抢夺他人财物一次，价值1560元，数额较大": 数额巨大 is said of the thefts
    (conduct_words of theft.yaml), so theft starts at 36 months (3-4 years) and snatching stays in its
    数额较大 tier (starting point 6 months, snatching.yaml)."""
    text = "被告人甲多次盗窃他人财物，数额巨大；抢夺他人财物一次，价值1560元，数额较大。"
    calc = calculate(CaseFacts(text=text, charges=["盗窃", "抢夺"], amount_yuan=Decimal(1560)))
    assert _start(calc, "盗窃").rule_id == "crime.theft.huge"
    assert _start(calc, "抢夺").rule_id == "crime.snatching.large"


def _tier_start(text: str, charge: str) -> float:
    calc = calculate(CaseFacts(text=text, charges=[charge]))
    return next(s for s in calc.steps if s.kind == "starting_point").months_after


def test_gang_rape_in_the_courts_words_starts_at_ten_years():
    """二人以上轮奸 (art. 236 para. 3 item 4): the aggravated tier, start 120 months; one offender: 42 (rape.yaml)."""
    assert _tier_start("被告人甲伙同乙在宾馆房间内先后强行与被害人丙发生性关系。", "强奸") == 120
    assert _tier_start("被告人甲与乙对被害人丙实施轮奸。", "强奸") == 120
    assert _tier_start("被告人甲在宾馆房间内强行与被害人丙发生性关系。", "强奸") == 42


def test_rape_of_a_girl_under_fourteen_has_its_own_tier():
    assert _tier_start("被告人甲明知被害人系不满十四周岁的幼女，仍与其发生性关系。", "强奸") == 54


def test_serious_circumstances_named_in_the_facts_select_the_higher_tier():
    """组织卖淫 情节严重: 120 months (organising_prostitution.yaml); 侵犯公民个人信息 情节特别严重: 36."""
    assert _tier_start("被告人甲组织多名妇女卖淫，情节严重。", "组织卖淫") == 120
    assert _tier_start("被告人甲组织妇女卖淫。", "组织卖淫") < 120
    assert _tier_start("被告人甲非法获取公民个人信息五万余条，情节特别严重。", "侵犯公民个人信息") == 36
    assert _tier_start("被告人甲非法获取公民个人信息，尚未达到情节特别严重。", "侵犯公民个人信息") < 36


def test_the_statutes_aggravations_of_affray_and_robbery_in_the_courts_words():
    """持械聚众斗殴 (art. 292 para. 1 (4)): 3-10 years, start 60 months (affray.yaml); 入户抢劫 (art. 263 (1)):
    10 years or more, start 120 (robbery.yaml). Without them each stays in its basic tier."""
    assert _tier_start("被告人甲纠集多人持械聚众斗殴。", "聚众斗殴") == 60
    assert _tier_start("被告人甲纠集多人聚众斗殴。", "聚众斗殴") < 60
    assert _tier_start("被告人甲窜至被害人家中入户抢劫现金500元。", "抢劫") == 120
    assert _tier_start("被告人甲在路边抢劫被害人现金500元。", "抢劫") < 120
