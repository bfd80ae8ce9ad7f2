"""并处没收财产 (刑法第59条): a property penalty that the statute adds to a bracket, shown, never a sum of yuan.

刑法第347条第2款 adds it to the 15-year, life and death bracket of drug trafficking; 第263条 offers it only as the
alternative to the fine (并处罚金或者没收财产), which leaves the fine the estimate. Fact texts written here.
"""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

SALE = "经审理查明，2020年3月5日，被告人王某在某市某小区门口，以每克300元的价格向吸毒人员李某贩卖甲基苯丙胺{grams}克，被公安机关当场抓获。"
HOME_ROBBERY = (
    "经审理查明，2020年8月12日凌晨，被告人陈某翻墙进入被害人周某家中，持刀威胁周某交出财物，劫得现金3000元。"
)
THEFT = "经审理查明，2020年1月，被告人王某在某商场盗窃他人手机一部，价值5000元。"


def _drugs(grams: int):
    return calculate(extract(SALE.format(grams=grams), ["贩卖毒品"]))


@pytest.mark.parametrize("grams", [60, 400])  # 15 years; life (engineering tier)
def test_a_large_quantity_adds_confiscation(grams):
    calc = _drugs(grams)
    (charge,) = calc.charges
    assert charge.confiscation and calc.confiscation
    assert charge.fine_yuan is None  # the clause adds no fine (并处没收财产 alone)
    (step,) = [s for s in calc.steps if s.rule_id == "method.confiscation"]
    assert "第三百四十七条" in step.citation and "没收财产" in step.description_zh
    assert calc.to_dict()["confiscation"] is True


def test_a_relatively_large_quantity_has_a_fine_and_no_confiscation():
    calc = _drugs(30)  # 7 years or more, 并处罚金
    (charge,) = calc.charges
    assert not charge.confiscation and not calc.confiscation
    assert charge.fine_yuan is not None
    assert "method.confiscation" not in {s.rule_id for s in calc.steps}


def test_fine_or_confiscation_leaves_the_fine():
    calc = calculate(extract(HOME_ROBBERY, ["抢劫"]))
    (robbery,) = calc.charges
    assert robbery.bracket_label.startswith("10年以上")
    assert not calc.confiscation and robbery.fine_yuan is not None


def test_confiscation_of_one_charge_stays_with_the_combined_sentence():
    calc = calculate(
        extract(THEFT + SALE.format(grams=60).removeprefix("经审理查明，"), ["盗窃", "贩卖毒品"])
    )
    assert [c.confiscation for c in calc.charges] == [False, True]
    assert calc.confiscation  # 刑法第69条第3款: 附加刑仍须执行


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("处十五年有期徒刑、无期徒刑或者死刑，并处没收财产", "mandatory"),
        ("处十年以上有期徒刑、无期徒刑或者死刑，并处罚金或者没收财产", "alternative"),
        ("处十年以上有期徒刑或者无期徒刑，可以并处没收财产", "optional"),
    ],
)
def test_the_builder_reads_confiscation_from_the_clause(parse_penalty, clause, kind):
    assert parse_penalty(clause)["confiscation"] == kind


def test_a_clause_without_confiscation_has_none(parse_penalty):
    assert "confiscation" not in parse_penalty("处三年以上十年以下有期徒刑，并处罚金")
