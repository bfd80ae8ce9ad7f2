"""One vocabulary of vulnerable victims (2021量刑指导意见 三(17)): facts.VictimKind is what extraction gives as a
VULNERABLE_VICTIM finding's value and what circumstances.yaml `not_when_element` may list; `victim_kind_by_age` is the
age rule both use. Fact texts written for these tests, not taken from any data set."""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.extraction.vulnerable_victims import VULNERABLE_WORDS
from leniency.sentencing.facts import VictimKind, victim_kind_by_age
from leniency.sentencing.standards import VULNERABLE_KINDS


def test_the_standard_checks_the_kinds_the_extraction_gives():
    assert VULNERABLE_KINDS == {kind.value for kind in VictimKind}
    by_age = {victim_kind_by_age(years) for years in range(0, 120)} - {None}
    assert {kind for kind, _ in VULNERABLE_WORDS} | by_age == set(VictimKind)


@pytest.mark.parametrize(
    ("years", "kind"),
    [
        (13, VictimKind.UNDER_14),
        (14, VictimKind.MINOR),
        (17, VictimKind.MINOR),
        (18, None),
        (59, None),
        (60, VictimKind.ELDERLY),
    ],
)
def test_a_victims_age_gives_its_kind_at_each_boundary(years, kind):
    assert victim_kind_by_age(years) == kind


@pytest.mark.parametrize(("years", "kind"), [(13, "under_14"), (14, "minor"), (60, "elderly"), (59, None)])
def test_the_extraction_reads_the_kind_from_the_victims_stated_age(years, kind):
    text = f"经审理查明，被告人赵某在某公园抢走被害人孙某（女，{years}岁）的手提包，内有现金人民币800元。"
    findings, _ = find_circumstances(text, None, ["抢夺"])
    assert [f.value for f in findings if f.code == "vulnerable_victim"] == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("text", "charge", "kind"),
    [
        (
            "2015年6月2日，被告人钱某在某村将放学回家的学生丁某某（男，9岁）骗至山上，向其家人索要人民币5万元。",
            "绑架",
            "under_14",
        ),
        (
            "2016年1月5日凌晨，被告人钱某从村民陶某某（女，71岁）家的窗户翻入，持刀劫得现金人民币2000元。",
            "抢劫",
            "elderly",
        ),
        ("2016年1月5日，被告人钱某（男，17岁）在某超市窃得香烟两条，价值人民币900元。", "盗窃", None),
        ("2016年1月5日，被告人钱某伙同许某（男，16岁）在某超市窃得香烟两条，价值人民币900元。", "盗窃", None),
    ],
    ids=["child-lured", "elderly-home", "defendant-own-age", "accomplice-age"],
)
def test_a_persons_age_in_the_particulars_is_the_victims_where_the_act_is_done_to_them(text, charge, kind):
    findings, _ = find_circumstances(text, None, [charge])
    assert [f.value for f in findings if f.code == "vulnerable_victim"] == ([kind] if kind else [])
