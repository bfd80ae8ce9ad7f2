"""Task E77: whose circumstance it is and whether it is denied, the actor and negation readers' known misses.

Passages written for this task in the style of a criminal judgment (none taken from any data set), scored on the
personal circumstances each tells of the defendant (the first person tried). FIRST (24 texts) was written and scored
before any change: 19/24 at b0cbf1e (missed: two reparations joined under one negator, 没有A并B; an elision mark before a
co-defendant's name; a 谅解书 the list of evidence names as made out to a co-defendant), 24/24 after E77's rules.
SECOND (14 new phrasings) was written after those rules and scored before fixing what it showed: 12/14 both at b0cbf1e
and with FIRST's rules (the nearest figure to a held-out one); 13/14 after reading a forgiveness whose verb comes before
the person (谅解了被告人乙某的行为). The one left, a bare paste with an index before 某 (王2某) in the co-offender named
after 伙同, was victims.py's own name pattern, widened to parties.MASKED_NAME (E77_1.diff): 14/14.
"""

import re

import pytest

from leniency.sentencing.extraction.circumstance_actor import done_by_another, first_defendant
from leniency.sentencing.extraction.circumstance_negation import negated
from leniency.sentencing.extraction.circumstances import find_circumstances
from leniency.sentencing.extraction.others_acts import SENTENCE_LEAD
from leniency.sentencing.extraction.parties import MASKED_NAME, bare_defendant_names
from leniency.sentencing.facts import Circumstance as C

R, P, F, S, CF, PL = C.RESTITUTION, C.COMPENSATION, C.FORGIVENESS, C.SURRENDER, C.CONFESSION, C.PLEA
WATCHED = {R, P, F, S, CF, PL, C.MERITORIOUS, C.MAJOR_MERITORIOUS}


def case(case_id, text, expected, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, expected, id=case_id, marks=marks)


def watched(text: str) -> set[C]:
    found, _ = find_circumstances(text)
    return {f.code for f in found} & WATCHED


FIRST = [
    # masked names with an index (CAIL: 杨1某/杨2某, 张某1, 李某某3, 王某甲)
    case("digit-before-mou-co-defendant-returns",
         "经审理查明：被告人杨1某、杨2某共同盗窃被害人家中现金5000元。案发后，杨2某将分得的赃款2500元退还被害人。", set()),
    case("digit-after-mou-co-defendant-pleads",
         "公诉机关指控：被告人张某1、张某2共同诈骗他人财物。经审理查明：……。张某2到案后如实供述，自愿认罪认罚。", set()),
    case("digit-index-defendant-himself-pays",
         "经审理查明：被告人李某某3与被告人王某甲共同殴打被害人刘某致其轻伤。案发后，李某某3赔偿被害人刘某经济损失3万元。",
         {P}),
    case("bare-paste-digit-name-confesses",
         "杨2某于2023年3月5日在某小区盗窃电动车一辆，价值3000元。杨2某到案后如实供述自己的罪行。", {CF}),
    case("lettered-co-defendant-forgiven",
         "经审理查明：被告人王某甲、王某乙共同殴打被害人赵某。被害人赵某对王某乙表示谅解。", set()),
    # a negator and the verbs it governs
    case("neg-no-return-nor-pay", "被告人孙某至今没有退还赃款并赔偿被害人损失。", set()),
    case("neg-failed-to-pay-and-win-forgiveness", "被告人周某未能赔偿被害人的经济损失并取得其谅解。", set()),
    case("neg-first-only-then-fled", "被告人吴某作案后未报警并逃离现场，后于次日到派出所投案。", {S}),
    case("neg-no-objection-then-signs", "被告人郑某对指控的犯罪事实及量刑建议没有异议并签字具结。", {PL}),
    case("neg-after-bing-negates-second", "被告人冯某虽赔偿了被害人部分损失，但并未取得被害人谅解。", {P}),
    case("neg-refused-and-threatened", "被告人陈某拒绝赔偿并威胁被害人。", set()),
    case("neg-not-returned-yet-surrendered", "被告人褚某未退赃，但系自动投案，如实供述犯罪事实，构成自首。", {S}),
    # an elision mark or a quoted fragment before a name
    case("elision-before-co-defendant-returns",
         "经审理查明：被告人钱某、孙某共同骗取被害人李某5万元。……孙某在审查起诉阶段退赔被害人李某2万元。", set()),
    case("ascii-ellipsis-before-co-defendant-surrenders",
         "经审理查明：被告人钱某、孙某共同盗窃电缆。...孙某于案发次日主动到公安机关投案。", set()),
    case("quote-before-co-defendant-pleads",
         "经审理查明：被告人钱某、孙某共同贩卖毒品。被告人钱某称“只是帮忙”，孙某到案后自愿认罪认罚。", set()),
    case("elision-before-defendant-himself",
         "经审理查明：被告人钱某、孙某共同盗窃电缆。……钱某到案后如实供述了犯罪事实。", {CF}),
    # a 谅解书 in the list of evidence
    case("evidence-forgiveness-to-co-defendant",
         "经审理查明：被告人张某、李某共同殴打被害人王某致其轻伤。上述事实，有被害人王某的陈述、被害人王某出具给被告人李某的"
         "谅解书、收条等证据证实。", set()),
    case("evidence-forgiveness-one-defendant",
         "经审理查明：被告人张某殴打被害人王某致其轻伤。上述事实，有被害人王某的陈述、谅解书、鉴定意见等证据证实。", {F}),
    case("evidence-forgiveness-several-untied",
         "经审理查明：被告人张某、李某共同殴打被害人王某致其轻伤。上述事实，有被害人陈述、谅解书、鉴定意见等证据证实。", {F}),
    case("evidence-forgiveness-to-defendant-himself",
         "经审理查明：被告人张某、李某共同殴打被害人王某致其轻伤。上述事实，有鉴定意见、被害人王某对被告人张某的谅解书等证据"
         "证实。", {F}),
    case("evidence-receipt-to-co-defendant",
         "经审理查明：被告人张某、李某共同诈骗被害人王某3万元。上述事实，有被害人王某出具给被告人李某的收条、转账记录等证据证实。",
         set()),
    # whose, otherwise
    case("named-others-returned-he-did-not",
         "经审理查明：被告人甲某、乙某、丙某共同盗窃。案发后，被告人乙某、丙某均已退赃，被告人甲某未退赃。", set()),
    case("victim-forgave-one-not-other",
         "经审理查明：被告人甲某、乙某共同殴打被害人丁某。被害人丁某对被告人乙某表示谅解，对被告人甲某不予谅解。", set()),
    case("his-father-pays-for-both",
         "经审理查明：被告人甲某、乙某共同殴打被害人丁某。被告人甲某的父亲代二被告人赔偿被害人丁某3万元，丁某对二被告人均表示"
         "谅解。", {P, F}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FIRST)
def test_first_batch(text, expected):
    assert watched(text) == expected


SECOND = [
    case("neg2-listed-amends-under-one-negator", "被告人秦某案发后没有积极退赃、赔偿被害人损失。", set()),
    case("neg2-amends-joined-by-ji", "被告人尤某至今未退还被害人财物及赔偿损失。", set()),
    case("neg2-refuses-return-and-pay", "被告人许某拒不退赃和赔偿。", set()),
    case("neg2-neither-nor-own-negators", "被告人何某既未退赃，也未赔偿被害人损失。", set()),
    case("neg2-no-settlement-victim-also-not", "被告人吕某未与被害人达成和解协议，被害人亦未对其表示谅解。", set()),
    case("neg2-part-paid-rest-outstanding", "被告人施某已退赔被害人损失二万元，尚未退赔部分待执行。", {R}),
    case("actor2-except-named-rest-all-returned",
         "经审理查明：被告人甲某、乙某、丙某共同盗窃。除被告人乙某外，其余被告人均已退赃。", {R}),
    case("actor2-victim-forgave-co-defendants-act-verb-first",
         "经审理查明：被告人甲某、乙某共同殴打被害人丁某。被害人丁某谅解了被告人乙某的行为。", set()),
    case("actor2-family-pays-for-co-by-name",
         "经审理查明：被告人甲某、乙某共同殴打被害人丁某。乙某的家属代乙某向被害人丁某赔偿2万元。", set()),
    case("actor2-digit-co-offender-apart-surrendered",
         "经审理查明：被告人赵某伙同赵1某（另案处理）盗窃。赵1某于案发后主动投案。", set()),
    case("actor2-bare-paste-index-co-offender-pays",
         "王1某伙同王2某盗窃电动车一辆。民警将王1某抓获。王2某（另案处理）退赔被害人损失2000元。", set()),
    case("actor2-only-co-defendant-returned",
         "经审理查明：被告人甲某、乙某共同诈骗。二被告人中，仅被告人乙某退赔了被害人损失。", set()),
    case("evid2-receipt-of-co-defendants-payment",
         "经审理查明：被告人甲某、乙某共同殴打被害人丁某。上述事实，有被害人丁某出具的收到被告人乙某赔偿款3万元的收条、谅解书"
         "等证据证实。", set()),
    case("evid2-agreement-of-defendant-himself",
         "经审理查明：被告人甲某、乙某共同殴打被害人丁某。上述事实，有被告人甲某与被害人丁某签订的赔偿协议及谅解书等证据证实。",
         {P, F}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SECOND)
def test_second_batch(text, expected):
    assert watched(text) == expected


# parties.MASKED_NAME: every CAIL masking, and no word before the name taken in
@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("被告人王某盗窃", "王某", id="one-mou"),
        pytest.param("被告人王某某盗窃", "王某某", id="two-mou"),
        pytest.param("被告人王某甲盗窃", "王某甲", id="lettered"),
        pytest.param("被告人王1某盗窃", "王1某", id="index-before-mou"),
        pytest.param("被告人王某1盗窃", "王某1", id="index-after-mou"),
        pytest.param("被告人李某某3盗窃", "李某某3", id="index-after-two-mou"),
        pytest.param("被告人刘X1盗窃", "刘X1", id="x-masked-index"),
    ],
)
def test_masked_name_takes_every_masking(text, name):
    assert re.search(rf"(?<=被告人){MASKED_NAME}", text).group() == name


def test_masked_name_takes_no_digit_before_the_surname():
    # a figure before a name is no part of it (2人王某)
    assert re.search(MASKED_NAME, "共2人王某等").group() == "王某"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("杨2某于2023年在某超市盗窃，杨2某到案后如实供述。", {"杨2某"}, id="index-before-mou"),
        pytest.param("杨某于2023年在某超市盗窃，杨某到案后如实供述。", {"杨某"}, id="plain"),
        pytest.param("被告人杨2某到案后如实供述。", set(), id="word-for-him-decides"),
    ],
)
def test_bare_defendant_read_by_every_masking(text, names):
    assert bare_defendant_names(text) == names


def test_bare_defendant_with_index_tells_co_offenders_act():
    text = "杨2某伙同杨1某盗窃电动车。民警将杨2某抓获。杨1某（另案处理）退赔被害人损失2000元。"
    assert first_defendant(text) == "杨2某"


# circumstance_negation: a negator before two joined reparations governs both; before anything else, its own verb
@pytest.mark.parametrize(
    ("text", "word", "denied"),
    [
        pytest.param("没有向被害人赔礼道歉并赔偿损失", "赔偿", True, id="apology-and-payment"),
        pytest.param("未能退还赃款且退赔损失", "退赔", True, id="return-and-restitution-qie"),
        pytest.param("未能赔偿损失并取得谅解", "谅解", True, id="payment-and-forgiveness"),
        pytest.param("没有异议并签字具结", "签字具结", False, id="no-objection-is-no-amends"),
        pytest.param("未报警并赔偿了被害人", "赔偿", False, id="first-verb-no-amends"),
        pytest.param("未能赔偿损失并主动投案", "投案", False, id="second-verb-no-amends"),
        pytest.param("未能退赃并已赔偿损失", "赔偿", False, id="adverb-still-closes"),
        pytest.param(
            "未退赃并如实供述，赔偿了损失", "如实供述", False, id="amends-in-the-next-clause-do-not-count"
        ),
        pytest.param("未退赃，并赔偿了损失", "赔偿", False, id="another-clause"),
    ],
)
def test_negator_over_joined_reparations(text, word, denied):
    start = text.rindex(word)
    assert negated(text, start, start + len(word)) is denied


@pytest.mark.parametrize(
    ("lead", "skipped"),
    [
        pytest.param("……孙某", "……", id="elision"),
        pytest.param("...孙某", "...", id="ascii-elision"),
        pytest.param("“……”孙某", "“……”", id="quoted-fragment"),
        pytest.param("案发后，孙某", "案发后，", id="time"),
        pytest.param("被告人孙某", "", id="word-is-no-lead"),
    ],
)
def test_sentence_lead_skips_elision(lead, skipped):
    assert SENTENCE_LEAD.match(lead).group() == skipped


TWO = "经审理查明：被告人张某、李某共同殴打被害人王某致其轻伤。"


@pytest.mark.parametrize(
    ("evidence", "another"),
    [
        pytest.param("有被害人王某出具给被告人李某的谅解书等证据证实。", True, id="made-out-to-co-defendant"),
        pytest.param("有被害人王某向被告人李某出具了谅解书等证据证实。", True, id="given-to-co-defendant"),
        pytest.param("有被害人王某对被告人李某的谅解书等证据证实。", True, id="of-co-defendant"),
        pytest.param("有被害人王某出具给被告人张某的谅解书等证据证实。", False, id="made-out-to-him"),
        pytest.param("有被害人王某出具给被告人张某、李某的谅解书等证据证实。", False, id="made-out-to-both"),
        pytest.param("有被害人王某出具的谅解书等证据证实。", False, id="made-out-to-nobody-named"),
    ],
)
def test_evidence_forgiveness_is_whom_it_is_made_out_to(evidence, another):
    text = TWO + "上述事实，" + evidence
    assert done_by_another(text, text.index("谅解书"), F) is another


@pytest.mark.parametrize(
    ("told", "another"),
    [
        pytest.param("被害人王某谅解了被告人李某的行为。", True, id="verb-before-co-defendant"),
        pytest.param("被害人王某原谅了李某。", True, id="forgave-co-defendant-by-name"),
        pytest.param("被害人王某谅解了被告人张某的行为。", False, id="verb-before-him"),
        pytest.param("被害人王某出具谅解书，被告人李某当庭致歉。", False, id="writ-then-a-name"),
    ],
)
def test_forgiveness_verb_before_the_person(told, another):
    text = TWO + told
    at = text.index("谅解") if "谅解" in text else text.index("原谅")
    assert done_by_another(text, at, F) is another


def test_evidence_forgiveness_with_one_defendant_stays_his():
    text = "经审理查明：被告人张某殴打被害人王某致其轻伤。上述事实，有被害人王某出具给被告人张某的谅解书等证据证实。"
    assert done_by_another(text, text.index("谅解书"), F) is False


# victims.py (E77_1.diff): a free name and a defendant's name keep an index before 某
@pytest.mark.parametrize(
    ("taken", "name"),
    [
        pytest.param("将王2某", "王2某", id="index-before-mou-word-dropped"),
        pytest.param("王2某", "王2某", id="index-before-mou"),
        pytest.param("将周某", "周某", id="plain-word-dropped"),
        pytest.param("刘X1", "刘X1", id="x-masked"),
    ],
)
def test_person_named_keeps_an_index(taken, name):
    from leniency.sentencing.extraction.victims import person_named

    assert person_named(taken) == name


def test_defendant_with_index_is_no_owner_victim():
    from leniency.sentencing.extraction.victims import defendant_names

    assert defendant_names("被告人王4某家中无人，被害人商某某离开。") == {"王4某"}
