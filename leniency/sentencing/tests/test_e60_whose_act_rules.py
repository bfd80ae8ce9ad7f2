"""Task E60: each rule of others_acts.py and excess.py with a text where it binds and one just outside it (texts written
for these tests). An act a co-offender did without the defendant is not his (刑法第26条第4款, 第27条); a joint act is
wholly his (刑法第25条, 部分实行全部责任)."""

from decimal import Decimal

import pytest

from leniency.sentencing.calculator_wording import conduct_words, measured_by_amount
from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.charge_amounts import amounts_by_charge
from leniency.sentencing.extraction.excess import excess_sentences
from leniency.sentencing.extraction.others_acts import (
    forgiveness_to_co_offender,
    others_acts,
    said_of_co_offender,
    told_as_participated,
)
from leniency.sentencing.extraction.victims import find_victims
from leniency.sentencing.standards import load_standard


def set_aside(text: str) -> list[str]:
    return [text[lo:hi] for lo, hi, _ in others_acts(text)]


# (id, text, a piece of what is set aside, or None where nothing is)
STRETCHES = [
    (
        "co_offender_alone",
        "被告人张某伙同李某（另案处理）盗窃电动车一辆。次日，李某单独盗窃手机一部，价值900元。",
        "李某单独盗窃手机一部",
    ),
    (
        "the_defendant_alone_is_his",
        "被告人张某伙同李某（另案处理）盗窃电动车一辆。次日，张某单独盗窃手机一部。",
        None,
    ),
    (
        "alone_but_the_sentence_names_the_defendant",
        "被告人张某伙同李某（另案处理）盗窃电动车一辆。次日，李某单独盗窃手机一部交给被告人张某销赃。",
        None,
    ),
    (
        "one_acting_alone_who_is_no_co_offender",
        "被告人张某伙同李某（另案处理）盗窃电动车一辆。被害人王某单独居住于此。",
        None,
    ),
    (
        "no_person_tried_is_known",
        "张三伙同李某（另案处理）盗窃电动车一辆。次日，李某单独盗窃手机一部。",
        None,
    ),
    (
        "took_no_part",
        "被告人张某伙同李某（另案处理）盗窃电缆。同月，李某伙同他人盗窃铝材，价值7000元，张某未参与。",
        "李某伙同他人盗窃铝材",
    ),
    (
        "took_no_share_is_a_part",
        "被告人张某伙同李某（另案处理）盗窃电缆。同月，李某伙同他人盗窃铝材，价值7000元，张某未参与分赃。",
        None,
    ),
    (
        "a_new_intent_of_the_co_offender",
        "被告人张某与李某（另案处理）入户盗窃。李某另起犯意，持刀将被害人刺伤，张某当时已离开现场。",
        "李某另起犯意",
    ),
    (
        "behind_the_defendants_back",
        "被告人张某与李某（另案处理）合伙贩毒。李某背着张某贩卖甲基苯丙胺30克，张某对此并不知晓。",
        "李某背着张某贩卖",
    ),
    (
        "with_the_defendant_is_his",
        "被告人张某与李某（另案处理）合伙贩毒。李某带着张某贩卖甲基苯丙胺30克。",
        None,
    ),
    (
        "in_brackets_only",
        "被告人张某与李某（另案处理）共同骗取王某20万元（李某另单独骗取他人10万元，本案不予认定）。",
        "李某另单独骗取他人10万元",
    ),
    (
        "a_count_given_to_another",
        "公诉机关指控：第一起窃得电动车，价值2200元；第二起窃得电脑，价值4500元。经审理查明，第二起系李某某独立实施，"
        "与被告人张某无关。",
        "第二起窃得电脑，价值4500元",
    ),
    (
        "a_count_the_defendant_did_alone",
        "公诉机关指控：第一起窃得电动车，价值2200元；第二起窃得电脑，价值4500元。经审理查明，第二起系被告人张某独立实施。",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "piece"), [pytest.param(text, piece, id=pid) for pid, text, piece in STRETCHES]
)
def test_what_is_set_aside_as_a_co_offenders_act(text, piece):
    found = set_aside(text)
    if piece is None:
        assert found == []
    else:
        assert any(piece in stretch for stretch in found), found


def test_the_courts_words_set_the_co_offenders_act_and_its_result_aside():
    text = (
        "被告人蒋某与罗某（另案处理）共同殴打被害人谢某，致谢某轻微伤。罗某持刀捅刺谢某，致谢某重伤二级。"
        "本院认为，罗某持刀捅刺系其个人行为，超出了共同犯罪故意，被告人蒋某对重伤后果不承担刑事责任。"
    )
    assert extract(text, ["故意伤害"]).injury == "minor"
    stretches = [text[lo:hi] for lo, hi, _ in excess_sentences(text)]
    assert "罗某持刀捅刺谢某，致谢某重伤二级" in stretches


def test_within_the_common_intent_the_result_stays_the_defendants():
    text = (
        "被告人蒋某与罗某（另案处理）共同殴打被害人谢某。罗某持刀捅刺谢某，致谢某重伤二级。"
        "本院认为，罗某的行为未超出共同犯罪故意的范围。"
    )
    assert extract(text, ["故意伤害"]).injury == "serious_2"


def test_said_of_the_defendant_it_sets_nothing_aside():
    text = "被告人罗某与蒋某共同殴打被害人谢某，致谢某重伤二级。被告人罗某的行为系其个人行为。"
    assert excess_sentences(text) == []


def test_the_excess_clauses_before_the_statement_in_its_own_sentence():
    text = "被告人史某与陶某（另案处理）抢劫。作案时，陶某持刀猛刺被害人胸部，致其死亡，被告人史某事先对陶某持刀杀人不知情。"
    assert extract(text, ["抢劫"]).injury is None
    joint = "被告人史某与陶某（另案处理）抢劫。作案时，陶某持刀猛刺被害人胸部，致其死亡。"
    assert extract(joint, ["抢劫"]).injury == "death"


PARTS = [
    ("his_part", "团伙共骗取50万元，其中被告人石某参与骗取8万元。", "8万", True),
    ("a_participant_is_a_noun", "被告人石某向集资参与人支付利息8万元。", "8万", False),
    ("another_between", "被告人石某伙同李某，李某参与骗取8万元。", "8万", False),
    (
        "the_groups_leader_answers_for_all",
        "被告人石某系首要分子，团伙共骗取50万元，石某参与骗取8万元。",
        "8万",
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "figure", "his_part"), [pytest.param(t, f, p, id=pid) for pid, t, f, p in PARTS]
)
def test_the_sum_he_took_part_in(text, figure, his_part):
    assert told_as_participated(text, text.index(figure)) is his_part


def test_a_victim_of_the_co_offenders_act_alone_is_not_his():
    text = "被告人丁某伙同蔡某（另案处理）骗取被害人贾某5000元。此外，蔡某另单独骗取被害人薛某6000元，丁某未参与。"
    assert find_victims(text)[0] == 1
    joint = "被告人丁某伙同蔡某（另案处理）骗取被害人贾某5000元。此外，二人又骗取被害人薛某6000元。"
    assert find_victims(joint)[0] == 2


def own_amounts(text: str, charges: list[str]) -> dict:
    standard = load_standard()
    conduct = {c: conduct_words(c, standard) for c in charges}
    return amounts_by_charge(text, conduct, [c for c in charges if measured_by_amount(c, standard)])


def test_each_charge_takes_no_sum_of_a_co_offenders_act():
    text = (
        "被告人甲某伙同乙某（另案处理）窃取电缆线，价值4800元；此后，乙某另行单独窃取电动车一辆，价值2600元，甲某未参与。"
        "被告人甲某以帮人办理驾照为由骗取丙某现金5000元。"
    )
    assert own_amounts(text, ["盗窃", "诈骗"]) == {"盗窃": Decimal(4800), "诈骗": Decimal(5000)}
    joint = text.replace("乙某另行单独窃取", "二人又窃取").replace("，甲某未参与", "")
    assert own_amounts(joint, ["盗窃", "诈骗"])["盗窃"] == Decimal(7400)


def test_the_case_amount_leaves_out_a_co_offenders_act_and_keeps_a_joint_one():
    alone = "被告人王某与刘某（另案处理）共同盗窃电动车一辆，价值2500元。次月，刘某另行单独盗窃摩托车一辆，价值4000元。"
    assert extract(alone, ["盗窃"]).amount_yuan == Decimal(2500)
    joint = (
        "被告人王某与刘某（另案处理）共同盗窃电动车一辆，价值2500元。次月，二人又盗窃摩托车一辆，价值4000元。"
    )
    assert extract(joint, ["盗窃"]).amount_yuan == Decimal(6500)


def test_not_said_to_be_his_own_the_result_stays_the_defendants():
    text = "被告人蒋某与罗某（另案处理）共同殴打被害人谢某。罗某持刀捅刺谢某，致谢某重伤二级。罗某的行为并非其个人行为。"
    assert extract(text, ["故意伤害"]).injury == "serious_2"


CO_OFFENDERS_RECORDS = [
    (
        "his_recidivism",
        "被告人康某与同案人毛某（另案处理）盗窃。毛某曾因犯盗窃罪被判处有期徒刑一年，系累犯。",
        True,
    ),
    (
        "the_defendants_recidivism",
        "被告人康某与同案人毛某（另案处理）盗窃。被告人康某曾因犯盗窃罪被判处有期徒刑一年，系累犯。",
        False,
    ),
    ("no_co_offender_named", "被告人康某盗窃。毛某曾因犯盗窃罪被判处有期徒刑一年，系累犯。", False),
]


@pytest.mark.parametrize(("text", "his"), [pytest.param(t, h, id=pid) for pid, t, h in CO_OFFENDERS_RECORDS])
def test_a_record_told_of_a_co_offender(text, his):
    assert said_of_co_offender(text, text.index("累犯")) is his


FORGIVEN = [
    ("forgiven_by_name", "被告人邱某与秦某（另案处理）殴打江某。案发后，江某对秦某表示谅解。", True),
    (
        "the_defendant_forgiven",
        "被告人邱某与秦某（另案处理）殴打江某。案发后，江某对被告人邱某表示谅解。",
        False,
    ),
    (
        "forgiven_after_his_payment",
        "被告人邱某与秦某（另案处理）殴打江某。案发后，秦某赔偿江某2万元，取得江某谅解。",
        False,
    ),
    ("no_co_offender_named", "被告人邱某殴打江某。案发后，江某对秦某表示谅解。", False),
]


@pytest.mark.parametrize(("text", "his"), [pytest.param(t, h, id=pid) for pid, t, h in FORGIVEN])
def test_forgiveness_given_to_a_co_offender(text, his):
    assert forgiveness_to_co_offender(text, text.index("谅解")) is his


def test_several_tried_together_name_no_one_part_as_the_case_figure():
    text = "被告人陶某、姜某结伙盗窃，共计价值15000元，其中被告人姜某参与盗窃2次，价值9000元。"
    assert told_as_participated(text, text.index("9000")) is False
    one = "被告人姜某伙同陶某（另案处理）结伙盗窃，共计价值15000元，其中被告人姜某参与盗窃2次，价值9000元。"
    assert told_as_participated(one, one.index("9000")) is True
