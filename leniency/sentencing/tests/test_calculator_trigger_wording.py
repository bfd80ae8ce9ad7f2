"""A charge without a guideline standard: the statute's trigger wording quoted in the fact text
(the prosecutor's "…数额巨大…") picks the higher statutory bracket for the bracket-based estimate."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.facts import CaseFacts

RULE = "method.no_guideline.trigger_wording"


def test_huge_amount_wording_lands_in_the_second_bracket():
    """挪用资金 (刑法第272条): "数额巨大" -> the 3-to-7-year bracket, with a step quoting the trigger."""
    text = "公诉机关认为，被告人甲利用职务便利，挪用本单位资金归个人使用，数额巨大，应以挪用资金罪追究其刑事责任。"
    calc = calculate(CaseFacts(text=text, charges=["挪用资金"]))
    trigger = [s for s in calc.steps if s.rule_id == RULE]
    assert (
        len(trigger) == 1
        and "数额巨大" in trigger[0].description_zh
        and "第二百七十二条" in trigger[0].citation
    )
    start = next(s for s in calc.steps if s.kind == "starting_point")
    assert 36 <= start.months_after <= 84


def test_negated_wording_stays_in_the_lowest_bracket():
    text = "公诉机关认为，被告人甲挪用本单位资金归个人使用，尚未达到数额巨大，应以挪用资金罪追究其刑事责任。"
    calc = calculate(CaseFacts(text=text, charges=["挪用资金"]))
    assert not [s for s in calc.steps if s.rule_id == RULE]
    start = next(s for s in calc.steps if s.kind == "starting_point")
    assert start.months_after < 36


def test_especially_heavy_loss_and_huge_quantity_are_trigger_wording():
    """违法发放贷款 (art. 186): "造成特别重大损失" -> 5 years or more; 妨害信用卡管理 (art. 177-1): "数量巨大" -> 3-10 years."""
    loans = calculate(
        CaseFacts(text="公诉机关认为，被告人违法发放贷款，造成特别重大损失。", charges=["违法发放贷款"])
    )
    assert [s for s in loans.steps if s.rule_id == RULE and "特别重大损失" in s.description_zh]
    assert next(s for s in loans.steps if s.kind == "starting_point").months_after >= 60
    cards = calculate(CaseFacts(text="被告人骗领信用卡16张，数量巨大。", charges=["妨害信用卡管理"]))
    assert 36 <= next(s for s in cards.steps if s.kind == "starting_point").months_after <= 120


def test_with_several_charges_the_wording_counts_only_where_the_charge_is_named():
    """非法采矿 (art. 343): "情节特别严重" -> 3-7 years, but only when the sentence saying it is about the
    mining (a piece of the charge name, 采矿, is in it); said of the hunting it leaves mining in its
    lowest bracket (three years or less)."""
    charges = ["非法采矿", "非法狩猎"]
    own = calculate(CaseFacts(text="被告人甲非法狩猎野生动物。又非法采矿，情节特别严重。", charges=charges))
    other = calculate(CaseFacts(text="被告人甲非法采矿。又非法狩猎，情节特别严重。", charges=charges))

    def mining_start(calc):
        return next(
            s for s in calc.steps if s.kind == "starting_point" and s.charge == "非法采矿"
        ).months_after

    assert [s.charge for s in own.steps if s.rule_id == RULE] == ["非法采矿"]
    assert 36 <= mining_start(own) <= 84
    assert not [s for s in other.steps if s.rule_id == RULE and s.charge == "非法采矿"]
    assert mining_start(other) < 36


def test_conduct_pieces_of_a_charge_name_leave_generic_words_out():
    from leniency.sentencing.calculator_wording import conduct_bigrams

    assert conduct_bigrams("非法采矿") == ["法采", "采矿"]
    assert "受贿" in conduct_bigrams("非国家工作人员受贿") and "国家" not in conduct_bigrams(
        "非国家工作人员受贿"
    )


def test_espionage_starts_in_the_basic_bracket_unless_the_facts_say_qingjie_jiaoqing():
    """间谍 (art. 110): 十年以上有期徒刑或者无期徒刑 is the basic bracket, 情节较轻 (3-10 years) the exception (故意杀人
    and 绑架, built the same way, have crime files of their own now). Without the words: 120 months, where the
    guideline starts the crimes it covers with a bracket of 十年以上 (Standard.guideline_start); with "情节较轻": 36
    months, its start in 三年以上十年以下. 失火 (basic bracket a fixed 3-7 years) keeps its 情节较轻 bracket as the
    start: 8 months, the guideline's start in 三年以下有期徒刑或者拘役."""
    basic = calculate(CaseFacts(text="被告人甲为境外间谍组织刺探、提供国家秘密。", charges=["间谍"]))
    lighter = calculate(CaseFacts(text="被告人甲为境外间谍组织提供情报，情节较轻。", charges=["间谍"]))
    fire = calculate(CaseFacts(text="被告人甲失火烧毁林地。", charges=["失火"]))

    def start(calc):
        return next(s for s in calc.steps if s.kind == "starting_point").months_after

    assert any(s.rule_id == "method.no_guideline.basic_bracket" for s in basic.steps)
    assert start(basic) == 120
    assert start(lighter) == 36
    assert start(fire) == 8
