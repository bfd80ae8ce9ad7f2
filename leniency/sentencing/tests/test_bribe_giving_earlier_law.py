"""行贿 before Amendment 12 (in force 2024-03-01): 刑法第390条第1款 then read 五年以下有期徒刑或者拘役 / 五年以上十年以下 /
十年以上或者无期徒刑 (data/statutes/criminal-law.jsonl); the amendment made it 三年以下 / 三年以上十年以下 / 十年以上
(criminal-law-amendment-12.jsonl, 条目五). Facts that end before the change are placed in the earlier brackets (刑法第12条,
amount_brackets.yaml `earlier_law`); the 2016 interpretation's figures (第七条至第九条: 3万 / 100万 / 500万, with a
情形 of 第七条第二款 1万 / 50万 / 250万) serve both texts. Fact texts written for these tests."""

import pytest

from leniency.sentencing.calculator import calculate
from leniency.sentencing.calculator_thresholds import amount_thresholds
from leniency.sentencing.extract import extract
from leniency.sentencing.facts import CaseFacts
from leniency.sentencing.standards import load_standard
from leniency.sentencing.trace import Trace


def giving(when: str, amount: str) -> str:
    return (
        f"经审理查明，{when}，被告人孙某为承揽某县道路工程，先后多次给予该县交通局局长周某现金共计人民币{amount}，"
        "周某利用职务便利为其谋取不正当利益。"
    )


@pytest.mark.parametrize(
    ("when", "amount", "bracket", "floor"),
    [
        ("2018年3月至2019年5月", "150万元", "5年以上10年以下有期徒刑", 60),  # 情节严重 under the earlier text
        ("2018年3月至2019年5月", "8万元", "5年以下有期徒刑、拘役", 1),
        ("2024年3月至2024年9月", "150万元", "3年以上10年以下有期徒刑", 36),  # after the amendment
    ],
    ids=["2019-1.5m", "2019-80k", "2024-1.5m"],
)
def test_bribe_giving_is_placed_in_the_brackets_of_the_text_in_force(when, amount, bracket, floor):
    calc = calculate(extract(giving(when, amount), charges=["行贿"]))
    assert calc.charges[0].bracket_label == bracket
    assert calc.months >= floor


@pytest.mark.parametrize(
    ("text", "thresholds"),
    [
        (
            "经审理查明，2018年5月，被告人孙某为谋取职务提拔，给予某县委书记现金人民币60万元。",
            [10000, 500000, 2500000],
        ),
        (
            "经审理查明，2018年5月，被告人孙某为承揽工程，给予某局局长现金人民币60万元。",
            [30000, 1000000, 5000000],
        ),
    ],
    ids=["for-promotion", "for-works"],
)
def test_bribes_for_promotion_are_measured_on_the_lower_figures(text, thresholds):
    entry = load_standard().amount_brackets["charges"]["行贿"]
    assert amount_thresholds(entry, CaseFacts(text=text), "行贿", Trace()) == thresholds
