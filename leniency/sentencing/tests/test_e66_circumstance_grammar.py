"""Circumstances read by the grammar of the sentence (task E66): one reading of negation and its scope for every
circumstance (circumstance_negation.py), and a restitution read by its verb and who receives it, not by the object's
noun (restitution_acts.py; 2021量刑指导意见 三(10)、(11)).

Every passage was written for this test in the style of a criminal judgment; none is taken from any data set. FIRST
was written and scored before any change: 19 of 30 right at d2c3f97, 30 of 30 after E66's first rules, 29 of 30 once
并/且 close a negation (没有异议并签字具结: the dev check showed two pleas lost without it), the one left a strict xfail
(没有A并B) that E77's joined-amends rule turned to a pass.
SECOND was written after those rules, in new phrasings, and scored before fixing what it showed: 11 of 14 right (7 of
14 at d2c3f97), the held-out estimate; 13 of 14 after two fixes (a police word whose own predicate is negated is no
recovery; the heads of a material loss, 治疗费 among them), the one left a strict xfail naming its class.
"""

import pytest

from leniency.sentencing.extraction.circumstance_negation import negated
from leniency.sentencing.extraction.circumstances import find_circumstances, read_circumstances
from leniency.sentencing.extraction.restitution_acts import returned_after_crime

IGNORED = {"fled", "fled_death", "disaster"}


def case(case_id, text, *codes, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, frozenset(codes), id=case_id, marks=marks)


FIRST = [
    # a negator governing the circumstance's verb in its clause, the object or the payee between
    case("neg-could-not-pay-loss-told-between", "被告人甲某至今未能对被害人刘某某的各项经济损失予以赔偿。"),
    case("neg-not-yet-restituted-loss", "被告人乙某尚未退赔被害单位的经济损失。"),
    case("neg-refuses-to-return-money", "案发后，被告人丙某拒不退还所骗取的被害人钱款。"),
    case("neg-unable-to-return-goods", "被告人丁某将窃得的手机变卖挥霍，无法退还被害人。"),
    case("neg-unwilling-to-compensate", "被告人戊某不愿赔偿被害人因此遭受的损失。"),
    case("neg-refused-to-compensate", "被告人己某拒绝赔偿被害人的医疗费用。"),
    case("neg-both-did-not-restitute", "二被告人均未退赃，亦未取得被害人谅解。"),
    case("neg-offer-but-not-delivered", "被告人庚某的家属筹集了赔偿款，但至今未交付被害人。"),
    case("neg-agreed-but-never-paid-different-words", "被告人辛某与被害人就赔偿问题达成口头约定，但其后一直未履行。"),
    case("neg-victim-refused-to-forgive", "被害人家属明确表示不予谅解被告人。"),
    # two amends joined under one negator are both denied (E77), 没有异议并签字具结 is not
    case("neg-no-apology-nor-compensation", "被告人壬某没有向被害人赔礼道歉并赔偿损失。"),
    # a negation in another clause, of another verb or another person, does not deny
    case("scope-not-only-returned-but-also-paid", "被告人癸某不仅退还了全部赃款，还赔偿了被害人的误工损失。",
         "restitution", "compensation"),
    case("scope-no-forgiveness-but-paid", "被告人虽未能取得被害人谅解，但已赔偿被害人经济损失二万元。", "compensation"),
    case("scope-co-offender-did-not-but-he-did", "同案人李某未退赃，被告人张某已退缴全部赃款。", "restitution"),
    case("scope-returned-before-discovered", "被告人在单位尚未发现前已主动将挪用的公款全部归还。", "restitution"),
    case("scope-no-record-then-returned", "被告人吴某无前科，案发后退赔被害人损失五千元。", "restitution"),
    case("scope-insurer-unpaid-part-paid-by-him", "对保险公司未理赔的部分，被告人郑某已全部赔偿被害人。", "compensation"),
    case("scope-paid-victim-did-not-ask-more", "被告人王某赔偿了被害人全部损失，被害人未再提出其他要求。", "compensation"),
    # 三(10): a return read by the verb and who receives it, whatever the object
    case("verb-returned-phone-to-victim", "案发后，被告人冯某向被害人返还手机一部。", "restitution"),
    case("verb-returned-goods-payment-to-company", "被告人陈某到案后归还了被害公司的货款。", "restitution"),
    case("verb-repaid-bank-overdraft", "被告人褚某在公安机关立案后已偿还银行透支款及利息。", "restitution"),
    case("verb-returned-after-arrest", "被告人卫某被抓获后，退还了被害人的电动车。", "restitution"),
    case("verb-gave-back-to-owner", "被告人蒋某归案后将摩托车还给了被害人。", "restitution"),
    case("verb-family-restituted-for-him", "被告人沈某的父亲代其向被害人退赔人民币三万元。", "restitution"),
    case("verb-handed-in-to-police", "被告人韩某在侦查阶段向公安机关退缴违法所得五千元。", "restitution"),
    case("verb-repaid-medical-costs", "被告人杨某已向被害人朱某偿还医疗费二万元。", "compensation"),
    # a police recovery, a scheme's payout or an order is not the defendant's return
    case("out-police-recovered-and-handed-back", "公安机关追回被盗手机，并发还被害人。"),
    case("out-police-seized-returned-to-owner", "民警在被告人住处查获被盗财物，已返还被害人。"),
    case("out-scheme-repaid-interest-during-fraud", "被告人秦某骗得借款后，为取得信任按月向被害人归还利息。"),
    case("out-ordered-to-return", "判令被告人尤某退赔被害人经济损失。"),
]  # fmt: skip

SECOND = [
    case("neg2-never-handed-back-stolen-car", "被告人邱某始终没有将盗得的轿车交还车主。"),
    case("neg2-has-not-made-good-bank-loss", "截至本案宣判前，被告人孔某仍未偿还发卡银行的透支本息。"),
    case("neg2-family-unwilling", "被告人曹某的亲属不愿代为退赔被害人的损失。"),
    case("neg2-did-not-obtain-understanding-by-pay", "被告人严某没有通过赔偿被害人损失取得谅解。"),
    case("neg2-promised-yet-nothing-arrived", "被告人华某承诺一周内退还全部货款，但被害公司至今未收到任何款项。"),
    case("scope2-victim-unhurt-yet-paid", "被害人虽未受伤，被告人金某仍赔偿了被害人车辆维修费用三千元。", "compensation"),
    case("scope2-not-caught-then-returned", "被告人魏某在民警尚未找到其本人时，已托朋友将所窃现金交还失主。", "restitution"),
    case("scope2-not-long-after-returned", "被告人陶某不久即向被害人退还了全部购车款。", "restitution"),
    case("verb2-refunded-deposit-to-buyers", "在本院审理期间，被告人姜某向各被害人退还了定金共计四万元。", "restitution"),
    case("verb2-returned-public-money-to-unit", "被告人戚某案发后将公款十二万元归还所在单位。", "restitution"),
    case("verb2-mother-repaid-for-him", "被告人谢某归案后，其母亲代其向被害人偿还了被骗的二万元。", "restitution"),
    case("verb2-paid-victim-treatment", "被告人邹某在案发后为被害人承担了全部治疗费用。", "compensation"),
    case("out2-police-froze-and-returned", "侦查机关冻结被告人账户内资金后，已将其中五万元发还被害人。"),
    case("out2-returned-while-scheming", "被告人喻某在骗取被害人信任期间，曾向被害人返还少量本金。"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "codes"), FIRST)
def test_first_batch(text, codes):
    found, _ = find_circumstances(text)
    assert {f.code for f in found} - IGNORED == codes


@pytest.mark.parametrize(("text", "codes"), SECOND)
def test_second_batch(text, codes):
    found, _ = find_circumstances(text)
    assert {f.code for f in found} - IGNORED == codes


# the negator's scope: (text, the word asked about, whether it is denied)
SCOPES = [
    pytest.param("未能对被害人刘某某的经济损失予以赔偿", "赔偿", True, id="object-between-still-governed"),
    pytest.param("未能赔偿，但其家属已代为赔偿", "代为赔偿", False, id="turn-and-new-predicate-close-it"),
    pytest.param("尚未发现前已主动归还", "归还", False, id="time-clause-closes-it"),
    pytest.param("未能在案发后赔偿被害人", "赔偿", True, id="time-inside-a-prepositional-phrase-does-not"),
    pytest.param("未能就赔偿事宜达成一致", "赔偿", True, id="preposition-right-after-negator"),
    pytest.param("在被害人未报警的情况下退还", "退还", False, id="situation-clause-closes-it"),
    pytest.param("不仅退还了赃款", "退还", False, id="not-only-is-no-negator"),
    pytest.param("不同意谅解", "谅解", True, id="not-agree-is-a-negator"),
    pytest.param("依法没收违法所得并退赔", "退赔", False, id="confiscate-is-no-negator"),
    pytest.param("被害人不再追究，不愿赔偿", "赔偿", True, id="negator-in-own-clause"),
    pytest.param("被害人不再追究，赔偿了损失", "赔偿", False, id="negator-in-another-clause"),
]


@pytest.mark.parametrize(("text", "word", "denied"), SCOPES)
def test_negation_scope(text, word, denied):
    start = text.rindex(word)
    assert negated(text, start, start + len(word)) is denied


def test_return_before_discovery_is_noted():
    text = "被告人在单位尚未发现前已主动将挪用的公款全部归还。"
    _, _, notes = read_circumstances(text)
    assert any("案发前" in note for note in notes)


def test_return_after_arrest_is_not_noted_as_before_discovery():
    _, _, notes = read_circumstances("被告人到案后将挪用的公款全部归还单位。")
    assert not any("案发前" in note for note in notes)


@pytest.mark.parametrize(
    ("text", "after"),
    [
        pytest.param("被告人到案后向被害人返还手机", True, id="after-arrest"),
        pytest.param("被告人在单位发现前向单位归还公款", True, id="before-discovery"),
        pytest.param("被告人向被害人返还手机", False, id="no-time-named"),
        pytest.param("案发后，被告人为取得信任向被害人归还利息", False, id="scheme-payout"),
    ],
)
def test_return_placed_after_the_crime(text, after):
    assert returned_after_crime(text, text.index("向")) is after
