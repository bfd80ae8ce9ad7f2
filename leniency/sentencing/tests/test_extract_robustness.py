"""Bad input never raises; irrelevant text does not change what is extracted; spans always quote the text."""

from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts

REAL_FACTS = [
    "经审理查明，2010年9月6日至9月29日期间，被告人黎某、曾某采用搭线开车、剪拉等手段在岱山县高X镇辖区内盗窃作案5次，"
    "窃得财物共计价值人民币3940元。案发后被告人曾某被群众当场抓获。本案赃物全部被追回，且大部分已发还失主。",
    "经审理查明：2017年2月至6月期间，被告人王X以帮被害人吴某办理建行洗车VIP业务需要找人打点关系为由，骗取吴某7000元，"
    "又通过微信冒充建行工作人员骗取吴某感谢费1000元，后将赃款挥霍。案发后，被告人王X已将全部赃款8000元退还被害人吴某，"
    "并取得被害人谅解。\n另查明，被告人王X系公安机关电话通知后主动到案。",
    "经大名县公安局物证鉴定室鉴定，席某甲的伤情为轻伤二级，席某丙、席某丁的伤情为轻微伤。被告人当庭自愿认罪。",
    "被当场查获甲基苯丙胺3973.1克。鉴于被告人系累犯，应对其从重处罚；被告人归案后如实供述其罪行，可以从轻处罚。"
    "建议对被告人孔某某判处有期徒刑一年至二年，并处罚金。",
    "经鉴定，李某血液中酒精含量为136.55mg/100ml。被告人自愿认罪认罚并签署具结书，未取得被害人谅解。",
]
# Characters that none of the extraction patterns use and that make no n-gram the charge inference
# knows (山花, 树木, 白云, 江河 … are in statutes or decided cases): text made of them is irrelevant to every fact.
NEUTRAL = "天地风云草木春夏秋冬星光亮红绿鸟鱼虫河湖海松竹梅兰菊桥灯窗门墙"


def without_text(facts: CaseFacts) -> dict:
    data = asdict(facts)
    data.pop("text")
    return data


def spans(facts: CaseFacts):
    for finding in [*facts.amounts, *facts.circumstances, *facts.injuries]:
        if finding.span:
            yield finding.span
    for drug in facts.drugs:
        yield drug.span
    if facts.recommendation:
        yield facts.recommendation.span


@settings(max_examples=60, deadline=None)
@given(base=st.sampled_from(REAL_FACTS), noise=st.text(alphabet=NEUTRAL + "，。\n", max_size=300))
def test_irrelevant_text_appended_does_not_change_the_extracted_facts(base, noise):
    assert without_text(extract(base + "。" + noise)) == without_text(extract(base))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_gives_case_facts_whose_spans_quote_the_text(text):
    facts = extract(text)
    assert isinstance(facts, CaseFacts)
    for span in spans(facts):
        assert text[span.start : span.end] == span.quote


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(
        alphabet="0123456789一二三四五六七八九十百千万元年月日个次起克岁至以上下共计合价值人民币被告人自首谅解未不无建议判处有期徒刑××，。、（）",
        max_size=200,
    )
)
def test_dense_number_and_keyword_soup_never_raises(text):
    facts = extract(text)
    for span in spans(facts):
        assert text[span.start : span.end] == span.quote


def test_empty_text_gives_a_note_not_an_error():
    facts = extract("")
    assert facts.amount_yuan is None and facts.circumstances == []
    assert any("empty" in note for note in facts.notes)


def test_none_gives_a_note_not_an_error():
    assert any("empty" in note for note in extract(None).notes)


def test_english_text_is_reported_as_not_chinese():
    facts = extract("The defendant stole a bicycle worth 2,560 yuan and surrendered.")
    assert facts.amount_yuan is None and facts.circumstances == []
    assert any("not Chinese" in note for note in facts.notes)


def test_charges_and_articles_are_passed_through():
    facts = extract(REAL_FACTS[0], charges=["盗窃"], articles=[264])
    assert facts.charges == ["盗窃"] and facts.articles == [264]
