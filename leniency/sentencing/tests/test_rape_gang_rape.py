"""轮奸 (刑法第236条第3款第(四)项: 二人以上轮奸) needs two or more men: the courts' words 先后强行与 mark it only where the
sentence names another offender. Fact texts written here."""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract


def _rape(text: str):
    calc = calculate(extract(text, ["强奸"]))
    (charge,) = calc.charges
    return calc, charge.bracket_label


def test_one_man_who_rapes_two_women_one_after_the_other_is_not_gang_rape():
    calc, bracket = _rape(
        "经审理查明，2019年7月至8月间，被告人郑某在其租住处，采用暴力、胁迫手段，先后强行与被害人林某、王某发生性关系。"
    )
    assert bracket.startswith("3年以上10年以下")
    assert "crime.rape.basic" in {s.rule_id for s in calc.steps}


def test_two_men_one_after_the_other_is_gang_rape():
    for text in (
        "经审理查明，2019年7月某晚，被告人郑某伙同冯某将被害人林某挟持至郊外，先后强行与林某发生性关系。",
        "经审理查明，2019年7月某晚，被告人郑某、冯某将被害人林某挟持至郊外，先后强行与林某发生性关系。",
        "经审理查明，2019年7月某晚，被告人郑某与冯某将被害人林某挟持至郊外，二人先后与林某发生性关系。",
    ):
        calc, bracket = _rape(text)
        assert bracket.startswith("10年以上"), text
        assert "crime.rape.aggravated" in {s.rule_id for s in calc.steps}
