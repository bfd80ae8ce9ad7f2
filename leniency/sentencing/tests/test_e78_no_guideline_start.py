"""Where a charge without its own starting points starts (E78): at the share of its bracket that the guideline's
own starting points take in brackets of the same kind (method.yaml no_guideline.positions; 2021量刑指导意见 二(一)
by analogy): 五年以下 1/9 of 6-60 months = 12, from three years up 1/7 of the span (3-10 years: 48 months).
A 三年以下 or other bracket keeps the general 0.25, and a guideline crime keeps its own tier."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_baseline import no_guideline_position
from leniency.sentencing.catalogue import Bracket
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import load_standard


def start(text: str, charge: str):
    calc = calculate(CaseFacts(text=text, charges=[charge]))
    return next(s for s in calc.steps if s.kind == "starting_point" and s.charge == charge)


def test_a_five_year_bracket_without_a_guideline_starts_at_twelve_months():
    """非法占用农用地 (刑法第342条: 五年以下有期徒刑或者拘役): 6 + 54/9 = 12 months, not 19.5."""
    step = start(
        "被告人甲未经批准，在其承包的耕地上擅自建房，改变土地用途，造成耕地大量毁坏。", "非法占用农用地"
    )
    assert step.rule_id == "method.no_guideline"
    assert step.months_after == pytest.approx(12, abs=0.01)


def test_a_bracket_from_three_years_up_starts_at_a_seventh_of_its_span():
    """非法制造枪支 (刑法第125条: 三年以上十年以下): 36 + 84/7 = 48 months, not 57."""
    step = start(
        "被告人乙在其家中用钢管等材料非法制造火药枪一支，后被公安机关查获。",
        "非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物",
    )
    assert step.rule_id == "method.no_guideline"
    assert step.months_after == pytest.approx(48, abs=0.01)


def test_a_three_year_bracket_without_a_guideline_keeps_the_general_share():
    """伪造国家机关公文 (刑法第280条第1款: 三年以下): just outside the kinds, 6 + 30 * 0.25 = 13.5 months."""
    step = start(
        "被告人丙伪造某县人民政府公文一份，用于办理建房审批手续。", "伪造、变造、买卖国家机关公文、证件、印章"
    )
    assert step.rule_id == "method.no_guideline"
    assert step.months_after == 13.5


def test_a_two_year_bracket_keeps_the_general_share():
    """重婚 (刑法第258条: 二年以下): a bracket of no listed kind, 6 + 18 * 0.25 = 10.5 months."""
    step = start("被告人丁有配偶，又与他人以夫妻名义长期共同生活。", "重婚")
    assert step.months_after == 10.5


def test_guideline_crimes_in_the_same_kinds_keep_their_own_starting_points():
    """寻衅滋事 (五年以下, 2021 guideline 四(十八)) and 抢劫 (3-10 years, 四(十)): their tiers, not the positions."""
    provoking = start("被告人戊在某饭店内借故生非，随意殴打他人，致一人轻微伤。", "寻衅滋事")
    robbery = start("被告人己持刀拦住被害人，劫取其现金五百元。", "抢劫")
    assert (provoking.rule_id, provoking.months_after) == ("crime.provoking_trouble.basic", 10)
    assert robbery.rule_id.startswith("crime.robbery.") and robbery.months_after == 36


@pytest.mark.parametrize(
    ("bracket", "kind", "position"),
    [
        (Bracket(1, 60, imprisonment=(6, 60), detention=True), "五年以下", 0.1111111),
        (Bracket(36, 120, imprisonment=(36, 120)), "三年以上", 0.1428571),
        (Bracket(120, 180, imprisonment=(120, 180), life=True), "三年以上", 0.1428571),
        (Bracket(1, 36, imprisonment=(6, 36), detention=True), None, 0.25),
        (Bracket(1, 24, imprisonment=(6, 24), detention=True), None, 0.25),
        (Bracket(12, 84, imprisonment=(12, 84)), None, 0.25),  # a one-year floor: below the three-year kind
        (Bracket(1, 6, detention=True), None, 0.25),  # no prison span
    ],
)
def test_the_kind_of_a_bracket_decides_its_position(bracket, kind, position):
    cfg = load_standard().method["no_guideline"]
    assert no_guideline_position(bracket, cfg) == (kind, pytest.approx(position))
