"""The remainder of a prior sentence (前罪未执行的刑罚, 刑法第69–71条) as extraction reads it, on fact texts written
here (issue 16, class 7): its kind, and none where the same sentence says it was served out (刑法第85条)."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.procedure import find_procedure

NEW_CRIME = "经审理查明：2019年3月5日，被告人甲在某超市窃得手机两部，价值人民币9000元。本院认为，被告人甲在前罪刑罚执行完毕以前又犯新罪，"


@pytest.mark.parametrize(
    "words, expected",
    [
        ("应将前罪尚未执行的拘役二个月与新罪并罚。", ("detention", 2)),
        ("前罪尚有拘役二个月未执行。", ("detention", 2)),
        ("前罪余刑拘役二个月，应与新罪并罚。", ("detention", 2)),
        ("应将前罪尚未执行的有期徒刑二个月与新罪并罚。", ("imprisonment", 2)),
        ("应将前罪没有执行的刑罚八个月与新罪并罚。", ("imprisonment", 8)),
    ],
)
def test_an_unserved_prior_sentence_keeps_its_kind(words, expected):
    """拘役 left unserved beside a new 有期徒刑 is not executed (刑法第69条第2款, by art. 71): before, every unserved term
    was read as 有期徒刑 (余刑拘役二个月) or not read at all (尚未执行的拘役二个月)."""
    unserved = find_procedure(NEW_CRIME + words).prior_unserved
    assert (unserved.penalty, unserved.months) == expected


ACT = "经审理查明：2020年3月5日，被告人甲在某超市窃得手机两部，价值人民币9000元。"
PAROLE = "被告人甲曾因犯盗窃罪被判处有期徒刑二年，2018年5月假释，剩余刑期八个月"


@pytest.mark.parametrize(
    "record",
    [
        PAROLE + "，假释考验期满。",
        PAROLE.replace("，剩余刑期八个月", "（剩余刑期八个月）") + "，2019年1月假释考验期满。",
        PAROLE + "，2019年1月刑满释放。",
    ],
)
def test_a_remainder_served_out_is_not_combined(record):
    """假释考验期满，就认为原判刑罚已经执行完毕 (刑法第85条): before, the eight months were added to the new theft."""
    facts = extract(record + ACT, ["盗窃"])
    assert facts.procedure.prior_unserved is None
    assert not any(s.rule_id == "method.art71" for s in calculate(facts).steps)


def test_a_remainder_not_served_out_is_still_combined():
    facts = extract(
        PAROLE + "。" + ACT + "本院认为，被告人甲在假释考验期内犯新罪，应当撤销假释，数罪并罚。", ["盗窃"]
    )
    assert (facts.procedure.prior_unserved.penalty, facts.procedure.prior_unserved.months) == (
        "imprisonment",
        8,
    )
    assert any(s.rule_id == "method.art71" for s in calculate(facts).steps)
