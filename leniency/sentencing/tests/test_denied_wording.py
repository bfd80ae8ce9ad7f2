"""Statutory wording the text denies further back in its clause does not count (calculator_wording.DENIED): a
court that writes 不属于犯罪情节轻微 refuses art. 37's exemption, it does not grant it."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_wording import quote_phrase
from leniency.sentencing.extract import extract

THEFT = (
    "经审理查明，2022年5月3日，被告人王某伙同李某在某超市内盗窃香烟两条，价值人民币1300元。"
    "王某在共同犯罪中起次要作用，系从犯。到案后如实供述，自愿认罪认罚。"
)


def _exempted(text: str) -> bool:
    result = calculate(extract(text, charges=["盗窃"]))
    return any(step.rule_id == "method.exempt" for step in result.steps)


def test_a_minor_crime_the_court_finds_still_exempts_an_accomplice():
    assert _exempted(THEFT + "公诉机关认为其犯罪情节轻微。")


def test_a_minor_crime_the_court_denies_does_not():
    assert not _exempted(THEFT + "但其行为不属于犯罪情节轻微，应予惩处。")
    assert not _exempted(THEFT + "其行为不能认定为犯罪情节轻微。")


def test_a_denial_in_another_clause_leaves_the_phrase():
    assert quote_phrase("其行为不属于累犯，犯罪情节轻微", "情节轻微") is not None
    assert quote_phrase("被告人不属于首犯，其情节严重", "情节严重") is not None
    assert quote_phrase("被告人的行为并不是情节严重", "情节严重") is None
