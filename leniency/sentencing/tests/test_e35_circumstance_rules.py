"""The rules task E35 added to the circumstance reader, each with a text where it binds and one just outside it.

Texts written for these tests, not taken from any data set.
"""

import pytest

from leniency.sentencing.extraction.circumstances import find_circumstances


def codes(text: str) -> set[str]:
    return {f.code for f in find_circumstances(text)[0]}


def plea_stage(text: str) -> str | None:
    return next(f.value for f in find_circumstances(text)[0] if f.code == "plea")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("被告人主动向某某市公安局投案，如实供述了犯罪事实。", True),
        ("被告人未向公安机关投案，系被民警抓获。", False),
        ("被告人作案后拨打110报警投案，并在现场等候。", True),
        ("被害人拨打110报警，被告人被赶到的民警抓获。", False),
        ("被告人在外逃匿三年后主动归案，并如实供述。", True),
        ("被告人在外逃匿三年后被抓获归案，并如实供述。", False),
    ],
    ids=["to-police-xiang", "not-xiang-denied", "called-in", "victim-called", "returned", "caught"],
)
def test_surrender_told_by_going_to_the_police_calling_in_or_returning(text, found):
    assert ("surrender" in codes(text)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("被告人到案后如实陈述了作案经过。", True),
        ("被告人到案后未如实陈述作案经过。", False),
        ("被告人杨某拒不认罪，同案犯朱某到案后如实供述了作案经过。", False),
        ("同案犯朱某已被判刑，被告人杨某到案后如实供述了作案经过。", True),
    ],
    ids=["chenshu", "chenshu-denied", "accomplice-confessed", "defendant-confessed-after-accomplice"],
)
def test_confession_is_the_defendants_truthful_account(text, found):
    assert ("confession" in codes(text)) is found


def test_court_confession_said_in_court_and_its_refusal():
    assert "court_confession" in codes("被告人当庭表示自愿认罪。")
    assert "court_confession" not in codes("被告人当庭表示不认罪。")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("被告人检举揭发他人抢劫犯罪的事实，经公安机关查证属实。", True),
        ("被告人检举揭发他人抢劫犯罪的事实，但未经查证属实。", False),
        ("被告人检举揭发他人抢劫犯罪的事实，经查证不属实。", False),
        ("到案后，被告人协助公安机关抓获同案犯李某。", True),
        ("被告人被公安机关抓获后，同案犯李某亦被抓获。", False),
        ("被告人未能协助公安机关抓获同案犯李某。", False),
    ],
    ids=[
        "reported-verified",
        "reported-unverified",
        "reported-false",
        "helped-catch",
        "only-caught",
        "did-not-help",
    ],
)
def test_meritorious_service_told_by_its_facts(text, found):
    assert ("meritorious" in codes(text)) is found


def test_loot_money_handed_back_by_the_defendant_is_restitution_and_by_the_police_is_not():
    assert "restitution" in codes("案发后，被告人已退回全部赃款。")
    assert "restitution" not in codes("案发后，公安机关追回赃款，已退回被害人。")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("被害人对被告人表示原谅。", True),
        ("被告人当庭向被害人赔礼道歉，请求原谅。", False),
        ("被害人不原谅被告人。", False),
    ],
    ids=["forgave", "asked-only", "did-not-forgive"],
)
def test_forgiveness_told_as_yuanliang(text, found):
    assert ("forgiveness" in codes(text)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("附带民事部分经调解，被告人已按调解协议履行完毕。", True),
        ("双方达成调解协议，被告人已履行调解协议。", True),
        ("双方达成调解协议，但调解协议尚未履行。", False),
        ("双方达成调解协议，被告人未按调解协议履行。", False),
    ],
    ids=["performed", "performed-yilvxing", "not-yet", "not-performed"],
)
def test_a_civil_settlement_paid_is_compensation_and_one_unpaid_is_not(text, found):
    assert ("compensation" in codes(text)) is found


def test_discontinuation_of_a_robbery_of_ones_own_accord_and_a_robbery_stopped_by_others():
    assert "discontinuation" in codes("被告人见被害人哀求，自动停止抢劫并离开。")
    assert "discontinuation" not in codes("被告人因被害人大声呼救而停止抢劫，逃离现场。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("辩护人提出被告人系自首的辩护意见，经查，被告人系被抓获归案，对该意见不予采纳。", set()),
        ("辩护人提出被告人系自首的辩护意见，经查属实，本院予以采纳。", {"surrender"}),
        ("辩护人提出被告人系自首，请求从轻处罚。", {"surrender"}),
        (
            "关于辩护人提出的意见，经查，被告人在共同犯罪中系主犯，该辩护意见不能成立，本院不予采纳。",
            {"principal"},
        ),
        ("被告人辩称其系从犯，与查明的事实不符，本院不予采信。", set()),
    ],
    ids=[
        "claim-rejected",
        "claim-accepted",
        "claim-undecided",
        "court-found-after-inquiry",
        "defendant-claim-rejected",
    ],
)
def test_a_circumstance_claimed_and_rejected_is_not_found(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("被告人虽系主动投案，但未如实供述，不能认定为自首。", set()),
        ("被告人主动投案，并如实供述，系自首。", {"surrender"}),
        ("被告人甲主动投案，如实供述，被告人乙被抓获归案，不构成自首。", {"surrender"}),
        ("被告人虽被抓获归案，但如实供述，系坦白，不构成自首。", {"confession"}),
    ],
    ids=["conceded-and-denied", "found", "other-defendant-denied", "conceded-other-finding"],
)
def test_facts_conceded_and_the_finding_denied_later_in_the_sentence(text, expected):
    assert codes(text) == expected


def test_plea_stage_is_the_stage_named_last_before_the_plea():
    assert plea_stage("被告人被公安机关抓获后，在审查起诉阶段认罪认罚。") == "prosecution_review"
    assert plea_stage("被告人在侦查阶段如实供述，在本院审理阶段认罪认罚。") == "trial"
    assert plea_stage("被告人在侦查阶段认罪认罚，庭审中亦无异议。") == "investigation"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("被告人主动到派出所说明情况，如实供述了犯罪事实。", True),
        ("被告人被民警带至派出所接受调查，如实供述了犯罪事实。", False),
        ("被告人被传唤至派出所接受询问，如实供述了犯罪事实。", False),
        ("被告人明知他人已报警，仍在现场等候民警处理。", True),
        ("被告人得知被害人报警后逃离现场。", False),
        ("被告人向侦查机关投案。", True),
    ],
    ids=[
        "went-to-explain",
        "taken-there",
        "summoned-there",
        "waited-knowing-reported",
        "fled-knowing",
        "to-investigators",
    ],
)
def test_surrender_by_going_to_explain_or_waiting_where_the_crime_was_reported(text, found):
    assert ("surrender" in codes(text)) is found


def test_court_confession_in_the_courtroom_and_its_refusal():
    assert "court_confession" in codes("被告人在法庭上自愿认罪。")
    assert "court_confession" not in codes("被告人在法庭上拒不认罪。")


def test_reported_crime_verified_by_hesi_and_one_not_verified():
    assert "meritorious" in codes("被告人揭发他人盗窃犯罪，经公安机关核实属实。")
    assert "meritorious" not in codes("被告人揭发他人盗窃犯罪，未经公安机关核实。")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("被害人对被告人予以宽恕。", True),
        ("被害人不予宽恕。", False),
        ("被告人积极争取被害人谅解，但未果。", False),
        ("被告人积极争取并取得了被害人谅解。", True),
    ],
    ids=["kuanshu", "kuanshu-refused", "sought", "sought-and-obtained"],
)
def test_forgiveness_granted_not_sought(text, found):
    assert ("forgiveness" in codes(text)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("案发后，被告人已支付被害人医疗费2万元。", True),
        ("案发后，被告人的家属为被害人垫付了医疗费1万元。", True),
        ("案发后，保险公司支付被害人医疗费2万元。", False),
        ("被告人赔偿被害人损失的承诺至今未兑现。", False),
        ("被告人已赔偿被害人损失1万元，余款未支付。", True),
    ],
    ids=["medical-paid", "medical-advanced-by-family", "insurer-paid", "promise-unkept", "partly-paid"],
)
def test_compensation_told_as_costs_paid_and_not_as_a_promise(text, found):
    assert ("compensation" in codes(text)) is found


def test_chief_of_a_criminal_group_is_a_principal():
    assert "principal" in codes("被告人系犯罪集团的首要分子。")
    assert "principal" not in codes("被告人不是犯罪集团的首要分子。")


def test_discontinuation_zhongzhi_le_fanzui_and_a_trial_suspended():
    assert "discontinuation" in codes("被告人出于悔悟，自动中止了犯罪。")
    assert "discontinuation" not in codes("因被告人患病，本院中止了审理。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("被告人作案时年仅十七周岁。", {"minor"}),
        ("被告人作案时已满十八周岁。", set()),
        ("被告人作案时15周岁。", {"minor"}),
        ("被害人作案时年仅十七周岁的同伙在逃。", set()),
        ("被告人作案时已年满七十六周岁。", {"elderly"}),
        ("被告人作案时年满七十四周岁。", set()),
        ("被害人王某（女，80岁）。", {"vulnerable_victim"}),
    ],
    ids=[
        "minor-17",
        "adult-18",
        "minor-15-digits",
        "other-person",
        "elderly-76",
        "not-elderly-74",
        "victim-80",
    ],
)
def test_age_at_the_time_of_the_crime_told_as_a_number(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("案发后，被告人自行来到公安局接受调查，并如实供述。", True),
        ("案发后，被告人到公安局接受调查，并如实供述。", False),
        ("经民警口头传唤，被告人主动到派出所接受调查。", False),
        ("民警口头传唤被告人到派出所接受调查，遭到被告人拒绝。", False),
    ],
    ids=["of-own-accord", "no-own-accord", "summoned-then-went", "summons-refused"],
)
def test_going_to_be_questioned_is_a_surrender_only_of_ones_own_accord_and_unsummoned(text, found):
    assert ("surrender" in codes(text)) is found


def test_helping_catch_another_offender_is_meritorious_and_a_relative_leading_police_to_the_defendant_is_not():
    assert "meritorious" in codes("被告人带领民警将同案犯李某抓获。")
    assert "meritorious" not in codes("被告人的父亲带领民警到其住处将其抓获。")


def test_the_victims_wish_not_to_prosecute_is_forgiveness_and_the_laws_is_not():
    assert "forgiveness" in codes("案发后，被害人表示不追究被告人的刑事责任。")
    assert "forgiveness" not in codes("被告人的行为情节显著轻微，依法不追究刑事责任。")


def test_crime_stopped_perforce_is_an_attempt_and_of_ones_own_accord_is_not():
    assert codes("被告人因被害人醒来呼喊，被迫停止作案逃离。") == {"attempt"}
    assert codes("被告人见被害人熟睡，自动停止作案离开。") == {"discontinuation"}


def test_an_organising_role_is_a_principals_and_a_secondary_one_is_not():
    assert "principal" in codes("被告人在共同犯罪中起组织、指挥作用。")
    assert "principal" not in codes("被告人在共同犯罪中起次要作用。")


def test_blind_in_both_eyes_and_blind_in_one():
    assert "deaf_mute_blind" in codes("被告人系视力一级残疾，双眼全盲。")
    assert "deaf_mute_blind" not in codes("被告人左眼失明。")


def test_loot_handed_over_is_restitution_and_loot_withheld_is_not():
    assert "restitution" in codes("被告人归案后主动交出赃物。")
    assert "restitution" not in codes("被告人拒不交出赃款。")
