"""刑法第24条第2款: 对于中止犯，没有造成损害的，应当免除处罚；造成损害的，应当减轻处罚.

Fact texts written for these tests, not taken from any data set.
"""

from leniency.sentencing.calculator import calculate
from leniency.sentencing.extract import extract


def test_a_killing_given_up_without_harm_is_exempt_in_any_bracket():
    calc = calculate(
        extract(
            "经审理查明，被告人冯某欲杀死其妻陈某，持刀追砍陈某，见陈某苦苦哀求，遂主动停手，陈某未受伤。",
            ["故意杀人"],
        )
    )
    assert calc.penalty == "exempt" and calc.months == 0
    assert any(s.rule_id == "method.exempt.discontinuance" for s in calc.steps)


def test_a_killing_given_up_after_harm_is_mitigated_not_exempt():
    calc = calculate(
        extract(
            "经审理查明，被告人冯某欲杀死其妻陈某，持刀捅刺陈某腹部，后主动停手，自己将陈某送往医院救治。"
            "经鉴定，陈某损伤程度为重伤二级。",
            ["故意杀人"],
        )
    )
    assert calc.penalty == "imprisonment" and calc.months < 120
    assert not any(s.rule_id == "method.exempt.discontinuance" for s in calc.steps)
