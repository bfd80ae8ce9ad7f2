"""Appeal and retrial texts and a prior sentence left unserved (issue 16, class 7), on fact texts written here."""

from leniency.sentencing.extract import extract

APPEAL = (
    "经审理查明，原判认定上诉人张某于2019年5月1日在某超市盗窃现金5000元。"
    "本院审理查明的事实和证据与原判相同。"
    "原判以盗窃罪判处上诉人张某有期徒刑一年六个月，并处罚金人民币五千元。"
)
MASKED_APPEAL = "经审理查明，一审判决认定被告人王某犯××，判处××。王某不服，提出上诉。"
UNSERVED = (
    "被告人李某因犯盗窃罪于2017年3月被判处有期徒刑三年，2019年6月假释，假释考验期内，"
    "2019年10月1日又盗窃他人电动车一辆，价值2000元。前罪尚未执行的刑期为八个月。"
)


def test_an_appeal_is_recognised_with_the_original_sentence_and_its_source():
    procedure = extract(APPEAL).procedure
    assert procedure.stage == "appeal"
    assert procedure.same_facts_as_below is True
    original = procedure.original
    assert original.penalty == "imprisonment" and original.months == 18 and not original.masked
    assert original.span.quote.startswith("原判以盗窃罪判处上诉人张某有期徒刑一年六个月")


def test_an_appeal_restating_the_facts_counts_the_amount_once():
    assert extract(APPEAL).amount_yuan == 5000


def test_a_masked_original_sentence_is_reported_as_masked():
    original = extract(MASKED_APPEAL).procedure.original
    assert original.masked is True and original.months is None


def test_a_prior_sentence_left_unserved_is_a_fact_with_its_source_sentence():
    facts = extract(UNSERVED)
    unserved = facts.procedure.prior_unserved
    assert unserved.months == 8
    assert unserved.span.quote == "前罪尚未执行的刑期为八个月"
    assert facts.procedure.stage == "first_instance"
    assert any("第69–71条" in note for note in facts.notes)


def test_a_retrial_is_not_read_as_an_appeal():
    text = "本院依照审判监督程序再审查明，原审被告人赵某于2015年盗窃现金3000元。"
    assert extract(text).procedure.stage == "retrial"


def test_a_first_instance_text_has_no_original_sentence():
    procedure = extract("2019年5月1日，被告人张某盗窃现金5000元。").procedure
    assert procedure.stage == "first_instance" and procedure.original is None


def test_a_masked_or_unstated_unserved_term_is_reported_without_months():
    masked = extract("假释考验期内又盗窃他人财物。前罪尚未执行的刑期××。").procedure.prior_unserved
    assert masked.months is None and masked.masked is True
    unstated = extract(
        "在假释考验期内又盗窃他人财物，应与前罪尚未执行完毕的刑罚并罚。"
    ).procedure.prior_unserved
    assert unstated.months is None and unstated.masked is False
    assert extract("被告人张某盗窃现金5000元，余款未付。").procedure.prior_unserved is None


def test_the_original_sentence_is_read_where_the_court_below_is_named():
    """ "原审法院以…罪判处…" (also 一审人民法院): the court below names the original sentence as 原判 does."""
    for court in ("原审法院", "一审人民法院", "原审人民法院"):
        text = (
            "原判认定，2019年4月，被告人尤某在某小区窃取电动自行车一辆，价值人民币3000元。"
            f"{court}以盗窃罪判处被告人尤某有期徒刑八个月。宣判后，尤某提出上诉。"
        )
        original = extract(text).procedure.original
        assert (original.penalty, original.months) == ("imprisonment", 8), court
        assert original.span.quote.startswith(court)


def test_an_unserved_term_written_before_its_words_is_read():
    """ "前罪尚有有期徒刑二年未执行": the remainder art. 71 combines, written term first."""
    text = (
        "被告人何某因犯抢劫罪于2016年被判处有期徒刑五年，前罪尚有有期徒刑二年未执行。"
        "2018年9月3日，被告人何某在某商场窃取手机一部，价值人民币5000元。"
    )
    facts = extract(text, ["盗窃"])
    assert facts.procedure.prior_unserved.months == 24
    assert facts.procedure.prior_unserved.span.quote.endswith("前罪尚有有期徒刑二年未执行")
    assert extract("被告人甲还有一年六个月刑期没有执行。").procedure.prior_unserved.months == 18


def test_the_original_fine_is_read_from_the_sentence_that_states_the_original_term():
    assert extract(APPEAL).procedure.original_fine_yuan == 5000


def test_a_fine_outside_the_original_sentence_is_not_the_original_fine():
    """The fine of a sentence the text tells after the original's (here the prior conviction) is not the
    original's; nor is a fine where no figure is given (并处罚金 alone)."""
    unstated = (
        APPEAL.replace("并处罚金人民币五千元", "并处罚金")
        + "张某曾因盗窃于2015年被判处拘役三个月，并处罚金人民币一千元。"
    )
    procedure = extract(unstated).procedure
    assert procedure.original.months == 18 and procedure.original_fine_yuan is None
