"""刑法第三百八十三条第三款 (贪污; 受贿 by 第三百八十六条): before prosecution, 如实供述自己罪行、真诚悔罪、积极退赃，
避免、减少损害结果的发生 — in the first bracket (第一项) 可以从轻、减轻或者免除处罚, the engine takes the exemption (low
confidence, as for the special part's other exemptions); in the second and third only 从轻, which 坦白 and 退赃 weigh.
Fact texts written for these tests, not taken from any data set.
"""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

TOOK = "经审理查明，2016年至2018年间，被告人李某利用担任某镇财政所出纳的职务便利，侵吞公款共计人民币{}万元。"
RECEIVED = "经审理查明，2017年至2019年间，被告人王某利用担任某县住建局科长的职务便利，为他人承揽工程提供帮助，先后收受他人财物共计人民币{}万元。"
ARTICLE = "被告人{}在提起公诉前如实供述自己罪行、真诚悔罪、积极退赃，避免、减少了损害结果的发生。"


def _calc(text, charge):
    return calculate(extract(text, charges=[charge]))


@pytest.mark.parametrize(
    ("text", "charge"),
    [
        (TOOK.format(8) + ARTICLE.format("李某"), "贪污"),
        (RECEIVED.format(8) + ARTICLE.format("王某"), "受贿"),
    ],
)
def test_first_bracket_with_the_articles_conditions_is_exempt(text, charge):
    calc = _calc(text, charge)
    assert (calc.penalty, calc.months, calc.fine_yuan) == ("exempt", 0, None)
    step = next(s for s in calc.steps if s.rule_id == "method.exempt.statute")
    assert "刑法第三百八十三条第三款" in step.citation and step.confidence == "low"


@pytest.mark.parametrize(
    "text",
    [
        # 第二项 (数额巨大): only 从轻, weighed by 坦白 and 退赃 as in any case
        TOOK.format(50) + ARTICLE.format("李某"),
        # the conditions told apart, without the remorse or the time before prosecution
        TOOK.format(8) + "案发后，被告人李某如实供述自己的罪行，并退缴全部赃款。",
        # the refund at trial, not before prosecution
        TOOK.format(8)
        + "被告人李某在提起公诉前如实供述自己罪行、真诚悔罪，并于审理期间积极退赃，减少了损害结果的发生。",
    ],
)
def test_outside_the_articles_first_item_there_is_a_penalty(text):
    calc = _calc(text, "贪污")
    assert calc.penalty == "imprisonment" and calc.months > 0
    assert not any(s.rule_id == "method.exempt.statute" for s in calc.steps)
    assert {"circ.confession", "circ.restitution"} <= {s.rule_id for s in calc.steps}


def test_the_article_binds_only_its_own_charges():
    """The same words in a 职务侵占 text (刑法第271条) have no such provision."""
    text = TOOK.format(8).replace("某镇财政所", "某物流公司").replace("公款", "公司货款") + ARTICLE.format(
        "李某"
    )
    assert not any(s.rule_id == "method.exempt.statute" for s in _calc(text, "职务侵占").steps)
