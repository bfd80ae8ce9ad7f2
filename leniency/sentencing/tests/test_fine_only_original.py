"""The original sentence of an appeal text when it is a fine alone (判处罚金, 刑法第52条) or no penalty at all
(免予刑事处罚, 刑法第37条), on fact texts written here (issue 16, class 7): read as 0 months of its own kind."""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.procedure import find_procedure

FACTS = "原判认定，2019年4月，被告人甲在某超市窃取香烟两条，价值人民币2500元。"
APPEAL = "宣判后，甲不服，提出上诉。经审理查明的事实与原判相同。"


@pytest.mark.parametrize(
    "sentence, fine",
    [
        ("原判以被告人甲犯盗窃罪，判处罚金人民币三千元。", Decimal(3000)),
        ("原审法院以盗窃罪判处被告人甲罚金人民币3000元。", Decimal(3000)),
        ("原审法院以盗窃罪对被告人甲单处罚金人民币二千元。", Decimal(2000)),
        ("原审法院以盗窃罪判处被告人甲罚金。", None),
    ],
)
def test_a_fine_alone_is_an_original_sentence_of_no_months(sentence, fine):
    procedure = find_procedure(FACTS + sentence + APPEAL)
    assert (procedure.original.penalty, procedure.original.months) == ("fine_only", 0)
    assert procedure.original_fine_yuan == fine
    assert procedure.original.span.quote == sentence.rstrip("。")


def test_an_exemption_is_an_original_sentence_of_no_months():
    procedure = find_procedure(FACTS + "原判对被告人甲免予刑事处罚。" + APPEAL)
    assert (procedure.original.penalty, procedure.original.months) == ("exempt", 0)
    assert procedure.original_fine_yuan is None


def test_a_fine_alone_is_not_read_in_a_first_instance_text():
    procedure = find_procedure(
        FACTS.replace("原判认定", "经审理查明") + "被告人甲曾因盗窃被判处罚金人民币二千元。"
    )
    assert procedure.original is None


def test_a_term_with_a_fine_is_still_read_as_the_term():
    """并处罚金 beside a term: the term is the original sentence, the fine its fine."""
    procedure = find_procedure(
        FACTS + "原判以被告人甲犯盗窃罪，判处拘役三个月，并处罚金人民币三千元。" + APPEAL
    )
    assert (procedure.original.penalty, procedure.original.months) == ("detention", 3)
    assert procedure.original_fine_yuan == Decimal(3000)


PRIOR = "原判认定，被告人甲曾因犯盗窃罪于2016年5月被判处有期徒刑六个月，2017年刑满释放。2019年3月5日，被告人甲在某超市窃得手机一部。"


@pytest.mark.parametrize("prior", [PRIOR, PRIOR.replace("曾因", "于2016年因").replace("于2016年5月被", "被")])
def test_a_prior_conviction_told_among_the_facts_below_is_not_the_original_sentence(prior):
    """前罪: a sentence the defendant received before this case (被判处 …, 曾因 …) is his record, not the judgment under
    appeal; before, the six months of 2016 bounded the appeal."""
    procedure = find_procedure(
        prior + "原判以盗窃罪判处被告人甲有期徒刑十个月，并处罚金人民币三千元。" + APPEAL
    )
    assert (procedure.original.penalty, procedure.original.months) == ("imprisonment", 10)
    assert procedure.original_fine_yuan == Decimal(3000)


def test_a_prior_conviction_alone_gives_no_original_sentence():
    assert find_procedure(PRIOR + APPEAL).original is None


@pytest.mark.parametrize(
    "sentence",
    [
        "原审法院以盗窃罪判处被告人甲拘役五个月。",
        "一审法院以盗窃罪判处被告人甲拘役五个月。",
        "原审人民法院认定被告人甲犯盗窃罪，判处拘役五个月。",
    ],
)
def test_the_court_below_named_as_such_makes_an_appeal_text(sentence):
    text = FACTS.replace("原判认定，", "") + sentence + "宣判后，甲不服，提出上诉。"
    procedure = find_procedure(text)
    assert procedure.stage == "appeal"
    assert (procedure.original.penalty, procedure.original.months) == ("detention", 5)


def test_a_first_instance_text_naming_no_court_below_stays_first_instance():
    text = FACTS.replace("原判认定", "经审理查明") + "公诉机关建议判处被告人甲拘役五个月。"
    assert find_procedure(text).stage == "first_instance"
