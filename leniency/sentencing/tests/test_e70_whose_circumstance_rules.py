"""Task E70's rules one by one, each where it binds and just outside it (circumstance_actor.py, restitution_acts.py):
whose personal circumstance it is (刑法第25-27条; 2021量刑指导意见 三(10)/(11)), and a return placed after the crime
only by 不久/随后/事后."""

import pytest

from leniency.sentencing.extraction.circumstance_actor import done_by_another, first_defendant
from leniency.sentencing.extraction.restitution_acts import returned_after_crime
from leniency.sentencing.facts import Circumstance as C


def another_at(text: str, word: str, code: C) -> bool:
    return done_by_another(text, text.index(word), code)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("被告人张某、李某共同盗窃。", "张某"),
        (
            "同案被告人甲某当庭翻供，被告人乙某自愿认罪认罚。",
            "乙某",
        ),  # a co-defendant's word is not the person tried
        ("上诉人杨2某与原审被告人成某某共同受贿。", "杨2某"),  # an index before 某
        ("张某于2023年1月5日在某超市盗窃，张某到案后如实供述。", "张某"),  # no word for him: the one caught
        ("某超市发生盗窃。", None),
    ],
    ids=["listed", "co_defendant_word_first", "index_before_mou", "bare_name", "nobody"],
)
def test_the_person_sentenced(text, first):
    assert first_defendant(text) == first


TWO = "被告人张某、李某共同盗窃某仓库铜材。"


@pytest.mark.parametrize(
    ("text", "word", "code", "another"),
    [
        (TWO + "案发后，被告人李某将非法所得退缴。", "退缴", C.RESTITUTION, True),
        (TWO + "案发后，被告人张某将非法所得退缴。", "退缴", C.RESTITUTION, False),
        (
            TWO + "案发后，李某将非法所得退缴。",
            "退缴",
            C.RESTITUTION,
            True,
        ),  # a tried person's name opening the clause
        (
            TWO + "案发后，被告人将非法所得退缴。",
            "退缴",
            C.RESTITUTION,
            False,
        ),  # the word alone: the one tried
        (TWO + "案发后，各被告人均已退缴违法所得。", "退缴", C.RESTITUTION, False),
        (TWO + "被告人张某与被告人李某共同退赔被害人损失。", "退赔", C.RESTITUTION, False),  # joined: both
        (TWO + "被告人李某的亲属代其赔偿被害人损失。", "赔偿", C.COMPENSATION, True),
        (TWO + "被告人张某的亲属代其赔偿被害人损失。", "赔偿", C.COMPENSATION, False),
        (TWO + "被告人李某主动投案。", "投案", C.SURRENDER, True),
        (TWO + "被告人李某自愿认罪认罚。", "认罪认罚", C.PLEA, True),
        (
            TWO + "被告人李某有前科。",
            "前科",
            C.PRIOR_RECORD,
            False,
        ),  # not an act: others_acts' reading, not this one
        (
            "被告人张某盗窃某仓库铜材。案发后，李某将铜材退还。",
            "退还",
            C.RESTITUTION,
            False,
        ),  # no other tried
        ("被告人张某伙同李某（另案处理）盗窃。李某（另案处理）退赔被害人损失。", "退赔", C.RESTITUTION, True),
        (
            "被告人张某伙同李某（另案处理）盗窃。被害人王某某退还押金。",
            "退还",
            C.RESTITUTION,
            False,
        ),  # a victim
    ],
    ids=[
        "co_defendant_named",
        "defendant_named",
        "co_defendant_name_alone",
        "defendant_word_alone",
        "all_together",
        "joined_subject",
        "co_defendants_family",
        "defendants_family",
        "co_defendant_surrenders",
        "co_defendant_pleads",
        "record_not_an_act",
        "no_other_tried",
        "co_offender_marked",
        "victim_is_no_actor",
    ],
)
def test_whose_act(text, word, code, another):
    assert another_at(text, word, code) is another


@pytest.mark.parametrize(
    ("text", "another"),
    [
        (TWO + "被告人张某协助公安机关抓获了犯罪嫌疑人黄某，系立功。", False),  # the one caught is no actor
        (TWO + "被告人李某协助公安机关抓获了犯罪嫌疑人黄某，系立功。", True),
    ],
    ids=["defendant_helps_catch", "co_defendant_helps_catch"],
)
def test_the_person_caught_is_not_the_actor(text, another):
    assert another_at(text, "立功", C.MERITORIOUS) is another


@pytest.mark.parametrize(
    ("text", "another"),
    [
        (TWO + "被害人刘某对被告人李某的行为表示谅解。", True),
        (TWO + "被害人刘某对被告人张某、李某均表示谅解。", False),
        (TWO + "被害人刘某对李某表示谅解。", True),
        (TWO + "被害人刘某出具谅解书，对被告人李某予以谅解。", True),  # named later in its sentence
        (TWO + "被害人刘某出具谅解书。", False),  # to no one named: the defendant's
    ],
    ids=[
        "to_co_defendant",
        "to_both",
        "to_co_defendant_by_name",
        "named_after_the_letter",
        "to_no_one_named",
    ],
)
def test_forgiveness_given_to_whom(text, another):
    assert another_at(text, "谅解", C.FORGIVENESS) is another


@pytest.mark.parametrize(
    "text",
    ["被告人刘某携带木棍抢劫。被告人刘某甲归案后如实供述。", "被告人王某某划伤他人。被告人王某当庭无异议。"],
    ids=["longer_variant", "shorter_variant"],
)
def test_a_variant_of_his_masked_name_may_be_his(text):
    at = max(text.find("如实供述"), text.find("无异议"))
    assert not done_by_another(text, at, C.CONFESSION)


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("被告人陶某骗取被害人购车款。被告人陶某不久即向被害人退还了全部购车款。", True),
        ("被告人陶某骗取被害人购车款，随后向被害人退还了全部购车款。", True),
        ("被告人陶某窃取手机一部。事后，被告人陶某将手机归还被害人。", True),
        ("被告人陶某向被害人退还了部分购车款。", False),  # no time told: could be the scheme's payouts
        (
            "被告人陶某骗取被害人10万元，随后为取得信任按月向被害人归还利息。",
            False,
        ),  # the scheme, not a return
    ],
    ids=["bujiu", "suihou", "shihou", "no_time", "scheme_after_suihou"],
)
def test_a_return_placed_by_what_followed(text, after):
    at = next(text.index(v) for v in ("退还", "归还") if v in text)
    assert returned_after_crime(text, at) is after
