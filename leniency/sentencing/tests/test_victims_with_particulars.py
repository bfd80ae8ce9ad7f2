"""How many victims a text tells (issue 16, class 3): each person once, however the text names them. Fact texts
written here."""

import pytest

from leniency.sentencing.extraction.victims import find_victims, victim_names


def test_victims_listed_with_their_particulars_are_all_read():
    text = (
        "经审理查明，2019年5月，被告人张某以介绍工作为由，将被害人王某（女，1998年出生）、赵某（女，1999年出生）"
        "骗至某宾馆，采用暴力手段强行与二人发生性关系。"
    )
    assert victim_names(text) == {"王某", "赵某"}
    assert find_victims(text)[0] == 2


def test_a_name_inside_the_particulars_is_no_victim():
    text = "经审理查明，被告人张某将被害人王某（女，系李某之女）骗至某宾馆，强行与其发生性关系。"
    assert victim_names(text) == {"王某"}


def test_victims_named_and_numbered_are_the_number():
    text = "经审理查明，被告人张某以帮助办理贷款为由，先后骗取被害人张某某、李某等三人共计人民币12万元。"
    assert find_victims(text)[0] == 3


def test_defendants_numbered_are_no_victims():
    text = "经审理查明，被告人张某、李某等三人窃得被害人王某电动车一辆。"
    assert find_victims(text)[0] == 1


@pytest.mark.parametrize(
    "text",
    [
        "经审理查明，被告人张某窃取被害人王某停放的电动车一辆。",
        "经审理查明，被告人张某持刀将被害人王某砍伤，后又追至王某家中将王某再次砍伤。",
        "经审理查明，被告人张某与同案人李某（另案处理）窃得赵某停放的电动车一辆，后返还给赵某。",
    ],
)
def test_a_victim_named_twice_is_one_victim(text):
    """The word before a name (窃取被害人王某停放的, 追至王某家中, 窃得赵某停放的) is not part of it."""
    assert find_victims(text)[0] == 1


def test_a_victims_letter_is_part_of_the_name():
    text = "经审理查明，被告人张某先后盗窃王某甲停放的电动车一辆、王某乙停放的电动车一辆。"
    assert victim_names(text) == {"王某甲", "王某乙"}


def test_a_defendant_running_a_business_is_no_victim():
    text = "经审理查明，2014年7月至10月，被告人仲某经营的某公司在无真实交易的情况下让他人为其虚开增值税专用发票。"
    assert victim_names(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "经审理查明，被告人张某窃得被害人赵某手机一部。上述事实，有证人王某、李某的证言，被害人赵某的陈述等证据证实。",
        "经审理查明，被告人张某将被害人赵某打伤。案发后，被告人张某赔偿被害人家属王某、李某经济损失3万元。",
        "经审理查明，被告人张某伙同被告人李某、王某某窃得被害人赵某电动车一辆。",
    ],
)
def test_witnesses_family_and_co_defendants_are_no_victims(text):
    assert victim_names(text) == {"赵某"}
