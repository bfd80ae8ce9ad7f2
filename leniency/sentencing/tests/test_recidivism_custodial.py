"""An inferred 累犯 (extraction/recidivism.py) in the calculation: weighed with medium confidence, and only for a new
crime calculated at 有期徒刑 or more (刑法第65条: 再犯应当判处有期徒刑以上刑罚之罪). Fact texts written for these tests."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract

RECORD = (
    "被告人王某，男，1980年5月1日出生。"
    "被告人王某曾因犯盗窃罪于2017年4月被某县人民法院判处有期徒刑二年，2019年4月10日刑满释放。"
)
THEFT = "2022年3月5日晚，被告人王某在某小区窃得电动车一辆，价值人民币3000元。"
MINOR_THEFT = (
    "2022年3月5日晚，被告人王某在某小区窃得电动车一辆，价值人民币1200元。"
    "被告人王某到案后如实供述，已退赃，被害人表示谅解，自愿认罪认罚。"
)


def _steps(calc) -> dict[str, str]:
    return {s.rule_id: s.confidence for s in calc.steps if s.rule_id}


def test_an_inferred_recidivism_is_weighed_with_medium_confidence():
    calc = calculate(extract(RECORD + THEFT, ["盗窃"]))
    assert calc.penalty == "imprisonment"
    assert _steps(calc).get("circ.recidivist") == "medium"
    said = calculate(extract(RECORD + THEFT + "被告人王某系累犯。", ["盗窃"]))
    assert _steps(said).get("circ.recidivist") == "high"  # the word: the rule's own confidence


def test_a_crime_calculated_below_imprisonment_founds_no_recidivism():
    calc = calculate(extract(RECORD + MINOR_THEFT, ["盗窃"]))
    assert calc.penalty == "detention"
    assert "circ.recidivist" not in _steps(calc) and "circ.prior_record" in _steps(calc)
    assert any("不推定累犯" in n for n in calc.notes)
    assert not any(n.startswith("累犯系依刑法第65条推定") for n in calc.notes)
