"""E74's rules, each with a text where it binds and one just outside it: 毒品再犯 named as a prior record (刑法第356条),
an earlier art. 356 conviction told by the act and the drug, and one earlier conviction weighed as a 累犯 or a 前科, not
both (2021量刑指导意见 三(15)、(16)). Texts written for the tests."""

import dataclasses

import pytest

from leniency.sentencing.extract import extract
from leniency.sentencing.extraction.circumstances import prior_records
from leniency.sentencing.extraction.drug_priors import drug_prior
from leniency.sentencing.extraction.recidivism import beside_recidivism, without_inferred
from leniency.sentencing.facts import Circumstance, Finding, Span

SALE = (
    "经审理查明：2022年7月7日，被告人全某伙同邓某在某出租屋内以人民币200元的价格向他人出售甲基苯丙胺0.4克。"
    "被告人全某到案后如实供述。"
)


def _codes(text: str, charges=("贩卖毒品",)) -> set[str]:
    return {str(f.code) for f in extract(text, charges=list(charges)).circumstances}


@pytest.mark.parametrize(
    ("tail", "record"),
    [
        pytest.param("被告人全某系毒品再犯，应当从重处罚。", True, id="named-alone"),
        pytest.param("公诉机关认为，被告人全某系毒品再犯、坦白，建议从重处罚。", True, id="named-in-a-list"),
        pytest.param("被告人全某不构成毒品再犯。", False, id="denied"),
        pytest.param(
            "公诉机关指控被告人全某系毒品再犯，经查，全某此前未因毒品犯罪被判处刑罚，不属于毒品再犯。",
            False,
            id="alleged-then-denied",
        ),
        pytest.param("同案人邓某系毒品再犯。", False, id="a-co-offenders"),
        pytest.param("被告人全某是否构成毒品再犯，本院综合评判。", False, id="only-asked"),
        pytest.param("", False, id="not-named"),
    ],
)
def test_drug_reoffender_named_is_a_prior_record_of_art_356(tail, record):
    assert ("prior_record" in _codes(SALE + tail)) is record


def test_drug_reoffender_named_is_weighed_as_art_356_not_as_a_plain_record():
    from leniency.sentencing.calculator import calculate

    calc = calculate(extract(SALE + "被告人全某系毒品再犯，应当从重处罚。", charges=["贩卖毒品"]))
    rules = {s.rule_id for s in calc.steps}
    assert "circ.drug_reoffender" in rules and "circ.prior_record" not in rules


@pytest.mark.parametrize(
    ("told", "art_356"),
    [
        pytest.param("曾因犯贩卖毒品罪被判处有期徒刑一年", True, id="by-the-charge"),
        pytest.param(
            "2016年7月因贩卖甲基苯丙胺被某区人民法院判处有期徒刑六个月", True, id="sale-of-a-named-drug"
        ),
        pytest.param(
            "2019年1月因非法持有海洛因被某县人民法院判处拘役四个月", True, id="holding-a-named-drug"
        ),
        pytest.param("因运输、贩卖毒品被判处有期徒刑三年", True, id="two-acts-and-drugs"),
        pytest.param("因犯容留他人吸毒罪被判处有期徒刑六个月", False, id="sheltering-is-not-art-356"),
        pytest.param("因吸食甲基苯丙胺被判处", False, id="use-is-no-crime-of-art-356"),
        pytest.param("因贩卖毒品被行政拘留十五日", False, id="an-administrative-detention"),
        pytest.param("因犯盗窃罪被判处有期徒刑一年", False, id="another-crime"),
    ],
)
def test_an_earlier_art_356_conviction_is_told_by_the_charge_or_the_act_and_the_drug(told, art_356):
    assert drug_prior(told) is art_356


ONE = "被告人邵某，男，1985年生。2018年4月因犯盗窃罪被判处有期徒刑一年六个月，2019年9月30日刑满释放。"
TWO = (
    "被告人方某，男，1975年生。2008年因犯故意伤害罪被判处有期徒刑一年，缓刑一年；2018年5月因犯盗窃罪被判处有期徒刑一年，"
    "2019年5月2日刑满释放。"
)
THEFT = "经审理查明：2022年7月11日，被告人在某小区地下车库窃得电动自行车一辆，价值人民币3200元。"


def _record_mentions(text: str) -> list[Finding]:
    """The prior-record mentions as circumstances reads them: one at each conviction's opening."""
    return [
        Finding(
            Circumstance.PRIOR_RECORD.value, None, Span(c.start, c.opening_end, text[c.start : c.opening_end])
        )
        for c in prior_records(text)
    ]


def _recidivist(text: str) -> Finding:
    at = text.index("累犯")
    return Finding(Circumstance.RECIDIVIST.value, None, Span(at, at + 2, "累犯"))


def test_the_one_conviction_a_recidivism_rests_on_is_no_prior_record_beside_it():
    text = ONE + THEFT + "被告人邵某系累犯。"
    mentions = _record_mentions(text)
    assert len(mentions) == 1
    assert beside_recidivism(text, _recidivist(text), mentions, prior_records(text)) == []


def test_an_older_conviction_beside_the_recidivisms_stays_a_prior_record():
    text = TWO + THEFT + "被告人方某系累犯。"
    mentions = _record_mentions(text)
    kept = beside_recidivism(text, _recidivist(text), mentions, prior_records(text))
    assert len(mentions) == 2
    assert kept == [mentions[0]] and kept[0].span.start < text.index("2018年5月")  # the 2008 injury


def test_a_recidivism_without_a_release_date_rests_on_the_only_conviction_told():
    text = "被告人祝某曾因犯盗窃罪被判处有期徒刑二年。" + THEFT + "被告人祝某系累犯。"
    mentions = _record_mentions(text)
    assert len(mentions) == 1
    assert beside_recidivism(text, _recidivist(text), mentions, prior_records(text)) == []


def test_with_two_convictions_and_no_release_dates_both_stay_records():
    text = (
        "被告人祝某曾于2010年因犯诈骗罪被判处有期徒刑一年，2015年因犯盗窃罪被判处有期徒刑二年。"
        + THEFT
        + "被告人祝某系累犯。"
    )
    mentions = _record_mentions(text)
    assert (
        len(beside_recidivism(text, _recidivist(text), mentions, prior_records(text))) == len(mentions) == 2
    )


def test_a_record_named_by_words_alone_is_the_recidivisms():
    text = THEFT + "被告人严某系累犯、毒品再犯。"
    at = text.index("毒品再犯")
    word = Finding(Circumstance.PRIOR_RECORD.value, None, Span(at, at + 4, "毒品再犯"))
    other = Finding(Circumstance.CONFESSION.value, None, Span(0, 1, "经"))
    assert beside_recidivism(text, _recidivist(text), [word, other], prior_records(text)) == [other]


def test_an_inferred_recidivism_dropped_for_a_light_sentence_gives_its_conviction_back_as_a_record():
    """刑法第65条 asks a crime that calls for 有期徒刑; where it is dropped (without_inferred) the conviction is a 前科."""
    text = "被告人雷某，男，1979年生。2017年3月因犯抢夺罪被判处有期徒刑二年，2019年2月20日刑满释放。" + THEFT
    facts = extract(text, charges=["盗窃"])
    assert {"recidivist"} <= {str(f.code) for f in facts.circumstances}
    stripped = dataclasses.replace(
        facts, circumstances=[f for f in facts.circumstances if f.code != Circumstance.PRIOR_RECORD.value]
    )
    plain = without_inferred(stripped)
    assert plain is not None
    records = [f for f in plain.circumstances if f.code == Circumstance.PRIOR_RECORD.value]
    assert len(records) == 1 and records[0].span.quote.startswith("因犯抢夺罪")
    assert "recidivist" not in {str(f.code) for f in plain.circumstances}


def test_an_inferred_recidivism_dropped_keeps_a_record_already_there_once():
    text = "被告人雷某，男，1979年生。2017年3月因犯抢夺罪被判处有期徒刑二年，2019年2月20日刑满释放。" + THEFT
    plain = without_inferred(extract(text, charges=["盗窃"]))
    assert plain is not None
    assert [str(f.code) for f in plain.circumstances].count("prior_record") == 1


def test_the_courts_restatement_of_the_ground_in_art_65s_words_is_no_second_record():
    text = (
        ONE
        + THEFT
        + "本院认为，被告人邵某曾因故意犯罪被判处有期徒刑，刑罚执行完毕后五年内再犯应当判处有期徒刑以上刑罚之罪，系累犯。"
    )
    mentions = _record_mentions(text)
    assert len(mentions) == 2  # the profile's conviction and the court's restatement
    assert beside_recidivism(text, _recidivist(text), mentions, prior_records(text)) == []


def test_two_dated_convictions_told_in_the_recidivism_sentence_leave_the_older_a_record():
    text = (
        "被告人曾于2010年5月因犯诈骗罪被判处有期徒刑一年，2011年5月刑满释放，又于2018年3月因犯盗窃罪被判处有期徒刑一年，"
        "2019年3月刑满释放，系累犯。" + THEFT
    )
    mentions = _record_mentions(text)
    kept = beside_recidivism(text, _recidivist(text), mentions, prior_records(text))
    assert len(mentions) == 2 and kept == [mentions[0]]


def test_a_release_certificate_in_the_evidence_is_no_second_record_beside_an_inferred_recidivism():
    """刑满释放证明 in the list of evidence proves the release of the conviction told first: one conviction, the 累犯's."""
    text = (
        "经审理查明，被告人项某曾因犯抢夺罪于2011年3月被某市某区人民法院判处有期徒刑二年，2013年1月刑满释放。"
        "2014年6月2日晚，被告人项某在某小区撬锁窃得被害人钱某某的电动自行车一辆，经鉴定价值人民币2600元。"
        "上述事实，有被害人陈述、价格鉴定意见、刑满释放证明、被告人供述等证据证实。"
    )
    codes = [c.code for c in extract(text, charges=["盗窃"]).circumstances]
    assert Circumstance.RECIDIVIST.value in codes
    assert Circumstance.PRIOR_RECORD.value not in codes


def test_a_release_told_with_its_own_date_beside_the_recidivisms_stays_a_record():
    text = (
        "经审理查明，被告人项某曾因犯诈骗罪被判处有期徒刑一年，2006年5月刑满释放；又因犯抢夺罪于2011年3月被某市某区人民法院"
        "判处有期徒刑二年，2013年1月刑满释放。2014年6月2日晚，被告人项某在某小区撬锁窃得被害人钱某某的电动自行车一辆，"
        "经鉴定价值人民币2600元。"
    )
    codes = [c.code for c in extract(text, charges=["盗窃"]).circumstances]
    assert Circumstance.RECIDIVIST.value in codes and Circumstance.PRIOR_RECORD.value in codes
