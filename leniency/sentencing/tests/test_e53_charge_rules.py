"""E53's rules, each on a text written for it where it binds and one just outside it (none from the development data):
the court's sentencing formulas are no conduct, the sums that part 诈骗 from 招摇撞骗 (法释〔2011〕7号第八条), a user's
possession, a fraud ring's own members and card sellers, wanton damage, and the requirements narrowed (供称, 好处费)."""

from decimal import Decimal

import pytest

from leniency.sentencing.extraction.charge_inference import default_model, ngrams, states_requirements
from leniency.sentencing.extraction.charge_rules import fraud_as_told, largest_sum
from leniency.sentencing.extraction.conduct_words import cued_charges

MODEL = default_model()


def read(text: str, charge: str) -> list[str]:
    return MODEL._by_elements(text, [charge])


@pytest.mark.parametrize(
    "formula",
    [
        "依法应当从轻或者减轻处罚",
        "可以比照既遂犯从轻或者减轻处罚",
        "应当从轻、减轻处罚或者免除处罚",
        "可酌情从轻处罚",
    ],
)
def test_a_sentencing_formula_gives_no_ngram(formula):
    assert not ngrams(formula)


def test_conduct_beside_a_formula_keeps_its_ngrams():
    grams = ngrams("持刀抢劫，依法应当从重处罚")
    assert "抢劫" in grams and "从重" not in grams


def test_a_debt_released_is_not_a_formula():
    assert "免除" in ngrams("被害人同意免除其债务")


def test_the_defendants_age_when_he_acted_is_no_conduct_but_a_victims_age_is():
    assert not ngrams("犯罪时已满十六周岁不满十八周岁")
    assert "周岁" in ngrams("拐骗不满十四周岁的儿童")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("骗取乙36万元", Decimal(360000)),
        ("收取现金2600元及价值1.5万元的手表", Decimal(15000)),
        ("骗取乙的信任", None),
    ],
)
def test_largest_sum_told(text, expected):
    assert largest_sum(text) == expected


POSING = "被告人甲冒充市公安局民警，以乙涉嫌洗钱为由，骗取乙人民币{sum}。"


@pytest.mark.parametrize(
    ("amount", "expected"), [("3万元", ["诈骗"]), ("29999元", ["招摇撞骗"]), ("30000元", ["诈骗"])]
)
def test_posing_as_police_is_fraud_from_the_lowest_large_sum(amount, expected):
    assert read(POSING.format(sum=amount), "招摇撞骗") == expected


def test_fraud_posing_as_police_below_the_large_sum_is_art_279():
    assert read(POSING.format(sum="8000元"), "诈骗") == ["招摇撞骗"]
    assert read(POSING.format(sum="8万元"), "诈骗") == ["诈骗"]


def test_posing_as_bank_staff_is_no_posing_as_an_official():
    assert read("被告人甲冒充银行工作人员，以升级账户为由骗取乙人民币8000元。", "诈骗") == ["诈骗"]


OWN_USE = "民警在被告人甲住处查获甲基苯丙胺15克，甲供述系其购买用于吸食，{more}"


def test_drugs_for_own_use_are_held():
    assert read(OWN_USE.format(more="无证据证明其贩卖。"), "走私、贩卖、运输、制造毒品") == ["非法持有毒品"]


def test_drugs_for_own_use_of_which_some_were_sold_are_dealt():
    more = "另查明甲曾以200元的价格将1克卖给乙。"
    assert read(OWN_USE.format(more=more), "走私、贩卖、运输、制造毒品") == ["走私、贩卖、运输、制造毒品"]


def test_a_statement_is_no_place_provided_for_drug_use():
    assert not states_requirements("民警在其住处查获毒品，甲供称其中部分留作自己吸食。", "容留他人吸毒")
    assert states_requirements("甲在其住处供乙、丙吸食甲基苯丙胺。", "容留他人吸毒")


PROCEEDS = "被告人甲明知卡内资金系诈骗所得，仍按上线要求取现共计5万元{more}。"


def test_a_withdrawer_of_fraud_proceeds_launders_them():
    assert read(PROCEEDS.format(more=""), "诈骗") == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]


def test_a_withdrawer_who_joined_the_ring_is_its_accomplice():
    text = "被告人甲加入诈骗团伙后，" + PROCEEDS.format(more="")[3:]
    assert read(text, "诈骗") == ["诈骗"]
    assert read(text, "掩饰、隐瞒犯罪所得、犯罪所得收益") == ["诈骗"]


def test_a_theft_rings_fence_is_not_sent_to_fraud():
    text = "被告人甲系盗窃团伙成员，明知是盗窃所得的手机仍予以收购转卖。"
    assert read(text, "掩饰、隐瞒犯罪所得、犯罪所得收益") == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]


CARDS = "被告人甲明知他人利用信息网络实施诈骗，仍将本人银行卡三张出售给他人{more}。"


def test_cards_sold_to_fraudsters_are_help_not_laundering():
    assert read(CARDS.format(more=""), "掩饰、隐瞒犯罪所得、犯罪所得收益") == ["帮助信息网络犯罪活动"]


def test_a_card_seller_who_withdraws_the_proceeds_himself_launders_them():
    text = CARDS.format(more="，并按对方要求持卡取现20万元")
    assert read(text, "掩饰、隐瞒犯罪所得、犯罪所得收益") == ["掩饰、隐瞒犯罪所得、犯罪所得收益"]


def test_wanton_damage_of_strangers_cars_picks_quarrels():
    assert read("被告人甲酒后持铁棍任意砸损路边停放的车辆三辆。", "故意毁坏财物") == ["寻衅滋事"]


def test_damage_over_a_grudge_with_the_owner_stays_art_275():
    text = "被告人甲因与乙有债务纠纷，持铁棍任意砸损乙的车辆。"
    assert read(text, "故意毁坏财物") == ["故意毁坏财物"]


def test_beating_strangers_without_cause_picks_quarrels():
    assert read("被告人甲无故对路人乙拳打脚踢，致乙轻微伤。", "故意伤害") == ["寻衅滋事"]
    assert read("乙无故辱骂甲，甲遂持刀将乙砍成轻伤。", "故意伤害") == ["故意伤害"]


def test_a_fee_taken_by_a_claimed_closeness_is_no_bribe_given():
    text = "被告人甲谎称与某局局长关系密切，骗取乙好处费2万元。"
    assert not states_requirements(text, "对有影响力的人行贿")
    assert not states_requirements(text, "行贿")
    assert states_requirements("被告人甲为承揽工程，送给某局局长现金5万元。", "行贿")


@pytest.mark.parametrize(
    "posing",
    ["谎称自己是某电力局人事科科长", "谎称自己有车有房是退休干部", "冒充某公司的工作人员"],
    ids=["power_company_section_chief", "retired_cadre", "company_staff"],
)
def test_a_post_any_unit_has_is_no_state_organ(posing):
    assert read(f"被告人甲{posing}，骗取乙人民币6900元。", "诈骗") == ["诈骗"]


def test_a_government_bureau_named_is_a_state_organ():
    assert read("被告人甲冒充市国土局工作人员，以办理宅基地证为由骗取乙人民币6900元。", "诈骗") == [
        "招摇撞骗"
    ]


# written after the second batch was scored: each fix it showed, where it binds and just outside


def test_a_feigned_identity_tells_a_fraud():
    assert fraud_as_told("被告人甲假称自己是车商，以办理过户为由将乙的车开走变卖。", "诈骗") == "诈骗"
    assert fraud_as_told("被告人甲以办理过户为由将乙的车开走变卖。", "诈骗") is None


def test_a_suspicion_of_fund_raising_told_to_the_victim_is_no_fund_raising():
    lie = "被告人甲冒充检察官，以乙涉嫌非法集资需缴纳保证金为由，让乙汇款45万元。"
    assert fraud_as_told(lie, "集资诈骗") == "诈骗"
    raising = "被告人甲以高额返利为诱饵，向社会公众非法集资，后携款潜逃。"
    assert fraud_as_told(raising, "集资诈骗") == "集资诈骗"


def test_a_child_taken_away_and_ransomed_is_kidnapped():
    taken = "被告人甲将乙八岁的儿子骗上车带至外地，随后以孩子安全相要挟，向乙索要50万元。"
    assert read(taken, "敲诈勒索") == ["绑架"]
    threatened = "被告人甲以公开乙的隐私相要挟，向乙索要5万元。"
    assert read(threatened, "敲诈勒索") == ["敲诈勒索"]


def test_a_hand_on_the_throat_to_make_one_hand_over_is_robbery():
    assert cued_charges("被告人甲掐住乙的脖子，逼其交出现金200元。")[0] == "抢劫"
    assert "抢劫" not in cued_charges("被告人甲要求乙交出现金200元，乙拒绝。")
