"""A fine named among a bracket's alternative principal penalties ("处三年以下有期徒刑、拘役、管制或者罚金") allows a
fine alone (刑法第52条), as "并处或者单处罚金" does, and adds no fine to a prison term. The statute's words are read
by standards/build_brackets.py into statutory_brackets.yaml. Fact texts written for these tests."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.catalogue import find_charge
from leniency.sentencing.extract import extract


@pytest.mark.parametrize(
    "charge",
    ["故意毁坏财物", "妨害公务", "侵占", "拒不执行判决、裁定", "非法捕捞水产品", "非法狩猎", "扰乱法庭秩序"],
)
def test_a_fine_among_the_alternatives_allows_a_fine_alone(charge):
    lowest = find_charge(charge).brackets[0]
    assert lowest.fine == "only" and lowest.fine_only_allowed and lowest.min_months == 0


def test_a_bracket_without_a_fine_among_its_penalties_allows_none():
    """刑法第277条第5款 袭警: 三年以下有期徒刑、拘役或者管制 — no fine, though ¶1 of the same article has one."""
    assert not find_charge("袭警").brackets[0].fine_only_allowed


def test_the_builder_reads_a_fine_among_the_alternatives(parse_penalty):
    assert parse_penalty("处三年以下有期徒刑、拘役、管制或者罚金")["fine"] == "only"
    assert parse_penalty("处二年以下有期徒刑、拘役或者罚金")["fine"] == "only"
    assert parse_penalty("处三年以下有期徒刑、拘役或者管制，并处或者单处罚金")["fine"] == "with_or_only"
    assert parse_penalty("处三年以下有期徒刑、拘役或者管制")["fine"] == "none"


OBSTRUCTION = (
    "2023年5月3日，被告人张某伙同李某在派出所门前拒不配合民警盘查，张某在李某的指使下推搡执勤民警王某，阻碍其依法"
    "执行职务，张某在共同犯罪中起次要作用，系从犯。案发后，被告人张某主动到公安机关投案，如实供述了自己的犯罪事实，"
    "赔偿王某损失，取得王某谅解，自愿认罪认罚。"
)


def test_obstruction_reduced_below_three_months_with_restitution_and_a_plea_is_a_fine_alone():
    """妨害公务 (刑法第277条第1款 "…管制或者罚金"): 8 months (2021 guideline 四(十六)), 从犯 −30% → 5.6, the plea
    bucket −60% → 2.24 months, with 赔偿 and 认罪: a fine alone, estimated from the term (≥ 1,000 yuan)."""
    calc = calculate(extract(OBSTRUCTION, charges=["妨害公务"]))
    assert (calc.penalty, calc.months) == ("fine_only", 0)
    assert calc.fine_yuan == Decimal(2000)
    assert any(s.rule_id == "method.fine_only" and "第二百七十七条" in s.citation for s in calc.steps)


def test_a_prison_term_under_such_a_bracket_carries_no_fine():
    calc = calculate(
        extract("被告人甲以暴力方法阻碍民警依法执行职务，致一名民警轻微伤。", charges=["妨害公务"])
    )
    assert calc.penalty in ("imprisonment", "detention") and calc.fine_yuan is None
